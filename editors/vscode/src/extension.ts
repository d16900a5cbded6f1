// The NewsLsp extension: starts `newslsp serve`, forwards the `newslsp` settings, and adds a status bar item and commands.
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFile } from 'child_process';
import type { LanguageClient, LanguageClientOptions, ServerOptions, DocumentSelector } from 'vscode-languageclient/node';
import { resolveServer, realProbe, ServerCommand } from './server';
import { serverSettings, reportArguments } from './settings';

export { resolveServer, serverSettings, reportArguments };
export const LANGUAGE_ID = 'news-article';
const SECTION = 'newslsp';

/** What the extension needs of a language client; the real one is vscode-languageclient's LanguageClient. */
export interface Client {
  start(): Promise<void>;
  stop(): Promise<void>;
}
export type ClientFactory = (server: ServerOptions, options: LanguageClientOptions, onState: (running: boolean) => void) => Client;

const languageClientFactory: ClientFactory = (server, options, onState) => {
  // Loaded lazily so that the module-level code of the client runs only when a server is actually started.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { LanguageClient: Impl, State } = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
  const client: LanguageClient = new Impl('newslsp', 'NewsLsp', server, options);
  client.onDidChangeState(e => onState(e.newState === State.Running));
  return client;
};
let clientFactory: ClientFactory = languageClientFactory;

/** For the tests: replaces the language client (the rest of the extension is the real code). */
export function setClientFactory(factory: ClientFactory | undefined): void {
  clientFactory = factory ?? languageClientFactory;
}

/** The document selector: news-article documents, plus files matching `newslsp.articleFiles`. */
export function documentSelector(articleFiles: readonly string[]): DocumentSelector {
  return [
    { language: LANGUAGE_ID },
    ...articleFiles.filter(p => typeof p === 'string' && p.trim().length > 0).map(pattern => ({ scheme: 'file', pattern })),
  ];
}

/**
 * Answers workspace/configuration: the `newslsp` section in the shape of newslsp.json, anything else from VS Code.
 */
export function answerConfiguration(items: readonly { section?: string }[], fallback: (index: number) => unknown): unknown[] {
  return items.map((item, index) => {
    if (item.section === SECTION) {
      const { settings, problems } = serverSettings(vscode.workspace.getConfiguration(SECTION).get('rules'));
      for (const problem of problems) state?.output.appendLine(`settings: ${problem}`);
      return settings;
    }
    return fallback(index);
  });
}

type Status = 'starting' | 'running' | 'stopped' | 'error';

class Extension {
  client: Client | undefined;
  server: ServerCommand | undefined;
  status: Status = 'stopped';
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
    readonly statusBar: vscode.StatusBarItem,
  ) {}

  setStatus(status: Status, detail?: string): void {
    this.status = status;
    const icon = { starting: '$(sync~spin)', running: '$(check)', stopped: '$(circle-slash)', error: '$(error)' }[status];
    this.statusBar.text = `${icon} NewsLsp`;
    const where = this.server ? `\n${this.server.source}: ${[this.server.command, ...this.server.args].join(' ')}` : '';
    this.statusBar.tooltip = `NewsLsp server: ${status}${detail ? ` — ${detail}` : ''}${where}\nClick to show the output.`;
    this.statusBar.backgroundColor = status === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.statusBar.show();
  }

  workspaceFolders(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
  }

  resolve() {
    const setting = vscode.workspace.getConfiguration(SECTION).get<string>('server.path') ?? '';
    return resolveServer(setting, this.workspaceFolders(), this.context.extensionPath, realProbe(fs));
  }

  async start(): Promise<void> {
    const resolution = this.resolve();
    if (!resolution.ok) {
      this.server = undefined;
      this.output.appendLine(resolution.message);
      this.setStatus('error', resolution.message);
      void vscode.window.showErrorMessage(resolution.message);
      return;
    }
    this.server = resolution.server;
    this.output.appendLine(`starting ${this.server.source}: ${[this.server.command, ...this.server.args, 'serve'].join(' ')}`);
    this.setStatus('starting');
    const run = { command: this.server.command, args: [...this.server.args, 'serve'] };
    const articleFiles = vscode.workspace.getConfiguration(SECTION).get<string[]>('articleFiles') ?? [];
    const options: LanguageClientOptions = {
      documentSelector: documentSelector(articleFiles),
      outputChannel: this.output,
      synchronize: { configurationSection: SECTION },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const fromVsCode = await next(params, token);
            if (!Array.isArray(fromVsCode)) return fromVsCode;
            return answerConfiguration(params.items, index => fromVsCode[index]);
          },
        },
      },
    };
    const client = clientFactory({ run, debug: run }, options, running => {
      if (running) this.setStatus('running');
      else if (this.status === 'running') this.setStatus('stopped');
    });
    this.client = client;
    try {
      await client.start();
      this.setStatus('running');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.output.appendLine(`the server failed to start: ${message}`);
      this.setStatus('error', message);
      void vscode.window.showErrorMessage(`NewsLsp: the server failed to start: ${message}`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try { await client.stop(); } catch (error) { this.output.appendLine(`stopping the server: ${String(error)}`); }
    }
    this.setStatus('stopped');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Runs `newslsp report` on the first workspace folder into a temporary HTML file and opens it. */
  async openReport(): Promise<string | undefined> {
    const folders = this.workspaceFolders();
    if (folders.length === 0) {
      void vscode.window.showErrorMessage('NewsLsp: open a folder of articles to make its agreement report.');
      return undefined;
    }
    const resolution = this.resolve();
    if (!resolution.ok) {
      void vscode.window.showErrorMessage(resolution.message);
      return undefined;
    }
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newslsp-report-')), 'report.html');
    const template = vscode.workspace.getConfiguration(SECTION).get<string[]>('report.arguments') ?? ['report', '${workspaceFolder}', '--output', '${output}'];
    const args = [...resolution.server.args, ...reportArguments(template, folders[0], output)];
    this.output.appendLine(`report: ${[resolution.server.command, ...args].join(' ')}`);
    const result = await new Promise<{ code: number; stderr: string }>(resolve => {
      execFile(resolution.server.command, args, { cwd: folders[0], timeout: 5 * 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        const exit = (error as { code?: unknown } | null)?.code;
        const code = error ? (typeof exit === 'number' ? exit : 2) : 0;
        resolve({ code, stderr: String(stderr ?? (error ? error.message : '')) });
      });
    });
    if (result.code !== 0 || !fs.existsSync(output)) {
      const message = result.stderr.trim().split('\n')[0] || `exit code ${result.code}, no report written`;
      this.output.appendLine(`report failed: ${result.stderr.trim()}`);
      void vscode.window.showErrorMessage(`NewsLsp: the report failed: ${message}`);
      return undefined;
    }
    await vscode.env.openExternal(vscode.Uri.file(output));
    return output;
  }
}

let state: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('NewsLsp');
  const statusBar = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  statusBar.name = 'NewsLsp';
  statusBar.command = 'newslsp.showOutput';
  const extension = new Extension(context, output, statusBar);
  state = extension;
  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('newslsp.restartServer', () => extension.restart()),
    vscode.commands.registerCommand('newslsp.openAgreementReport', () => extension.openReport()),
    vscode.commands.registerCommand('newslsp.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(e => {
      // Rule severities reach the running server through workspace/didChangeConfiguration; these need a new process.
      if (e.affectsConfiguration('newslsp.server.path') || e.affectsConfiguration('newslsp.articleFiles')) void extension.restart();
    }),
  );
  await extension.start();
}

export async function deactivate(): Promise<void> {
  const extension = state;
  state = undefined;
  await extension?.stop();
}
