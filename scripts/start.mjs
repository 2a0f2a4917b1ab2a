// `npm start`: the desktop app when Electron's binary is present; otherwise the web twin, with one line saying why.
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';

register();
const { findElectronBinary } = await import('./electron-binary.ts');
const electron = findElectronBinary();
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (electron.available) {
  process.exitCode = run('npx', ['electron-vite', 'preview']);
} else {
  console.log(`Starting the web twin instead of the desktop app: ${electron.reason}.`);
  console.log('Open the URL printed below in a browser. Stop with Ctrl+C.');
  process.exitCode = run('npm', ['run', 'web']);
}
