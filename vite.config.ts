import { defineConfig } from 'vite';

// Relative asset paths so the same build loads from file:// in Electron and from the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The app icon doubles as the favicon and as the desktop window's icon (dist/renderer/icon.png).
  publicDir: '../assets',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
