// `npm start`: build and launch the desktop app. Where the Electron binary cannot be downloaded
// (offline machines, closed networks), stop with a clear message instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary) {
  console.log('Fetching the Electron runtime (first start only)…');
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  binary = electronBinary();
  if (!binary) {
    const reason = `${install.stderr ?? ''}${install.stdout ?? ''}`.trim().split('\n').pop() || 'no response';
    console.error(`(download failed: ${reason})`);
  }
}
if (!binary) {
  console.error(`
The Electron runtime could not be downloaded, so the desktop window cannot open on this machine
(it needs internet access once, to github.com, or a copy in ELECTRON_OVERRIDE_DIST_PATH).

You can use TVET Inspector in your browser instead — same app, same data folder:

    npm run start:browser

Or install a packaged build (AppImage, .deb or Windows installer) made with \`npm run dist\`.`);
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
