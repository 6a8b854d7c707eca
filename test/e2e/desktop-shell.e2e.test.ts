// The desktop shell around the window, end to end on the Electron stand-in: every menu item
// reaches the window and does what its button does, every contract method is reachable
// through the preload, and a call from a frame or a page that is not the app's is refused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../../electron/contract/channels';
import { annotationsOnDisk, eventually, readJson } from './harness';
import { closeSheets, launchWithClaim, type DesktopApp, type MenuEntry } from './desktop-harness';

const STORY = ['Council meets on water plan', '', 'The mayor said "We will finish the dam by spring" and left early.', '', 'The chair said the city budget is balanced for the third year running.', ''].join('\n');
const QUOTE = 'We will finish the dam by spring';
const CLAIM = 'the city budget is balanced for the third year running';

let app: DesktopApp;
let folder: string;

const sheet = (name: string) => app.page.getByRole('dialog', { name });
const messages = () => app.page.locator('[role="alert"], [role="status"]').allInnerTexts().then((texts) => texts.join('\n'));
const reportsOf = (type: string) => app.reports.filter((report) => report.type === type);
const delivered = () =>
  app.page.evaluate(() => (window as unknown as { __electronStandIn: { delivered(): { channel: string; args: unknown[] }[] } }).__electronStandIn.delivered());

function clickableIds(menu: MenuEntry[]): string[] {
  return menu.flatMap((item) => [...(item.clickable && item.id && !item.id.startsWith('recent-') ? [item.id] : []), ...(item.submenu ? clickableIds(item.submenu) : [])]);
}

beforeAll(async () => {
  ({ app, folder } = await launchWithClaim(STORY, CLAIM));
});
afterAll(async () => {
  await app?.stop();
});

afterEach(() => closeSheets(app.page));

describe('the native menu', () => {
  // What each menu command visibly does in the window: the same as its button there.
  const effects: Record<string, () => Promise<void>> = {
    open: async () => {
      await app.answerDialogs({ kind: 'open', canceled: true });
      const before = reportsOf('dialog').length;
      await app.clickMenu('open');
      await eventually(() => expect(reportsOf('dialog').slice(before).map((report) => report.kind)).toEqual(['open']));
    },
    'import-annotations': async () => {
      await app.clickMenu('import-annotations');
      await sheet('Import annotations').getByRole('button', { name: 'Choose files…' }).waitFor();
    },
    'export-dataset': async () => {
      await app.clickMenu('export-dataset');
      await sheet('Export a dataset').locator('#export-format').waitFor();
    },
    'merge-workspace': async () => {
      await app.answerDialogs({ kind: 'open', canceled: true });
      const before = reportsOf('dialog').length;
      await app.clickMenu('merge-workspace');
      await eventually(() => expect((reportsOf('dialog').slice(before)[0] as unknown as { options: { properties: string[] } }).options.properties).toEqual(['openDirectory']));
    },
    'print-report': async () => {
      await app.page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void (window as unknown as { printed: number }).printed++;
      });
      await app.clickMenu('print-report');
      await expect.poll(() => sheet('Report').innerText()).toContain(CLAIM);
      await expect.poll(() => app.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    },
    'save-report-pdf': async () => {
      await app.answerDialogs({ kind: 'save', filePath: path.join(folder, 'menu-report.pdf') });
      await app.clickMenu('save-report-pdf');
      await expect.poll(() => sheet('Report').innerText(), { timeout: 15_000 }).toContain('Saved to');
      expect((await fs.readFile(path.join(folder, 'menu-report.pdf'))).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    'compact-workspace': async () => {
      await app.clickMenu('compact-workspace');
      await expect.poll(() => sheet('Compact workspace').innerText()).toContain('nothing to compact');
      await app.page.keyboard.press('Escape');
    },
    'new-from-clipboard': async () => {
      await app.request('set-clipboard', { text: 'Menu story\n\nIt came from the clipboard.' });
      await app.clickMenu('new-from-clipboard');
      await expect.poll(() => sheet('New document from pasted text').getByLabel('Title').inputValue()).toBe('Menu story');
      await app.page.keyboard.press('Escape');
    },
    agreement: async () => {
      await app.clickMenu('agreement');
      await sheet('Agreement between annotators').waitFor();
    },
    team: async () => {
      await app.clickMenu('team');
      // The desktop's engine, on a workspace not linked yet: the view offers the link form.
      await expect.poll(() => sheet('Team').innerText()).toMatch(/Not linked/);
      await expect.poll(() => sheet('Team').getByLabel('Database address').isVisible()).toBe(true);
    },
    'review-desk': async () => {
      await app.clickMenu('review-desk');
      await app.page.getByRole('grid').waitFor();
      await expect.poll(() => app.page.getByRole('grid').innerText()).toContain(CLAIM);
      await app.clickMenu('review-desk');
      await app.page.locator('.cm-content').waitFor();
    },
    'delete-highlight': async () => {
      await app.page.locator('.annotation-row', { hasText: CLAIM }).click();
      await app.clickMenu('delete-highlight');
      await eventually(async () => expect(await annotationsOnDisk(app.store)).toEqual([]));
    },
    undo: async () => {
      await app.page.locator('.cm-content').focus();
      await app.clickMenu('undo');
      await eventually(async () => expect((await annotationsOnDisk(app.store)).map((annotation) => annotation.text)).toEqual([CLAIM]));
    },
    redo: async () => {
      await app.clickMenu('redo');
      await eventually(async () => expect(await annotationsOnDisk(app.store)).toEqual([]));
      await app.clickMenu('undo');
      await eventually(async () => expect((await annotationsOnDisk(app.store)).map((annotation) => annotation.text)).toEqual([CLAIM]));
    },
  };

  it('has an end-to-end check here for every item that sends the window a command', async () => {
    const ids = clickableIds(await app.menu());
    expect(ids.sort()).toEqual(Object.keys(effects).sort());
  });

  it.each(['open', 'import-annotations', 'export-dataset', 'merge-workspace', 'compact-workspace', 'print-report', 'save-report-pdf', 'agreement', 'team', 'review-desk', 'delete-highlight', 'undo', 'redo'])(
    '%s reaches the window and does what its button does',
    async (id) => {
      const before = (await delivered()).length;
      await effects[id]!();
      const sent = (await delivered()).slice(before).map((entry) => entry.args[0] as { type: string; command?: string });
      expect(sent).toContainEqual({ type: 'menu', command: id === 'delete-highlight' ? 'delete' : id });
    },
  );

  it('new-from-clipboard sends the window the clipboard’s text, read in the main process', async () => {
    const before = (await delivered()).length;
    await effects['new-from-clipboard']!();
    const sent = (await delivered()).slice(before).map((entry) => entry.args[0] as { type: string; text?: string });
    expect(sent).toContainEqual({ type: 'clipboard-text', text: 'Menu story\n\nIt came from the clipboard.' });
  });

  it('quits from a role item as Electron does', async () => {
    const file = (await app.menu()).find((item) => item.label === '&File')!;
    expect(file.submenu!.find((item) => item.id === 'quit')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });
});

describe('the preload bridge', () => {
  it('offers exactly the contract methods, onHostEvent and openDroppedFiles', async () => {
    const keys = await app.page.evaluate(() => Object.keys(window.annotatorBridge!).sort());
    expect(keys).toEqual([...API_METHOD_NAMES, 'onHostEvent', 'openDroppedFiles'].sort());
  });

  it('reaches the main process for every contract method: each answers from its own argument check', async () => {
    const answers = await app.page.evaluate(async (names) => {
      const bridge = window.annotatorBridge as unknown as Record<string, (args: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>>;
      const out: Record<string, unknown> = {};
      for (const name of names) out[name] = await bridge[name]!('not the arguments');
      return out;
    }, [...API_METHOD_NAMES]);
    for (const name of API_METHOD_NAMES) {
      expect(answers[name], name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect((answers[name] as { error: { message: string } }).error.message, name).not.toMatch(/refused/);
    }
    const session = await app.page.evaluate(() => window.annotatorBridge!.getSession({}));
    expect(session).toMatchObject({ ok: true, result: { host: 'electron', workspaceDir: app.store, capabilities: { nativeOpenDialog: true, recentFiles: true } } });
  });
});

describe('what is not the app', () => {
  it('serves the page from app:// with the CSP as a header, and the CSP blocks an injected inline script', async () => {
    const page = await app.page.evaluate(async () => {
      const response = await fetch('/index.html');
      return { status: response.status, csp: response.headers.get('content-security-policy') };
    });
    expect(page.status).toBe(200);
    expect(page.csp).toContain("script-src 'self'");
    const ran = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { injectedRan?: boolean }).injectedRan ?? false;
    });
    expect(ran).toBe(false);
    const opened = reportsOf('browser-window')[0] as unknown as { options: { webPreferences: Record<string, unknown> } };
    expect(opened.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('keeps the window on the app when the page tries to navigate away, and sends web links to the browser', async () => {
    await app.page.evaluate(() => {
      location.href = 'https://evil.example/phish';
    });
    await eventually(() => expect(reportsOf('navigation-blocked').map((report) => report.url)).toContain('https://evil.example/phish'));
    expect(await app.page.evaluate(() => location.pathname)).toBe('/index.html');
    await app.page.evaluate(() => window.open('https://example.org/fact-check', '_blank'));
    await eventually(() => expect(reportsOf('open-external').map((report) => report.url)).toContain('https://example.org/fact-check'));
    await eventually(() => expect(reportsOf('window-open').map((report) => report.action)).toContain('deny'));
  });

  it('refuses a call from a frame embedded in the page', async () => {
    await app.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.name = 'embedded';
      document.body.append(frame);
    });
    const embedded = app.page.frames().find((frame) => frame.name() === 'embedded')!;
    const answer = await embedded.evaluate(() =>
      (window as unknown as { __electronStandInInvoke(channel: string, args: unknown[]): Promise<{ value: { ok: boolean; error: { message: string } } }> }).__electronStandInInvoke('annotator:getSession', [{}]),
    );
    expect(answer.value).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(answer.value.error.message).toMatch(/refused because it came from an embedded frame/);
  });

  it('refuses every call from a page that is not the app’s, and writes nothing', async () => {
    const evil = path.join(folder, 'evil.html');
    await fs.writeFile(evil, '<!doctype html><title>not the app</title><p>hello</p>');
    await app.request('load-unchecked', { url: `file://${evil}` });
    // This connection to the window hears of the navigation a moment after the stand-in does.
    await app.page.waitForURL(/evil\.html$/);
    await app.page.waitForFunction(() => document.title === 'not the app' && Boolean(window.annotatorBridge));
    const answer = await app.page.evaluate(() =>
      window.annotatorBridge!.applyChanges({ changes: [{ kind: 'createSpeaker', speakerId: 'sp-mallory', name: 'Mallory' }] }),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect((answer as { error: { message: string } }).error.message).toMatch(/refused because it came from "file:/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const workspace = await readJson(path.join(app.store, 'workspace.json'));
    expect(workspace.speakers.map((speaker: { name: string }) => speaker.name)).not.toContain('Mallory');
    // Back to the app: it still works.
    await app.request('load-unchecked', { url: 'app://annotator/index.html' });
    await app.page.waitForURL(/index\.html$/);
    await app.page.locator('.cm-content').waitFor();
    expect(await messages()).not.toMatch(/refused/);
  });
});
