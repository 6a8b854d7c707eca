// Curation: an editor turns several people's highlights of one document into one adjudicated
// version, the curated layer. The rules here are shared by the curation view, the service, the
// exports and the agreement, so all of them read a group and its state the same way.
//
// The span-group rule: a group is a maximal run of highlights (of anyone, the curated layer's
// included) whose ranges overlap in a chain: A overlaps B and B overlaps C puts A, B and C in one
// group even when A and C do not touch. Touching ends (A ends where B starts) do not overlap.
// Each person's version of a group is all of her highlights in it (a quote with the speaker's
// name inside it is one version); the curated highlights in it are the group's curated version.
import type { Annotation, CuratedSource } from './schemas/annotations.js';
import { compareSpans } from './spans.js';

/** The layer's reserved name where annotators are listed (agreement, exports' choice of annotators). */
export const CURATED_LAYER = 'Curated layer';

export function isCurated(highlight: { layer?: 'curated' }): boolean {
  return highlight.layer === 'curated';
}

/** Who a highlight counts for among annotators: its author, or the curated layer (whoever the editor was). */
export function annotatorOf(highlight: { author: string; layer?: 'curated' }): string {
  return isCurated(highlight) ? CURATED_LAYER : highlight.author;
}

/** A person whose highlights are in the document: by stable id where there is one, else by name. */
export interface CurationPerson {
  key: string;
  name: string;
}

export const personKeyOf = (h: Annotation): string => (h.authorId ? `id:${h.authorId}` : `name:${h.author}`);

export interface SpanGroup {
  /** The first highlight's id: stable while that highlight is there. */
  key: string;
  start: number;
  end: number;
  /** Each person's version, in the order of `people`; a person with nothing here has none. */
  versions: { person: CurationPerson; highlights: Annotation[] }[];
  curated: Annotation[];
}

export type GroupState =
  | { kind: 'agreed' }
  | { kind: 'disagreed' }
  | { kind: 'rejected' }
  | { kind: 'accepted'; from: string[] };

/** The people who made highlights in a document (not the curated layer), by name, so keys 1..9 mean the same person in every group. */
export function curationPeople(highlights: readonly Annotation[]): CurationPerson[] {
  const people = new Map<string, CurationPerson>();
  for (const h of highlights) if (!isCurated(h) && !people.has(personKeyOf(h))) people.set(personKeyOf(h), { key: personKeyOf(h), name: h.author.trim() || '(no name)' });
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1));
}

/** The document's span groups in text order (see the rule above). One pass over highlights in text order. */
export function spanGroups(highlights: readonly Annotation[], people = curationPeople(highlights)): SpanGroup[] {
  const ordered = [...highlights].sort(compareSpans);
  const groups: SpanGroup[] = [];
  let members: Annotation[] = [];
  let end = -1;
  const close = () => {
    if (!members.length) return;
    const byPerson = new Map<string, Annotation[]>();
    const curated: Annotation[] = [];
    for (const h of members) {
      if (isCurated(h)) curated.push(h);
      else byPerson.set(personKeyOf(h), [...(byPerson.get(personKeyOf(h)) ?? []), h]);
    }
    const versions = people.filter((p) => byPerson.has(p.key)).map((person) => ({ person, highlights: byPerson.get(person.key)! }));
    groups.push({ key: members[0]!.id, start: members[0]!.start, end, versions, curated });
    members = [];
  };
  for (const h of ordered) {
    if (members.length && h.start >= end) close();
    end = members.length ? Math.max(end, h.end) : h.end;
    members.push(h);
  }
  close();
  return groups;
}

/** What a version says, so two versions can be compared: spans, labels and speakers. */
const signature = (highlights: readonly Pick<Annotation, 'start' | 'end' | 'labelId' | 'speakerId'>[]): string =>
  highlights
    .map((h) => `${h.start}:${h.end}:${h.labelId}:${h.speakerId ?? ''}`)
    .sort()
    .join('|');

/** Everyone who marked the group marked the same spans with the same labels and speakers (two people at least). */
export function versionsAgree(group: SpanGroup): boolean {
  if (group.versions.length < 2) return false;
  const first = signature(group.versions[0]!.highlights);
  return group.versions.every((v) => signature(v.highlights) === first);
}

/** The highlights of people in a group, whose ids a rejection records. */
export const memberIds = (group: SpanGroup): string[] => group.versions.flatMap((v) => v.highlights.map((h) => h.id));

/** A group's state: its curated version decides; else a rejection of all its members; else whether they agree. */
export function groupState(group: SpanGroup, rejected: ReadonlySet<string>): GroupState {
  if (group.curated.length) return { kind: 'accepted', from: [...new Set(group.curated.flatMap((h) => (h.curatedFrom ?? []).map((s) => s.author || '(no name)')))] };
  const ids = memberIds(group);
  if (ids.length && ids.every((id) => rejected.has(id))) return { kind: 'rejected' };
  return versionsAgree(group) ? { kind: 'agreed' } : { kind: 'disagreed' };
}

export function groupStateText(state: GroupState): string {
  if (state.kind === 'accepted') return state.from.length ? `accepted from ${state.from.join(' and ')}` : 'curated';
  return state.kind;
}

/**
 * The curated copy of an accepted highlight: what it says (span, label, speaker, quote kind,
 * claim fields, note), in the curated layer, with where it came from. Who curated it is the
 * service's to record (the caller's person), never the copy's.
 */
export function curatedCopy(source: Annotation, annotationId: string, from: CuratedSource[]): Annotation {
  const now = new Date().toISOString();
  const { authorId: _authorId, anchor: _anchor, ...rest } = source;
  return { ...rest, id: annotationId, layer: 'curated', curatedFrom: from, createdAt: now, updatedAt: now };
}

export const sourceOf = (h: Annotation): CuratedSource => ({ annotationId: h.id, author: h.author });

/**
 * The curated highlights accepting a version: `person`'s, or (null) the agreed version, each
 * copy naming every person's matching highlight it stands for.
 */
export function acceptedCopies(group: SpanGroup, personKey: string | null, newId: () => string, author: string): Annotation[] {
  const chosen = personKey === null ? group.versions[0] : group.versions.find((v) => v.person.key === personKey);
  if (!chosen) return [];
  const same = (a: Annotation, b: Annotation) => a.start === b.start && a.end === b.end && a.labelId === b.labelId && (a.speakerId ?? null) === (b.speakerId ?? null);
  return chosen.highlights.map((h) => {
    const from = personKey === null ? group.versions.flatMap((v) => v.highlights.filter((o) => same(o, h)).map(sourceOf)) : [sourceOf(h)];
    return { ...curatedCopy(h, newId(), from), author };
  });
}
