// The desktop path, end to end: the BUILT main.js, preload.cjs and renderer on the Electron
// stand-in (a real Chromium window). Files arrive every way the desktop app takes them:
// File › Open, the command line, a second copy, Open Recent and a drop carrying the path.
// Then a highlight made just before quitting is on disk after the app ends.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotationsOnDisk, dragSelect, eventually, readJson, SAMPLE, screenshot, tempDir } from './harness';
import { dropFiles, launchDesktop, launchSecondCopy, type DesktopApp, type MenuEntry } from './desktop-harness';

const running: DesktopApp[] = [];
afterAll(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

async function launch(options: Parameters<typeof launchDesktop>[0] = {}): Promise<DesktopApp> {
  const app = await launchDesktop(options);
  running.push(app);
  return app;
}

async function writeStory(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

const editorText = (app: DesktopApp) => app.page.locator('.cm-content').innerText();
const workspaceDocuments = async (store: string) => (await readJson(path.join(store, 'workspace.json'))).documents as { fileName: string; filePath: string | null }[];

function recentLabels(menu: MenuEntry[]): string[] {
  const file = menu.find((item) => item.label === '&File')!;
  const recent = file.submenu!.find((item) => item.id === 'open-recent')!;
  return recent.submenu!.map((item) => item.label ?? '');
}

describe('opening files in the desktop window', () => {
  let app: DesktopApp;
  let folder: string;

  it('opens a file chosen in File › Open, from the native dialog, and lists it in Open Recent', async () => {
    folder = await tempDir('annotator-desktop-docs-');
    app = await launch();
    await app.answerDialogs({ kind: 'open', filePaths: [SAMPLE] });
    await app.clickMenu('open');
    await app.page.locator('.cm-content').waitFor();
    await expect.poll(() => editorText(app)).toContain('Security Council');
    const dialog = app.reports.find((report) => report.type === 'dialog' && report.kind === 'open') as unknown as { options: { properties: string[]; filters: { extensions: string[] }[] } };
    expect(dialog.options.properties).toEqual(['openFile', 'multiSelections']);
    expect(dialog.options.filters[0]!.extensions).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'docx', 'srt', 'vtt']));
    // The main process read the file itself and keeps its place, so it is watched.
    await eventually(async () => expect((await workspaceDocuments(app.store)).map((doc) => doc.filePath)).toEqual([SAMPLE]));
    await expect.poll(async () => recentLabels(await app.menu())).toEqual([path.basename(SAMPLE)]);
    await screenshot(app.page, 'desktop-window');
  });

  it('opens a file that a second copy of the app was asked to open, and the second copy ends', async () => {
    const second = await writeStory(folder, 'second-story.txt', 'The minister said "We will cut taxes" on Monday.\n');
    const copy = await launchSecondCopy({ store: app.store, userData: app.userData, args: [second], window: false });
    expect(copy.code).toBe(0);
    expect(copy.reports.some((report) => report.type === 'single-instance' && report.first === false)).toBe(true);
    expect(copy.reports.some((report) => report.type === 'browser-window')).toBe(false);
    await expect.poll(() => editorText(app)).toContain('We will cut taxes');
    await eventually(async () => expect((await workspaceDocuments(app.store)).map((doc) => doc.filePath)).toContain(second));
    await expect.poll(async () => recentLabels(await app.menu())).toEqual(['second-story.txt', path.basename(SAMPLE)]);
  });

  it('opens a file the OS hands over with open-file (macOS "Open With", a drop on the Dock icon)', async () => {
    const handed = await writeStory(folder, 'dock-story.txt', 'The senator said "The vote is final" on Thursday.\n');
    await app.request('open-file-event', { filePath: handed });
    await expect.poll(() => editorText(app)).toContain('The vote is final');
    await eventually(async () => expect((await workspaceDocuments(app.store)).map((doc) => doc.filePath)).toContain(handed));
  });

  it('opens a file again from Open Recent', async () => {
    const menu = await app.menu();
    const recent = menu.find((item) => item.label === '&File')!.submenu!.find((item) => item.id === 'open-recent')!.submenu!;
    const sample = recent.find((item) => item.label === path.basename(SAMPLE))!;
    await app.clickMenu(sample.id!);
    await expect.poll(() => editorText(app)).toContain('Security Council');
  });

  it('opens a dropped file by its place on disk, so a change to the file is noticed', async () => {
    const dropped = await writeStory(folder, 'dropped-story.txt', 'The mayor said "The bridge opens in May" at noon.\n');
    await dropFiles(app.page, [dropped]);
    await expect.poll(() => editorText(app)).toContain('The bridge opens in May');
    await eventually(async () => expect((await workspaceDocuments(app.store)).find((doc) => doc.fileName === 'dropped-story.txt')?.filePath).toBe(dropped));
    await expect.poll(async () => recentLabels(await app.menu())).toContain('dropped-story.txt');
    // Watched: the window re-reads the file when it changes on disk.
    await fs.writeFile(dropped, 'Update: corrected.\n\nThe mayor said "The bridge opens in May" at noon.\n');
    await app.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => editorText(app), { timeout: 15_000 }).toContain('Update: corrected.');
  });

  it('reads a drop that has no place on disk (dragged from a web page) from its bytes', async () => {
    await app.page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Clipped: "Prices will fall," she said.\n'], 'clipping.txt'));
      document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    await expect.poll(() => editorText(app)).toContain('Prices will fall');
    await eventually(async () => expect((await workspaceDocuments(app.store)).find((doc) => doc.fileName === 'clipping.txt')?.filePath).toBeNull());
  });

  it('quits from File › Quit with exit code 0', async () => {
    expect(await app.quit()).toEqual({ code: 0, signal: null });
  });
});

describe('the command line and quitting', () => {
  let firstRun: DesktopApp;

  it('opens the file named on the command line, and a highlight made just before quitting is on disk', async () => {
    const app = await launch({ args: [SAMPLE] });
    firstRun = app;
    await app.page.locator('.cm-content').waitFor();
    await expect.poll(() => editorText(app)).toContain('Security Council');
    await dragSelect(app.page, 'This is completely false');
    // The key and the quit in one go: the change is still in the window's queue when File ›
    // Quit arrives, so only the shell's hold on quitting can put it on disk.
    await app.page.keyboard.press('q');
    const ended = await app.quit();
    expect(ended).toEqual({ code: 0, signal: null });
    const saved = await annotationsOnDisk(app.store);
    expect(saved.map((annotation) => [annotation.labelId, annotation.text])).toEqual([['quote', 'This is completely false']]);
  });

  it('quits only once every change already sent has been answered and is on disk', async () => {
    const app = await launch({ args: [SAMPLE] });
    await app.page.locator('.cm-content').waitFor();
    // A large batch still being applied when File › Quit arrives: quitting must wait for it.
    await app.page.evaluate(() => {
      const changes = Array.from({ length: 5000 }, (_, index) => ({ kind: 'createSpeaker', speakerId: `sp-quit-${index}`, name: `Speaker ${index}` }));
      void window.annotatorBridge!.applyChanges({ changes });
    });
    expect(await app.quit()).toEqual({ code: 0, signal: null });
    const workspace = await readJson(path.join(app.store, 'workspace.json'));
    expect(workspace.speakers.filter((speaker: { id: string }) => speaker.id.startsWith('sp-quit-'))).toHaveLength(5000);
  });

  it('starts again on the same workspace with the same document and highlight', async () => {
    const app = await launch({ store: firstRun.store, userData: firstRun.userData });
    await expect.poll(() => editorText(app)).toContain('Security Council');
    await expect.poll(() => app.page.locator('.annotation-list').innerText()).toContain('This is completely false');
    await app.quit();
  });
});

