// Finding the `newslsp` server to start. Pure apart from the file-system probe passed in, so it is tested without VS Code.
import * as path from 'path';
import * as os from 'os';

/**
 * The repository's builds of the server, relative to its root: what `./newslsp` publishes (precompiled, so the
 * server starts and answers its first requests without JIT compilation) and what `dotnet build -c Release` makes.
 */
export const REPO_BUILDS = [
  path.join('artifacts', 'newslsp', 'newslsp.dll'),
  path.join('src', 'NewsLsp.Cli', 'bin', 'Release', 'net10.0', 'newslsp.dll'),
];

export interface ServerCommand {
  command: string;
  args: string[];
  /** Where it came from, shown in the status bar tooltip and the output channel. */
  source: 'setting' | 'repository build' | 'dotnet tool';
}

export interface Probe {
  isFile(p: string): boolean;
  /** Last modification time in ms; without it the first build found is taken. */
  modified?(p: string): number;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homedir: string;
}

export const realProbe = (fs: typeof import('fs')): Probe => ({
  isFile: p => { try { return fs.statSync(p).isFile(); } catch { return false; } },
  modified: p => { try { return fs.statSync(p).mtimeMs; } catch { return 0; } },
  env: process.env,
  platform: process.platform,
  homedir: os.homedir(),
});

/** Expands `~` and `${workspaceFolder}` (the first folder) in a configured path. */
export function expandPath(configured: string, workspaceFolders: readonly string[], homedir: string): string {
  let p = configured.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) p = path.join(homedir, p.slice(1));
  if (workspaceFolders.length > 0) p = p.split('${workspaceFolder}').join(workspaceFolders[0]);
  return p;
}

/** A `.dll` runs with `dotnet`; anything else is an executable. */
export function commandFor(file: string, extraArgs: string[], source: ServerCommand['source']): ServerCommand {
  return file.toLowerCase().endsWith('.dll')
    ? { command: 'dotnet', args: [file, ...extraArgs], source }
    : { command: file, args: extraArgs, source };
}

/**
 * The repository build above any of the given folders (a workspace inside a NewsLsp checkout), or undefined. With
 * both builds there, the newer one: the other was made before the last change to the sources someone built.
 */
export function findRepositoryBuild(folders: readonly string[], probe: Probe): string | undefined {
  for (const folder of folders) {
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
      const found = REPO_BUILDS.map(build => path.join(dir, build)).filter(candidate => probe.isFile(candidate));
      if (found.length > 0) {
        const modified = probe.modified;
        return modified ? found.reduce((newest, candidate) => (modified(candidate) > modified(newest) ? candidate : newest)) : found[0];
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/** `newslsp` on PATH, or in the default dotnet global tool folder. */
export function findOnPath(probe: Probe): string | undefined {
  const names = probe.platform === 'win32' ? ['newslsp.exe', 'newslsp.cmd'] : ['newslsp'];
  const pathVar = probe.env.PATH ?? probe.env.Path ?? '';
  const dirs = pathVar.split(probe.platform === 'win32' ? ';' : ':').filter(d => d.length > 0);
  dirs.push(path.join(probe.homedir, '.dotnet', 'tools'));
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (probe.isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

export type Resolution = { ok: true; server: ServerCommand } | { ok: false; message: string };

/**
 * The `newslsp` command (add `serve` for the language server, `report` for the report), in order: the `newslsp.server.path` setting; the Release build of the NewsLsp repository
 * that contains a workspace folder (or this extension, when it runs from editors/vscode in the repository);
 * the `newslsp` dotnet tool.
 */
export function resolveServer(setting: string, workspaceFolders: readonly string[], extensionPath: string, probe: Probe): Resolution {
  const args: string[] = [];
  if (setting.trim().length > 0) {
    const file = expandPath(setting, workspaceFolders, probe.homedir);
    if (!probe.isFile(file)) {
      return { ok: false, message: `newslsp.server.path: ${file} does not exist. Build the server (dotnet build src/NewsLsp.Cli -c Release) or install it (dotnet tool install -g newslsp).` };
    }
    return { ok: true, server: commandFor(file, args, 'setting') };
  }
  const build = findRepositoryBuild([...workspaceFolders, extensionPath], probe);
  if (build) return { ok: true, server: commandFor(build, args, 'repository build') };
  const tool = findOnPath(probe);
  if (tool) return { ok: true, server: commandFor(tool, args, 'dotnet tool') };
  return {
    ok: false,
    message: 'Cannot find the newslsp server: install it with `dotnet tool install -g newslsp`, build this repository (`./newslsp rules` builds it), or set newslsp.server.path.',
  };
}
