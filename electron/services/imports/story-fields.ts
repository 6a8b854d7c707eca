// A document's story fields as our exports write them (exports/story-fields.ts), read back for a
// new document. A value the contract's rules would refuse (too long, a date that is no date) is
// left out, not a reason to refuse the file: the highlights are what an import is for.
import { documentFieldProblem, type DocumentSummary } from '../../contract/api.js';

export type PlannedStory = Partial<Pick<DocumentSummary, 'headline' | 'outlet' | 'byline' | 'publishedOn'>>;

const KEYS = { headline: 'headline', outlet: 'outlet', byline: 'byline', published: 'publishedOn' } as const;

/** `{ story }` when any field is there and good, else `{}`; `from` is an object of the file (or not). */
export function plannedStory(...from: unknown[]): { story?: PlannedStory } {
  const story: PlannedStory = {};
  for (const source of from) {
    if (!source || typeof source !== 'object') continue;
    for (const [key, field] of Object.entries(KEYS)) {
      const value = (source as Record<string, unknown>)[key];
      if (story[field] !== undefined || typeof value !== 'string' || value.trim() === '') continue;
      if (documentFieldProblem(field, value) === null) story[field] = value.trim();
    }
  }
  return Object.keys(story).length > 0 ? { story } : {};
}
