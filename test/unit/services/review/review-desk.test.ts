// The service side of the editors' review desk: the claims list, who reviewed, the history that
// nothing can rewrite, the editable scale and its ratings, and the publisher's settings.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, claimRowSchema, verdictRating, type Status } from '../../../../electron/contract/api.js';
import { apiMethods } from '../../../../electron/contract/api.js';
import { HISTORY_DIR } from '../../../../electron/services/review/claim-history.js';
import { createChange, firstRefusal, expectApiError, importText, useWorkspaces, workspaceOnDisk } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The mayor claimed crime fell 20% last year. She also said the budget is balanced.';

async function deskWithClaims() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', STORY);
  const first = STORY.indexOf('crime fell 20% last year');
  const second = STORY.indexOf('the budget is balanced');
  await firstRefusal(
    service.applyChanges([
      { kind: 'setAnnotatorName', name: 'Ana Reyes' },
      { kind: 'createSpeaker', speakerId: 'spk-mayor', name: 'The mayor' },
      createChange(doc.id, 'c1', first, first + 24, { labelId: 'claim', speakerId: 'spk-mayor' }),
      createChange(doc.id, 'c2', second, second + 22, { labelId: 'claim' }),
      createChange(doc.id, 'q1', 0, 9, { labelId: 'quote' }),
    ]),
  );
  return { dir, service, doc };
}

const setStatus = (documentId: string, annotationId: string, status: string) => ({ kind: 'updateAnnotation' as const, documentId, annotationId, claim: { status } });

describe('listClaims', () => {
  it('lists every claim (not quotes) with its document, claimant, status and who made it', async () => {
    const { service, doc } = await deskWithClaims();
    const rows = await service.listClaims();
    expect(rows.map((row) => claimRowSchema.parse(row))).toHaveLength(2);
    expect(rows[0]).toMatchObject({ documentId: doc.id, documentTitle: 'story', annotationId: 'c1', text: 'crime fell 20% last year', claimantId: 'spk-mayor', status: 'unreviewed', author: 'Ana Reyes', reviewer: '' });
  });
});

describe('reviewing a claim', () => {
  it('records the reviewer and the time when the desk sets the status, whatever the change says', async () => {
    const { service, doc } = await deskWithClaims();
    await firstRefusal(service.applyChanges([{ kind: 'setAnnotatorName', name: 'Ed Itor' }]));
    await firstRefusal(service.applyChanges([{ ...setStatus(doc.id, 'c1', 'false'), claim: { status: 'false', reviewer: 'Someone Else', statusBy: 'Someone Else' }, deskDecision: true }]));
    const [row] = await service.listClaims();
    expect(row).toMatchObject({ status: 'false', reviewer: 'Ed Itor' });
    expect(Date.parse(row!.reviewedAt!)).not.toBeNaN();
  });

  it('records a status set in the side panel as who changed it, not as the claim’s reviewer', async () => {
    const { service, doc } = await deskWithClaims();
    // Annotator A (Ana Reyes, who tagged it) sets her own claim's status from the side panel.
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'c1', 'false')]));
    expect((await service.listClaims())[0]).toMatchObject({ status: 'false', reviewer: '' });
    // Editor B decides on the desk: she is its reviewer.
    await firstRefusal(service.applyChanges([{ kind: 'setAnnotatorName', name: 'Ed Itor' }, { ...setStatus(doc.id, 'c1', 'mostly-false'), deskDecision: true }]));
    expect((await service.listClaims())[0]).toMatchObject({ status: 'mostly-false', reviewer: 'Ed Itor' });
    // A later side-panel change is nobody's decision: the verdict is no longer B's.
    await firstRefusal(service.applyChanges([{ kind: 'setAnnotatorName', name: 'Ana Reyes' }, setStatus(doc.id, 'c1', 'true')]));
    expect((await service.listClaims())[0]).toMatchObject({ status: 'true', reviewer: '' });
    const history = await service.history.list(doc.id, 'c1');
    expect(history.map((h) => [h.to, h.by, h.desk ?? false])).toEqual([
      ['false', 'Ana Reyes', false],
      ['mostly-false', 'Ed Itor', true],
      ['true', 'Ana Reyes', false],
    ]);
  });

  it('keeps a history of status, notes and sources: who, when, from what to what, on disk', async () => {
    const { dir, service, doc } = await deskWithClaims();
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'c1', 'in-progress')]));
    await firstRefusal(
      service.applyChanges([
        { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'mostly-false', reviewerNote: 'Police data says 12%.' } },
        { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', note: 'Check the police report' },
        { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { sources: [{ title: 'Police report', url: 'https://example.org/r', note: '' }] } },
        // Not tracked: the label's colour of things, tags.
        { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { tags: ['crime'] } },
      ]),
    );
    const history = await service.history.list(doc.id, 'c1');
    expect(history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['status', 'unreviewed', 'in-progress'],
      ['status', 'in-progress', 'mostly-false'],
      ['reviewerNote', '', 'Police data says 12%.'],
      ['note', '', 'Check the police report'],
      ['sources', [], [{ title: 'Police report', url: 'https://example.org/r', note: '' }]],
    ]);
    expect(history.every((h) => h.by === 'Ana Reyes' && !Number.isNaN(Date.parse(h.at)))).toBe(true);
    // One line per change, in a file of its own, read back by a new service.
    const lines = (await fs.readFile(path.join(dir, HISTORY_DIR, `${doc.id}.jsonl`), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(await (await ws.openService(dir)).history.list(doc.id, 'c1')).toEqual(history);
    expect(await service.history.list(doc.id, 'c2')).toEqual([]);
  });

  it('keeps the history of a claim deleted and brought back by undo', async () => {
    const { service, doc } = await deskWithClaims();
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'c2', 'true')]));
    await firstRefusal(service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'c2' }]));
    expect((await service.history.list(doc.id, 'c2')).map((h) => h.to)).toEqual(['true']);
  });

  it('skips a history line a crash cut short, keeps the rest, and starts the next on a line of its own', async () => {
    const { dir, service, doc } = await deskWithClaims();
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'c1', 'true')]));
    await fs.appendFile(path.join(dir, HISTORY_DIR, `${doc.id}.jsonl`), '{"documentId":"' + doc.id + '","annotationId":"c1","at":"2026');
    expect((await service.history.list(doc.id, 'c1')).map((h) => h.to)).toEqual(['true']);
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'c1', 'false')]));
    expect((await service.history.list(doc.id, 'c1')).map((h) => h.to)).toEqual(['true', 'false']);
  });

  it('offers no way to change or remove history: no method, and no change, touches it', async () => {
    expect(apiMethods.filter((m) => /history/i.test(m))).toEqual(['listClaimHistory']);
    const { dir, service, doc } = await deskWithClaims();
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'c1', 'true')]));
    const file = path.join(dir, HISTORY_DIR, `${doc.id}.jsonl`);
    const before = await fs.readFile(file, 'utf8');
    const { refused } = await service.applyChanges([
      { kind: 'deleteHistory', documentId: doc.id, annotationId: 'c1' },
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', history: [] },
    ]);
    expect(refused).toHaveLength(1);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });
});

describe('the verdict scale', () => {
  it('rates verdicts by their place among the rated: the first of n rates n, the last 1; working states and Unverifiable have none', () => {
    expect(verdictRating(DEFAULT_STATUSES, 'true')).toEqual({ ratingValue: 6, bestRating: 6, worstRating: 1 });
    expect(verdictRating(DEFAULT_STATUSES, 'false')).toEqual({ ratingValue: 2, bestRating: 6, worstRating: 1 });
    expect(verdictRating(DEFAULT_STATUSES, 'misleading')).toEqual({ ratingValue: 1, bestRating: 6, worstRating: 1 });
    expect(verdictRating(DEFAULT_STATUSES, 'unverifiable')).toBeNull();
    expect(verdictRating(DEFAULT_STATUSES, 'unreviewed')).toBeNull();
  });

  it('is the workspace’s own, edited as a whole and saved', async () => {
    const { dir, service } = await deskWithClaims();
    const scale: Status[] = [
      { id: 'unreviewed', name: 'Unreviewed', kind: 'working', hotkey: 'u' },
      { id: 'true', name: 'Accurate', kind: 'verdict', hotkey: '1' },
      { id: 'pants-on-fire', name: 'Pants on fire', kind: 'verdict', hotkey: '9' },
    ];
    await firstRefusal(service.applyChanges([{ kind: 'saveStatuses', statuses: scale }]));
    expect((await workspaceOnDisk(dir)).statuses).toEqual(scale);
    expect((await service.getSession()).statuses.map((s) => s.name)).toEqual(['Unreviewed', 'Accurate', 'Pants on fire']);
  });

  it('refuses, in words, a scale that drops a status in use, repeats a key, or starts with a verdict', async () => {
    const { service, doc } = await deskWithClaims();
    await firstRefusal(service.applyChanges([setStatus(doc.id, 'c1', 'misleading')]));
    const without = DEFAULT_STATUSES.filter((s) => s.id !== 'misleading');
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'saveStatuses', statuses: without }])), 'bad-request', /"Misleading" is still the status of a claim in "story"/);
    const sameKey = DEFAULT_STATUSES.map((s) => (s.id === 'false' ? { ...s, hotkey: '1' } : s));
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'saveStatuses', statuses: sameKey }])), 'bad-request', /1 is the key of both True and False/);
    const deskKey = DEFAULT_STATUSES.map((s) => (s.id === 'true' ? { ...s, hotkey: 'j' } : s));
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'saveStatuses', statuses: deskKey }])), 'bad-request', /J is taken by the desk/);
    const verdictFirst = [DEFAULT_STATUSES[3]!, DEFAULT_STATUSES[0]!, ...DEFAULT_STATUSES.slice(1, 3), ...DEFAULT_STATUSES.slice(4)];
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'saveStatuses', statuses: verdictFirst }])), 'bad-request', /start with a working state/);
    expect((await service.getSession()).statuses).toEqual(DEFAULT_STATUSES);
  });
});

describe('review settings', () => {
  it('keeps the organisation and the fact-check address, and refuses an address that is not http(s)', async () => {
    const { dir, service } = await deskWithClaims();
    await firstRefusal(service.applyChanges([{ kind: 'setReviewSettings', settings: { organisation: 'Valley Fact Check', claimReviewUrl: 'https://facts.example/checks/{id}' } }]));
    expect((await workspaceOnDisk(dir)).settings).toMatchObject({ organisation: 'Valley Fact Check', claimReviewUrl: 'https://facts.example/checks/{id}' });
    expect((await service.getSession()).reviewSettings.organisation).toBe('Valley Fact Check');
    const { refused } = await service.applyChanges([
      { kind: 'setReviewSettings', settings: { organisation: 'x', claimReviewUrl: 'javascript:alert(1)' } },
      { kind: 'setReviewSettings', settings: { organisation: 'x', claimReviewUrl: 'https://fact-checks.example%/{id}' } },
    ]);
    expect(refused.map((r) => r.message)).toEqual([expect.stringMatching(/must be a web address/), expect.stringMatching(/must be a web address/)]);
    expect((await service.getSession()).reviewSettings.claimReviewUrl).toBe('https://facts.example/checks/{id}');
  });
});
