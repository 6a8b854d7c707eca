// @vitest-environment happy-dom
// The desktop menu's commands in the whole window: each does what the window's own button does.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import type { HostEvent } from '../../../electron/contract/channels.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { withHostEvents } from '../../helpers/host-events.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { BUDGET, HOMES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let app: MountedApp;
let host: HTMLElement;
let client: MemoryClient;
let emit: (event: HostEvent) => void;
/** Times the system print dialog was asked for (happy-dom has no window.print). */
let printed: number;

const menu = async (command: Extract<HostEvent, { type: 'menu' }>['command']) => {
  emit({ type: 'menu', command });
  await settle();
};
const sheets = () => [...host.querySelectorAll('[role=dialog]')].map((sheet) => sheet.getAttribute('aria-label'));
const sheet = () => host.querySelector<HTMLElement>('[role=dialog]')!;
const button = (label: string, within: ParentNode = host) => [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
const alerts = () => [...host.querySelectorAll('.messages [role=alert]')].map((alert) => alert.querySelector('span')!.textContent);
const closeSheet = async () => {
  act(() => sheet().querySelector<HTMLButtonElement>('[aria-label=Close]')!.click());
  await settle();
};
const reportDocument = () => sheet().querySelector<HTMLSelectElement>('.report-controls select')!.value;
const reportClaims = () => [...sheet().querySelectorAll('.print-report tbody tr td:first-child')].map((cell) => cell.textContent);
const exportFormat = () => sheet().querySelector<HTMLSelectElement>('#export-format')!.value;

async function mount(seed: { id: string; title: string; text: string }[], tweak: (client: MemoryClient) => void = () => undefined) {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: seed });
  tweak(client);
  emit = withHostEvents(client);
  app = await mountApp(client);
  host = app.host;
}

beforeEach(async () => {
  printed = 0;
  window.print = () => void printed++;
  await mount(
    [
      { id: 'doc-homes', title: 'homes', text: HOMES },
      { id: 'doc-budget', title: 'budget', text: BUDGET },
      { id: 'doc-quiet', title: 'quiet', text: 'Nothing is claimed here.' },
    ],
    (memory) =>
      void memory.applyChanges({
        changes: [
          { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
          { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', labelId: 'claim', ...span(BUDGET, 'crime fell by half') },
          { kind: 'setLastDocument', documentId: 'doc-homes' },
        ],
      }),
  );
});

afterEach(() => {
  app.unmount();
});

describe('File › Import Annotations…', () => {
  it('opens a sheet whose Choose files… is the header’s Import…: the same file chooser, then the same import', async () => {
    const input = host.querySelector<HTMLInputElement>('[data-testid=import-input]')!;
    const chosen: string[] = [];
    input.addEventListener('click', () => chosen.push('file chooser'));
    act(() => button('Import…').click());
    expect(chosen).toEqual(['file chooser']);

    await menu('import-annotations');
    expect(sheets()).toEqual(['Import annotations']);
    expect(sheet().textContent).toContain('Label Studio');
    act(() => button('Choose files…', sheet()).click());
    await settle();
    expect(chosen).toEqual(['file chooser', 'file chooser']);
    // The sheet gives way to the file chooser.
    expect(sheets()).toEqual([]);
  });
});

describe('File › Export Dataset…', () => {
  it('opens the Export sheet on the same format as the header’s Export…', async () => {
    await menu('export-dataset');
    expect(sheets()).toEqual(['Export a dataset']);
    expect(exportFormat()).toBe('jsonl');
    await closeSheet();
    act(() => button('Export…').click());
    await settle();
    expect(exportFormat()).toBe('jsonl');
  });

  it('from the review desk starts on ClaimReview, as the desk’s own Export… does', async () => {
    await menu('review-desk');
    await menu('export-dataset');
    expect(sheets()).toEqual(['Export a dataset']);
    expect(exportFormat()).toBe('claimreview');
    await closeSheet();
    act(() => button('Export…', host.querySelector('.desk-toolbar')!).click());
    await settle();
    expect(exportFormat()).toBe('claimreview');
  });
});

describe('File › Merge a Colleague’s Workspace…', () => {
  it('merges as the in-window File menu does, and the window says what came of it', async () => {
    await menu('merge-workspace');
    expect(alerts()).toEqual(['The in-memory workspace merges nothing.']);
    act(() => button('File').click());
    act(() => button('Merge a colleague’s workspace…').click());
    await settle();
    expect(alerts()).toEqual(['The in-memory workspace merges nothing.', 'The in-memory workspace merges nothing.']);
  });
});

describe('File › Print Report…', () => {
  it('opens the open document’s report and prints it once its claims are laid out', async () => {
    await menu('print-report');
    expect(sheets()).toEqual(['Report']);
    expect(reportDocument()).toBe('doc-homes');
    expect(reportClaims()).toEqual(['we will build 300,000 homes']);
    expect(printed).toBe(1);
  });

  it('prints once per command: choosing another document in the report afterwards prints nothing', async () => {
    await menu('print-report');
    const choice = sheet().querySelector<HTMLSelectElement>('.report-controls select')!;
    act(() => {
      choice.value = 'doc-budget';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(reportClaims()).toEqual(['crime fell by half']);
    expect(printed).toBe(1);
  });

  it('asked again with the report open, prints it again instead of opening a second one', async () => {
    await menu('print-report');
    await menu('print-report');
    expect(sheets()).toEqual(['Report']);
    expect(printed).toBe(2);
  });

  it('prints nothing for a document without claims, and says so', async () => {
    act(() => [...host.querySelectorAll<HTMLButtonElement>('.document-item')].find((b) => b.textContent?.startsWith('quiet'))!.click());
    await settle();
    await menu('print-report');
    expect(reportDocument()).toBe('doc-quiet');
    expect(sheet().querySelector('.report-controls [role=status]')?.textContent).toBe('Nothing to print: this document has no claims.');
    expect(printed).toBe(0);
  });

  it('on the review desk, opens the focused claim’s document, as the desk’s Report… does', async () => {
    await menu('review-desk');
    press('j', {}, host.querySelector('[role=grid]')!);
    await settle();
    act(() => button('Report…').click());
    await settle();
    expect(reportDocument()).toBe('doc-budget');
    expect(printed).toBe(0);
    await closeSheet();
    await menu('print-report');
    expect(reportDocument()).toBe('doc-budget');
    expect(reportClaims()).toEqual(['crime fell by half']);
    expect(printed).toBe(1);
  });
});

describe('File › Save Report as PDF…', () => {
  it('opens the report and saves it as the dialog’s Save as PDF… does', async () => {
    app.unmount();
    const asked: string[] = [];
    await mount([{ id: 'doc-homes', title: 'homes', text: HOMES }], (memory) => {
      void memory.applyChanges({ changes: [{ kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build') }] });
      const session = memory.getSession;
      memory.getSession = async (args) => ({ ...(await session(args)), host: 'electron' });
      memory.saveReportPdf = async ({ suggestedName }) => (asked.push(suggestedName), { savedTo: `/reports/${suggestedName}` });
    });
    await menu('save-report-pdf');
    expect(sheets()).toEqual(['Report']);
    expect(asked).toEqual(['homes — claims.pdf']);
    expect(sheet().querySelector('.report-controls [role=status]')?.textContent).toBe('Saved to /reports/homes — claims.pdf.');
    act(() => button('Save as PDF…', sheet()).click());
    await settle();
    expect(asked).toEqual(['homes — claims.pdf', 'homes — claims.pdf']);
    expect(printed).toBe(0);
  });
});

describe('the report with no documents', () => {
  it('opens no empty report: the window says there is nothing to print yet', async () => {
    app.unmount();
    await mount([]);
    await menu('print-report');
    await menu('save-report-pdf');
    expect(sheets()).toEqual([]);
    expect(alerts()).toEqual([
      'There is nothing to report yet: the workspace has no documents. Open a story first.',
      'There is nothing to report yet: the workspace has no documents. Open a story first.',
    ]);
    expect(printed).toBe(0);
  });
});

describe('View › Agreement', () => {
  it('opens the same sheet as the header’s Agreement, from the document and from the desk', async () => {
    await menu('agreement');
    expect(sheets()).toEqual(['Agreement between annotators']);
    expect(sheet().textContent).toContain('No document has highlights by two or more annotators yet.');
    await closeSheet();
    act(() => button('Agreement').click());
    await settle();
    expect(sheets()).toEqual(['Agreement between annotators']);
    await closeSheet();
    await menu('review-desk');
    await menu('agreement');
    expect(sheets()).toEqual(['Agreement between annotators']);
  });
});

describe('a sheet already open', () => {
  it('is never covered by a second one: asked for again it stays, another command is told to wait', async () => {
    await menu('agreement');
    await menu('agreement');
    expect(sheets()).toEqual(['Agreement between annotators']);
    expect(alerts()).toEqual([]);
    for (const command of ['export-dataset', 'import-annotations', 'print-report', 'merge-workspace'] as const) await menu(command);
    expect(sheets()).toEqual(['Agreement between annotators']);
    expect(alerts()).toEqual(Array(4).fill('“Agreement between annotators” is open: close it first.'));
    expect(printed).toBe(0);
  });
});

describe('the commands that were there before', () => {
  it('undo acts on the document, not from the desk; a file opened from outside is shown', async () => {
    act(() => [...host.querySelectorAll<HTMLElement>('.annotation-row')][0]!.click());
    await menu('delete');
    expect(host.querySelectorAll('.annotation-row')).toHaveLength(0);
    await menu('review-desk');
    await menu('undo');
    await menu('review-desk');
    expect(host.querySelectorAll('.annotation-row')).toHaveLength(0);
    await menu('undo');
    expect(host.querySelectorAll('.annotation-row')).toHaveLength(1);
    emit({ type: 'documents-opened', documentId: 'doc-budget' });
    await settle();
    expect(host.querySelector('.doc-title')?.textContent).toBe('budget');
  });
});
