import { describeReanchoring } from '../../../renderer/src/state/use-document-source';
import { fromAnnotationColumns, toAnnotationColumns } from '../../../electron/contract/spans.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, DEFAULT_STATUSES, type Annotation, type DocumentSummary, type Session } from '../../../electron/contract/api.js';
import {
  compareAnnotations,
  hydrateDocument,
  initialState,
  insertSorted,
  workspaceReducer,
  type DocumentView,
  type WorkspaceAction,
  type WorkspaceState,
} from '../../../renderer/src/state/workspace-state.js';

const TEXT = 'The mayor said the bridge will be rebuilt by May. Critics doubt it.';

function doc(id: string, annotationCount = 0): DocumentSummary {
  return { id, title: id, fileName: `${id}.txt`, textHash: 'a'.repeat(64), length: TEXT.length, addedAt: '2024-01-01T00:00:00.000Z', annotationCount, format: 'text' as const, encoding: 'utf-8' as const, encodingDetected: false, sourceUrl: null, filePath: null };
}

function ann(id: string, start: number, end: number, documentId = 'doc-1'): Annotation {
  return {
    id,
    documentId,
    labelId: 'quote',
    start,
    end,
    text: TEXT.slice(start, end),
    prefix: '',
    suffix: '',
    speakerId: null,
    note: '',
    author: '',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

const session: Session = {
  host: 'memory',
  workspaceDir: '/ws',
  capabilities: { nativeOpenDialog: false, recentFiles: false },
  labels: DEFAULT_LABELS,
  statuses: DEFAULT_STATUSES,
  speakers: [{ id: 'spk-1', name: 'The mayor', aliases: [], role: '', organisation: '', notes: '', createdAt: '2024-01-01T00:00:00.000Z' }],
  documents: [doc('doc-1', 2), doc('doc-2', 5)],
  lastDocumentId: 'doc-1',
  annotatorName: 'Ana Reyes',
  reviewSettings: { organisation: '', claimReviewUrl: '' },
  storeProblem: null,
};

const opened = (annotations: Annotation[]): DocumentView =>
  hydrateDocument({ document: doc('doc-1', annotations.length), text: TEXT, annotations: toAnnotationColumns(annotations), annotationsComplete: true, orphans: [], source: { state: 'unlinked', report: null, problem: null } });

const created = (annotation: Annotation): WorkspaceAction => ({ type: 'ops', ops: [{ kind: 'put', annotation }], select: annotation.id });
const deleted = (annotationId: string): WorkspaceAction => ({ type: 'ops', ops: [{ kind: 'remove', documentId: 'doc-1', annotationId }] });

function run(state: WorkspaceState, ...actions: WorkspaceAction[]): WorkspaceState {
  return actions.reduce(workspaceReducer, state);
}

/** A session loaded and doc-1 opened with two highlights. */
function loaded(): WorkspaceState {
  return run(initialState, { type: 'session-loaded', session }, { type: 'document-opened', view: opened([ann('late', 30, 40), ann('early', 4, 9)]) });
}

const ids = (state: WorkspaceState) => state.current?.annotations.map((a) => a.id);
const count = (state: WorkspaceState, id: string) => state.documents.find((d) => d.id === id)?.annotationCount;

describe('workspaceReducer', () => {
  it('session-loaded takes documents, labels and speakers from the session', () => {
    const state = run(initialState, { type: 'session-loaded', session });
    expect(state.session).toBe(session);
    expect(state.documents.map((d) => d.id)).toEqual(['doc-1', 'doc-2']);
    expect(state.labels.map((l) => l.name)).toEqual(['Quote', 'Speaker', 'Claim']);
    expect(state.speakers.map((s) => s.name)).toEqual(['The mayor']);
    expect(state.current).toBeNull();
  });

  it('document-opened sorts highlights into text order and clears the selection', () => {
    let state = loaded();
    state = run(state, { type: 'select', annotationId: 'early' });
    state = run(state, { type: 'document-opened', view: opened([ann('c', 20, 25), ann('a', 0, 3), ann('b', 0, 10)]) });
    expect(ids(state)).toEqual(['b', 'a', 'c']);
    expect(state.selectedId).toBeNull();
  });

  it('document-opened does not reorder the caller’s array', () => {
    const list = [ann('c', 20, 25), ann('a', 0, 3)];
    run(initialState, { type: 'document-opened', view: opened(list) });
    expect(list.map((a) => a.id)).toEqual(['c', 'a']);
  });

  it('a put of a new highlight inserts it in text order, selects it and counts it', () => {
    const state = run(loaded(), created(ann('middle', 15, 20)));
    expect(ids(state)).toEqual(['early', 'middle', 'late']);
    expect(state.selectedId).toBe('middle');
    expect(count(state, 'doc-1')).toBe(3);
    expect(count(state, 'doc-2')).toBe(5);
  });

  it('puts at the start and at the end of the list', () => {
    const state = run(loaded(), created(ann('first', 0, 3)), created(ann('last', 60, 65)));
    expect(ids(state)).toEqual(['first', 'early', 'late', 'last']);
    expect(state.selectedId).toBe('last');
  });

  it('a put without an open document changes no highlight', () => {
    const state = run(initialState, { type: 'session-loaded', session });
    expect(run(state, created(ann('x', 0, 3))).current).toBeNull();
  });

  it('does not mutate the previous state', () => {
    const before = loaded();
    const snapshot = structuredClone(before);
    run(before, created(ann('m', 15, 20)), deleted('early'), { type: 'ops', ops: [{ kind: 'put', annotation: { ...ann('late', 30, 40), note: 'x' } }] });
    expect(before).toEqual(snapshot);
  });

  it('a put of a known highlight replaces only it, in place', () => {
    const changed = { ...ann('late', 30, 40), labelId: 'claim', speakerId: 'spk-1', note: 'Check the budget.' };
    const state = run(loaded(), { type: 'ops', ops: [{ kind: 'put', annotation: changed }] });
    expect(state.current!.annotations.find((a) => a.id === 'late')).toBe(changed);
    expect(state.current!.annotations[0]).toMatchObject({ id: 'early', labelId: 'quote', note: '' });
    expect(count(state, 'doc-1')).toBe(2);
  });

  it('a put that moves a highlight keeps the list in text order', () => {
    const state = run(loaded(), { type: 'ops', ops: [{ kind: 'put', annotation: ann('late', 1, 3) }] });
    expect(ids(state)).toEqual(['late', 'early']);
    expect(count(state, 'doc-1')).toBe(2);
  });

  it('hydrates highlights from the wire with their text and context', () => {
    const view = loaded().current!;
    const early = view.annotations.find((a) => a.id === 'early')!;
    expect(early.text).toBe(TEXT.slice(4, 9));
    expect(early.prefix).toBe(TEXT.slice(0, 4));
    expect(early.suffix).toBe(TEXT.slice(9, 41));
  });

  it('a remove takes it out, decrements the count and clears its selection', () => {
    let state = run(loaded(), { type: 'select', annotationId: 'early' }, deleted('early'));
    expect(ids(state)).toEqual(['late']);
    expect(count(state, 'doc-1')).toBe(1);
    expect(state.selectedId).toBeNull();
    state = run(state, { type: 'select', annotationId: 'late' }, deleted('missing'));
    expect(count(state, 'doc-1')).toBe(1);
    expect(state.selectedId).toBe('late');
  });

  it('deleting another highlight keeps the current selection', () => {
    const state = run(loaded(), { type: 'select', annotationId: 'late' }, deleted('early'));
    expect(state.selectedId).toBe('late');
  });

  it('a removed highlight put back returns to its place, counted', () => {
    const early = loaded().current!.annotations.find((a) => a.id === 'early')!;
    let state = run(loaded(), deleted('early'), deleted('late'));
    expect(count(state, 'doc-1')).toBe(0);
    state = run(state, created(early));
    expect(ids(state)).toEqual(['early']);
    expect(state.selectedId).toBe('early');
    expect(count(state, 'doc-1')).toBe(1);
  });

  it('never counts below zero', () => {
    const state = run(
      initialState,
      { type: 'session-loaded', session: { ...session, documents: [doc('doc-1', 0)] } },
      { type: 'document-opened', view: opened([ann('a', 0, 3)]) },
      deleted('a'),
    );
    expect(count(state, 'doc-1')).toBe(0);
  });

  it('adds and removes speakers, changes documents and selects', () => {
    let state = run(loaded(), { type: 'ops', ops: [{ kind: 'add-speaker', speaker: { id: 'spk-2', name: 'A critic', aliases: [], role: '', organisation: '', notes: '', createdAt: 'now' } }] });
    expect(state.speakers.map((s) => s.id)).toEqual(['spk-1', 'spk-2']);
    expect(run(state, { type: 'ops', ops: [{ kind: 'remove-speaker', speakerId: 'spk-2' }] }).speakers.map((s) => s.id)).toEqual(['spk-1']);
    state = run(state, { type: 'documents-changed', documents: [doc('doc-9')] });
    expect(state.documents.map((d) => d.id)).toEqual(['doc-9']);
    state = run(state, { type: 'select', annotationId: 'late' });
    expect(state.selectedId).toBe('late');
    expect(run(state, { type: 'select', annotationId: null }).selectedId).toBeNull();
  });

  it('keeps the four newest messages, with unique ids, and dismisses by id', () => {
    let state = initialState;
    for (let i = 1; i <= 6; i++) state = run(state, { type: 'message', kind: i % 2 ? 'error' : 'info', text: `message ${i}` });
    expect(state.messages.map((m) => m.text)).toEqual(['message 3', 'message 4', 'message 5', 'message 6']);
    expect(new Set(state.messages.map((m) => m.id)).size).toBe(4);
    const dismissed = state.messages[1]!.id;
    state = run(state, { type: 'dismiss', messageId: dismissed });
    expect(state.messages.map((m) => m.text)).toEqual(['message 3', 'message 5', 'message 6']);
  });
});

describe('many highlights made at once (accepting every suggestion)', () => {
  it('end in the same list, order and counts as made one by one', () => {
    const made = [ann('n3', 40, 50), ann('n1', 0, 3), ann('n2', 10, 14), ann('n4', 4, 9)];
    const atOnce = run(loaded(), { type: 'ops', ops: made.map((annotation) => ({ kind: 'put', annotation })), select: 'n1' });
    const oneByOne = run(loaded(), ...made.map(created), { type: 'select', annotationId: 'n1' });
    expect(ids(atOnce)).toEqual(ids(oneByOne));
    expect(ids(atOnce)).toEqual(['n1', 'early', 'n4', 'n2', 'late', 'n3']);
    expect(count(atOnce, 'doc-1')).toBe(count(oneByOne, 'doc-1'));
    expect(atOnce.selectedId).toBe('n1');
  });

  it('leaves a batch that changes a highlight already there to the one-by-one path', () => {
    const moved = run(loaded(), { type: 'ops', ops: [{ kind: 'put', annotation: ann('n1', 0, 3) }, { kind: 'put', annotation: ann('late', 20, 25) }] });
    expect(ids(moved)).toEqual(['n1', 'early', 'late']);
    expect(count(moved, 'doc-1')).toBe(3);
  });
});

describe('compareAnnotations and insertSorted', () => {
  it('orders by start, then longer first, then id', () => {
    const list = [ann('b', 5, 8), ann('z', 0, 3), ann('outer', 0, 10), ann('a', 5, 8)];
    expect([...list].sort(compareAnnotations).map((a) => a.id)).toEqual(['outer', 'z', 'a', 'b']);
  });

  it('insertSorted keeps the list sorted for every insertion order', () => {
    const items = [ann('a', 0, 5), ann('b', 0, 2), ann('c', 3, 4), ann('d', 3, 9), ann('e', 10, 12), ann('f', 10, 12)];
    const expected = [...items].sort(compareAnnotations).map((a) => a.id);
    // Every rotation and its reverse.
    for (let shift = 0; shift < items.length; shift++) {
      const order = [...items.slice(shift), ...items.slice(0, shift)];
      for (const sequence of [order, [...order].reverse()]) {
        const result = sequence.reduce<Annotation[]>((list, item) => insertSorted(list, item), []);
        expect(result.map((a) => a.id)).toEqual(expected);
      }
    }
  });
});

describe('annotation columns', () => {
  it('round-trip every field, and slice text and context from the document', () => {
    const original = [ann('x', 4, 9), { ...ann('y', 20, 25), speakerId: 'spk-1', note: 'check', labelId: 'claim' }];
    const back = fromAnnotationColumns(toAnnotationColumns(original), 'doc-1', TEXT);
    expect(back.map(({ prefix: _p, suffix: _s, ...rest }) => rest)).toEqual(original.map(({ prefix: _p, suffix: _s, ...rest }) => rest));
    expect(back[1]!.prefix).toBe(TEXT.slice(0, 20));
    expect(back[1]!.suffix).toBe(TEXT.slice(25, 57));
  });
});

describe('annotations-loaded', () => {
  it('adds the rest of a document in text order, without doubling highlights made meanwhile', () => {
    let state = loaded();
    state = run(state, created(ann('made-meanwhile', 50, 55)));
    state = run(state, { type: 'annotations-loaded', documentId: 'doc-1', annotations: [ann('made-meanwhile', 50, 55), ann('rest', 45, 48)] });
    expect(ids(state)).toEqual(['early', 'late', 'rest', 'made-meanwhile']);
  });

  it('ignores the rest of a document that is no longer open', () => {
    const state = loaded();
    expect(run(state, { type: 'annotations-loaded', documentId: 'doc-2', annotations: [ann('x', 1, 2, 'doc-2')] })).toBe(state);
  });
});

describe('steps about another document', () => {
  it('leave the open document as it is (they change only the disk)', () => {
    const state = loaded();
    const other = { ...ann('elsewhere', 1, 3), documentId: 'doc-2' };
    const after = run(state, { type: 'ops', ops: [{ kind: 'put', annotation: other }, { kind: 'remove', documentId: 'doc-2', annotationId: 'early' }] });
    expect(ids(after)).toEqual(ids(state));
    expect(count(after, 'doc-1')).toBe(count(state, 'doc-1'));
  });
});

describe('orphans and the source file', () => {
  const withOrphan = () => {
    const base = loaded();
    return { ...base, current: { ...base.current!, orphans: [ann('lost', 50, 60)] } };
  };

  it('orphan-placed moves the orphan into the highlights, in text order, counted and selected', () => {
    const state = run(withOrphan(), { type: 'orphan-placed', annotation: ann('lost', 12, 20) });
    expect(state.current!.orphans).toEqual([]);
    expect(ids(state)).toEqual(['early', 'lost', 'late']);
    expect(count(state, 'doc-1')).toBe(3);
    expect(state.selectedId).toBe('lost');
  });

  it('orphan-discarded drops it from the list without touching the highlights', () => {
    const state = run(withOrphan(), { type: 'orphan-discarded', annotationId: 'lost' });
    expect(state.current!.orphans).toEqual([]);
    expect(ids(state)).toEqual(['early', 'late']);
    expect(count(state, 'doc-1')).toBe(2);
  });

  it('source-checked updates only the open document', () => {
    const missing = { state: 'missing' as const, report: null, problem: null };
    expect(run(loaded(), { type: 'source-checked', documentId: 'doc-1', source: missing }).current!.source).toEqual(missing);
    expect(run(loaded(), { type: 'source-checked', documentId: 'doc-2', source: missing }).current!.source.state).toBe('unlinked');
  });
});

describe('describeReanchoring', () => {
  it('names only what happened, in words', () => {
    expect(describeReanchoring('story.txt', { unchanged: 0, moved: 2, fuzzy: 1, orphaned: 0 })).toBe(
      'story.txt changed: 2 highlights moved with the text, 1 highlight needs a check (dashed outline).',
    );
    expect(describeReanchoring('story.txt', { unchanged: 1, moved: 0, fuzzy: 0, orphaned: 3 })).toBe(
      'story.txt changed: 1 highlight unchanged, 3 highlights could not be placed (see "Not placed").',
    );
    expect(describeReanchoring('a.txt', { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 })).toBe('a.txt changed: it had no highlights.');
  });
});

describe('the document list after opening', () => {
  it('takes the opened document’s own entry (its count changes when its file changed)', () => {
    const reopened = { ...opened([ann('early', 4, 9)]), document: { ...doc('doc-1', 1), textHash: 'b'.repeat(64) } };
    const state = run(loaded(), { type: 'document-opened', view: reopened });
    expect(state.documents.find((d) => d.id === 'doc-1')).toMatchObject({ annotationCount: 1, textHash: 'b'.repeat(64) });
    expect(count(state, 'doc-2')).toBe(5);
  });
});
