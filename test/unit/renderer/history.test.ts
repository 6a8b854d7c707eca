import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../electron/contract/api.js';
import { combine, createStep, deleteStep, History, MERGE_MS, speakerStep, updateStep } from '../../../renderer/src/state/history.js';

const base: Annotation = {
  id: 'a1',
  documentId: 'doc-1',
  labelId: 'quote',
  start: 0,
  end: 4,
  text: 'Text',
  prefix: '',
  suffix: '',
  speakerId: null,
  note: '',
  author: 'Ana',
  createdAt: 't0',
  updatedAt: 't0',
};

describe('steps', () => {
  it('a create is undone by a delete, and a delete by a create that brings every field back', () => {
    const claim: Annotation = { ...base, labelId: 'claim', note: 'n', claim: { checkWorthiness: 'high', status: 'false', sources: [], tags: ['x'] } };
    const created = createStep(claim);
    expect(created.unsend).toEqual([{ kind: 'deleteAnnotation', documentId: 'doc-1', annotationId: 'a1' }]);
    const deleted = deleteStep(claim);
    expect(deleted.send).toEqual([{ kind: 'deleteAnnotation', documentId: 'doc-1', annotationId: 'a1' }]);
    expect(deleted.unsend[0]).toMatchObject({ kind: 'createAnnotation', annotationId: 'a1', labelId: 'claim', note: 'n', claim: claim.claim });
    expect(deleted.backward).toEqual([{ kind: 'put', annotation: claim }]);
  });

  it('an update is undone by putting back exactly the fields it touched', () => {
    const before = { ...base, quoteKind: 'direct' as const };
    const after = { ...before, speakerId: 'spk-1', quoteKind: undefined };
    const step = updateStep(before, after, { speakerId: 'spk-1', quoteKind: null });
    expect(step.send).toEqual([{ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a1', speakerId: 'spk-1', quoteKind: null }]);
    expect(step.unsend).toEqual([{ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a1', speakerId: null, quoteKind: 'direct' }]);
    expect(step.backward).toEqual([{ kind: 'put', annotation: before }]);
  });

  it('combined steps are undone in reverse order', () => {
    const speaker = { id: 'spk-1', name: 'Wood', aliases: [], role: '', organisation: '', notes: '', createdAt: 't' };
    const step = combine([speakerStep(speaker), updateStep(base, { ...base, speakerId: 'spk-1' }, { speakerId: 'spk-1' })]);
    expect(step.send.map((c) => c.kind)).toEqual(['createSpeaker', 'updateAnnotation']);
    expect(step.unsend.map((c) => c.kind)).toEqual(['updateAnnotation', 'deleteSpeaker']);
  });
});

describe('History', () => {
  it('undoes and redoes in order, and a new step clears what could be redone', () => {
    const history = new History();
    const one = createStep(base, 0);
    const two = deleteStep(base, 10_000);
    history.record(one);
    history.record(two);
    expect(history.undo()).toBe(two);
    expect(history.undo()).toBe(one);
    expect(history.undo()).toBeNull();
    expect(history.redo()).toEqual(one);
    history.record(createStep({ ...base, id: 'a2' }, 20_000));
    expect(history.redo()).toBeNull();
  });

  it('folds a note typed key by key into one step, but not notes typed far apart', () => {
    const history = new History();
    const typed = (note: string, at: number, before: string) =>
      updateStep({ ...base, note: before }, { ...base, note }, { note }, at);
    history.record(typed('W', 0, ''));
    history.record(typed('We', 200, 'W'));
    history.record(typed('We w', 400, 'We'));
    history.record(typed('Later', 400 + MERGE_MS + 1, 'We w'));
    const later = history.undo()!;
    expect(later.unsend).toEqual([{ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a1', note: 'We w' }]);
    const typing = history.undo()!;
    // Undoing the typing goes back to before the first key.
    expect(typing.unsend).toEqual([{ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a1', note: '' }]);
    expect(typing.forward).toEqual([{ kind: 'put', annotation: { ...base, note: 'We w' } }]);
    expect(history.undo()).toBeNull();
  });
});
