// `node --import ./register.mjs dist/electron/main.js`: main.js's `import 'electron'` gets the stand-in.
import { register } from 'node:module';

register('./resolve.mjs', import.meta.url);
