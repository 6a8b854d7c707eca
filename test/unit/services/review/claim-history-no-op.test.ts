// One edit, one history line: a change whose value is what the claim already holds (the same
// sources sent again, its keys in another order; the same status) writes no line at all.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_DIR } from '../../../../electron/services/review/claim-history.js';
import { createChange, firstRefusal, importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The mayor claimed crime fell 20% last year. She also said the budget is balanced.';

describe('a claim change that changes nothing', () => {
  it('writes no history line', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const doc = await importText(service, 'story.txt', STORY);
    const start = STORY.indexOf('crime fell');
    await firstRefusal(service.applyChanges([createChange(doc.id, 'c1', start, start + 24, { labelId: 'claim' })]));
    const claim = (sources: object[], status?: string) => ({ kind: 'updateAnnotation' as const, documentId: doc.id, annotationId: 'c1', claim: { sources, ...(status && { status }) } });

    await firstRefusal(service.applyChanges([claim([{ title: 'Police figures', url: 'https://police.example/2024', note: '' }])]));
    // The same source again, as another client might spell it, and the status it already has.
    await firstRefusal(service.applyChanges([claim([{ note: '', url: 'https://police.example/2024', title: 'Police figures' }], 'unreviewed')]));
    await service.store.flush();

    const lines = (await fs.readFile(path.join(dir, HISTORY_DIR, `${doc.id}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(lines.map((line) => line.field)).toEqual(['sources']);
    for (const line of lines) expect(JSON.stringify(line.from)).not.toBe(JSON.stringify(line.to));
  });
});
