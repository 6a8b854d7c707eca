// The stretch of a document the curation view shows around a span group: enough to read the
// group in its context, never the whole text (a 5 MB transcript would freeze the window).
import type { Label } from '../../../electron/contract/window-api';
import { groupStateText, type GroupState, type SpanGroup } from '../../../electron/contract/curation';

/** Characters of context on each side of the group, and how far from that the cut may move to a line's or a word's edge. */
export const PASSAGE_RADIUS = 1500;
const EDGE_REACH = 200;

/** [from, to) around [start, end): about `radius` either side, cut at a line's or a word's edge when one is near. */
export function passageAround(text: string, start: number, end: number, radius = PASSAGE_RADIUS): { from: number; to: number } {
  const lo = Math.max(0, start - radius);
  const hi = Math.min(text.length, end + radius);
  const edgeAfter = (at: number) => {
    for (const mark of ['\n', ' ']) {
      const found = text.indexOf(mark, at);
      if (found !== -1 && found < Math.min(start, at + EDGE_REACH)) return found + 1;
    }
    return at;
  };
  const edgeBefore = (at: number) => {
    for (const mark of ['\n', ' ']) {
      const found = text.lastIndexOf(mark, at - 1);
      if (found >= Math.max(end, at - EDGE_REACH)) return found;
    }
    return at;
  };
  return { from: lo === 0 ? 0 : edgeAfter(lo), to: hi === text.length ? hi : edgeBefore(hi) };
}

/** The groups with any part in [from, to): groups are in text order and do not overlap, so a binary search finds the first. */
export function groupsWithin(groups: readonly SpanGroup[], from: number, to: number): number[] {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < groups.length && groups[i]!.start < to; i++) found.push(i);
  return found;
}

/** A group's mark read out: whose version says what, and where the group stands ("Ana’s version: Claim; Ben’s version: Quote; disagreed"). */
export function groupMarkLabel(group: SpanGroup, state: GroupState, labels: readonly Label[]): string {
  const nameOf = (labelId: string) => labels.find((l) => l.id === labelId)?.name ?? labelId;
  const versions = group.versions.map((v) => `${v.person.name}’s version: ${v.highlights.map((h) => nameOf(h.labelId)).join(' and ')}`);
  return [...versions, groupStateText(state)].join('; ');
}
