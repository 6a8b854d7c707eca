#!/usr/bin/env node
// Renders assets/icon.svg to PNGs with headless Chromium (via playwright-core):
//   assets/icon.png            512x512, used by electron-builder for macOS/Windows, and (with
//                              icon.svg) copied into dist/renderer by vite.config.ts for the window
//   assets/icons/<n>x<n>.png   the Linux icon set (electron-builder reads the size from the name)
//
// Usage: node scripts/draw-icon.mjs   (or: npm run icon)
// Env:   CHROMIUM_PATH overrides the browser executable (default /usr/bin/chromium).

import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');
const svgPath = path.join(assets, 'icon.svg');
const linuxSizes = [16, 32, 48, 64, 128, 256, 512];
const mainSize = 512;

/** Returns the SVG markup with its outer width/height forced to `size` pixels. */
function sizedSvg(svg, size) {
  return svg.replace(/<svg\b([^>]*)>/, (_whole, attrs) => {
    const cleaned = attrs.replace(/\s(width|height)="[^"]*"/g, '');
    return `<svg${cleaned} width="${size}" height="${size}">`;
  });
}

function pageHtml(svg, size) {
  return `<!doctype html>
<html><head><meta charset="utf-8">
<style>
  html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
  svg { display: block; width: ${size}px; height: ${size}px; }
</style></head>
<body>${sizedSvg(svg, size)}</body></html>`;
}

async function main() {
  const svg = await readFile(svgPath, 'utf8');
  if (!/<svg\b/.test(svg)) throw new Error(`${svgPath} does not look like an SVG file`);

  const browser = await launchChromium();
  try {
    await mkdir(path.join(assets, 'icons'), { recursive: true });
    const render = async (size) => {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      try {
        await page.setContent(pageHtml(svg, size), { waitUntil: 'load' });
        return await page.screenshot({
          type: 'png',
          omitBackground: true,
          clip: { x: 0, y: 0, width: size, height: size },
        });
      } finally {
        await page.close();
      }
    };

    for (const size of linuxSizes) {
      const png = await render(size);
      const out = path.join(assets, 'icons', `${size}x${size}.png`);
      await writeFile(out, png);
      console.log(`wrote ${path.relative(root, out)} (${png.length} bytes)`);
    }
    const main = await render(mainSize);
    const out = path.join(assets, 'icon.png');
    await writeFile(out, main);
    console.log(`wrote ${path.relative(root, out)} (${main.length} bytes)`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack || err.message : err);
  process.exitCode = 1;
});
