// The extension's own logic, run from the real bundle (dist/extension.js) with `vscode` replaced by test/fake-vscode.cjs
// and the language client replaced through setClientFactory. The client itself is exercised against the real server
// in server.test.cjs.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { load, context } = require('./fake-vscode.cjs');

const here = path.join(__dirname, '..');
const bundle = path.join(here, 'dist', 'extension.js');
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(here, '..', '..', 'schemas', 'newslsp.schema.json'), 'utf8'));

// Every folder the tests make, and the report folders the extension makes through os.tmpdir(), live in one scratch
// folder that is removed when the tests end: runs left thousands of folders behind in the system's temp folder.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newslsp-vscode-'));
process.env.TMPDIR = scratch;
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function tempDir() {
  return fs.mkdtempSync(path.join(scratch, 'test-'));
}
function touch(file, content = '', mode = 0o644) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode });
  return file;
}
const probe = (env = {}, homedir = tempDir()) => ({
  isFile: p => { try { return fs.statSync(p).isFile(); } catch { return false; } },
  modified: p => fs.statSync(p).mtimeMs,
  env, platform: 'linux', homedir,
});

/** A recording client: start/stop calls, the server options and client options it was built with. */
function recordingFactory({ failStart } = {}) {
  const clients = [];
  const factory = (server, options, onState) => {
    const client = {
      server, options, onState, started: 0, stopped: 0,
      async start() { this.started++; if (failStart) throw new Error(failStart); onState(true); },
      async stop() { this.stopped++; onState(false); },
    };
    clients.push(client);
    return client;
  };
  return { factory, clients };
}

/** A NewsLsp checkout layout with a (fake) Release build, and an articles folder inside it. */
function checkout() {
  const root = tempDir();
  const dll = touch(path.join(root, 'src', 'NewsLsp.Cli', 'bin', 'Release', 'net10.0', 'newslsp.dll'));
  const articles = path.join(root, 'seeds');
  fs.mkdirSync(articles);
  return { root, dll, articles };
}

test('serverSettings: the newslsp section has the shape of newslsp.json; bad values are dropped and named', () => {
  const { extension } = load(bundle);
  assert.deepEqual(extension.serverSettings({ news004: 'Error', NEWS001: 'none', NEWS002: 'loud', NEWS003: 3 }), {
    settings: { rules: { NEWS004: 'error', NEWS001: 'none' } },
    problems: [
      'newslsp.rules.NEWS002: expected one of error, warning, information, hint, none',
      'newslsp.rules.NEWS003: expected one of error, warning, information, hint, none',
    ],
  });
  assert.deepEqual(extension.serverSettings(undefined), { settings: { rules: {} }, problems: [] });
  assert.deepEqual(extension.serverSettings(['NEWS001']).problems, ['newslsp.rules must be an object of rule id to severity']);
});

test('resolveServer: the setting wins; a .dll runs with dotnet, ~ and ${workspaceFolder} are expanded', () => {
  const { extension } = load(bundle);
  const home = tempDir();
  const dll = touch(path.join(home, 'tools', 'newslsp.dll'));
  assert.deepEqual(extension.resolveServer('~/tools/newslsp.dll', [], '/nowhere', probe({}, home)),
    { ok: true, server: { command: 'dotnet', args: [dll], source: 'setting' } });
  const ws = tempDir();
  const exe = touch(path.join(ws, 'bin', 'newslsp'), '', 0o755);
  assert.deepEqual(extension.resolveServer('${workspaceFolder}/bin/newslsp', [ws], '/nowhere', probe()),
    { ok: true, server: { command: exe, args: [], source: 'setting' } });
  const missing = extension.resolveServer('/no/such/newslsp', [ws], '/nowhere', probe());
  assert.equal(missing.ok, false);
  assert.match(missing.message, /newslsp\.server\.path: \/no\/such\/newslsp does not exist/);
});

test('resolveServer: without a setting, the repository build above a workspace folder, then the dotnet tool', () => {
  const { extension } = load(bundle);
  const repo = checkout();
  assert.deepEqual(extension.resolveServer('', [path.join(repo.articles)], '/nowhere', probe()),
    { ok: true, server: { command: 'dotnet', args: [repo.dll], source: 'repository build' } });
  // The extension running from editors/vscode inside a checkout finds that checkout's build too.
  assert.deepEqual(extension.resolveServer('', [tempDir()], path.join(repo.root, 'editors', 'vscode'), probe()).server?.source, 'repository build');

  // With `./newslsp`'s precompiled build there too, the newer of the two: the other predates the last build.
  const published = touch(path.join(repo.root, 'artifacts', 'newslsp', 'newslsp.dll'));
  fs.utimesSync(repo.dll, new Date(2026, 0, 1), new Date(2026, 0, 1));
  assert.deepEqual(extension.resolveServer('', [repo.articles], '/nowhere', probe()).server?.args, [published]);
  fs.utimesSync(published, new Date(2025, 0, 1), new Date(2025, 0, 1));
  assert.deepEqual(extension.resolveServer('', [repo.articles], '/nowhere', probe()).server?.args, [repo.dll]);
  const { modified, ...noTimes } = probe();
  assert.deepEqual(extension.resolveServer('', [repo.articles], '/nowhere', noTimes).server?.args, [published]);

  const bin = tempDir();
  const tool = touch(path.join(bin, 'newslsp'), '', 0o755);
  assert.deepEqual(extension.resolveServer('', [tempDir()], '/nowhere', probe({ PATH: `/nonexistent:${bin}` })),
    { ok: true, server: { command: tool, args: [], source: 'dotnet tool' } });
  const home = tempDir();
  const global = touch(path.join(home, '.dotnet', 'tools', 'newslsp'), '', 0o755);
  assert.deepEqual(extension.resolveServer('', [], '/nowhere', probe({ PATH: '' }, home)).server?.command, global);
  const none = extension.resolveServer('', [tempDir()], '/nowhere', probe({ PATH: '' }));
  assert.equal(none.ok, false);
  assert.match(none.message, /dotnet tool install -g newslsp/);
});

test('activate: registers the declared commands, starts `dotnet newslsp.dll serve` for news-article documents, shows the status', async () => {
  const { vscode, extension } = load(bundle);
  const repo = checkout();
  vscode.setWorkspaceFolders([repo.articles]);
  vscode.settings['newslsp.articleFiles'] = ['**/articles/**/*.md', ''];
  const { factory, clients } = recordingFactory();
  extension.setClientFactory(factory);
  const ctx = context(path.join(repo.root, 'elsewhere'));
  await extension.activate(ctx);

  const declared = manifest.contributes.commands.map(c => c.command).sort();
  assert.deepEqual([...vscode.commandsRegistered.keys()].sort(), declared);
  assert.equal(clients.length, 1);
  const [client] = clients;
  assert.equal(client.started, 1);
  assert.deepEqual(client.server.run, { command: 'dotnet', args: [repo.dll, 'serve'] });
  assert.deepEqual(client.options.documentSelector, [{ language: 'news-article' }, { scheme: 'file', pattern: '**/articles/**/*.md' }]);
  assert.deepEqual(client.options.synchronize, { configurationSection: 'newslsp' });
  assert.equal(vscode.statusBar.text, '$(check) NewsLsp');
  assert.equal(vscode.statusBar.visible, true);
  assert.match(vscode.statusBar.tooltip, /repository build: dotnet .*newslsp\.dll/);
  assert.equal(vscode.statusBar.command, 'newslsp.showOutput');
  assert.ok(ctx.subscriptions.length >= 5, 'disposables are registered with the context');

  // The server dropping the connection shows up in the status bar.
  client.onState(false);
  assert.equal(vscode.statusBar.text, '$(circle-slash) NewsLsp');

  await vscode.commands.executeCommand('newslsp.showOutput');
  assert.equal(vscode.outputShown, 1);
  await extension.deactivate();
  assert.equal(client.stopped, 1);
});

test('workspace/configuration: the newslsp section is answered in newslsp.json shape, other sections pass through', async () => {
  const { vscode, extension } = load(bundle);
  const repo = checkout();
  vscode.setWorkspaceFolders([repo.articles]);
  vscode.settings['newslsp.rules'] = { NEWS004: 'error', news002: 'none', NEWS001: 'bogus' };
  vscode.settings['newslsp.server.path'] = '';
  const { factory, clients } = recordingFactory();
  extension.setClientFactory(factory);
  await extension.activate(context(repo.root));
  const middleware = clients[0].options.middleware.workspace.configuration;
  const params = { items: [{ section: 'editor' }, { section: 'newslsp' }, { scopeUri: 'file:///x' }] };
  const fromVsCode = [{ tabSize: 4 }, { server: { path: '' }, rules: { NEWS004: 'error' } }, null];
  const answer = await middleware(params, undefined, async p => { assert.equal(p, params); return fromVsCode; });
  assert.deepEqual(answer, [{ tabSize: 4 }, { rules: { NEWS004: 'error', NEWS002: 'none' } }, null]);
  assert.ok(vscode.outputLines.some(l => l.includes('newslsp.rules.NEWS001: expected one of')), 'a bad severity is reported in the output');
  await extension.deactivate();
});

test('changing newslsp.server.path or articleFiles restarts the server; changing rules does not', async () => {
  const { vscode, extension } = load(bundle);
  const repo = checkout();
  vscode.setWorkspaceFolders([repo.articles]);
  const { factory, clients } = recordingFactory();
  extension.setClientFactory(factory);
  await extension.activate(context(repo.root));
  vscode.changeSettings({ 'newslsp.rules': { NEWS001: 'error' } });
  await new Promise(r => setImmediate(r));
  assert.equal(clients.length, 1);

  const other = touch(path.join(tempDir(), 'newslsp'), '', 0o755);
  vscode.changeSettings({ 'newslsp.server.path': other });
  for (let i = 0; i < 10 && clients.length < 2; i++) await new Promise(r => setImmediate(r));
  assert.equal(clients.length, 2);
  assert.equal(clients[0].stopped, 1);
  assert.deepEqual(clients[1].server.run, { command: other, args: ['serve'] });

  await vscode.commands.executeCommand('newslsp.restartServer');
  assert.equal(clients.length, 3);
  assert.equal(clients[1].stopped, 1);
  assert.equal(clients[2].started, 1);
  await extension.deactivate();
});

test('no server found: an error message and an error status, and no client', async () => {
  const { vscode, extension } = load(bundle);
  vscode.setWorkspaceFolders([tempDir()]);
  vscode.settings['newslsp.server.path'] = '/no/such/newslsp.dll';
  const { factory, clients } = recordingFactory();
  extension.setClientFactory(factory);
  await extension.activate(context(tempDir()));
  assert.equal(clients.length, 0);
  assert.equal(vscode.statusBar.text, '$(error) NewsLsp');
  assert.equal(vscode.statusBar.backgroundColor?.id, 'statusBarItem.errorBackground');
  assert.match(vscode.errors[0], /\/no\/such\/newslsp\.dll does not exist/);
  await extension.deactivate();
});

test('a server that fails to start: the error is shown and the status says so', async () => {
  const { vscode, extension } = load(bundle);
  const repo = checkout();
  vscode.setWorkspaceFolders([repo.articles]);
  const { factory } = recordingFactory({ failStart: 'spawn dotnet ENOENT' });
  extension.setClientFactory(factory);
  await extension.activate(context(repo.root));
  assert.equal(vscode.statusBar.text, '$(error) NewsLsp');
  assert.deepEqual(vscode.errors, ['NewsLsp: the server failed to start: spawn dotnet ENOENT']);
  await extension.deactivate();
});

/** A stand-in `newslsp` executable (a shell script) for the report command: records its arguments. */
function fakeCli(body) {
  const dir = tempDir();
  const log = path.join(dir, 'args.txt');
  const exe = touch(path.join(dir, 'newslsp'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n${body}\n`, 0o755);
  return { exe, log };
}

test('Open Agreement Report runs `newslsp report <folder> --output <html>` and opens the file it wrote', async () => {
  const { vscode, extension } = load(bundle);
  const ws = tempDir();
  vscode.setWorkspaceFolders([ws]);
  const cli = fakeCli('[ "$1" = report ] && printf "<html>ok</html>" > "$4"');
  vscode.settings['newslsp.server.path'] = cli.exe;
  extension.setClientFactory(recordingFactory().factory);
  await extension.activate(context(tempDir()));
  const report = await vscode.commands.executeCommand('newslsp.openAgreementReport');
  const args = fs.readFileSync(cli.log, 'utf8').trim().split('\n');
  assert.deepEqual(args.slice(0, 3), ['report', ws, '--output']);
  assert.equal(args[3], report);
  assert.match(report, /report\.html$/);
  assert.equal(fs.readFileSync(report, 'utf8'), '<html>ok</html>');
  assert.deepEqual(vscode.opened.map(u => u.fsPath), [report]);
  await extension.deactivate();
});

test('Open Agreement Report: a failing command shows its first stderr line and opens nothing', async () => {
  const { vscode, extension } = load(bundle);
  vscode.setWorkspaceFolders([tempDir()]);
  vscode.settings['newslsp.server.path'] = fakeCli('echo "newslsp: seeds: no articles found" >&2; exit 2').exe;
  extension.setClientFactory(recordingFactory().factory);
  await extension.activate(context(tempDir()));
  assert.equal(await vscode.commands.executeCommand('newslsp.openAgreementReport'), undefined);
  assert.deepEqual(vscode.opened, []);
  assert.deepEqual(vscode.errors, ['NewsLsp: the report failed: newslsp: seeds: no articles found']);
  await extension.deactivate();
});

test('manifest: rule settings, schema and language contributions agree', () => {
  const properties = manifest.contributes.configuration.properties;
  const severity = schema.definitions.severity.enum;
  const schemaRules = Object.keys(schema.properties.rules.properties);
  assert.deepEqual(Object.keys(properties['newslsp.rules'].properties), schemaRules);
  for (const id of schemaRules) assert.deepEqual(properties['newslsp.rules'].properties[id].enum, severity, id);
  assert.deepEqual(manifest.contributes.jsonValidation, [
    { fileMatch: 'newslsp.json', url: './schemas/newslsp.schema.json' },
    { fileMatch: 'newslsp.knowledge.json', url: './schemas/newslsp.knowledge.schema.json' },
  ]);
  for (const { url } of manifest.contributes.jsonValidation) {
    assert.deepEqual(fs.readFileSync(path.join(here, url), 'utf8'), fs.readFileSync(path.join(here, '..', '..', 'schemas', path.basename(url)), 'utf8'), url);
  }
  // The language is opt-in: it claims no file extension, so .txt and .md files stay plaintext/markdown by default.
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'news-article');
  assert.deepEqual(language.extensions, []);
  assert.equal(language.filenamePatterns, undefined);
  assert.ok(manifest.activationEvents.includes('onLanguage:news-article'));
  assert.match(manifest.dependencies['vscode-languageclient'], /^\d+\.\d+\.\d+$/, 'exact pinned version');
  for (const [name, version] of Object.entries(manifest.devDependencies)) assert.match(version, /^\d+\.\d+\.\d+$/, name);
});
