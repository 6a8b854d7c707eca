// `npm start`: the desktop window (installing Electron's runtime on the first start), else the
// browser host. The decisions live in desktop/launcher/launch.ts.
import { fileURLToPath } from 'node:url';
import { builtRendererDir, serve } from './browser/serve.js';
import { launch } from './desktop/launcher/launch.js';

const result = await launch({
  argv: process.argv.slice(2),
  env: process.env,
  appDir: fileURLToPath(new URL('../../', import.meta.url)),
  requireFrom: import.meta.url,
  stdout: process.stdout,
  stderr: process.stderr,
});
if (result.host === 'browser') await serve(result.argv, builtRendererDir());
else process.exit(result.exitCode);
