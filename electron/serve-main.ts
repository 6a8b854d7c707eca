import { builtRendererDir, serve } from './browser-host/serve.js';

await serve(process.argv.slice(2), builtRendererDir());
