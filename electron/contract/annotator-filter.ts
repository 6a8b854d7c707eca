// The annotator filter, wherever highlights are listed (the highlight list, the review desk):
// "Everyone", "Only mine", or one person, named by the highlights themselves. The window's
// service already left out what blind annotation hides, so only people it shows are offered.
import { madeBy, type Person } from './people-rules.js';

/** '' is everyone; ONLY_MINE is the window's person's; any other value is `by:` and a name. */
export const ONLY_MINE = 'mine';
const BY = 'by:';
export const annotatorChoiceOf = (name: string): string => `${BY}${name}`;

export type Authored = { author: string; authorId?: string };

/** Each name among the highlights with how many are theirs, most first ('' is "no name"). */
export function annotatorChoices(highlights: readonly Authored[]): { value: string; name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const h of highlights) counts.set(h.author, (counts.get(h.author) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => ({ value: annotatorChoiceOf(name), name, count }));
}

/** Whether a highlight passes the annotator filter `choice` for the window's `person`. */
export function passesAnnotator(highlight: Authored, choice: string, person: Person | null): boolean {
  if (!choice) return true;
  if (choice === ONLY_MINE) return madeBy(highlight, person);
  return choice.startsWith(BY) && highlight.author === choice.slice(BY.length);
}
