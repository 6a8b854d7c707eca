// How many matches the find bar's query has, and which one is current: "3 of 12". Counting
// stops at a cap, so a common word in a 5 MB transcript stays quick to type ("1,000+").
import type { EditorState } from '@codemirror/state';
import { SearchQuery } from '@codemirror/search';
import { firstIndexNotBefore } from '../../../electron/contract/spans';

export const MATCH_COUNT_CAP = 1000;

export interface Matches {
  /** In text order, at most the cap. */
  ranges: { from: number; to: number }[];
  /** More matches than the cap. */
  more: boolean;
}

/** `\n`, `\r`, `\t` and `\\` typed in a plain query mean what CodeMirror's own search takes them to. */
function unquote(text: string): string {
  return text.replace(/\\([nrt\\])/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch === 't' ? '\t' : '\\'));
}

/**
 * The same matches as a regular expression: CodeMirror's plain-text cursor folds case a character
 * at a time (a third of a second over 5 MB for a word that is not there); a RegExp is ~15 times quicker.
 */
export function countingQuery(query: SearchQuery): SearchQuery {
  if (query.regexp || !query.valid) return query;
  const text = query.literal ? query.search : unquote(query.search);
  const pattern = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return new SearchQuery({ search: pattern, regexp: true, caseSensitive: query.caseSensitive, wholeWord: query.wholeWord });
}

export function findMatches(query: SearchQuery, state: EditorState, cap = MATCH_COUNT_CAP): Matches {
  const ranges: { from: number; to: number }[] = [];
  if (!query.valid) return { ranges, more: false };
  const cursor = countingQuery(query).getCursor(state);
  for (let next = cursor.next(); !next.done; next = cursor.next()) {
    if (ranges.length === cap) return { ranges, more: true };
    ranges.push({ from: next.value.from, to: next.value.to });
  }
  return { ranges, more: false };
}

/** The match the find bar calls current: the selected one, else the first at or after the caret. */
export function currentMatchIndex(matches: Matches, selection: { from: number; to: number }): number {
  const { ranges } = matches;
  // The first match starting at or after the selection's start.
  const low = firstIndexNotBefore(ranges.length, (i) => ranges[i]!.from < selection.from);
  if (low < ranges.length) return low;
  // Past the last counted match: wraps to the first, as Next does, unless more lie uncounted.
  return matches.more ? -1 : ranges.length ? 0 : -1;
}

const number = (n: number) => n.toLocaleString('en');

/** "3 of 12", "1 of 1,000+", "1,000+ matches", "No matches"; '' for an empty query. */
export function matchCountText(query: SearchQuery, matches: Matches, current: number): string {
  if (!query.search) return '';
  if (!query.valid) return 'Not a valid pattern';
  if (matches.ranges.length === 0) return 'No matches';
  const total = matches.more ? `${number(MATCH_COUNT_CAP)}+` : number(matches.ranges.length);
  if (current < 0) return `${total} matches`;
  return `${number(current + 1)} of ${total}`;
}
