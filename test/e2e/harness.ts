// Runs the real app the way a user does: `node dist/electron/serve.js` (the browser host) in a
// child process, driven in Debian's Chromium by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/chromium.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
export const SAMPLE = path.join(FIXTURES, 'un-security-council.txt');

export const launchBrowser = (): Promise<Browser> => launchChromium();

export async function tempDir(prefix = 'annotator-e2e-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface RunningHost {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a built entry (serve.js or start.js) and waits for the address it prints. */
export async function startHost(args: string[], entry = 'dist/electron/serve.js'): Promise<RunningHost> {
  if (!existsSync(path.join(ROOT, entry))) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
  const child = spawn(process.execPath, [entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 20_000);
    const check = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const VIEWPORT = { width: 1280, height: 860 };

export interface SampleApp {
  store: string;
  host: RunningHost;
  browser: Browser;
  page: Page;
}

/** Starts the app with the sample before a file's tests, hands it over, and stops it after them. */
export function withAppWithSample(receive: (app: SampleApp) => void): void {
  let app: SampleApp | undefined;
  beforeAll(async () => {
    app = await openAppWithSample();
    receive(app);
  });
  afterAll(async () => {
    await app?.browser.close();
    await app?.host.stop();
  });
}

/** A fresh workspace with the sample article open in the browser host, as a new user starts. */
export async function openAppWithSample(): Promise<{ store: string; host: RunningHost; browser: Browser; page: Page }> {
  const store = await tempDir();
  const host = await startHost(['--store', store, SAMPLE]);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(host.url);
  await page.locator('.cm-content').waitFor();
  return { store, host, browser, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Scrolls the editor until `text` is drawn, then returns its box on screen. */
export async function locateText(page: Page, text: string, occurrence = 0): Promise<{ start: DOMRect; end: DOMRect }> {
  let lastSeen = '';
  for (let attempt = 0; attempt < 200; attempt++) {
    const rects = await page.evaluate(
      ({ text, occurrence }) => {
        const content = document.querySelector('.cm-content');
        if (!content) return null;
        const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
        // Text may be split across highlight spans, so join the nodes of each line.
        for (const line of content.querySelectorAll('.cm-line')) {
          const nodes: Text[] = [];
          walker.currentNode = line;
          let node = walker.nextNode();
          while (node && line.contains(node)) {
            nodes.push(node as Text);
            node = walker.nextNode();
          }
          const joined = nodes.map((n) => n.data).join('');
          let index = -1;
          for (let k = 0; k <= occurrence; k++) {
            index = joined.indexOf(text, index + 1);
            if (index < 0) break;
          }
          if (index < 0) continue;
          // A start at a node's end belongs to the next node (its first letter), an end to this one.
          const at = (offset: number, isStart = false) => {
            let rest = offset;
            for (const n of nodes) {
              if (isStart ? rest < n.data.length : rest <= n.data.length) return { node: n, offset: rest };
              rest -= n.data.length;
            }
            const last = nodes[nodes.length - 1]!;
            return { node: last, offset: last.data.length };
          };
          const a = at(index, true);
          const b = at(index + text.length);
          const first = document.createRange();
          first.setStart(a.node, a.offset);
          first.setEnd(a.node, Math.min(a.offset + 1, a.node.data.length));
          const lastRange = document.createRange();
          lastRange.setStart(b.node, Math.max(0, b.offset - 1));
          lastRange.setEnd(b.node, b.offset);
          const box = (r: Range) => r.getClientRects()[0] ?? r.getBoundingClientRect();
          const start = box(first);
          const end = box(lastRange);
          const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
          if (start.top < scroller.top || end.bottom > scroller.bottom) {
            line.scrollIntoView({ block: 'center' });
            return 'scrolled';
          }
          return { start: start.toJSON(), end: end.toJSON() };
        }
        const scroller = document.querySelector('.cm-scroller')!;
        // Search downwards, then from the top once the end is reached.
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) scroller.scrollTop = 0;
        else scroller.scrollTop += scroller.clientHeight * 0.8;
        return 'scrolled';
      },
      { text, occurrence },
    );
    if (rects && rects !== 'scrolled') {
      // Only a position that holds still for a frame: a scroll may still be on its way.
      const key = JSON.stringify(rects);
      if (key === lastSeen) return rects as { start: DOMRect; end: DOMRect };
      lastSeen = key;
    } else {
      lastSeen = '';
    }
    await page.waitForTimeout(30);
  }
  throw new Error(`"${text}" was not found in the editor`);
}

/** Selects text the way a reader does: press on its first letter, drag to its last. */
export async function dragSelect(page: Page, text: string, occurrence = 0): Promise<void> {
  const { start, end } = await locateText(page, text, occurrence);
  await page.mouse.move(start.left + 1, start.top + start.height / 2);
  await page.mouse.down();
  await page.mouse.move((start.left + end.right) / 2, (start.top + end.bottom) / 2, { steps: 3 });
  await page.mouse.move(end.right - 1, end.top + end.height / 2, { steps: 3 });
  await page.mouse.up();
}

/** Drags from the first letter of `fromText` to the last letter of `toText` (e.g. mid-word). */
export async function dragBetween(page: Page, fromText: string, toText: string): Promise<void> {
  await locateText(page, fromText);
  const to = await locateText(page, toText);
  // Finding the end may have scrolled; measure the start again (both must fit on screen).
  const from = await locateText(page, fromText);
  await page.mouse.move(from.start.left + 1, from.start.top + from.start.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.end.right - 1, to.end.top + to.end.height / 2, { steps: 4 });
  await page.mouse.up();
}

/** Clicks on the middle of the given text. */
export async function clickText(page: Page, text: string, occurrence = 0): Promise<void> {
  const { start } = await locateText(page, text, occurrence);
  await page.mouse.click(start.left + start.width / 2, start.top + start.height / 2);
}

/** Chooses in a speaker picker as a user does: type part of a name, pick the offer (null: none). */
export async function pickSpeaker(page: Page, label: string, name: string | null, typed = name ?? ''): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(typed);
  const options = page.getByRole('listbox', { name: `${label}: speakers` }).getByRole('option');
  if (name === null) await options.last().click();
  else await options.filter({ hasText: name }).first().click();
}

/** The host's API as a window would call it, with its token, optionally as one person. */
export function hostApi(host: RunningHost) {
  return async <T = any>(method: string, args: unknown, person?: { id: string; name: string }): Promise<T> => {
    const url = new URL(host.url);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'x-annotator-token': url.searchParams.get('token')! };
    if (person) headers['x-annotator-person'] = encodeURIComponent(JSON.stringify(person));
    const response = await fetch(`${url.origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args) });
    const envelope = await response.json();
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.result as T;
  };
}

export async function readJson<T = any>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

/** Polls until `check` stops throwing: disk writes land a moment after the screen updates. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function annotationsOnDisk(storeDir: string): Promise<any[]> {
  const dir = path.join(storeDir, 'annotations');
  const files = existsSync(dir) ? await fs.readdir(dir) : [];
  const all = [];
  for (const file of files.filter((f) => f.endsWith('.json'))) all.push(...(await readJson(path.join(dir, file))).annotations);
  return all;
}
