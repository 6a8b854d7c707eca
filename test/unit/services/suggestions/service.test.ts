// Suggestions through the service, on a real workspace in a temp folder: worked out in the
// suggester's worker, in the workspace's labels, never over an existing highlight, and a
// rejection kept on disk for that text only.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/contract/api.js';
import { saveSuggestions, SUGGESTIONS_DIR } from '../../../../electron/services/suggestions/for-document.js';
import { suggestInWorker } from '../../../../electron/services/suggestions/in-worker.js';
import { toRows } from '../../../../electron/services/suggestions/suggestion-rows.js';
import { suggestionSchema } from '../../../../electron/contract/schemas/suggestions.js';
import { createChange, importText, useWorkspaces } from '../../../helpers/workspace.js';

const { openService, tempDir } = useWorkspaces();
const STORY = '“Rents have doubled since 2015,” Maria Lopez, the housing minister, told reporters.\n\nAna Kim said that the figure was wrong.\n\nUnemployment fell to 3.9 percent in 2023, the lowest rate since 1969.\n';
const words = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('suggestAnnotations', () => {
  it('proposes quotes and claims in the workspace’s labels, with reasons, worked out in the worker', async () => {
    const service = await openService();
    const doc = await importText(service, 'story.txt', STORY);
    const { suggestions, missingLabels, saved } = await service.suggestAnnotations(doc.id, true);
    expect(missingLabels).toEqual([]);
    expect(saved).toBe(false);
    expect(suggestions.filter((s) => s.labelId === 'quote').map((s) => [s.kind, words(STORY, s), s.speakerName])).toEqual([
      ['direct', '“Rents have doubled since 2015,”', 'Maria Lopez'],
      ['indirect', 'that the figure was wrong', 'Ana Kim'],
    ]);
    const claim = suggestions.find((s) => s.labelId === 'claim')!;
    expect(words(STORY, claim)).toBe('Unemployment fell to 3.9 percent in 2023, the lowest rate since 1969.');
    expect(claim.reason).toContain('a percentage');
    expect(claim.key).toBe(`claim:${claim.start}:${claim.end}`);
  });

  it('links a quote to the registry speaker the name matches', async () => {
    const service = await openService();
    const doc = await importText(service, 'story.txt', STORY);
    await service.applyChanges([{ kind: 'createSpeaker', speakerId: 'spk-lopez', name: 'Maria Lopez' }]);
    const { suggestions } = await service.suggestAnnotations(doc.id, true);
    expect(suggestions.find((s) => s.kind === 'direct')).toMatchObject({ speakerName: 'Maria Lopez', speakerId: 'spk-lopez' });
  });

  it('never proposes what an existing highlight of the same label already covers', async () => {
    const service = await openService();
    const doc = await importText(service, 'story.txt', STORY);
    const start = STORY.indexOf('Rents');
    await service.applyChanges([createChange(doc.id, 'ann-quote', start, start + 'Rents have doubled since 2015'.length, { labelId: 'quote' })]);
    const { suggestions } = await service.suggestAnnotations(doc.id, true);
    expect(suggestions.map((s) => words(STORY, s))).not.toContain('“Rents have doubled since 2015,”');
    expect(suggestions.some((s) => s.kind === 'indirect')).toBe(true);
  });

  it('keeps every row within what the wire allows, however long the words in the text', () => {
    const long = 'x'.repeat(1200);
    const found = { quotes: [{ start: 0, end: 5, kind: 'direct' as const, cue: null, speaker: { start: 6, end: 1206 }, speakerName: long, score: 0.5, reason: `name '${long}'` }, { start: 9, end: 9, kind: 'direct' as const, cue: null, speaker: null, speakerName: null, score: 0.5, reason: 'empty' }], claims: [] };
    const { rows } = toRows(found, [{ id: 'quote', name: 'Quote', color: '#123456', hotkey: 'q' }], []);
    expect(rows).toHaveLength(1);
    expect(suggestionSchema.safeParse(rows[0]).success).toBe(true);
  });

  it('follows the workspace’s labels: found by id, else by name; a kind with no label is left out and named', () => {
    const found = { quotes: [{ start: 0, end: 5, kind: 'direct' as const, cue: null, speaker: null, speakerName: null, score: 0.5, reason: 'quotation marks' }], claims: [{ start: 6, end: 9, score: 0.7, reason: 'a figure' }] };
    const label = (id: string, name: string) => ({ id, name, color: '#123456', hotkey: 'x' });
    expect(toRows(found, [label('lbl-7', 'Claim')], [])).toMatchObject({ missingLabels: ['Quote'], rows: [{ labelId: 'lbl-7', key: 'lbl-7:6:9', kind: 'claim' }] });
  });
});

describe('rejectSuggestions', () => {
  it('keeps a rejection on disk for that text: not proposed again, after a restart too', async () => {
    const dir = await tempDir('annotator-ws-');
    const service = await openService(dir);
    const doc = await importText(service, 'story.txt', STORY);
    const first = await service.suggestAnnotations(doc.id, true);
    const indirect = first.suggestions.find((s) => s.kind === 'indirect')!;
    expect(await service.rejectSuggestions(doc.id, [indirect.key, indirect.key])).toEqual({ rejected: 1 });
    const file = JSON.parse(await fs.readFile(path.join(dir, SUGGESTIONS_DIR, `${doc.id}.json`), 'utf8'));
    expect(file).toMatchObject({ textHash: doc.textHash, rejected: [indirect.key] });

    const again = await openService(dir);
    const { suggestions } = await again.suggestAnnotations(doc.id, true);
    expect(suggestions.map((s) => s.key)).not.toContain(indirect.key);
    expect(suggestions).toHaveLength(first.suggestions.length - 1);
  });

  it('keeps both of two rejections sent at once', async () => {
    const dir = await tempDir('annotator-ws-');
    const service = await openService(dir);
    const doc = await importText(service, 'story.txt', STORY);
    const [first, second] = (await service.suggestAnnotations(doc.id, true)).suggestions;
    await Promise.all([service.rejectSuggestions(doc.id, [first!.key]), service.rejectSuggestions(doc.id, [second!.key])]);
    const file = JSON.parse(await fs.readFile(path.join(dir, SUGGESTIONS_DIR, `${doc.id}.json`), 'utf8'));
    expect(file.rejected.sort()).toEqual([first!.key, second!.key].sort());
  });

  it('keeps the rejections and the good pre-annotations when one saved row was spoiled by hand', async () => {
    const dir = await tempDir('annotator-ws-');
    const service = await openService(dir);
    const doc = await importText(service, 'story.txt', STORY);
    const fresh = (await service.suggestAnnotations(doc.id, true)).suggestions;
    await saveSuggestions(service.store, service.store.findDocument(doc.id)!, fresh);
    await service.rejectSuggestions(doc.id, [fresh[0]!.key]);
    const file = path.join(dir, SUGGESTIONS_DIR, `${doc.id}.json`);
    const saved = JSON.parse(await fs.readFile(file, 'utf8'));
    saved.saved[1].score = 7;
    await fs.writeFile(file, JSON.stringify(saved));
    expect((await service.suggestAnnotations(doc.id, false)).suggestions.map((s) => s.key)).toEqual(fresh.slice(2).map((s) => s.key));
  });

  it('forgets rejections made for another text of the document', async () => {
    const dir = await tempDir('annotator-ws-');
    const service = await openService(dir);
    const doc = await importText(service, 'story.txt', STORY);
    const { suggestions } = await service.suggestAnnotations(doc.id, true);
    await fs.mkdir(path.join(dir, SUGGESTIONS_DIR), { recursive: true });
    await fs.writeFile(path.join(dir, SUGGESTIONS_DIR, `${doc.id}.json`), JSON.stringify({ textHash: 'another-text', rejected: suggestions.map((s) => s.key), saved: null }));
    expect((await service.suggestAnnotations(doc.id, true)).suggestions).toHaveLength(suggestions.length);
  });

  it('refuses an unknown document with a clear message', async () => {
    const service = await openService();
    await expect(service.rejectSuggestions('doc-nope', ['quote:0:1'])).rejects.toBeInstanceOf(ApiError);
  });
});

describe('pre-annotations', () => {
  it('are what the window gets without running the suggester, until rejected', async () => {
    const service = await openService();
    const doc = await importText(service, 'story.txt', STORY);
    expect(await service.suggestAnnotations(doc.id, false)).toEqual({ suggestions: [], missingLabels: [], saved: false });
    const fresh = await service.suggestAnnotations(doc.id, true);
    await saveSuggestions(service.store, service.store.findDocument(doc.id)!, fresh.suggestions);
    const kept = await service.suggestAnnotations(doc.id, false);
    expect(kept).toMatchObject({ saved: true, suggestions: fresh.suggestions });
    await service.rejectSuggestions(doc.id, [fresh.suggestions[0]!.key]);
    expect((await service.suggestAnnotations(doc.id, false)).suggestions).toEqual(fresh.suggestions.slice(1));
  });
});

describe('cancelSuggestions', () => {
  it('ends the named run: its request fails as cancelled, with nothing to report, and the next run answers', async () => {
    const service = await openService();
    const long = await importText(service, 'transcript.txt', 'Ana Kim said that the figure was wrong. “We will see,” she said.\n'.repeat(20_000));
    const running = service.suggestAnnotations(long.id, true, undefined, 'run-a');
    // Still under way, so there is a run to end (the worker takes seconds on 1.3 MB).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.cancelSuggestions('run-a')).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    // Ended and forgotten: a second call finds nothing; the same name may be used again.
    expect(service.cancelSuggestions('run-a')).toEqual({ cancelled: false });
    const doc = await importText(service, 'story.txt', STORY);
    expect((await service.suggestAnnotations(doc.id, true, undefined, 'run-a')).suggestions.length).toBeGreaterThan(0);
  });

  it('leaves another window’s run alone', async () => {
    const service = await openService();
    const doc = await importText(service, 'story.txt', STORY);
    const mine = service.suggestAnnotations(doc.id, true, undefined, 'run-mine');
    expect(service.cancelSuggestions('run-theirs')).toEqual({ cancelled: false });
    expect((await mine).suggestions.length).toBeGreaterThan(0);
  });

  it('refuses a second run under a name still in use', async () => {
    const service = await openService();
    const doc = await importText(service, 'story.txt', STORY);
    const first = service.suggestAnnotations(doc.id, true, undefined, 'run-1');
    await expect(service.suggestAnnotations(doc.id, true, undefined, 'run-1')).rejects.toThrow(/already under way/);
    await first;
  });
});

describe('the suggester’s worker', () => {
  it('ends at once when its signal is aborted, before answering', async () => {
    const text = 'Ana Kim said that the figure was wrong. '.repeat(40_000);
    const stop = new AbortController();
    const running = suggestInWorker(text, [], undefined, stop.signal);
    stop.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled', message: expect.stringContaining('another document was opened') });
    const already = new AbortController();
    already.abort();
    await expect(suggestInWorker('Ana Kim said so.', [], undefined, already.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('is stopped, with a message saying what to do, when it passes its time limit', async () => {
    const text = 'Ana Kim said that the figure was wrong. '.repeat(20_000);
    await expect(suggestInWorker(text, [], { timeMs: 1, memoryMb: 256 })).rejects.toThrow(/took longer than .* s and was stopped; try a shorter document/);
  });
});
