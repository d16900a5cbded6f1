// The client side against the REAL `newslsp serve`: the server is found the way the extension finds it
// (resolveServer from dist/extension.js), spoken to through the protocol layer that vscode-languageclient 9 is built
// on (its own copy of vscode-languageserver-protocol), with VS Code's capabilities, and workspace/configuration is
// answered by the extension's own answerConfiguration from the (fake) VS Code settings.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { load } = require('./fake-vscode.cjs');

const here = path.join(__dirname, '..');
const repo = path.join(here, '..', '..');
const rpc = require(require.resolve('vscode-languageserver-protocol/node', { paths: [path.dirname(require.resolve('vscode-languageclient/package.json'))] }));

function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newslsp-vscode-e2e-'));
  for (const name of fs.readdirSync(path.join(repo, 'seeds'))) fs.copyFileSync(path.join(repo, 'seeds', name), path.join(dir, name));
  return dir;
}

// What vscode-languageclient 9 announces for the features this test uses (trimmed to them).
const capabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, diagnostics: { refreshSupport: true } },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
  window: { workDoneProgress: true },
};

test('the extension\'s server command and settings against the real server: severities from newslsp.rules, live changes, hover and definition', { timeout: 120000 }, async () => {
  const { vscode, extension } = load(path.join(here, 'dist', 'extension.js'));
  const dir = workspace();
  vscode.setWorkspaceFolders([dir]);
  vscode.settings['newslsp.rules'] = { NEWS004: 'error', news002: 'none' };

  // The seeds copy is outside the repository: the server is found from the extension's own location.
  const resolution = extension.resolveServer('', [dir], here, {
    isFile: p => { try { return fs.statSync(p).isFile(); } catch { return false; } }, env: { PATH: '' }, platform: process.platform, homedir: os.tmpdir(),
  });
  assert.equal(resolution.ok, true, resolution.message);
  assert.equal(resolution.server.source, 'repository build');
  const child = spawn(resolution.server.command, [...resolution.server.args, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', d => { stderr += d; });
  const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const asked = [];
  connection.onRequest(rpc.ConfigurationRequest.type, params => {
    asked.push(params.items.map(i => i.section));
    return extension.answerConfiguration(params.items, () => null);
  });
  connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => null);
  connection.onRequest(rpc.RegistrationRequest.type, () => null);
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
  connection.onNotification(rpc.LogMessageNotification.type, () => {});
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, () => {});
  connection.onNotification('$/progress', () => {});
  connection.listen();

  try {
    const init = await connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'seeds' }],
      clientInfo: { name: 'Visual Studio Code (test)', version: '1.82.0' },
    });
    assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics are offered to a client that supports them');
    connection.sendNotification(rpc.InitializedNotification.type, {});

    const name = '004_e53c9e50c8586f4d.txt';
    const uri = pathToFileURL(path.join(dir, name)).href;
    connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: extension.LANGUAGE_ID, version: 1, text: fs.readFileSync(path.join(dir, name), 'utf8') },
    });
    const pull = async () => (await connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } })).items;
    const until = async (what, predicate) => {
      const deadline = Date.now() + 30000;
      for (;;) {
        const items = await pull();
        if (predicate(items)) return items;
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: ${JSON.stringify(items.map(d => [d.code, d.severity]))}\n${stderr}`);
        await new Promise(r => setTimeout(r, 200));
      }
    };
    const severityOf = (items, code) => items.find(d => d.code === code)?.severity;

    let items = await until('NEWS004 as an error', i => severityOf(i, 'NEWS004') === rpc.DiagnosticSeverity.Error);
    assert.ok(asked.some(sections => sections.includes('newslsp')), `the server asked for the newslsp section: ${JSON.stringify(asked)}`);
    assert.equal(items.filter(d => d.code === 'NEWS004').length, 2);
    assert.equal(severityOf(items, 'NEWS002'), undefined, 'news002: none turned the rule off');

    // The user changes the setting: vscode-languageclient sends didChangeConfiguration; the server pulls again.
    vscode.changeSettings({ 'newslsp.rules': { NEWS004: 'hint' } });
    const before = asked.length;
    connection.sendNotification(rpc.DidChangeConfigurationNotification.type, { settings: { newslsp: { rules: { NEWS004: 'hint' } } } });
    items = await until('NEWS004 as a hint', i => severityOf(i, 'NEWS004') === rpc.DiagnosticSeverity.Hint);
    assert.ok(asked.length > before, 'the server pulled the settings again');
    assert.equal(severityOf(items, 'NEWS002'), rpc.DiagnosticSeverity.Information, 'NEWS002 is back at its default');

    // Entity features the client registers from the server's capabilities: hover and go to definition on
    // "Zelenskyy" at the start of line 4 of seed 002 (first full-name mention: "Volodymyr Zelenskyy", line 2).
    assert.ok(init.capabilities.hoverProvider, 'hoverProvider');
    assert.ok(init.capabilities.definitionProvider, 'definitionProvider');
    const name002 = '002_a8f9b7003806acf8.txt';
    const uri002 = pathToFileURL(path.join(dir, name002)).href;
    const text002 = fs.readFileSync(path.join(dir, name002), 'utf8');
    connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: uri002, languageId: extension.LANGUAGE_ID, version: 1, text: text002 } });
    const position = { line: 3, character: 2 };
    const hover = await connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: uri002 }, position });
    const hoverText = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
    assert.match(hoverText, /\(PER\)/);
    assert.match(hoverText, /Volodymyr Zelenskyy/);
    const definition = await connection.sendRequest(rpc.DefinitionRequest.type, { textDocument: { uri: uri002 }, position });
    const target = Array.isArray(definition) ? definition[0] : definition;
    const range = target.range ?? target.targetSelectionRange;
    assert.equal(target.uri ?? target.targetUri, uri002);
    const line = text002.split('\n')[range.start.line];
    assert.equal(line.slice(range.start.character, range.end.character), 'Volodymyr Zelenskyy');
    assert.equal(range.start.line, 1);

    await connection.sendRequest(rpc.ShutdownRequest.type);
    connection.sendNotification(rpc.ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
