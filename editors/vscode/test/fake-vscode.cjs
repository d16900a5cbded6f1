// A small stand-in for the `vscode` module, installed at the module boundary (require('vscode')) so that the real
// bundle dist/extension.js runs unchanged. It records what the extension does: commands, status bar, messages.
'use strict';
const Module = require('module');
const path = require('path');

class Emitter {
  constructor() { this.listeners = []; }
  event = listener => { this.listeners.push(listener); return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } }; };
  fire(value) { for (const l of [...this.listeners]) l(value); }
}

function createFake() {
  const settings = {};
  const configurationChanged = new Emitter();
  const fake = {
    settings,
    commandsRegistered: new Map(),
    errors: [],
    opened: [],
    outputLines: [],
    outputShown: 0,
    statusBar: undefined,
    StatusBarAlignment: { Left: 1, Right: 2 },
    ThemeColor: class ThemeColor { constructor(id) { this.id = id; } },
    Uri: {
      file: p => ({ scheme: 'file', fsPath: path.resolve(p), path: path.resolve(p), toString: () => 'file://' + path.resolve(p) }),
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration(section) {
        return {
          get(key, defaultValue) {
            const full = section ? `${section}.${key}` : key;
            return Object.prototype.hasOwnProperty.call(settings, full) ? settings[full] : defaultValue;
          },
        };
      },
      onDidChangeConfiguration: configurationChanged.event,
    },
    window: {
      createOutputChannel(name) {
        return { name, appendLine: l => fake.outputLines.push(l), append: l => fake.outputLines.push(l), show: () => { fake.outputShown++; }, dispose() {} };
      },
      createStatusBarItem(alignment, priority) {
        fake.statusBar = { alignment, priority, text: '', tooltip: '', visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
        return fake.statusBar;
      },
      showErrorMessage: async message => { fake.errors.push(message); return undefined; },
    },
    commands: {
      registerCommand(id, callback) {
        if (fake.commandsRegistered.has(id)) throw new Error(`command ${id} already registered`);
        fake.commandsRegistered.set(id, callback);
        return { dispose: () => fake.commandsRegistered.delete(id) };
      },
      executeCommand: async (id, ...args) => {
        const callback = fake.commandsRegistered.get(id);
        if (!callback) throw new Error(`command ${id} not found`);
        return callback(...args);
      },
    },
    env: { openExternal: async uri => { fake.opened.push(uri); return true; } },
    /** Simulates the user changing settings: updates them and fires onDidChangeConfiguration for the changed keys. */
    changeSettings(changes) {
      Object.assign(settings, changes);
      const keys = Object.keys(changes);
      configurationChanged.fire({ affectsConfiguration: s => keys.some(k => k === s || k.startsWith(s + '.')) });
    },
    setWorkspaceFolders(folders) {
      fake.workspace.workspaceFolders = folders.map((f, index) => ({ uri: fake.Uri.file(f), name: path.basename(f), index }));
    },
  };
  return fake;
}

let current = createFake();
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return current;
  return originalLoad.call(this, request, parent, isMain);
};

/** A fresh fake and a freshly loaded copy of the extension bundle. */
function load(bundle) {
  current = createFake();
  delete require.cache[require.resolve(bundle)];
  const extension = require(bundle);
  return { vscode: current, extension };
}

function context(extensionPath) {
  return { subscriptions: [], extensionPath, extensionUri: current.Uri.file(extensionPath) };
}

module.exports = { load, context };
