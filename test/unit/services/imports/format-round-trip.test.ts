// export → fresh workspace → import → export gives the same file, for every importable format,
// over the rich workspace (several authors, the same span by two, overlapping and nested spans,
// emoji, astral CJK, combining accents, other names, a verdict). The plans are written here with
// the fields they carry (id, author, speaker id and other names, times) as the import is to write
// them, so this checks the formats alone: what each file holds is enough to make the same file.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../electron/contract/api.js';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { planFiles, type ImportInput } from '../../../../electron/services/imports/plan-files.js';
import type { PlannedDocument } from '../../../../electron/services/imports/plan.js';
import { useWorkspaces } from '../../../helpers/workspace.js';
import { STORY, richWorkspace } from './rich-workspace.js';

const ws = useWorkspaces();
const bytes = (content: string) => new TextEncoder().encode(content);

/** Every planned field written as it is, by the workspace's own changes. */
async function writePlans(service: AnnotatorService, plans: PlannedDocument[]) {
  const labels = new Map((await service.getSession()).labels.map((l) => [l.name.toLowerCase(), l.id]));
  const speakers = new Set<string>();
  const changes: Change[] = [];
  for (const plan of plans) {
    const { document } = await service.store.addDocument(plan.fileName, plan.title, plan.text);
    for (const span of plan.spans) {
      if (span.speakerId && !speakers.has(span.speakerId)) {
        speakers.add(span.speakerId);
        changes.push({ kind: 'createSpeaker', speakerId: span.speakerId, name: span.speaker!, aliases: span.speakerOtherNames ?? [] });
      }
      changes.push({
        kind: 'createAnnotation',
        documentId: document.id,
        annotationId: span.id!,
        labelId: labels.get(span.label.toLowerCase())!,
        start: span.start,
        end: span.end,
        speakerId: span.speakerId ?? null,
        note: span.note ?? '',
        author: span.author ?? '',
        ...(span.quoteKind && { quoteKind: span.quoteKind }),
        ...(span.claim && { claim: span.claim as NonNullable<Extract<Change, { kind: 'createAnnotation' }>['claim']> }),
        ...(span.createdAt && { createdAt: span.createdAt }),
        ...(span.updatedAt && { updatedAt: span.updatedAt }),
      });
    }
  }
  const { refused } = await service.applyChanges(changes);
  expect(refused).toEqual([]);
}

describe.each(['jsonl', 'spacy', 'labelstudio', 'w3c', 'brat'] as const)('%s round trip', (format) => {
  it('exports the same file from a fresh workspace the first export was imported into', async () => {
    const { service } = await richWorkspace(ws);
    const first = runExport(format, await collectDataset(service.store)).files;
    const inputs: ImportInput[] = first.map((f) => ({ name: f.name, bytes: bytes(f.content) }));
    const target = await ws.openService();
    // W3C annotations do not hold the text: it is in the workspace before they are imported.
    if (format === 'w3c') await target.importBytes('rates.txt', bytes(STORY));
    const plans = (await planFiles(inputs, target.store)).filter((p) => p.spans.length);
    await writePlans(target, plans);
    const second = runExport(format, await collectDataset(target.store)).files;
    expect(second.map((f) => f.name)).toEqual(first.map((f) => f.name));
    for (const [k, file] of second.entries()) expect(file.content).toBe(first[k]!.content);
  });
});
