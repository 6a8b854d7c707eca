// Runs the BUILT desktop app, dist/electron/main.js and preload.cjs unchanged, on the Electron
// stand-in (test/desktop/stand-in): plain Node with `electron` resolved to the stand-in, and a
// real Chromium window that the test drives over the DevTools protocol.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { annotationsOnDisk, dragSelect, eventually, ROOT, tempDir } from './harness.js';

const MAIN = path.join(ROOT, 'dist/electron/main.js');
const REGISTER = pathToFileURL(path.join(ROOT, 'test/desktop/stand-in/register.mjs')).href;

export type DialogAnswer =
  | { kind: 'open'; filePaths: string[] }
  | { kind: 'open'; canceled: true }
  | { kind: 'save'; filePath: string }
  | { kind: 'message'; response: number };

export interface StandInReport {
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each report type has its own fields
  [key: string]: any;
}

export interface MenuEntry {
  id: string | null;
  label: string | null;
  role: string | null;
  type: string;
  accelerator: string | null;
  enabled: boolean;
  clickable: boolean;
  submenu: MenuEntry[] | null;
}

export interface DesktopApp {
  process: ChildProcess;
  store: string;
  userData: string;
  /** Everything the stand-in reported, in order: dialogs, host events sent, navigation blocked... */
  reports: StandInReport[];
  output(): string;
  page: Page;
  request<T = unknown>(op: string, args?: Record<string, unknown>): Promise<T>;
  answerDialogs(...answers: DialogAnswer[]): Promise<void>;
  menu(): Promise<MenuEntry[]>;
  clickMenu(id: string): Promise<void>;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Quits as File › Quit does and waits for the process to end. */
  quit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends everything this app started, whatever state it is in. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  store?: string;
  userData?: string;
  args?: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Wait for the window and connect to it (default true). */
  window?: boolean;
}

function startMain(options: LaunchOptions & { store: string; userData: string }) {
  if (!existsSync(MAIN)) throw new Error('dist/electron/main.js is missing: run `npm run build` first.');
  const child = fork(MAIN, ['--store', options.store, ...(options.args ?? [])], {
    cwd: options.cwd ?? ROOT,
    execArgv: ['--import', REGISTER],
    env: { ...process.env, ...options.env, ELECTRON_STANDIN_USER_DATA: options.userData, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const reports: StandInReport[] = [];
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const watchers: ((report: StandInReport) => void)[] = [];
  child.on('message', (message: { standIn?: StandInReport; reply?: { id: number; result?: unknown; error?: string } }) => {
    if (message.standIn) {
      reports.push(message.standIn);
      for (const watcher of [...watchers]) watcher(message.standIn);
    }
    if (message.reply) {
      const pending = waiting.get(message.reply.id);
      waiting.delete(message.reply.id);
      if (message.reply.error) pending?.reject(new Error(message.reply.error));
      else pending?.resolve(message.reply.result);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const pending of waiting.values()) pending.reject(new Error(`the app exited (${code ?? signal}) before answering:\n${output}`));
      waiting.clear();
      resolve({ code, signal });
    });
  });
  let nextId = 1;
  const request = <T>(op: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`the app is not running:\n${output}`));
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ request: { id, op, args } });
    });
  const waitForReport = (match: (report: StandInReport) => boolean, what: string, timeout = 30_000) =>
    new Promise<StandInReport>((resolve, reject) => {
      const found = reports.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeout} ms:\n${output}`)), timeout);
      const watcher = (report: StandInReport) => {
        if (!match(report)) return;
        clearTimeout(timer);
        watchers.splice(watchers.indexOf(watcher), 1);
        resolve(report);
      };
      watchers.push(watcher);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the app exited before ${what}:\n${output}`));
      });
    });
  return { child, reports, output: () => output, request, exited, waitForReport };
}

/** Starts the desktop app on the stand-in and connects to its window. */
export async function launchDesktop(options: LaunchOptions = {}): Promise<DesktopApp> {
  const store = options.store ?? path.join(await tempDir('annotator-desktop-'), 'workspace');
  const userData = options.userData ?? (await tempDir('annotator-desktop-user-'));
  const started = startMain({ ...options, store, userData });
  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (started.child.exitCode === null && started.child.signalCode === null) {
      // SIGTERM lets the stand-in close its Chromium; SIGKILL only if it does not end.
      started.child.kill('SIGTERM');
      const ended = await Promise.race([started.exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000))]);
      if (!ended) {
        started.child.kill('SIGKILL');
        await started.exited;
      }
    }
  };
  try {
    await started.waitForReport((report) => report.type === 'window', 'window');
    const endpoint = await started.request<string>('cdp');
    browser = await chromium.connectOverCDP(endpoint);
    const page = await findAppPage(browser);
    // A missing element fails the test with its name, not by the test's own time-out.
    page.setDefaultTimeout(15_000);
    await page.waitForSelector('.app', { timeout: 30_000 });
    const app: DesktopApp = {
      process: started.child,
      store,
      userData,
      reports: started.reports,
      output: started.output,
      page,
      request: started.request,
      answerDialogs: async (...answers) => {
        await started.request('answer-dialogs', { answers });
      },
      menu: () => started.request<MenuEntry[]>('menu'),
      clickMenu: async (id) => {
        await started.request('click-menu', { id });
      },
      exited: started.exited,
      quit: async () => {
        await started.request('quit').catch(() => undefined);
        const result = await started.exited;
        await browser?.close().catch(() => undefined);
        return result;
      },
      stop,
    };
    return app;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts a second copy on the same user-data folder, as the OS does for "Open With" while one runs. */
export async function launchSecondCopy(options: LaunchOptions & { store: string; userData: string }) {
  const started = startMain(options);
  const ended = await started.exited;
  return { ...ended, reports: started.reports, output: started.output() };
}

async function findAppPage(browser: Browser): Promise<Page> {
  for (let attempt = 0; attempt < 300; attempt++) {
    for (const context of browser.contexts()) {
      const page = context.pages().find((candidate) => candidate.url().includes('.localhost/'));
      if (page) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app window never showed the app page');
}

/** Drops files on the window as the OS does: File objects whose place on disk Chromium knows. */
export async function dropFiles(page: Page, filePaths: string[]): Promise<void> {
  const files = await Promise.all(
    filePaths.map(async (filePath) => ({ name: path.basename(filePath), path: filePath, base64: (await fs.readFile(filePath)).toString('base64') })),
  );
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const made = new File([bytes], file.name);
      (window as unknown as { __electronStandIn: { registerFilePath(f: File, p: string): void } }).__electronStandIn.registerFilePath(made, file.path);
      transfer.items.add(made);
    }
    const target = document.querySelector('.app')!;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, files);
}

/** A story file in a fresh folder, opened from the command line, with one claim tagged by the keyboard. */
export async function launchWithClaim(story: string, claim: string): Promise<{ app: DesktopApp; folder: string; storyPath: string }> {
  const folder = await tempDir('annotator-desktop-story-');
  const storyPath = path.join(folder, 'story.txt');
  await fs.writeFile(storyPath, story);
  const app = await launchDesktop({ args: [storyPath] });
  await app.page.locator('.cm-content').waitFor();
  await dragSelect(app.page, claim);
  await app.page.keyboard.press('c');
  await eventually(async () => expect((await annotationsOnDisk(app.store)).map((annotation) => annotation.text)).toEqual([claim]));
  return { app, folder, storyPath };
}

/** Closes whatever sheets are open, so each test starts from the plain window. */
export async function closeSheets(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) await page.keyboard.press('Escape');
}
