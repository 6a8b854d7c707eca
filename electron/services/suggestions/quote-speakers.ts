// Who says a quote: the subject before its cue, the words after it ("said Wood", "according to
// the report"), or the mention a subject phrase holds, linked to the person it refers to.
import { findCues, type Cue } from './cues.js';
import { isAbbreviation, isFunctionWord, isPreposition, mentionKind, nameAt, resolveMention, type Mention, type Person } from './people.js';
import type { KnownSpeaker, Span } from './types.js';

export const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** A suggestion's reason: what the rules saw, joined with "+". */
export function reasonOf(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' + ');
}

/** Words between a subject and its verb that are not part of the subject ("has also said"). */
const BETWEEN = /^(?:has|have|had|also|again|then|later|earlier|previously|repeatedly|reportedly|once|still|was|is|were|are|will|would|did|does|not|never|quickly|publicly|privately|\p{L}+ly)$/iu;

/** Words that stop a subject's walk back from its verb. */
const CLAUSE_WORDS = /^(?:that|and|but|which|who|as|because|while|when|where|if|so|than|or|although|though)$/i;

/** The noun phrase just before `pos` (a cue's subject), up to six words back to a boundary. */
export function subjectBefore(text: string, from: number, pos: number): Span | null {
  let i = pos;
  while (i > from && text[i - 1] === ' ') i--;
  // Step back over a party and state, "Sen. David Perdue (R-Ga.) said".
  const aside = /\([^()]{1,30}\)$/.exec(text.slice(from, i));
  if (aside) {
    i -= aside[0].length;
    while (i > from && text[i - 1] === ' ') i--;
  }
  // Step back over "has also", "again", "repeatedly".
  for (;;) {
    let j = i;
    while (j > from && /[\p{L}]/u.test(text[j - 1]!)) j--;
    if (j === i || !BETWEEN.test(text.slice(j, i)) || j === from) break;
    i = j;
    while (i > from && text[i - 1] === ' ') i--;
  }
  const end = i;
  let start = end;
  let words = 0;
  while (start > from && words < 6) {
    let j = start;
    // "1,200 respondents": a comma between digits is part of the word.
    while (j > from && (/[\p{L}\p{N}’'.-]/u.test(text[j - 1]!) || (text[j - 1] === ',' && /\d/.test(text[j - 2] ?? '') && /\d/.test(text[j] ?? '')))) j--;
    if (j === start) break;
    const word = text.slice(j, start);
    if (CLAUSE_WORDS.test(word)) break;
    start = j;
    words++;
    if (start > from && text[start - 1] === ' ') start--;
    else break;
  }
  while (text[start] === ' ') start++;
  return end > start ? { start, end } : null;
}

/** The noun phrase just after `pos` ("said Wood", "according to the report"), to a comma or stop. */
function subjectAfter(text: string, pos: number, to: number): Span | null {
  let start = pos;
  while (start < to && text[start] === ' ') start++;
  let name = nameAt(text, start);
  // "said PolitiFact Executive Director Aaron Sharockman": capitalized words go on after the
  // first name; the last name among them is the person.
  const run = name ? /^(?:\s+[\p{Lu}][\p{L}’'.-]*)+/u.exec(text.slice(name.end, to)) : null;
  if (name && run) {
    const from = name.end;
    for (const word of run[0].matchAll(/\S+/g)) {
      const found = nameAt(text, from + word.index);
      if (found && found.end <= from + run[0].length + 1 && found.start >= name.end) name = found;
    }
  }
  if (name) return { start: name.start, end: name.end };
  // Up to six words, to a comma or a sentence's end: "9/11 widow Terry Strada", "Del. Stacey Plaskett".
  const word = /[^\s,;:!?()“”"]+/uy;
  let end = start;
  for (let i = start, words = 0; words < 6; words++) {
    word.lastIndex = i;
    const m = word.exec(text);
    if (!m || m.index >= to) return end > start ? { start, end } : null;
    const stops = m[0].endsWith('.') && !isAbbreviation(m[0]);
    end = Math.min(to, m.index + m[0].length - (stops ? 1 : 0));
    i = m.index + m[0].length;
    if (stops || text[i] !== ' ') return end > start ? { start, end } : null;
    i++;
  }
  return null;
}

/** A sentence's opening subject: a name, or "North Korea’s envoy", "The minister". */
const SENTENCE_SUBJECT = new RegExp(`^((?:(?:[\\p{Lu}][\\p{L}.-]*\\s)*[\\p{Lu}][\\p{L}.-]*(?:’s|'s)\\s+|[Tt]he\\s+)(?:[a-z]+\\s+)?(?:${['ambassador', 'envoy', 'minister', 'president', 'spokesman', 'spokeswoman', 'official', 'diplomat', 'leader', 'chief', 'secretary'].join('|')})|(?:[\\p{Lu}][\\p{L}.-]*\\s){1,3}[\\p{Lu}][\\p{L}.-]*|He|She|[\\p{Lu}][\\p{L}-]+(?=\\s+(?:is|was|has|had)?\\s*[a-z]|,\\s+(?:a|an|the)\\s))\\b`, 'u');

export interface Speaker {
  mention: Span;
  name: string | null;
  how: string;
}

/** The mention a subject phrase holds: a name inside it, else the phrase itself. */
export function speakerIn(text: string, phrase: Span, people: readonly Person[], known: readonly KnownSpeaker[]): Speaker | null {
  const words = text.slice(phrase.start, phrase.end);
  // "South Korean Ambassador Joonkook Hwang", "PolitiFact Executive Director Aaron Sharockman":
  // the name at the end is the mention.
  let name: ReturnType<typeof nameAt> = null;
  for (let i = phrase.start; i < phrase.end; i++) {
    if (i > phrase.start && text[i - 1] !== ' ') continue;
    const found = nameAt(text, i);
    if (found && found.end <= phrase.end + 1) {
      name = found;
      i = found.end;
    }
  }
  if (name) {
    const person = resolveMention({ start: name.start, end: name.end, kind: 'name', text: text.slice(name.start, name.end) }, people, known);
    return { mention: { start: name.start, end: name.end }, name: person?.name ?? text.slice(name.start, name.end), how: `name '${person?.name ?? text.slice(name.start, name.end)}'` };
  }
  const kind = mentionKind(words);
  if (kind) {
    const mention: Mention = { ...phrase, kind, text: words };
    const person = resolveMention(mention, people, known);
    const how = kind === 'pronoun' || kind === 'role' || kind === 'surname' ? `'${words}' = ${person ? `'${person.name}'` : 'nobody named before'}` : `name '${words}'`;
    return { mention: phrase, name: person?.name ?? (kind === 'name' ? words : null), how };
  }
  // A source that is not a person ("sources", "the report", "The New York Post"); never an
  // article alone.
  const trimmed = words.replace(/^(?:[Tt]he|[Aa]n?)(?:\s+|$)/, '');
  const firstWord = /^[\p{L}\p{N}]+/u.exec(trimmed)?.[0];
  if (!firstWord) return null;
  // "They", "It", "We": a mention of someone, but no one's name.
  const named = /^\p{Lu}/u.test(trimmed) && !/^(?:they|it|we|you|i|this|that|these|those|some|many|most|others?|one)$/i.test(trimmed);
  return { mention: phrase, name: named ? words : null, how: `source '${words}'` };
}

/**
 * "Democrats on Capitol Hill, who have argued that…": the relative pronoun is the mention (as
 * PolNeAR marks it), standing for the name just before it where there is one.
 */
function relativeBefore(text: string, from: number, cue: number, people: readonly Person[], known: readonly KnownSpeaker[]): Speaker | null {
  const head = text.slice(from, cue);
  const m = /(?:^|[\s,])(who|which)((?:\s+\p{L}+)*?)\s*$/u.exec(head);
  if (!m || !m[2]!.trim().split(/\s+/).every((w) => w === '' || BETWEEN.test(w))) return null;
  const at = from + m.index + m[0].indexOf(m[1]!);
  const comma = /,\s*$/.exec(text.slice(from, at));
  const antecedent = comma ? subjectBefore(text, from, from + comma.index) : null;
  const named = antecedent ? speakerIn(text, antecedent, people, known) : null;
  const name = named?.how.startsWith('name') ? named.name : null;
  return { mention: { start: at, end: at + m[1]!.length }, name, how: `'${m[1]}' = ${name ? `'${name}'` : 'the words before it'}` };
}

/**
 * Whose report a noun of saying is: "her acknowledgment that…" (her, the person named before),
 * "a New York Times report that…", "Trump’s claim that…"; nobody's in "questions about…".
 */
function ownerOf(text: string, cue: Cue, sentence: Span, people: readonly Person[], known: readonly KnownSpeaker[]): Speaker | null {
  const head = text.slice(sentence.start, cue.start);
  const pronoun = /(?:^|\s)(his|her|their|its)\s+(?:[\p{Ll}-]+\s+)?$/iu.exec(head);
  if (pronoun) {
    const at = sentence.start + pronoun.index + pronoun[0].indexOf(pronoun[1]!);
    const person = /^(?:his|her)$/i.test(pronoun[1]!) ? resolveMention({ start: at, end: at + pronoun[1]!.length, kind: 'pronoun', text: pronoun[1]! }, people, known) : null;
    return { mention: { start: at, end: at + pronoun[1]!.length }, name: person?.name ?? null, how: `'${pronoun[1]}' = ${person ? `'${person.name}'` : 'nobody named before'}` };
  }
  const owner = /([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*)\s+(?:[\p{Ll}-]+\s+)?$/u.exec(head);
  const words = owner?.[1]!.replace(/[’']s$/, '');
  if (!owner || !words || (!/\s/.test(words) && isFunctionWord(words))) return null;
  const at = sentence.start + owner.index;
  return speakerIn(text, { start: at, end: at + words.length }, people, known);
}

/** The speaker a cue names: the subject before it, or for "said Wood" and "according to" the words after. */
export function speakerOfCue(text: string, cue: Cue, sentence: Span, people: readonly Person[], known: readonly KnownSpeaker[], skip?: Span): Speaker | null {
  if (cue.participle) {
    // "Hwang said, adding that…": the speaker of the sentence's other cue, else its subject.
    const main = findCues(text, sentence.start, cue.start).filter((c) => !c.participle).at(-1);
    if (main) return speakerOfCue(text, main, sentence, people, known, skip);
    // "footage of Hillary Clinton asking, “…”": the name right before the participle.
    const before = subjectBefore(text, Math.max(sentence.start, skip && skip.end <= cue.start ? skip.end : sentence.start), cue.start);
    const named = before ? speakerIn(text, before, people, known) : null;
    if (named && named.how.startsWith('name')) return named;
    // "footage of Trump saying": a capitalized word right before the participle is who speaks.
    const capitalized = /(?:^|\s)((?:[\p{Lu}][\p{L}’'.-]*\s)*[\p{Lu}][\p{L}’'-]*)\s*$/u.exec(text.slice(sentence.start, cue.start));
    if (capitalized && !isFunctionWord(/^\p{L}+/u.exec(capitalized[1]!)?.[0] ?? '')) {
      const at = sentence.start + capitalized.index + capitalized[0].indexOf(capitalized[1]!);
      const who = speakerIn(text, { start: at, end: at + capitalized[1]!.length }, people, known);
      if (who) return who;
    }
    // "During a speech, Trump attacked Clinton…, saying": the subject after an opening phrase.
    const opening = /^(\p{L}+)\b[^,“”"]{0,80},\s*/u.exec(text.slice(sentence.start, cue.start));
    const start = opening && isPreposition(opening[1]!) ? sentence.start + opening[0].length : sentence.start;
    const subject = SENTENCE_SUBJECT.exec(text.slice(start, cue.start));
    if (!subject || (!/\s/.test(subject[1]!) && isFunctionWord(subject[1]!))) return null;
    return speakerIn(text, { start, end: start + subject[1]!.length }, people, known);
  }
  if (cue.kind === 'noun') return ownerOf(text, cue, sentence, people, known);
  if (cue.kind === 'according-to') {
    const after = subjectAfter(text, cue.end, sentence.end);
    return after ? speakerIn(text, after, people, known) : null;
  }
  let from = sentence.start;
  if (skip && skip.end <= cue.start) from = Math.max(from, skip.end);
  // "Merrill says Machado promised…": the subject starts after an earlier cue.
  const earlier = findCues(text, from, cue.start).at(-1);
  if (earlier) from = Math.max(from, earlier.end);
  const relative = relativeBefore(text, from, cue.start, people, known);
  if (relative) return relative;
  // "Obama urged Republicans to…, and criticized the party’s…", "She agreed, but also contended":
  // a verb joined to another shares its subject, as a participle does.
  if (/(?:^|\s|,)(?:and|but|or)(?:\s+(?:also|then|later|again|even|quickly))?\s*$/.test(text.slice(from, cue.start))) {
    return speakerOfCue(text, { ...cue, participle: true }, sentence, people, known, skip);
  }
  let before = cue.start;
  // "Robert Wood, U.S. deputy U.N. ambassador, told reporters": step back over the appositive.
  const head = text.slice(from, before);
  // Not a clause joined with "and" ("…, and the meeting deteriorated from there, said one source").
  const appositive = /,(?!\s*(?:and|but|or|so|yet)\s)[^,“”"]{2,120},\s*$/.exec(head);
  if (appositive && appositive.index > 0) before = from + appositive.index;
  const phrase = subjectBefore(text, from, before);
  const subject = phrase && /[\p{L}]/u.test(text.slice(phrase.start, phrase.end)) ? speakerIn(text, phrase, people, known) : null;
  if (subject && !/^[,;:”"]/.test(text.slice(phrase!.end, before).trim() || 'x')) return subject;
  // "…,” said Nebenzia.": the speaker comes after the verb.
  const after = subjectAfter(text, cue.end, sentence.end);
  const inverted = after ? speakerIn(text, after, people, known) : null;
  // A nameless one ("said the ruling") only where the verb follows the quote: "…,” said the ruling.
  const followsQuote = /(?:^|[,”"])\s*$/.test(text.slice(from, cue.start));
  return inverted && (inverted.name || (!subject && followsQuote)) ? inverted : subject;
}
