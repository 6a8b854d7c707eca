// The suggester: quotes with their speakers, and check-worthy claims, for one text. Pure and
// synchronous, so the window's worker, the command line and the evaluation all run the same rules.
import { findClaims, scoreClaimSentences as scoreClaims } from './claims.js';
import { findQuotes } from './quotes.js';
import type { SuggestOptions, Suggestions } from './types.js';

/**
 * The text with every space character written as a plain space. Web copy puts no-break spaces
 * between words ("he\u00a0told"); the rules read words split by ' '. One code unit for one, so
 * every offset holds for the text as given.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
}

export function suggest(text: string, options: SuggestOptions = {}): Suggestions {
  const plain = plainSpaces(text);
  return { quotes: findQuotes(plain, options.speakers), claims: findClaims(plain) };
}

export function scoreClaimSentences(text: string, sentences: Parameters<typeof scoreClaims>[1]): ReturnType<typeof scoreClaims> {
  return scoreClaims(plainSpaces(text), sentences);
}
export type * from './types.js';
