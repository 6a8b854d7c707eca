// When two names are one speaker's. Plain functions, so the renderer can use them without zod.
import type { Speaker } from './api.js';

/**
 * The form a name is compared in: NFKC (so composed and decomposed accents, full-width letters
 * and ligatures are the same), without invisible format characters (zero-width spaces and
 * joiners pasted from web pages), whitespace collapsed, and case-folded (upper then lower case:
 * "STRAUSS" and "Strauß" meet). Diacritics are kept: "José" and "Jose", or "Łukasz" and
 * "Lukasz", may be two people, and two speakers wrongly made one are worse than a duplicate
 * the user can merge.
 */
export function speakerNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');
}

/**
 * The speaker already known by `name`, as its name or one of its other names, or one whose name
 * is among `otherNames`. Two other names alone do not make one person ("the minister").
 */
export function findSpeakerByName(speakers: readonly Speaker[], name: string, otherNames: readonly string[] = []): Speaker | undefined {
  const key = speakerNameKey(name);
  const otherKeys = new Set(otherNames.map(speakerNameKey));
  return (
    speakers.find((s) => speakerNameKey(s.name) === key) ??
    speakers.find((s) => s.aliases.some((alias) => speakerNameKey(alias) === key)) ??
    speakers.find((s) => otherKeys.has(speakerNameKey(s.name)))
  );
}
