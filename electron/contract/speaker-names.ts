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

/**
 * Words a second reference puts before a surname ("Mr. Wood", "Ambassador Wood", "Dr Hwang"),
 * in speakerNameKey's form without the full stop. Left out when matching a mention, unless
 * they are all it has ("the Ambassador" still matches a speaker called "Ambassador …").
 */
const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady madam mme mlle herr frau señor señora sr sra ' +
    'ambassador amb president pres vice prime minister secretary senator sen rep representative congressman congresswoman ' +
    'governor gov mayor judge justice general gen colonel col captain capt lieutenant lt sergeant sgt admiral adm ' +
    'rev reverend father chancellor deputy chief commissioner director chair chairman chairwoman spokesman spokeswoman spokesperson ' +
    'king queen prince princess sheikh'
  ).split(' '),
);

/** A name's words in speakerNameKey's form: "Linda Thomas-Greenfield" is linda, thomas, greenfield. */
function nameWords(name: string): string[] {
  return speakerNameKey(name)
    .split(/[^\p{L}\p{M}\p{N}'’]+/u)
    .map((word) => word.replace(/^['’]+|['’]+$/gu, ''))
    .filter(Boolean);
}

/** A mention's words without its titles, or all of them when it is nothing but titles. */
function mentionWords(mention: string): string[] {
  // "The Ambassador": the article never names anyone.
  const words = nameWords(mention).filter((word) => word !== 'the');
  const untitled = words.filter((word) => !TITLES.has(word));
  return untitled.length ? untitled : words;
}

/** One speaker a mention may mean, and how well. */
export interface MentionMatch {
  speaker: Speaker;
  /** The other name it matched through, when not the speaker's own name. */
  via?: string;
  /** Lower is better: 0 the whole name, 1 the whole other name, 2 words of the name, 3 of an other name. */
  rank: number;
}

/**
 * The speakers a mention ("Hwang", "Mr. Wood", "Joonkook Hwang") may mean, best first: a whole
 * name or other name, then names holding every word of the mention as a whole word (a
 * surname, a first name; titles left out; compared as speakerNameKey does). Among those the
 * speaker's own name before an other name, the last word (a surname) before the others, then
 * the name with fewest words beside the mention's. Several matches are for a person to choose
 * between ("Wood" with Robert Wood and Ellen Wood): never pick the first for them.
 */
export function speakersForMention(speakers: readonly Speaker[], mention: string): MentionMatch[] {
  const key = speakerNameKey(mention);
  const words = mentionWords(mention);
  if (!key || words.length === 0) return [];
  const scored: (MentionMatch & { order: number })[] = [];
  for (const speaker of speakers) {
    let best: (MentionMatch & { order: number }) | null = null;
    for (const [i, name] of [speaker.name, ...speaker.aliases].entries()) {
      const via = i === 0 ? undefined : name;
      let found: { rank: number; order: number } | null = null;
      if (speakerNameKey(name) === key) found = { rank: i === 0 ? 0 : 1, order: 0 };
      else {
        const own = nameWords(name);
        if (words.every((word) => own.includes(word))) {
          // The surname (last word) first, then how many of the name's words the mention leaves out.
          const bySurname = own.at(-1) === words.at(-1) ? 0 : 1;
          found = { rank: i === 0 ? 2 : 3, order: bySurname * 100 + (own.length - words.length) };
        }
      }
      if (found && (!best || found.rank < best.rank || (found.rank === best.rank && found.order < best.order))) best = { speaker, ...(via && { via }), ...found };
    }
    if (best) scored.push(best);
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.order - b.order || a.speaker.name.localeCompare(b.speaker.name))
    .map(({ order: _order, ...match }) => match);
}

/** The one speaker a mention plainly means (a single best match), or undefined when none or several do. */
export function onlySpeakerForMention(speakers: readonly Speaker[], mention: string): MentionMatch | undefined {
  const [first, second] = speakersForMention(speakers, mention);
  if (!first) return undefined;
  // Two whole-word matches, or two speakers sharing an other name ("the minister"): a person chooses.
  if (second && (first.rank >= 2 || second.rank === first.rank)) return undefined;
  return first;
}
