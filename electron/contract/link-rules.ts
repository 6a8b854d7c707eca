// Which links the app will store and open, and the words when one will not do. Plain functions,
// so the renderer can use them without zod.
import { REVIEW_SETTINGS_LIMITS } from './limits.js';

/** A link the app will store and offer to open: http(s) only. */
export const isWebLink = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

/** Where a published fact-check lives: a web link that still parses once {id} is filled in. */
export const isFactCheckAddress = (url: string) => isWebLink(url) && URL.canParse(url.replaceAll('{id}', 'x'));

/** Why the fact-check address will not do (checked trimmed; "" is none, which is fine), or null. */
export function factCheckAddressProblem(url: string): string | null {
  const trimmed = url.trim();
  const max = REVIEW_SETTINGS_LIMITS.factCheckAddress;
  if (trimmed.length > max) return `The fact-check address can hold at most ${max.toLocaleString('en')} characters.`;
  if (trimmed !== '' && !isFactCheckAddress(trimmed)) {
    return 'The fact-check address must be a web address starting with http:// or https://, such as https://example.org/fact-checks/{id}.';
  }
  return null;
}
