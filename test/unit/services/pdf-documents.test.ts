// A PDF in a real workspace: imported through the service (reader worker included), its pages
// and properties stored, each span exported with its page, a changed file re-read, and the
// encoding choice refused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/exports/formats.js';
import { collectDataset } from '../../../electron/services/exports/dataset.js';
import { planFiles } from '../../../electron/services/imports/plan-files.js';
import { lines, pdfFile } from '../../helpers/pdf-file.js';
import { createChange, expectApiError, firstRefusal, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();

const REPORT = pdfFile(
  [
    { texts: lines(['The audit found the city overspent.']) },
    { texts: lines(['“We fixed it,” said the mayor.']) },
  ],
  { info: { Title: 'City audit 2024', Author: 'Office of the Auditor', CreationDate: 'D:20240510' } },
);

async function importedReport() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await service.importBytes('audit.pdf', REPORT);
  const text = (await service.openDocument(doc.id)).text;
  const quote = 'We fixed it';
  const start = text.indexOf(quote);
  await firstRefusal(service.applyChanges([createChange(doc.id, 'q1', start, start + quote.length)]));
  await service.store.flush();
  return { dir, service, doc, text };
}

const exported = async (service: Awaited<ReturnType<typeof importedReport>>['service'], format: Parameters<typeof runExport>[0]) =>
  runExport(format, await collectDataset(service.store)).files[0]!.content as string;

describe('PDFs in a workspace', () => {
  it('stores the text, where each page starts and the PDF’s title, author and date', async () => {
    const { dir, doc, text } = await importedReport();
    expect(text).toBe('The audit found the city overspent.\n\n“We fixed it,” said the mayor.');
    expect(doc).toMatchObject({ format: 'pdf', title: 'City audit 2024', headline: 'City audit 2024', byline: 'Office of the Auditor', publishedOn: '2024-05-10', pageStarts: [0, 37] });
    const stored = (await workspaceOnDisk(dir)).documents[0]!;
    expect(stored).toMatchObject({ format: 'pdf', pageStarts: [0, 37], byline: 'Office of the Auditor' });
  });

  it('exports the span with its page in W3C, JSONL, spaCy, Label Studio and CSV', async () => {
    const { service } = await importedReport();
    const w3c = JSON.parse(await exported(service, 'w3c'));
    expect(w3c.first.items[0].target.selector).toContainEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' });
    const jsonl = JSON.parse(await exported(service, 'jsonl'));
    expect(jsonl.newsroom.spans[0]).toMatchObject({ id: 'q1', page: 2 });
    expect(jsonl.newsroom.spans[0]).not.toHaveProperty('pageEnd');
    const spacy = JSON.parse(await exported(service, 'spacy'));
    expect(Object.keys(spacy.spans[0])).toEqual(['start', 'end', 'label']); // spaCy's own fields untouched
    expect(spacy.newsroom.spans[0].page).toBe(2);
    const tasks = JSON.parse(await exported(service, 'labelstudio'));
    expect(tasks[0].annotations[0].result[0].meta).toMatchObject({ page: 2 });
    const rows = parse((await exported(service, 'csv')).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ text: 'We fixed it', page: '2' });
  });

  it('gives a span that runs onto the next page both pages', async () => {
    const { service, doc, text } = await importedReport();
    await firstRefusal(service.applyChanges([createChange(doc.id, 'both', text.indexOf('overspent'), text.indexOf('fixed'))]));
    const jsonl = JSON.parse(await exported(service, 'jsonl'));
    expect(jsonl.newsroom.spans.find((s: { id: string }) => s.id === 'both')).toMatchObject({ page: 1, pageEnd: 2 });
  });

  it('reads its own W3C, Label Studio and JSONL exports of a PDF back, page fields and all', async () => {
    const { service } = await importedReport();
    for (const [format, name] of [['w3c', 'pdf.jsonld'], ['labelstudio', 'pdf.json'], ['jsonl', 'pdf.jsonl']] as const) {
      const content = await exported(service, format);
      // Planned against the same workspace: W3C names the text by its hash, not with the text.
      const plans = await planFiles([{ name, bytes: new TextEncoder().encode(content) }], service.store);
      expect(plans, format).toHaveLength(1);
      expect(JSON.stringify(plans[0]), format).toContain('We fixed it');
    }
  });

  it('takes the new pages when the linked PDF changes, and refuses to read a PDF in another encoding', async () => {
    const dir = await ws.tempDir();
    const filePath = path.join(dir, '..', `${path.basename(dir)}-filing.pdf`);
    await fs.writeFile(filePath, REPORT);
    const service = await ws.openService(dir);
    const doc = await service.importBytes(filePath, REPORT, { filePath });
    const longer = pdfFile([{ texts: lines(['A new first page.']) }, { texts: lines(['The audit found the city overspent.']) }, { texts: lines(['“We fixed it,” said the mayor.']) }]);
    await fs.writeFile(filePath, longer);
    await fs.utimes(filePath, new Date(), new Date(Date.now() + 5000));
    const state = await service.sources.check(service.requireDocument(doc.id));
    expect(state.problem).toBeNull();
    expect(service.requireDocument(doc.id).pageStarts).toEqual([0, 19, 56]);
    await expectApiError(service.sources.reread(service.requireDocument(doc.id), 'windows-1252'), 'bad-request', /is a PDF: its text does not depend on an encoding/);
    await fs.rm(filePath);
  });

  it('takes a PDF’s pages when a text document is relinked to it, and drops them when relinked to text again', async () => {
    const service = await ws.openService(await ws.tempDir());
    const text = 'The audit found the city overspent.\n\n“We fixed it,” said the mayor.';
    const doc = await service.importBytes('audit.txt', new TextEncoder().encode(text));
    const quote = text.indexOf('We fixed it');
    await firstRefusal(service.applyChanges([createChange(doc.id, 'q1', quote, quote + 11)]));
    const relinked = await service.sources.relink(service.requireDocument(doc.id), 'audit.pdf', REPORT, null);
    expect(relinked.report).toBeNull(); // the same text: nothing moves
    expect(relinked.document).toMatchObject({ format: 'pdf', fileName: 'audit.pdf', pageStarts: [0, 37] });
    const back = await service.sources.relink(service.requireDocument(doc.id), 'audit.txt', new TextEncoder().encode(`${text}\n\nMore.`), null);
    expect(back.document.format).toBe('text');
    expect(back.document).not.toHaveProperty('pageStarts');
  });
});
