// Bundles the extension with esbuild into dist/extension.js (vscode stays external) after type-checking it, and
// copies the newslsp.json and newslsp.knowledge.json schemas from the repository into the extension so jsonValidation ships with the .vsix.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

execFileSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', here], { stdio: 'inherit' });

mkdirSync(join(here, 'schemas'), { recursive: true });
for (const schema of ['newslsp.schema.json', 'newslsp.knowledge.schema.json'])
  copyFileSync(join(here, '..', '..', 'schemas', schema), join(here, 'schemas', schema));

await build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
});
console.log(`built dist/extension.js${production ? ' (production)' : ''}`);
