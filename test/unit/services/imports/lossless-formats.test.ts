// Every importable format carries back what our workspace knows of each highlight: export, read
// the files as an import would (planned, nothing written), and every planned span has its id,
// author, speaker (id, full name, other names), quote kind, claim, note and times. The workspace
// (rich-workspace.ts) has several authors, overlapping and nested spans, emoji, astral CJK and
// combining accents.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/contract/api.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { planFiles, type ImportInput } from '../../../../electron/services/imports/plan-files.js';
import type { PlannedDocument } from '../../../../electron/services/imports/plan.js';
import { useWorkspaces } from '../../../helpers/workspace.js';
import { PAGE, STORY, richWorkspace } from './rich-workspace.js';

const ws = useWorkspaces();
const bytes = (content: string) => new TextEncoder().encode(content);

/** What a planned span should carry of a highlight. */
function carried(a: Annotation, speakers: Map<string, { name: string; aliases: string[] }>) {
  const speaker = a.speakerId ? speakers.get(a.speakerId) : undefined;
  return {
    id: a.id,
    words: a.text,
    label: { quote: 'Quote', claim: 'Claim', speaker: 'Speaker' }[a.labelId],
    author: a.author,
    ...(speaker && { speaker: speaker.name, speakerId: a.speakerId, speakerOtherNames: speaker.aliases }),
    ...(a.note && { note: a.note }),
    ...(a.quoteKind && { quoteKind: a.quoteKind }),
    ...(a.claim && { claim: a.claim }),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

function planned(plan: PlannedDocument) {
  return plan.spans.map(({ start, end, ...span }) => ({ ...span, words: plan.text.slice(start, end) }));
}

const byId = <T extends { id?: string }>(list: T[]) => [...list].sort((x, y) => (x.id! < y.id! ? -1 : 1));

describe.each(['jsonl', 'spacy', 'labelstudio', 'w3c', 'brat'] as const)('%s export, planned for import', (format) => {
  it('carries every highlight with its id, author, speaker (id, name, other names), quote kind, claim, note and times', async () => {
    const { service, annotations, text } = await richWorkspace(ws);
    const { files } = runExport(format, await collectDataset(service.store));
    const inputs: ImportInput[] = files.map((f) => ({ name: f.name, bytes: bytes(f.content) }));
    // W3C annotations do not hold the text: it comes with them, as a trainer would import it.
    if (format === 'w3c') inputs.push({ name: 'rates.txt', bytes: bytes(STORY) });
    const target = await ws.openService();
    const plans = await planFiles(inputs, target.store);
    const withSpans = plans.filter((p) => p.spans.length);
    expect(withSpans).toHaveLength(1);
    expect(withSpans[0]!.text).toBe(text);
    const speakers = new Map((await service.getSession()).speakers.map((s) => [s.id, s]));
    expect(byId(planned(withSpans[0]!))).toEqual(byId(annotations.map((a) => carried(a, speakers))));
  });
});

describe('W3C export of a web page', () => {
  it('links the page by its URL, keeps the text hash beside it, and the import finds the text by that hash', async () => {
    const { service, annotations } = await richWorkspace(ws, true);
    const [file] = runExport('w3c', await collectDataset(service.store)).files;
    const collection = JSON.parse(file!.content);
    const [doc] = (await service.getSession()).documents;
    for (const item of collection.first.items) {
      expect(item.target.source).toBe('https://news.example/rates');
      expect(item.target['newsroom:textHash']).toBe(doc!.textHash);
    }
    const target = await ws.openService();
    const plans = await planFiles([{ name: 'rates.html', bytes: bytes(PAGE) }, { name: 'annotations.jsonld', bytes: bytes(file!.content) }], target.store);
    const ids = plans.flatMap((p) => p.spans.map((s) => s.id));
    expect(ids.sort()).toEqual(annotations.map((a) => a.id).sort());
  });
});
