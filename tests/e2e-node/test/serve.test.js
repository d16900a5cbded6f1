// End-to-end: the real `newslsp serve` process driven by an independent client (vscode-languageserver-protocol).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-languageserver-protocol/node');

const repo = path.resolve(__dirname, '..', '..', '..');
const serverDll = process.env.NEWSLSP_SERVER || path.join(repo, 'src', 'NewsLsp.Cli', 'bin', 'Release', 'net10.0', 'newslsp.dll');

function copySeeds() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newslsp-e2e-'));
  for (const name of fs.readdirSync(path.join(repo, 'seeds'))) {
    fs.copyFileSync(path.join(repo, 'seeds', name), path.join(dir, name));
  }
  return dir;
}

function start(workspace, capabilities) {
  const child = spawn('dotnet', [serverDll, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = [];
  const waiters = [];
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const w of [...waiters]) if (w.match(params)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(params); }
  });
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
  connection.onRequest(rpc.RegistrationRequest.type, () => null);
  connection.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => null);
  connection.onNotification(rpc.LogMessageNotification.type, () => {});
  connection.onNotification('$/progress', () => {});
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const waitPublished = (match, ms = 20000) => {
    const found = published.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for publishDiagnostics; stderr:\n' + stderr)), ms);
      waiters.push({ match, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  };
  const initialize = () => connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'seeds' }],
  });
  return { child, connection, exited, waitPublished, initialize, stderr: () => stderr };
}

const uriOf = (dir, name) => pathToFileURL(path.join(dir, name)).href;

test('push diagnostics: open a seed, edit it, receive fresh diagnostics, shut down with exit code 0', async () => {
  const dir = copySeeds();
  const server = start(dir, {
    window: { workDoneProgress: true },
    workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true },
    textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
  });
  try {
    const init = await server.initialize();
    assert.equal(init.capabilities.textDocumentSync.change, rpc.TextDocumentSyncKind.Incremental);
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'a push client is not offered pull diagnostics');
    server.connection.sendNotification(rpc.InitializedNotification.type, {});

    // An unopened seed is diagnosed by the workspace scan: 002 carries a newsletter promo line (NEWS003).
    const seed = '002_a8f9b7003806acf8.txt';
    const uri = uriOf(dir, seed);
    const scanned = await server.waitPublished((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'NEWS003'));
    const promo = scanned.diagnostics.find((d) => d.code === 'NEWS003');
    assert.equal(promo.source, 'newslsp');
    assert.match(promo.codeDescription.href, /NEWS003\.md$/);

    const text = fs.readFileSync(path.join(dir, seed), 'utf8');
    server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text },
    });
    // Delete the promotional line with an incremental edit: its diagnostic goes away, at version 2.
    server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: promo.range.start, end: { line: promo.range.end.line + 1, character: 0 } }, text: '' }],
    });
    const fixed = await server.waitPublished((p) => p.uri === uri && p.version === 2);
    assert.ok(!fixed.diagnostics.some((d) => d.code === 'NEWS003'), JSON.stringify(fixed.diagnostics));

    await server.connection.sendRequest(rpc.ShutdownRequest.type);
    server.connection.sendNotification(rpc.ExitNotification.type);
    assert.equal(await server.exited, 0);
  } finally {
    server.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('pull diagnostics: document and workspace reports, unchanged result ids, exit code 0', async () => {
  const dir = copySeeds();
  const server = start(dir, {
    textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
    workspace: { diagnostics: { refreshSupport: true } },
  });
  try {
    const init = await server.initialize();
    assert.equal(init.capabilities.diagnosticProvider.interFileDependencies, true);
    assert.equal(init.capabilities.diagnosticProvider.workspaceDiagnostics, true);
    server.connection.sendNotification(rpc.InitializedNotification.type, {});

    const uri = uriOf(dir, 'scratch.txt');
    server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: 'Titolo\n\nIl testo finisce qui.' },
    });
    const clean = await server.connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(clean.kind, 'full');
    assert.deepEqual(clean.items, []);

    // The edit and the pull are sent back to back: the pull must see the edit.
    server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 20 }, end: { line: 2, character: 21 } }, text: ' e poi' }],
    });
    const truncated = await server.connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: clean.resultId });
    assert.equal(truncated.kind, 'full');
    assert.deepEqual(truncated.items.map((d) => d.code), ['NEWS005']);
    const unchanged = await server.connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: truncated.resultId });
    assert.equal(unchanged.kind, 'unchanged');

    // Wait until the scan has loaded the seeds, then ask for the whole workspace.
    let report;
    for (let i = 0; i < 100; i++) {
      report = await server.connection.sendRequest(rpc.WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
      if (report.items.length >= 6) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(report.items.length, 6, JSON.stringify(report.items.map((i) => i.uri)));
    const seed = report.items.find((i) => i.uri === uriOf(dir, '002_a8f9b7003806acf8.txt'));
    assert.equal(seed.version, null);
    assert.ok(seed.items.some((d) => d.code === 'NEWS003'));

    await server.connection.sendRequest(rpc.ShutdownRequest.type);
    server.connection.sendNotification(rpc.ExitNotification.type);
    assert.equal(await server.exited, 0);
  } finally {
    server.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('errors: a request before initialize is rejected with ServerNotInitialized; exit without shutdown is 1', async () => {
  const dir = copySeeds();
  const server = start(dir, {});
  try {
    await assert.rejects(
      server.connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(dir, 'x.txt') } }),
      (err) => err.code === -32002,
    );
    await server.initialize();
    await assert.rejects(server.connection.sendRequest('newslsp/doesNotExist', {}), (err) => err.code === -32601);
    server.connection.sendNotification(rpc.ExitNotification.type);
    assert.equal(await server.exited, 1);
  } finally {
    server.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
