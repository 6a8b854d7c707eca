import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

// The page's favicon (renderer/index.html) and the desktop window's icon (main.ts reads
// dist/renderer/icon.png). Nothing else from assets/: the rest is electron-builder's build input.
const APP_ICONS = ['icon.svg', 'icon.png'];

function appIcons(): Plugin {
  return {
    name: 'annotator-app-icons',
    apply: 'build',
    generateBundle() {
      for (const fileName of APP_ICONS) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(new URL(`./assets/${fileName}`, import.meta.url)) });
      }
    },
  };
}

// Relative asset paths so the same build loads from file:// in Electron and from the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  // Not '../assets': that would copy installer.nsh, the entitlements, the AppArmor profile and
  // the Linux icon set into dist/renderer, and so into app.asar and onto app://.
  publicDir: false,
  plugins: [appIcons()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
