// How two or more versions of one shared document are put together (pure, deterministic: the
// same leaves give the same result on every machine, so two that merge at once converge).
// Field by field against the common ancestor: a field changed on one side only is taken from
// that side; changed differently on both is an overlap. A claim's verdict (claim.status) that
// overlaps keeps the winner's and lists the others in claim.conflicts; any other overlap is left
// for a person (the CouchDB conflict stays, conflicts() lists it). Without an ancestor (compacted
// away), every field that differs is an overlap. A document's done marks and curation's rejections
// are sets (see SET_FIELDS): merged member by member, never an overlap.
import { canonicalJson } from './shared-docs.js';

export type Body = Record<string, unknown>;
export interface Leaf {
  rev: string;
  body: Body;
}

export interface MergeResult {
  /** The merged body (the winner's where fields overlap). */
  body: Body;
  /** Fields changed differently on both sides, other than a claim's verdict: a person decides. */
  overlaps: string[];
  /** True when claim.status overlapped and the losers' verdicts went to claim.conflicts. */
  verdictConflict: boolean;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The fields compared, one level into `claim` (a claim's status, note, sources... are apart). */
function flatten(body: Body): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('_')) continue;
    if (key === 'claim' && value && typeof value === 'object') {
      for (const [sub, v] of Object.entries(value as Body)) fields.set(`claim.${sub}`, v);
      fields.set('claim', true);
    } else fields.set(key, value);
  }
  return fields;
}

function unflatten(fields: Map<string, unknown>): Body {
  const body: Body = {};
  let claim: Body | null = null;
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (key === 'claim') {
      claim ??= {};
      continue;
    }
    if (key.startsWith('claim.')) {
      claim ??= {};
      claim[key.slice(6)] = value;
    } else body[key] = value;
  }
  if (claim && fields.get('claim') !== undefined) body.claim = claim;
  return body;
}

/** Leaves whose bodies are equal: all but the first (the winner's order) can go silently. */
export function equalLeaves<T extends Leaf>(leaves: readonly T[]): { keep: T[]; drop: T[] } {
  const keep: T[] = [];
  const drop: T[] = [];
  for (const leaf of leaves) (keep.some((k) => same(k.body, leaf.body)) ? drop : keep).push(leaf);
  return { keep, drop };
}

/**
 * Fields that are sets, each with what names a member: a person's done mark is theirs alone (by
 * personId), a rejected highlight is its id. Kept sorted by that name, as documentDoc writes them.
 */
const SET_FIELDS: Record<string, (member: unknown) => string> = {
  doneBy: (mark) => String((mark as { personId?: unknown }).personId),
  curationRejected: (id) => String(id),
};

/**
 * Merges a set field three ways, member by member against the ancestor's: a member added on
 * either side is kept, one removed on either side goes, unless the other side changed it too
 * (then the one present stays; present on both, the later in canonical order, so every
 * machine picks the same). Without an ancestor nothing can be told removed: the union.
 */
export function mergeSet(ancestor: unknown, ours: unknown, theirs: unknown, nameOf: (member: unknown) => string): unknown[] | undefined {
  const byName = (list: unknown) => new Map((Array.isArray(list) ? list : []).map((member) => [nameOf(member), member] as const));
  const [base, mine, other] = [byName(ancestor), byName(ours), byName(theirs)];
  const kept = new Map<string, unknown>();
  for (const name of new Set([...base.keys(), ...mine.keys(), ...other.keys()])) {
    const [b, o, t] = [base.get(name), mine.get(name), other.get(name)];
    let member: unknown;
    if (same(o, t) || same(t, b)) member = o;
    else if (same(o, b)) member = t;
    else if (o === undefined || t === undefined) member = o ?? t;
    else member = canonicalJson(o) > canonicalJson(t) ? o : t;
    if (member !== undefined) kept.set(name, member);
  }
  const names = [...kept.keys()].sort();
  return names.length ? names.map((name) => kept.get(name)) : undefined;
}

type Verdict = { status: string; by: string; at: string; from: string };
const conflictKey = (c: Verdict) => `${c.status}\u0000${c.by}\u0000${c.at}`;

/** The verdict a losing version stands for, as claim.conflicts lists it. */
function verdictOf(fields: Map<string, unknown>): Verdict {
  return {
    status: String(fields.get('claim.status')),
    by: String(fields.get('claim.statusBy') ?? fields.get('claim.reviewer') ?? fields.get('author') ?? ''),
    at: String(fields.get('claim.reviewedAt') ?? fields.get('updatedAt') ?? ''),
    from: 'team sync',
  };
}

/**
 * Merges `leaves` (the winner first, as CouchDB picked it) against `ancestor` (null when gone).
 * The losers are taken in revision order so the outcome does not depend on who lists them.
 */
export function mergeLeaves(ancestor: Body | null, leaves: readonly Leaf[]): MergeResult {
  const [winner, ...rest] = leaves;
  if (!winner) throw new Error('nothing to merge');
  const losers = [...rest].sort((a, b) => (a.rev < b.rev ? -1 : a.rev > b.rev ? 1 : 0));
  const base = ancestor ? flatten(ancestor) : null;
  const merged = flatten(winner.body);
  const overlaps = new Set<string>();
  const lostVerdicts: Verdict[] = [];
  for (const loser of losers) {
    const theirs = flatten(loser.body);
    // The loser's verdict is taken (changed on its side only): who set it and when come with it.
    const statusFromLoser = base !== null && same(merged.get('claim.status'), base.get('claim.status')) && !same(theirs.get('claim.status'), base.get('claim.status'));
    const keys = new Set([...merged.keys(), ...theirs.keys()]);
    for (const key of [...keys].sort()) {
      const ours = merged.get(key);
      const other = theirs.get(key);
      if (same(ours, other)) continue;
      if (key === 'updatedAt' || key === 'claim.reviewedAt' || key === 'claim.statusBy' || key === 'claim.reviewer') continue;
      const original = base?.get(key);
      const nameOf = SET_FIELDS[key];
      if (nameOf) {
        merged.set(key, mergeSet(base ? original : null, ours, other, nameOf));
        continue;
      }
      const oursChanged = base === null || !same(ours, original);
      const theirsChanged = base === null || !same(other, original);
      if (!theirsChanged) continue;
      if (key === 'claim.conflicts' && oursChanged) {
        // Both sides listed other verdicts: every one of them is kept.
        const union = new Map<string, Verdict>();
        for (const list of [ours, other]) for (const c of (list as Verdict[] | undefined) ?? []) union.set(conflictKey(c), c);
        merged.set(key, [...union.values()].sort((a, b) => (conflictKey(a) < conflictKey(b) ? -1 : 1)));
        continue;
      }
      if (!oursChanged) {
        merged.set(key, other);
        continue;
      }
      if (key === 'claim.status') lostVerdicts.push(verdictOf(theirs));
      else overlaps.add(key);
    }
    // Bookkeeping fields follow the latest change; claim.conflicts is the union of both sides'.
    for (const key of ['updatedAt']) {
      const later = [merged.get(key), theirs.get(key)].filter((v): v is string => typeof v === 'string').sort().pop();
      if (later !== undefined) merged.set(key, later);
    }
    if (statusFromLoser) for (const key of ['claim.reviewedAt', 'claim.statusBy', 'claim.reviewer']) merged.set(key, theirs.get(key));
  }
  const verdictConflict = lostVerdicts.length > 0;
  if (verdictConflict) {
    const all = new Map<string, Verdict>(((merged.get('claim.conflicts') as Verdict[] | undefined) ?? []).map((c) => [conflictKey(c), c]));
    for (const verdict of lostVerdicts) if (verdict.status !== merged.get('claim.status')) all.set(conflictKey(verdict), verdict);
    merged.set('claim.conflicts', [...all.values()].sort((a, b) => (conflictKey(a) < conflictKey(b) ? -1 : 1)));
  }
  return { body: unflatten(merged), overlaps: [...overlaps].sort(), verdictConflict };
}
