// Merging versions of one shared document: every rule, and the same answer on every machine.
import { describe, expect, it } from 'vitest';
import { equalLeaves, mergeLeaves } from '../../../../electron/services/sync/merge.js';

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
