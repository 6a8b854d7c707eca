import { builtRendererDir, serve } from './serve.js';

await serve(process.argv.slice(2), builtRendererDir());
