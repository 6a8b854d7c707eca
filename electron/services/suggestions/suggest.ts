// The suggester: quotes with their speakers, and check-worthy claims, for one text. Pure and
// synchronous, so the window's worker, the command line and the evaluation all run the same rules.
import { findClaims, scoreClaimSentences } from './claims.js';
import { findQuotes } from './quotes.js';
import type { SuggestOptions, Suggestions } from './types.js';

export function suggest(text: string, options: SuggestOptions = {}): Suggestions {
  return { quotes: findQuotes(text, options.speakers), claims: findClaims(text) };
}

export { scoreClaimSentences };
export type * from './types.js';
