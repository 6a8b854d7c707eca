// Exports of some annotators only: every format, every part of a split and the agreement get
// exactly the highlights those annotators made, as if the others had never annotated.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, parseArgs } from '../../../../electron/contract/api.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { measureAgreement } from '../../../../electron/services/exports/agreement.js';
import { collectDataset, listAnnotators } from '../../../../electron/services/exports/dataset.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { exportDataset, exportSplitParts } from '../../../../electron/services/handlers/workspace-tasks.js';
import { buildInterchangeWorkspace } from '../../../helpers/interchange-workspace.js';
import { expectApiError, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

/** The same workspace twice: with everyone's highlights, and with only the chosen authors'. */
async function pair(chosen: string[]) {
  const everyone = await ws.openService();
  await buildInterchangeWorkspace(everyone);
  const only = await ws.openService();
  await buildInterchangeWorkspace(only, (author) => chosen.includes(author));
  return { everyone, only };
}

/** Each file's name and content; a binary file (spaCy's DocBin) may bring its bytes apart from the text. */
const contents = (result: { files: { name: string; content: string }[] }) =>
  result.files.map((f) => {
    const { bytes } = f as { bytes?: Uint8Array };
    return [f.name, f.content, bytes ? Buffer.from(bytes).toString('base64') : null];
  });

describe('exports of some annotators', () => {
  it.each(EXPORT_FORMATS.map((f) => [f]))('%s holds exactly the chosen authors’ highlights', async (format) => {
    const { everyone, only } = await pair(['Ben Okafor']);
    const narrowed = await exportDataset(everyone, format, undefined, undefined, ['Ben Okafor']);
    const expected = await exportDataset(only, format);
    expect(contents(narrowed)).toEqual(contents(expected));
    // And it is narrower than everyone's (so the comparison above is not vacuous).
    if (!['claimreview', 'claims-csv'].includes(format)) expect(contents(await exportDataset(everyone, format))).not.toEqual(contents(expected));
  });

  it("'' stands for the highlights made before a name was set, and several names can be chosen", async () => {
    const { everyone, only } = await pair(['', 'Chen Wei']);
    for (const format of ['jsonl', 'brat', 'conll'] as const) {
      expect(contents(await exportDataset(everyone, format, undefined, undefined, ['', 'Chen Wei']))).toEqual(contents(await exportDataset(only, format)));
    }
  });

  it('each part of a split holds only the chosen authors’ highlights', async () => {
    const { everyone, only } = await pair(['Ana Reyes']);
    const narrowed = await exportSplitParts(everyone, 'spacy', undefined, [1, 1, 1], 3, ['Ana Reyes']);
    const expected = await exportSplitParts(only, 'spacy', undefined, [1, 1, 1], 3);
    expect(contents(narrowed.result)).toEqual(contents(expected.result));
  });

  it('the agreement of two chosen annotators leaves the third out', async () => {
    const { everyone } = await pair([]);
    const all = measureAgreement(await collectDataset(everyone.store));
    expect(all.annotators).toEqual(expect.arrayContaining(['Ana Reyes', 'Ben Okafor', 'Chen Wei']));
    const two = measureAgreement(await collectDataset(everyone.store, undefined, undefined, ['Ana Reyes', 'Chen Wei']));
    expect(two.pairs.map((p) => p.annotators)).toEqual([['Ana Reyes', 'Chen Wei']]);
  });

  it('lists the workspace’s annotators with their highlights, and refuses a name that is not one of them, naming those there are', async () => {
    const { everyone } = await pair([]);
    expect(await listAnnotators(everyone.store)).toEqual([
      { name: 'Ana Reyes', highlights: 11 },
      { name: 'Ben Okafor', highlights: 10 },
      { name: 'Chen Wei', highlights: 10 },
      { name: '', highlights: 2 },
    ]);
    const error = await expectApiError(exportDataset(everyone, 'jsonl', undefined, undefined, ['Ana Reyes', 'ana reyes']), 'bad-request', /No highlight in this workspace is by "ana reyes"/);
    expect(error.message).toContain('Its annotators are "Ana Reyes" (11), "Ben Okafor" (10), "Chen Wei" (10), "" (no author) (2).');
    // Refused before anything is made, for a split too.
    await expectApiError(exportSplitParts(everyone, 'brat', undefined, [1, 1, 1], 1, ['Nobody']), 'bad-request', /"Nobody"/);
  });

  it('the formats read what collectDataset narrowed: no highlight by another author reaches them', async () => {
    const { everyone } = await pair([]);
    const dataset = await collectDataset(everyone.store, undefined, undefined, ['Chen Wei']);
    expect(new Set(dataset.documents.flatMap((d) => d.annotations.map((a) => a.author)))).toEqual(new Set(['Chen Wei']));
    const doccano = runExport('jsonl', dataset).files[0]!.content.trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; label: [number, number, string][] });
    const spans = doccano.flatMap((line) => line.label.map(([s, e]) => [...line.text].slice(s, e).join('')));
    expect(spans).toContain('まだ早い');
    expect(spans).not.toContain('Мы не согласны');
  });

  it('through the contract: the window’s export and its list of annotators, and an empty choice refused in words', async () => {
    const { everyone, only } = await pair(['Ana Reyes', 'Chen Wei']);
    const handlers = createApiHandlers(everyone, browserHostOnlyMethods);
    expect((await handlers.listAnnotators()).map((a) => a.name)).toEqual(['Ana Reyes', 'Ben Okafor', 'Chen Wei', '']);
    const args = parseArgs('exportDataset', { format: 'labelstudio', authors: ['Ana Reyes', 'Chen Wei'] });
    const downloaded = await handlers.exportDataset(args);
    expect(downloaded.files.map((f) => f.content)).toEqual((await exportDataset(only, 'labelstudio')).files.map((f) => f.content));
    expect(() => parseArgs('exportDataset', { format: 'jsonl', authors: [] })).toThrow('Invalid arguments for exportDataset (at authors): choose at least one annotator, or leave authors out for everyone.');
  });
});
