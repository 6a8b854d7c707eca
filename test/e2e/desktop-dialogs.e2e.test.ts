// The desktop path's save and open dialogs, end to end on the Electron stand-in: Locate file…,
// Save as PDF (Chromium's own PDF through webContents.printToPDF), Export and Merge. Each dialog
// answers from the test's script, and each result is checked on disk.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, readJson, startHost } from './harness';
import { closeSheets, launchWithClaim, type DesktopApp } from './desktop-harness';

const STORY = ['Council meets on water plan', '', 'The mayor said the city budget is balanced for the third year running.', '', 'The vote is on Friday.', ''].join('\n');
const CLAIM = 'the city budget is balanced for the third year running';

let app: DesktopApp;
let folder: string;
let storyPath: string;

const messages = () => app.page.locator('.messages, [role="alert"], [role="status"]').allInnerTexts().then((texts) => texts.join('\n'));
const workspaceDocuments = async () => (await readJson(path.join(app.store, 'workspace.json'))).documents as { fileName: string; filePath: string | null }[];
const dialogReports = (kind: string) => app.reports.filter((report) => report.type === 'dialog' && report.kind === kind) as unknown as { options: Record<string, unknown> }[];

beforeAll(async () => {
  ({ app, folder, storyPath } = await launchWithClaim(STORY, CLAIM));
});
afterAll(async () => {
  await app?.stop();
});

afterEach(() => closeSheets(app.page));

describe('dialogs in the desktop app', () => {
  it('saves the report as a PDF: Chromium prints the page and the file goes where the save dialog said', async () => {
    const pdfPath = path.join(folder, 'report.pdf');
    await app.answerDialogs({ kind: 'save', filePath: pdfPath });
    await app.clickMenu('save-report-pdf');
    await eventually(() => expect(existsSync(pdfPath)).toBe(true), 20_000);
    const pdf = await fs.readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
    const asked = dialogReports('save').at(-1)!;
    expect(asked.options.defaultPath).toMatch(/claims\.pdf$/);
    expect(asked.options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    await expect.poll(() => app.page.getByRole('dialog').innerText()).toContain(`Saved to ${pdfPath}`);
    await app.page.keyboard.press('Escape');
  });

  it('exports a dataset to the file the save dialog names', async () => {
    const out = path.join(folder, 'claims.jsonl');
    await app.clickMenu('export-dataset');
    const sheet = app.page.getByRole('dialog', { name: 'Export a dataset' });
    await sheet.waitFor();
    await sheet.locator('#export-format').selectOption('jsonl');
    await app.answerDialogs({ kind: 'save', filePath: out });
    await sheet.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => sheet.innerText()).toContain(`Saved to ${out}`);
    const lines = (await fs.readFile(out, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    const [start, end, label] = lines[0].label[0];
    expect([...lines[0].text].slice(start, end).join('')).toBe(CLAIM);
    expect(label).toBe('Claim');
    await app.page.keyboard.press('Escape');
  });

  it('merges a colleague’s workspace chosen in the folder dialog', async () => {
    const colleague = path.join(folder, 'colleague-workspace');
    const theirStory = path.join(folder, 'their-story.txt');
    await fs.writeFile(theirStory, 'The governor said "We will open the bridge in May" yesterday.\n');
    // The colleague's own copy of the app (the browser host) opened their story in their workspace.
    const theirs = await startHost(['--store', colleague, theirStory]);
    await eventually(() => expect(existsSync(path.join(colleague, 'workspace.json'))).toBe(true));
    await theirs.stop();
    await app.answerDialogs({ kind: 'open', filePaths: [colleague] });
    await app.clickMenu('merge-workspace');
    await expect.poll(messages, { timeout: 15_000 }).toMatch(/Merged/);
    expect(dialogReports('open').at(-1)!.options.properties).toEqual(['openDirectory']);
    await eventually(async () => expect((await workspaceDocuments()).map((doc) => doc.fileName).sort()).toEqual(['story.txt', 'their-story.txt']));
    await expect.poll(() => app.page.locator('.document-list').innerText()).toContain('their-story');
  });

  it('makes a document from the clipboard with File › New from Clipboard… (main reads the clipboard; the page may not)', async () => {
    const pasted = 'Harbour fees rise\n\nThe port authority said fees would rise by a tenth.';
    await app.request('set-clipboard', { text: pasted });
    await app.clickMenu('new-from-clipboard');
    const sheet = app.page.getByRole('dialog', { name: 'New document from pasted text' });
    await expect.poll(() => sheet.getByLabel('Title').inputValue()).toBe('Harbour fees rise');
    await sheet.getByRole('button', { name: 'Add document' }).click();
    await expect.poll(() => app.page.locator('.cm-content').innerText()).toContain('fees would rise by a tenth');
    await eventually(async () => expect((await workspaceDocuments()).map((doc) => doc.fileName)).toContain('Harbour fees rise.txt'));
  });

  it('relinks a moved file with Locate file…, from the open dialog', async () => {
    await app.page.locator('.document-list').getByText('story', { exact: true }).click();
    await expect.poll(() => app.page.locator('.cm-content').innerText()).toContain('Council meets on water plan');
    const movedPath = path.join(folder, 'story-moved.txt');
    await fs.rename(storyPath, movedPath);
    await app.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const banner = app.page.locator('.source-missing-banner');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toContain(`story.txt is no longer at ${storyPath}`);
    await app.answerDialogs({ kind: 'open', filePaths: [movedPath] });
    await banner.getByRole('button', { name: 'Locate file…' }).click();
    await expect.poll(messages).toContain('is linked again');
    await expect.poll(() => banner.count()).toBe(0);
    expect(dialogReports('open').at(-1)!.options.title).toBe('Where is "story.txt" now?');
    await eventually(async () => expect((await workspaceDocuments()).map((doc) => doc.filePath)).toEqual(expect.arrayContaining([movedPath])));
    expect((await workspaceDocuments()).map((doc) => doc.filePath)).not.toContain(storyPath);
  });
});
