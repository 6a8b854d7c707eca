// The desk's edit as a step of the window's undo history.
import { describe, expect, it } from 'vitest';
import type { ClaimRow } from '../../../electron/contract/api.js';
import { deskClaimStep, History } from '../../../renderer/src/state/history.js';

const row = (annotationId: string, fields: Partial<ClaimRow> = {}): ClaimRow => ({
  documentId: 'doc',
  documentTitle: 'story',
  annotationId,
  text: 'crime fell by half',
  start: 0,
  claimantId: null,
  status: 'unreviewed',
  checkWorthiness: null,
  tags: [],
  note: '',
  reviewerNote: '',
  author: 'ana',
  reviewer: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('a desk edit in the undo history', () => {
  it('sends the verdict of every selected claim, and puts each one’s own status back when undone', () => {
    const step = deskClaimStep(
      [
        { before: row('a', { status: 'true' }), after: row('a', { status: 'false' }) },
        { before: row('b'), after: row('b', { status: 'false' }) },
      ],
      { status: 'false' },
    );
    expect(step.desk).toBe(true);
    expect(step.send.map((c) => c.kind === 'updateAnnotation' && c.claim)).toEqual([{ status: 'false' }, { status: 'false' }]);
    expect(step.unsend.map((c) => c.kind === 'updateAnnotation' && c.claim)).toEqual([{ status: 'true' }, { status: 'unreviewed' }]);
    expect(step.backward).toEqual([
      { kind: 'put-claim', row: row('a', { status: 'true' }) },
      { kind: 'put-claim', row: row('b') },
    ]);
  });

  it('makes a reviewer note typed in bursts one step, undone to the note before', () => {
    const history = new History();
    history.record(deskClaimStep([{ before: row('a'), after: row('a', { reviewerNote: 'S' }) }], { reviewerNote: 'S' }, 1000));
    history.record(deskClaimStep([{ before: row('a', { reviewerNote: 'S' }), after: row('a', { reviewerNote: 'See' }) }], { reviewerNote: 'See' }, 1500));
    const undone = history.undo()!;
    expect(undone.unsend).toEqual([{ kind: 'updateAnnotation', documentId: 'doc', annotationId: 'a', claim: { reviewerNote: '' } }]);
    expect(history.canUndo).toBe(false);
  });

  it('undoes only steps that pass the filter (the desk undoes only its own)', () => {
    const history = new History();
    history.record({ forward: [], backward: [], send: [], unsend: [], at: 0 });
    expect(history.undo((step) => step.desk === true)).toBeNull();
    expect(history.canUndo).toBe(true);
    expect(history.undo()).not.toBeNull();
  });
});
