// Merging versions of one shared document: every rule, and the same answer on every machine.
import { describe, expect, it } from 'vitest';
import { equalLeaves, mergeLeaves, mergeSet } from '../../../../electron/services/sync/merge.js';

const claim = (status: string, extra: Record<string, unknown> = {}) => ({ checkWorthiness: null, status, sources: [], tags: [], ...extra });
const base = { id: 'h1', note: '', labelId: 'claim', quoteKind: 'direct', updatedAt: '2026-01-01T00:00:00Z', claim: claim('unreviewed') };

describe('mergeLeaves', () => {
  it('takes a field changed on one side only from that side, on both sides', () => {
    const result = mergeLeaves(base, [
      { rev: '2-a', body: { ...base, note: 'A', updatedAt: '2026-01-02T00:00:00Z' } },
      { rev: '2-b', body: { ...base, quoteKind: 'partial', updatedAt: '2026-01-03T00:00:00Z' } },
    ]);
    expect(result).toMatchObject({ overlaps: [], verdictConflict: false });
    expect(result.body).toMatchObject({ note: 'A', quoteKind: 'partial', updatedAt: '2026-01-03T00:00:00Z' });
  });

  it('surfaces the same field changed differently on both sides, keeping the winner', () => {
    const result = mergeLeaves(base, [
      { rev: '2-a', body: { ...base, note: 'A' } },
      { rev: '2-b', body: { ...base, note: 'B' } },
    ]);
    expect(result.overlaps).toEqual(['note']);
    expect(result.body.note).toBe('A');
  });

  it('keeps the winning verdict and lists the other in claim.conflicts, from team sync', () => {
    const result = mergeLeaves(base, [
      { rev: '3-a', body: { ...base, claim: claim('true', { statusBy: 'Ann', reviewedAt: '2026-01-02T00:00:00Z' }) } },
      { rev: '3-b', body: { ...base, claim: claim('false', { statusBy: 'Bo', reviewedAt: '2026-01-03T00:00:00Z' }) } },
    ]);
    expect(result).toMatchObject({ overlaps: [], verdictConflict: true });
    expect(result.body.claim).toMatchObject({ status: 'true', statusBy: 'Ann', conflicts: [{ status: 'false', by: 'Bo', at: '2026-01-03T00:00:00Z', from: 'team sync' }] });
  });

  it('takes a verdict changed on one side with who set it', () => {
    const result = mergeLeaves(base, [
      { rev: '2-a', body: { ...base, note: 'A' } },
      { rev: '2-b', body: { ...base, claim: claim('true', { statusBy: 'Bo' }) } },
    ]);
    expect(result.body.claim).toMatchObject({ status: 'true', statusBy: 'Bo' });
    expect(result.body.note).toBe('A');
  });

  it('without an ancestor, every differing field is an overlap', () => {
    expect(mergeLeaves(null, [{ rev: '1-a', body: { ...base, note: 'A' } }, { rev: '1-b', body: { ...base, note: 'B', quoteKind: 'partial' } }]).overlaps).toEqual(['note', 'quoteKind']);
  });

  it('is deterministic: the losers in any order give the same body', () => {
    const winner = { rev: '2-a', body: { ...base, claim: claim('true') } };
    const b = { rev: '2-b', body: { ...base, claim: claim('false', { statusBy: 'B' }) } };
    const c = { rev: '2-c', body: { ...base, claim: claim('mixed', { statusBy: 'C' }) } };
    expect(mergeLeaves(base, [winner, b, c])).toEqual(mergeLeaves(base, [winner, c, b]));
  });

  it('an editor clearing claim.conflicts on one side is not undone by the other', () => {
    const withConflict = { ...base, claim: claim('true', { conflicts: [{ status: 'false', by: 'B', at: 'x', from: 'team sync' }] }) };
    const result = mergeLeaves(withConflict, [
      { rev: '4-a', body: { ...withConflict, note: 'A' } },
      { rev: '4-b', body: { ...withConflict, claim: claim('false') } },
    ]);
    expect(result.body.claim).toEqual(claim('false'));
  });
});

describe('done marks and curation rejections, as sets', () => {
  const mark = (personId: string, at = '2026-01-01T00:00:00Z') => ({ personId, name: personId.toUpperCase(), at });
  const story = { type: 'document', id: 'd1', title: 'Story', textHash: 'abc' };
  const byId = (m: unknown) => (m as { personId: string }).personId;

  it('keeps both people’s marks when two mark the same document done offline: no overlap', () => {
    const result = mergeLeaves(story, [
      { rev: '2-b', body: { ...story, doneBy: [mark('ben')] } },
      { rev: '2-a', body: { ...story, doneBy: [mark('ana')] } },
    ]);
    expect(result).toMatchObject({ overlaps: [], verdictConflict: false });
    expect(result.body.doneBy).toEqual([mark('ana'), mark('ben')]);
  });

  it('drops a mark its person took back on one side while the other side added theirs', () => {
    const ancestor = { ...story, doneBy: [mark('ana')] };
    const result = mergeLeaves(ancestor, [
      { rev: '3-a', body: { ...story } },
      { rev: '3-b', body: { ...story, doneBy: [mark('ana'), mark('ben')] } },
    ]);
    expect(result.overlaps).toEqual([]);
    expect(result.body.doneBy).toEqual([mark('ben')]);
    // Both sides took theirs back: the field goes, as documentDoc leaves an empty list out.
    const none = mergeLeaves({ ...story, doneBy: [mark('ana'), mark('ben')] }, [
      { rev: '3-a', body: { ...story, doneBy: [mark('ben')] } },
      { rev: '3-b', body: { ...story, doneBy: [mark('ana')] } },
    ]);
    expect(none.body).not.toHaveProperty('doneBy');
  });

  it('unions curation’s rejected highlights the same way, and still surfaces a real overlap beside them', () => {
    const ancestor = { ...story, curationRejected: ['h1', 'h2'] };
    const result = mergeLeaves(ancestor, [
      { rev: '2-a', body: { ...story, curationRejected: ['h1', 'h2', 'h3'], title: 'Mine' } },
      { rev: '2-b', body: { ...story, curationRejected: ['h2', 'h4'], title: 'Theirs' } },
    ]);
    expect(result.body.curationRejected).toEqual(['h2', 'h3', 'h4']);
    expect(result.overlaps).toEqual(['title']);
  });

  it('without an ancestor takes the union (nothing can be told removed)', () => {
    expect(mergeSet(null, [mark('ana')], [mark('ben')], byId)).toEqual([mark('ana'), mark('ben')]);
    expect(mergeLeaves(null, [{ rev: '2-a', body: { ...story, doneBy: [mark('ana')] } }, { rev: '2-b', body: { ...story } }]).body.doneBy).toEqual([mark('ana')]);
  });

  it('a person re-marked on one side and un-marked on the other stays marked; re-marked on both, the later mark', () => {
    const ancestor = [mark('ana', '2026-01-01T00:00:00Z')];
    expect(mergeSet(ancestor, [], [mark('ana', '2026-01-05T00:00:00Z')], byId)).toEqual([mark('ana', '2026-01-05T00:00:00Z')]);
    expect(mergeSet(ancestor, [mark('ana', '2026-01-03T00:00:00Z')], [mark('ana', '2026-01-05T00:00:00Z')], byId)).toEqual([mark('ana', '2026-01-05T00:00:00Z')]);
    expect(mergeSet(ancestor, [mark('ana', '2026-01-05T00:00:00Z')], [mark('ana', '2026-01-03T00:00:00Z')], byId)).toEqual([mark('ana', '2026-01-05T00:00:00Z')]);
  });

  it('is deterministic: three sides in any order give the same marks', () => {
    const leaves = [
      { rev: '2-a', body: { ...story, doneBy: [mark('ana')] } },
      { rev: '2-b', body: { ...story, doneBy: [mark('ben')] } },
      { rev: '2-c', body: { ...story, doneBy: [mark('cy')] } },
    ];
    const one = mergeLeaves(story, leaves).body;
    expect(mergeLeaves(story, [leaves[2]!, leaves[0]!, leaves[1]!]).body).toEqual(one);
    expect(one.doneBy).toEqual([mark('ana'), mark('ben'), mark('cy')]);
  });
});

describe('equalLeaves', () => {
  it('collapses versions with equal bodies silently, keeping the first', () => {
    const { keep, drop } = equalLeaves([
      { rev: '2-a', body: { x: 1, y: [1, 2] } },
      { rev: '2-b', body: { y: [1, 2], x: 1 } },
      { rev: '2-c', body: { x: 2 } },
    ]);
    expect(keep.map((l) => l.rev)).toEqual(['2-a', '2-c']);
    expect(drop.map((l) => l.rev)).toEqual(['2-b']);
  });
});
