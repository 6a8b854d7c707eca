// The span-group rule and a group's state, shared by the curation view, the service and the exports.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../electron/contract/api.js';
import { acceptedCopies, annotatorOf, CURATED_LAYER, curationPeople, groupState, groupStateText, spanGroups, versionsAgree } from '../../../electron/contract/curation.js';

const TEXT = 'The mayor said rents doubled. Critics called it a fantasy. Nobody else spoke.';
let n = 0;
function h(author: string, start: number, end: number, more: Partial<Annotation> = {}): Annotation {
  const id = more.id ?? `a${++n}`;
  return { id, documentId: 'd', labelId: 'quote', start, end, text: TEXT.slice(start, end), prefix: '', suffix: '', speakerId: null, note: '', author, createdAt: '', updatedAt: '', ...more };
}

describe('span groups', () => {
  it('puts overlapping highlights of different people in one group, chained, and keeps touching ones apart', () => {
    const a = h('Ana', 0, 10);
    const b = h('Ben', 8, 20); // overlaps a
    const c = h('Ana', 18, 29); // overlaps b, not a: same group by the chain
    const d = h('Ben', 29, 40); // touches c's end: a group of its own
    const groups = spanGroups([d, c, b, a]);
    expect(groups.map((g) => [g.start, g.end])).toEqual([
      [0, 29],
      [29, 40],
    ]);
    expect(groups[0]!.versions.map((v) => [v.person.name, v.highlights.map((x) => x.id)])).toEqual([
      ['Ana', [a.id, c.id]],
      ['Ben', [b.id]],
    ]);
  });

  it('joins a curated highlight to the group it overlaps, and never counts it as a person', () => {
    const ana = h('Ana', 0, 10);
    const curated = h('Editor', 0, 10, { layer: 'curated', curatedFrom: [{ annotationId: ana.id, author: 'Ana' }] });
    const groups = spanGroups([ana, curated]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.curated.map((x) => x.id)).toEqual([curated.id]);
    expect(curationPeople([ana, curated]).map((p) => p.name)).toEqual(['Ana']);
    expect(groupStateText(groupState(groups[0]!, new Set()))).toBe('accepted from Ana');
  });

  it('numbers people the same in every group (by name), telling same-named people apart by id', () => {
    const people = curationPeople([h('Zoe', 0, 3), h('Ana', 40, 45), h('Ana', 50, 55, { authorId: 'p-ana2' })]);
    expect(people.map((p) => p.name)).toEqual(['Ana', 'Ana', 'Zoe']);
    expect(new Set(people.map((p) => p.key)).size).toBe(3);
  });
});

describe('a group’s state', () => {
  it('is agreed when everyone marked the same spans, labels and speakers; disagreed otherwise; rejected when all its highlights were', () => {
    const [a, b] = [h('Ana', 0, 10), h('Ben', 0, 10)];
    const same = spanGroups([a, b])[0]!;
    expect(versionsAgree(same)).toBe(true);
    expect(groupState(same, new Set()).kind).toBe('agreed');
    const other = spanGroups([h('Ana', 0, 10), h('Ben', 0, 10, { labelId: 'claim' })])[0]!;
    expect(groupState(other, new Set()).kind).toBe('disagreed');
    const alone = spanGroups([h('Ana', 0, 10)])[0]!;
    expect(groupState(alone, new Set()).kind).toBe('disagreed');
    expect(groupState(same, new Set([a.id, b.id])).kind).toBe('rejected');
    expect(groupState(same, new Set([a.id])).kind).toBe('agreed');
  });
});

describe('accepting a version', () => {
  it('copies one person’s highlights into the curated layer, naming their source; the agreed version names everyone’s', () => {
    const [a, b] = [h('Ana', 0, 10, { speakerId: 'spk-1', authorId: 'p-ana' }), h('Ben', 0, 10, { speakerId: 'spk-1' })];
    const group = spanGroups([a, b])[0]!;
    let i = 0;
    const [fromBen] = acceptedCopies(group, group.versions[1]!.person.key, () => `cur-${++i}`, 'Edna');
    expect(fromBen).toMatchObject({ id: 'cur-1', layer: 'curated', author: 'Edna', start: 0, end: 10, speakerId: 'spk-1', curatedFrom: [{ annotationId: b.id, author: 'Ben' }] });
    const [agreed] = acceptedCopies(group, null, () => `cur-${++i}`, 'Edna');
    expect(agreed!.curatedFrom).toEqual([
      { annotationId: a.id, author: 'Ana' },
      { annotationId: b.id, author: 'Ben' },
    ]);
    expect(agreed!.authorId).toBeUndefined();
    expect(annotatorOf(agreed!)).toBe(CURATED_LAYER);
    expect(annotatorOf(a)).toBe('Ana');
  });
});
