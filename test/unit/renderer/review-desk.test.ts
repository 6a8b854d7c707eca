// The desk's table logic and the scale's rules, without a window.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, type ClaimHistoryEntry, type ClaimRow, type Speaker, type Status } from '../../../electron/contract/api.js';
import { ONLY_MINE, annotatorChoiceOf } from '../../../electron/contract/annotator-filter.js';
import { filterChoices, filterClaims, indexByKey, nextSort, NO_DESK_FILTER, rowKey, sortClaims, statusForKey } from '../../../renderer/src/review/claim-table.js';
import { collapseEdits, describeHistoryEntry } from '../../../renderer/src/review/ClaimHistory.js';
import { scaleProblem } from '../../../renderer/src/review/ReviewSetup.js';

const speakers: Speaker[] = [
  { id: 'spk-b', name: 'Bea Ortiz', aliases: [], role: '', organisation: '', notes: '', createdAt: '' },
  { id: 'spk-a', name: 'Abel Nkemelu', aliases: [], role: '', organisation: '', notes: '', createdAt: '' },
];

function row(id: string, patch: Partial<ClaimRow> = {}): ClaimRow {
  return {
    documentId: 'doc-1', documentTitle: 'Budget story', annotationId: id, text: `claim ${id}`, start: 0, claimantId: null, status: 'unreviewed',
    checkWorthiness: null, tags: [], note: '', reviewerNote: '', author: 'Ana', reviewer: '', updatedAt: '2026-11-28T10:00:00.000Z', ...patch,
  };
}

const rows = [
  row('c1', { text: 'Unemployment fell to 4%', claimantId: 'spk-b', status: 'false', checkWorthiness: 'high', tags: ['economy'], updatedAt: '2026-11-28T10:03:00.000Z' }),
  row('c2', { text: 'Crime doubled', claimantId: 'spk-a', status: 'true', checkWorthiness: 'low', author: 'Ben', documentId: 'doc-2', documentTitle: 'Crime story' }),
  row('c3', { text: 'Taxes are the lowest ever', status: 'unreviewed', checkWorthiness: 'medium', reviewerNote: 'ask the treasury', updatedAt: '2026-11-28T09:00:00.000Z' }),
];
const names = new Map(speakers.map((s) => [s.id, s.name]));

describe('filtering the claims', () => {
  it('keeps what matches every filter', () => {
    expect(filterClaims(rows, { ...NO_DESK_FILTER, status: 'true' }, names).map((r) => r.annotationId)).toEqual(['c2']);
    expect(filterClaims(rows, { ...NO_DESK_FILTER, speakerId: 'spk-b' }, names).map((r) => r.annotationId)).toEqual(['c1']);
    expect(filterClaims(rows, { ...NO_DESK_FILTER, speakerId: '-' }, names).map((r) => r.annotationId)).toEqual(['c3']);
    expect(filterClaims(rows, { ...NO_DESK_FILTER, documentId: 'doc-2' }, names).map((r) => r.annotationId)).toEqual(['c2']);
    expect(filterClaims(rows, { ...NO_DESK_FILTER, author: annotatorChoiceOf('Ana'), tag: 'economy' }, names).map((r) => r.annotationId)).toEqual(['c1']);
  });

  it('shows only the window person’s claims for "Only mine", and everyone’s for ""', () => {
    const ben = { id: 'p-ben', name: 'Ben' };
    expect(filterClaims(rows, { ...NO_DESK_FILTER, author: ONLY_MINE }, names, ben).map((r) => r.annotationId)).toEqual(['c2']);
    expect(filterClaims(rows, { ...NO_DESK_FILTER, author: ONLY_MINE }, names, null)).toEqual([]);
    expect(filterClaims(rows, NO_DESK_FILTER, names, ben)).toHaveLength(3);
  });

  it('searches the text, the notes and the claimant’s name, in any case', () => {
    expect(filterClaims(rows, { ...NO_DESK_FILTER, search: 'CRIME' }, names).map((r) => r.annotationId)).toEqual(['c2']);
    expect(filterClaims(rows, { ...NO_DESK_FILTER, search: 'treasury' }, names).map((r) => r.annotationId)).toEqual(['c3']);
    expect(filterClaims(rows, { ...NO_DESK_FILTER, search: 'ortiz' }, names).map((r) => r.annotationId)).toEqual(['c1']);
  });

  // The search keeps each row's lowercased text from one keystroke to the next (for 10,000 claims).
  it('finds a claim by its new words after an edit, and no longer by its old ones', () => {
    const before = row('e1', { text: 'Rents doubled', reviewerNote: 'call the council' });
    expect(filterClaims([before], { ...NO_DESK_FILTER, search: 'rents' }, names)).toEqual([before]);
    // An edit makes a new row with the same key (as the desk's edits and a refresh do).
    const after = { ...before, text: 'Rents fell', reviewerNote: 'asked the mayor' };
    expect(filterClaims([after], { ...NO_DESK_FILTER, search: 'doubled' }, names)).toEqual([]);
    expect(filterClaims([after], { ...NO_DESK_FILTER, search: 'council' }, names)).toEqual([]);
    expect(filterClaims([after], { ...NO_DESK_FILTER, search: 'mayor' }, names)).toEqual([after]);
    // A claimant renamed: the new name is searched.
    const spoken = row('e2', { claimantId: 'spk-a' });
    expect(filterClaims([spoken], { ...NO_DESK_FILTER, search: 'nkemelu' }, names)).toEqual([spoken]);
    expect(filterClaims([spoken], { ...NO_DESK_FILTER, search: 'nkemelu' }, new Map([['spk-a', 'Abel N.']]))).toEqual([]);
  });

  it('matches the same rows as lowercasing every field on each search, accents and case included', () => {
    const words = ['Élection', 'élection', 'ÉCOLE', 'Straße', 'STRASSE', 'İstanbul', 'istanbul', 'Ünemployment', 'crime', 'CRIME'];
    const many = Array.from({ length: 400 }, (_, i) =>
      row(`s${i}`, { text: `${words[i % words.length]} ${i}`, note: words[(i * 3) % words.length]!, reviewerNote: i % 7 ? '' : words[(i * 5) % words.length]!, claimantId: i % 4 ? 'spk-b' : null }),
    );
    const naive = (search: string) =>
      many.filter((r) => [r.text, r.note, r.reviewerNote, r.claimantId ? names.get(r.claimantId) ?? '' : ''].some((field) => field.toLowerCase().includes(search.trim().toLowerCase())));
    for (const search of ['élection', 'ÉLECTION', 'école', 'straße', 'strasse', 'i̇stanbul', 'istanbul', 'ü', 'crime 1', 'ortiz', ' 12 ', 'nothing']) {
      expect(filterClaims(many, { ...NO_DESK_FILTER, search }, names).map(rowKey)).toEqual(naive(search).map(rowKey));
    }
  });

  it('offers the annotators, tags and documents the claims have', () => {
    expect(filterChoices(rows)).toEqual({ authors: ['Ana', 'Ben'], tags: ['economy'], documents: [{ id: 'doc-1', title: 'Budget story' }, { id: 'doc-2', title: 'Crime story' }] });
  });
});

describe('sorting the claims', () => {
  const ids = (sorted: ClaimRow[]) => sorted.map((r) => r.annotationId);
  it('sorts statuses by their place on the scale, not by name', () => {
    expect(ids(sortClaims(rows, { column: 'status', direction: 'ascending' }, speakers, DEFAULT_STATUSES))).toEqual(['c3', 'c2', 'c1']);
    expect(ids(sortClaims(rows, { column: 'status', direction: 'descending' }, speakers, DEFAULT_STATUSES))).toEqual(['c1', 'c2', 'c3']);
  });
  it('sorts claimants by name, check-worthiness by weight, changes by time', () => {
    expect(ids(sortClaims(rows, { column: 'claimant', direction: 'ascending' }, speakers, DEFAULT_STATUSES))).toEqual(['c3', 'c2', 'c1']);
    expect(ids(sortClaims(rows, { column: 'checkWorthiness', direction: 'descending' }, speakers, DEFAULT_STATUSES))).toEqual(['c1', 'c3', 'c2']);
    expect(ids(sortClaims(rows, { column: 'updatedAt', direction: 'descending' }, speakers, DEFAULT_STATUSES))).toEqual(['c1', 'c2', 'c3']);
  });
  it('keeps the service’s order for equal keys and with no sort', () => {
    expect(ids(sortClaims(rows, { column: 'author', direction: 'ascending' }, speakers, DEFAULT_STATUSES))).toEqual(['c1', 'c3', 'c2']);
    expect(ids(sortClaims(rows, null, speakers, DEFAULT_STATUSES))).toEqual(['c1', 'c2', 'c3']);
  });
  it('cycles a header through ascending, descending and none', () => {
    const first = nextSort(null, 'text');
    expect(first).toEqual({ column: 'text', direction: 'ascending' });
    const second = nextSort(first, 'text');
    expect(second).toEqual({ column: 'text', direction: 'descending' });
    expect(nextSort(second, 'text')).toBeNull();
    expect(nextSort(second, 'document')).toEqual({ column: 'document', direction: 'ascending' });
  });
  // How fast is for npm run bench:review; here, that 10,000 come out whole and in scale order.
  it('sorts 10,000 claims by status, losing none', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(`m${i}`, { text: `claim ${(i * 7919) % 10_000}`, status: DEFAULT_STATUSES[i % 10]!.id }));
    const sorted = sortClaims(filterClaims(many, { ...NO_DESK_FILTER, search: 'claim' }, names), { column: 'status', direction: 'ascending' }, speakers, DEFAULT_STATUSES);
    expect(new Set(sorted.map(rowKey)).size).toBe(10_000);
    const places = sorted.map((r) => DEFAULT_STATUSES.findIndex((s) => s.id === r.status));
    expect(places.every((place, i) => i === 0 || places[i - 1]! <= place)).toBe(true);
  });
});

describe('a row\'s key', () => {
  it('is the document and the annotation, for a new row object as for the old one', () => {
    const a = row('k1');
    expect(rowKey(a)).toBe('doc-1/k1');
    expect(rowKey({ ...a })).toBe('doc-1/k1');
    expect(rowKey({ ...a, documentId: 'doc-2' })).toBe('doc-2/k1');
  });

  it('finds each shown row\'s place by its key', () => {
    const shown = [row('p2'), row('p1', { documentId: 'doc-2' }), row('p3')];
    const places = indexByKey(shown);
    expect([...places]).toEqual([['doc-1/p2', 0], ['doc-2/p1', 1], ['doc-1/p3', 2]]);
    expect(places.get('doc-1/p1')).toBeUndefined();
  });
});

describe('keys and the scale', () => {
  it('finds the status a key sets', () => {
    expect(statusForKey(DEFAULT_STATUSES, '5')?.name).toBe('False');
    expect(statusForKey(DEFAULT_STATUSES, 'U')?.name).toBe('Unreviewed');
    expect(statusForKey(DEFAULT_STATUSES, 'q')).toBeUndefined();
  });

  it('says what is wrong with a scale, in words', () => {
    const none = new Map<string, number>();
    expect(scaleProblem(DEFAULT_STATUSES, none, [])).toBeNull();
    const verdictFirst: Status[] = [DEFAULT_STATUSES[3]!, DEFAULT_STATUSES[0]!];
    expect(scaleProblem(verdictFirst, none, [])).toMatch(/first status .* working state/);
    expect(scaleProblem([...DEFAULT_STATUSES, { id: 'x', name: 'false', kind: 'verdict' }], none, [])).toBe('There are two statuses called “false”.');
    expect(scaleProblem([...DEFAULT_STATUSES, { id: 'x', name: 'Satire', kind: 'verdict', hotkey: '1' }], none, [])).toBe('1 is the key of both True and Satire; give one another key.');
    expect(scaleProblem([...DEFAULT_STATUSES, { id: 'x', name: 'Satire', kind: 'verdict', hotkey: 'j' }], none, [])).toMatch(/J is taken by the desk/);
    expect(scaleProblem(DEFAULT_STATUSES.filter((s) => s.id !== 'false'), new Map([['false', 2]]), ['false'])).toBe(
      '2 claims have the status you removed; give them another status first.',
    );
  });

  it('writes a history entry as who changed what, from what to what', () => {
    const at = new Date(2026, 10, 28, 10, 2).toISOString();
    const entry = { documentId: 'd', annotationId: 'a', at, by: 'Ana Reyes', field: 'status' as const, from: 'unreviewed', to: 'false' };
    expect(describeHistoryEntry(entry, DEFAULT_STATUSES)).toBe('2026-11-28 10:02 — changed by Ana Reyes: status Unreviewed → False');
    expect(describeHistoryEntry({ ...entry, field: 'reviewerNote', from: '', to: 'Checked with the ministry', by: '' }, DEFAULT_STATUSES)).toBe(
      '2026-11-28 10:02 — changed by someone unnamed: reviewer note (none) → “Checked with the ministry”',
    );
    expect(describeHistoryEntry({ ...entry, field: 'sources', from: [], to: [{}, {}] }, DEFAULT_STATUSES)).toBe('2026-11-28 10:02 — changed by Ana Reyes: sources 0 sources → 2 sources');
    // A verdict an import brought, kept beside the claim's own until an editor picks.
    expect(describeHistoryEntry({ ...entry, field: 'conflicts', from: [], to: [{ status: 'true', by: 'Bo Berg', at, from: 'tasks.json' }] }, DEFAULT_STATUSES)).toBe(
      '2026-11-28 10:02 — changed by Ana Reyes: conflicting verdicts (none) → True (Bo Berg)',
    );
    expect(describeHistoryEntry({ ...entry, recovered: true }, DEFAULT_STATUSES)).toBe(
      '2026-11-28 10:02 — changed by Ana Reyes: status Unreviewed → False (recovered after an interrupted save)',
    );
    // A status set on the desk is an editor's decision; one set in the side panel is not marked.
    expect(describeHistoryEntry({ ...entry, desk: true }, DEFAULT_STATUSES)).toBe('2026-11-28 10:02 — verdict by Ana Reyes (reviewer): status Unreviewed → False');
    // An editor picking this version's verdict, which it already had.
    expect(describeHistoryEntry({ ...entry, from: 'false', desk: true }, DEFAULT_STATUSES)).toBe('2026-11-28 10:02 — verdict by Ana Reyes (reviewer): status False kept');
  });
});

describe('collapseEdits', () => {
  const entry = (field: ClaimHistoryEntry['field'], at: string, from: unknown, to: unknown, by = 'Ana'): ClaimHistoryEntry => ({ documentId: 'd', annotationId: 'c', field, at, by, from, to });

  it('reads a burst of saves of one note by one person as one edit, and keeps everything else apart', () => {
    const entries = [
      entry('note', '2026-11-28T10:00:00.000Z', '', 'C'),
      entry('note', '2026-11-28T10:00:01.000Z', 'C', 'Ch'),
      entry('note', '2026-11-28T10:00:02.000Z', 'Ch', 'Check'),
      entry('status', '2026-11-28T10:00:03.000Z', 'unreviewed', 'false'),
      entry('status', '2026-11-28T10:00:04.000Z', 'false', 'true'),
      entry('note', '2026-11-28T10:00:05.000Z', 'Check', 'Check it', 'Ben'),
      entry('note', '2026-11-28T10:30:00.000Z', 'Check it', 'Checked'),
    ];
    expect(collapseEdits(entries).map((e) => [e.field, e.by, e.from, e.to])).toEqual([
      ['note', 'Ana', '', 'Check'],
      ['status', 'Ana', 'unreviewed', 'false'],
      ['status', 'Ana', 'false', 'true'],
      ['note', 'Ben', 'Check', 'Check it'],
      ['note', 'Ana', 'Check it', 'Checked'],
    ]);
  });

  it('keeps a recovered line apart from the edits around it', () => {
    const entries = [
      entry('note', '2026-11-28T10:00:00.000Z', '', 'C'),
      { ...entry('note', '2026-11-28T10:00:01.000Z', 'C', 'Ch'), recovered: true as const },
      entry('note', '2026-11-28T10:00:02.000Z', 'Ch', 'Check'),
    ];
    expect(collapseEdits(entries).map((e) => [e.to, e.recovered ?? false])).toEqual([
      ['C', false],
      ['Ch', true],
      ['Check', false],
    ]);
  });
});
