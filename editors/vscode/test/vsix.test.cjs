// The packaged newslsp.vsix (made by `npm run package` before the tests): a zip with the bundle, the manifest and
// the schema, and nothing else of the source tree. Read with a minimal zip reader (central directory + inflate).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const here = path.join(__dirname, '..');
const vsix = path.join(here, 'newslsp.vsix');

function readZip(file) {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28), extraLength = buf.readUInt16LE(offset + 30), commentLength = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + compressed);
    entries.set(name, () => (method === 8 ? zlib.inflateRawSync(raw) : raw));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

test('the .vsix exists and holds the production bundle, the manifest and both JSON schemas', () => {
  assert.ok(fs.existsSync(vsix), `${vsix} (run npm run package first)`);
  const entries = readZip(vsix);
  for (const name of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js', 'extension/schemas/newslsp.schema.json', 'extension/schemas/newslsp.knowledge.schema.json', 'extension/language-configuration.json'])
    assert.ok(entries.has(name), name);
  assert.deepEqual(JSON.parse(entries.get('extension/package.json')().toString('utf8')).contributes,
    JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8')).contributes);
  assert.ok(entries.get('extension/dist/extension.js')().equals(fs.readFileSync(path.join(here, 'dist', 'extension.js'))), 'the bundle in the .vsix is dist/extension.js');
  for (const schema of ['newslsp.schema.json', 'newslsp.knowledge.schema.json'])
    assert.ok(entries.get(`extension/schemas/${schema}`)().equals(fs.readFileSync(path.join(here, '..', '..', 'schemas', schema))), schema);
  const manifest = entries.get('extension.vsixmanifest')().toString('utf8');
  assert.match(manifest, /Id="newslsp"/);
  assert.match(manifest, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.82\.0"/);
});

test('the .vsix ships no sources, tests or node_modules: the bundle is self-contained', () => {
  const names = [...readZip(vsix).keys()];
  assert.deepEqual(names.filter(n => /\/(src|test|node_modules|scripts)\//.test(n) || n.endsWith('.ts') || n.endsWith('.map')), []);
  const bundle = fs.readFileSync(path.join(here, 'dist', 'extension.js'), 'utf8');
  // vscode-languageclient is inlined; only `vscode` (provided by the editor) stays a runtime require.
  assert.ok(bundle.includes('vscode-languageclient') || bundle.includes('LanguageClient'), 'the client is bundled');
  const requires = new Set([...bundle.matchAll(/require\("([^"./][^"]*)"\)/g)].map(m => m[1]));
  const builtins = new Set(require('module').builtinModules);
  assert.deepEqual([...requires].filter(r => !builtins.has(r) && !r.startsWith('node:')), ['vscode']);
});
