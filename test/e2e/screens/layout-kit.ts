// Opens screens/layout-window.tsx in Chromium at a given size, and the measurements the layout
// tests share: is a box shown whole, or scrollable, and on screen.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT, launchBrowser, tempDir } from '../harness';

export const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

export interface LayoutWindow {
  browser: Browser;
  open(size: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function bundleLayoutWindow(): Promise<LayoutWindow> {
  const dir = await tempDir('annotator-layout-');
  await build({
    entryPoints: [path.join(ROOT, 'test/e2e/screens/layout-window.tsx')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: dir,
    logLevel: 'silent',
  });
  await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="layout-window.css"><div id="root"></div><script src="layout-window.js"></script>');
  const browser = await launchBrowser();
  return {
    browser,
    async open(size) {
      const page = await browser.newPage({ viewport: size });
      await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
      await page.locator('.cm-content').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export interface TextBox {
  /** The box's height on screen, and what its text needs. */
  height: number;
  scrollHeight: number;
  lineHeight: number;
  /** It scrolls what does not fit. */
  scrolls: boolean;
  /** After scrolling its panels to it: inside the window and inside every box that clips it. */
  onScreen: boolean;
}

/** Scrolls the panels that hold `box` to it, as a reader would (unless told not to), then measures it. */
export async function measureTextBox(box: Locator, { scroll = true } = {}): Promise<TextBox> {
  return box.evaluate((el: HTMLElement, scroll) => {
    if (scroll) el.scrollIntoView({ block: 'nearest' });
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    let onScreen = rect.top >= 0 && rect.bottom <= window.innerHeight && rect.left >= 0 && rect.right <= window.innerWidth;
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowY === 'visible') continue;
      const clip = up.getBoundingClientRect();
      if (rect.top < clip.top - 0.5 || rect.bottom > clip.bottom + 0.5) onScreen = false;
    }
    return {
      height: el.clientHeight,
      scrollHeight: el.scrollHeight,
      lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2,
      scrolls: style.overflowY === 'auto' || style.overflowY === 'scroll',
      onScreen,
    };
  }, scroll);
}
