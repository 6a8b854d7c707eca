// `npm start`: the desktop window when the Electron runtime is installed, else the browser host.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtRendererDir, serve } from './browser-host/serve.js';
import { findElectronBinary } from './electron-runtime.js';

const argv = process.argv.slice(2);
const electronBinary = findElectronBinary();
if (electronBinary) {
  const appDir = fileURLToPath(new URL('../../', import.meta.url));
  // Relative paths in argv mean the folder the user ran `npm start` from, not the package's.
  const child = spawn(electronBinary, [appDir, ...argv], { stdio: 'inherit', cwd: process.env.INIT_CWD ?? process.cwd() });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron runtime is not installed (offline installs cannot download it), so the app is served in your browser instead.');
  await serve(argv, builtRendererDir());
}
