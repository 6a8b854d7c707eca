// Direct quotes (the words inside quotation marks, partial quotes too) and indirect ones (a
// reporting cue and the clause it reports), each with its speaker's mention, by rules a
// fact-checker can read in the suggestion's reason.
import { sentenceSpans } from '../../contract/sentences.js';
import { findCues, type Cue } from './cues.js';
import { findPeople, isAbbreviation, mentionKind, nameAt, resolveMention, type Mention, type Person } from './people.js';
import type { KnownSpeaker, QuoteSuggestion, Span } from './types.js';

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '"': '"' };
/** Quoted words shorter than this are names, titles or scare quotes unless a cue says otherwise. */
const MIN_WORDS_WITHOUT_CUE = 4;

interface Quoted extends Span {
  paragraph: Span;
}

/** Every span in quotation marks, marks included; one left open runs to its paragraph's end, as news style does. */
function quotedSpans(text: string, paragraph: Span): Quoted[] {
  const found: Quoted[] = [];
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const close = OPENERS[text[i]!];
    if (!close) continue;
    // A straight mark after a letter closes; it does not open.
    if (text[i] === '"' && /[\p{L}\p{N},.]/u.test(text[i - 1] ?? ' ')) continue;
    // Within the paragraph only: a mark never closed („German“ quotes, a lost ”) must not send
    // every opener searching to the end of a 5 MB text.
    let end = -1;
    for (let j = i + 1; j < paragraph.end; j++) {
      if (text[j] === close) {
        end = j;
        break;
      }
    }
    const stop = end === -1 ? paragraph.end : end + 1;
    if (stop - i > 2) found.push({ start: i, end: stop, paragraph });
    i = stop - 1;
  }
  return found;
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function paragraphsOf(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /[^\n]+/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Words between a subject and its verb that are not part of the subject ("has also said"). */
const BETWEEN = /^(?:has|have|had|also|again|then|later|earlier|previously|repeatedly|reportedly|once|still|was|is|were|are|will|would|did|does|not|never|quickly|publicly|privately|\p{L}+ly)$/iu;

/** Words that stop a subject's walk back from its verb. */
const CLAUSE_WORDS = /^(?:that|and|but|which|who|as|because|while|when|where|if|so|than|or|although|though)$/i;

/** The noun phrase just before `pos` (a cue's subject), up to six words back to a boundary. */
function subjectBefore(text: string, from: number, pos: number): Span | null {
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
    while (j > from && /[\p{L}\p{N}’'.-]/u.test(text[j - 1]!)) j--;
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
  const name = nameAt(text, start);
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
const SENTENCE_SUBJECT = new RegExp(`^((?:(?:[\\p{Lu}][\\p{L}.-]*\\s)*[\\p{Lu}][\\p{L}.-]*(?:’s|'s)\\s+|[Tt]he\\s+)(?:[a-z]+\\s+)?(?:${['ambassador', 'envoy', 'minister', 'president', 'spokesman', 'spokeswoman', 'official', 'diplomat', 'leader', 'chief', 'secretary'].join('|')})|(?:[\\p{Lu}][\\p{L}.-]*\\s){1,3}[\\p{Lu}][\\p{L}.-]*|He|She|[\\p{Lu}][\\p{L}-]+(?=\\s+(?:is|was|has|had)?\\s*[a-z]))\\b`, 'u');

interface Speaker {
  mention: Span;
  name: string | null;
  how: string;
}

/** The mention a subject phrase holds: a name inside it, else the phrase itself. */
function speakerIn(text: string, phrase: Span, people: readonly Person[], known: readonly KnownSpeaker[]): Speaker | null {
  const words = text.slice(phrase.start, phrase.end);
  // "South Korean Ambassador Joonkook Hwang": the name at the end is the mention.
  for (let i = phrase.start; i < phrase.end; i++) {
    if (i > phrase.start && text[i - 1] !== ' ') continue;
    const name = nameAt(text, i);
    if (name && name.end <= phrase.end + 1) {
      const person = resolveMention({ start: name.start, end: name.end, kind: 'name', text: text.slice(name.start, name.end) }, people, known);
      return { mention: { start: name.start, end: name.end }, name: person?.name ?? text.slice(name.start, name.end), how: `name '${person?.name ?? text.slice(name.start, name.end)}'` };
    }
  }
  const kind = mentionKind(words);
  if (kind) {
    const mention: Mention = { ...phrase, kind, text: words };
    const person = resolveMention(mention, people, known);
    const how = kind === 'pronoun' || kind === 'role' || kind === 'surname' ? `'${words}' = ${person ? `'${person.name}'` : 'nobody named before'}` : `name '${words}'`;
    return { mention: phrase, name: person?.name ?? (kind === 'name' ? words : null), how };
  }
  // A source that is not a person ("sources", "the report", "The New York Post").
  const trimmed = words.replace(/^(?:[Tt]he|[Aa]n?)\s+/, '');
  if (!/^\p{L}/u.test(trimmed) || wordCount(trimmed) === 0) return null;
  return { mention: phrase, name: /^\p{Lu}/u.test(trimmed) ? words : null, how: `source '${words}'` };
}

/** The speaker a cue names: the subject before it, or for "said Wood" and "according to" the words after. */
function speakerOfCue(text: string, cue: Cue, sentence: Span, people: readonly Person[], known: readonly KnownSpeaker[], skip?: Span): Speaker | null {
  if (cue.participle) {
    // "Hwang said, adding that…": the speaker of the sentence's other cue, else its subject.
    const main = findCues(text, sentence.start, cue.start).filter((c) => !c.participle && !c.needsClause).at(-1);
    if (main) return speakerOfCue(text, main, sentence, people, known, skip);
    // "footage of Hillary Clinton asking, “…”": the name right before the participle.
    const before = subjectBefore(text, Math.max(sentence.start, skip && skip.end <= cue.start ? skip.end : sentence.start), cue.start);
    const named = before ? speakerIn(text, before, people, known) : null;
    if (named && named.how.startsWith('name')) return named;
    const subject = SENTENCE_SUBJECT.exec(text.slice(sentence.start, cue.start));
    return subject ? speakerIn(text, { start: sentence.start, end: sentence.start + subject[1]!.length }, people, known) : null;
  }
  if (cue.kind === 'according-to') {
    const after = subjectAfter(text, cue.end, sentence.end);
    return after ? speakerIn(text, after, people, known) : null;
  }
  let from = sentence.start;
  if (skip && skip.end <= cue.start) from = Math.max(from, skip.end);
  let before = cue.start;
  // "Robert Wood, U.S. deputy U.N. ambassador, told reporters": step back over the appositive.
  const head = text.slice(from, before);
  const appositive = /,[^,“”"]{2,80},\s*$/.exec(head);
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

function reasonOf(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' + ');
}

export function findQuotes(text: string, known: readonly KnownSpeaker[] = []): QuoteSuggestion[] {
  const people = findPeople(text, known);
  const quotes: QuoteSuggestion[] = [];
  let lastSpeaker = null as { speaker: Speaker; paragraph: Span } | null;
  /** "The New York Times reports:" or "He said:" ending a paragraph: who speaks in the quote after it. */
  let announced = null as { speaker: Speaker; cue: string } | null;
  for (const paragraph of paragraphsOf(text)) {
    const sentences = sentenceSpans(text, paragraph.start, paragraph.end);
    const quoted = quotedSpans(text, paragraph);
    const sentenceOf = (pos: number) => sentences.find((s) => s.start <= pos && pos < s.end) ?? paragraph;
    const usedCues = new Set<number>();
    /** Quoted words inside a reported clause ("said the plan was “a disaster”"): the clause is the quote, if one is found. */
    const partials: QuoteSuggestion[] = [];
    for (const [index, q] of quoted.entries()) {
      // The attribution sits in the sentence where the quote ends, or where it begins.
      const last = sentenceOf(Math.max(q.start, q.end - 2));
      const first = sentenceOf(q.start);
      const around = { start: first.start, end: Math.max(last.end, q.end) };
      // “…in our country?” Clinton said. — the attribution is a sentence of its own after the quote.
      const next = around.end <= q.end + 1 ? shortAttributionAfter(text, sentences, q) : null;
      if (next) around.end = next.end;
      const cues = findCues(text, around.start, around.end).filter((c) => (c.end <= q.start || c.start >= q.end) && !c.needsClause);
      // The nearest cue after the quote's end, else the nearest before its start.
      // A cue that introduces the quote ("Peabody said: “…”") comes first.
      const introducing = cues.find((c) => c.end <= q.start && /^\s*[:,]\s*$/.test(text.slice(c.end, q.start)));
      const cue = introducing ?? cues.find((c) => c.start >= q.end && text.slice(q.end, c.start).length < 120) ?? [...cues].reverse().find((c) => c.end <= q.start && q.start - c.end < 80) ?? null;
      const inner = text.slice(q.start + 1, q.end - 1);
      const words = wordCount(inner);
      if (!cue && words < MIN_WORDS_WITHOUT_CUE) continue;
      if (isTitle(text, inner, q)) continue;
      if (cue && words < 1) continue;
      let speaker = cue ? speakerOfCue(text, cue, cue.start >= q.end ? { start: q.end, end: around.end } : around, people, known, q) : null;
      let how = cue ? `'${text.slice(cue.start, cue.end)}'` : null;
      // A paragraph that is all quote, right after someone's quote, goes on with their words.
      const wholeParagraph = q.start === paragraph.start && q.end >= paragraph.end - 1;
      // So does a whole sentence in quotation marks after a quote in the same paragraph.
      const wholeSentence = q.start === first.start && lastSpeaker?.paragraph === paragraph;
      // A transcript's turn in quotation marks: "“WALLACE: Let’s start…".
      const turn = /^\s*([\p{Lu}][\p{Lu} .'’-]{1,40}):\s/u.exec(inner);
      if (!speaker && turn && !/^(?:[\p{Lu}][\p{L}’'-]*\s?){1,4}$/u.test(inner)) {
        const at = q.start + 1 + inner.indexOf(turn[1]!);
        speaker = { mention: { start: at, end: at + turn[1]!.trimEnd().length }, name: turn[1]!.trim(), how: `a turn by '${turn[1]!.trim()}'` };
        how = null;
      }
      // “…” ― Pamela Padilla: a name after a dash signs the quote.
      const signed = !speaker ? /^\s*[―—–-]\s*/.exec(text.slice(q.end, q.end + 4)) : null;
      const signer = signed ? nameAt(text, q.end + signed[0].length) : null;
      if (!speaker && signer) {
        speaker = { mention: { start: signer.start, end: signer.end }, name: text.slice(signer.start, signer.end), how: `signed '${text.slice(signer.start, signer.end)}'` };
        how = null;
      }
      if (!speaker && wholeParagraph && announced) {
        speaker = announced.speaker;
        how = `announced before it ('${announced.cue}:')`;
      }
      // "…over Syria, Schiff said. “The other factor…”": the sentence before ends by naming who speaks.
      const previous = !speaker && q.start === first.start ? sentences.filter((x) => x.end <= q.start).at(-1) : undefined;
      const saidBefore = previous ? findCues(text, previous.start, previous.end).filter((c) => !c.needsClause && !c.participle).at(-1) : undefined;
      if (previous && saidBefore && /^\s*(?:[\p{Lu}][\p{L}’'.-]*\s?){0,3}[.]\s*$/u.test(text.slice(saidBefore.end, previous.end))) {
        const who = speakerOfCue(text, saidBefore, previous, people, known);
        if (who?.name) {
          speaker = who;
          how = `'${text.slice(saidBefore.start, saidBefore.end)}' ending the sentence before`;
        }
      }
      if (!speaker && (wholeParagraph || wholeSentence) && lastSpeaker) {
        speaker = lastSpeaker.speaker;
        how = `goes on from the quote before (${speaker.name ?? 'same speaker'})`;
      }
      const score = cue && speaker ? 0.9 : speaker ? 0.7 : cue ? 0.6 : 0.45;
      const partial = q.start > first.start && isPartial(text, inner, quoted[index - 1], q);
      if (cue && !partial) usedCues.add(cue.start);
      (partial ? partials : quotes).push({
        start: q.start,
        end: q.end,
        kind: 'direct',
        cue: cue ? { start: cue.start, end: cue.end } : null,
        speaker: speaker?.mention ?? null,
        speakerName: speaker?.name ?? null,
        score,
        reason: reasonOf(['quotation marks', how, speaker && !how?.startsWith('goes on') ? speaker.how : null]),
      });
      if (speaker) lastSpeaker = { speaker, paragraph };
    }
    // Kept for the quotes of the next paragraphs while they are all quote; anything else ends it.
    const lastSentence = sentences.at(-1);
    if (lastSentence && /:\s*$/.test(text.slice(lastSentence.start, paragraph.end))) {
      const cue = findCues(text, lastSentence.start, paragraph.end).filter((c) => !c.needsClause).at(-1);
      const speaker = cue ? speakerOfCue(text, cue, { start: lastSentence.start, end: paragraph.end }, people, known) : null;
      announced = speaker && cue ? { speaker, cue: text.slice(cue.start, cue.end) } : null;
    } else if (!(quoted.length === 1 && quoted[0]!.start === paragraph.start)) announced = null;
    const clauses: QuoteSuggestion[] = [];
    for (const sentence of sentences) {
      const inQuote = (pos: number) => quoted.some((q) => q.start <= pos && pos < q.end);
      for (const cue of findCues(text, sentence.start, sentence.end)) {
        if (usedCues.has(cue.start) || inQuote(cue.start)) continue;
        const indirect = indirectQuote(text, sentence, cue, quoted, people, known);
        if (indirect) {
          clauses.push(indirect);
          break;
        }
      }
    }
    // Mixed quotation is reported speech: the clause is the quote, and quoted words no clause
    // holds are proposed as reported words too (accepted as partial quotes; see quoteKindOf).
    for (const p of partials) {
      const clause = clauses.find((c) => Math.min(c.end, p.end) - Math.max(c.start, p.start) >= (p.end - p.start) / 2);
      if (!clause) quotes.push({ ...p, kind: 'indirect', reason: p.reason.replace('quotation marks', 'quoted words inside the sentence') });
      else if (!clause.reason.includes('quoted words')) clause.reason += ` + quoted words ${excerpt(text.slice(p.start, p.end))}`;
    }
    quotes.push(...clauses);
  }
  return quotes.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The sentence right after a quote when it only says who spoke ("Clinton said.", "said Ana Kim, the mayor."). */
function shortAttributionAfter(text: string, sentences: readonly Span[], q: Span): Span | null {
  const next = sentences.find((s) => s.start >= q.end - 1 && s.start <= q.end + 2 && s.end > q.end);
  if (!next || /[“”"«»]/.test(text.slice(Math.max(next.start, q.end), next.end))) return null;
  const cue = findCues(text, Math.max(next.start, q.end), next.end).find((c) => !c.needsClause);
  if (!cue || wordCount(text.slice(q.end, cue.start)) > 6) return null;
  const after = text.slice(cue.end, next.end);
  return /^\s*,/.test(after) || wordCount(after) <= 4 ? next : null;
}

const MINOR_WORD = /^(?:a|an|and|at|for|in|of|on|or|the|to|with)$/;

/** A show, book or event named in quotation marks: "on “Face the Nation,”", "MSNBC’s “Morning Joe”". */
function isTitle(text: string, inner: string, q: Span): boolean {
  const words = inner.replace(/[,.!?]+$/, '').trim().split(/\s+/);
  if (words.length > 6 || !words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && MINOR_WORD.test(w)))) return false;
  return /(?:\b(?:on|of|in|at|for|from|the)|[’']s)\s*$/i.test(text.slice(Math.max(0, q.start - 12), q.start));
}

const excerpt = (words: string) => (words.length > 60 ? `${words.slice(0, 58)}…${words.at(-1)}` : words);

/**
 * Quoted words that open in lower case after their cue are part of the reporter's sentence,
 * unless they go on with a quote the attribution interrupted ("“If he thinks that,” she said,
 * “what does he think of you?”").
 */
function isPartial(text: string, inner: string, before: Span | undefined, q: Span): boolean {
  if (!/^[^\p{L}\p{N}]*\p{Ll}/u.test(inner)) return false;
  const interrupted = before && /,\s*[”"»]$/.test(text.slice(before.start, before.end)) && /^[^“”"«».!?]{1,100},\s*$/.test(text.slice(before.end, q.start));
  return !interrupted;
}

const trimEnd = (text: string, end: number, start: number) => {
  let e = end;
  while (e > start && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
  return e;
};

/** "X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE", "CLAUSE, according to X". */
const SAYING = /^(?:said|says|say|told|tells|added|adds|wrote|writes|reported|reports|according to)$/i;

function indirectQuote(text: string, sentence: Span, cue: Cue, quoted: readonly Quoted[], people: readonly Person[], known: readonly KnownSpeaker[]): QuoteSuggestion | null {
  // Saying verbs report a clause even when the rules cannot tell who says it ("the poll's
  // respondents said…"): proposed without a speaker, for the person to fill in.
  const speaker = speakerOfCue(text, cue, sentence, people, known) ?? (SAYING.test(cue.words) ? { mention: { start: cue.start, end: cue.start }, name: null, how: 'speaker not found' } : null);
  if (!speaker) return null;
  let content: Span | null = null;
  const afterCue = text.slice(cue.end, sentence.end);
  if (cue.kind === 'according-to') {
    const comma = afterCue.indexOf(',');
    const headComma = text.slice(sentence.start, cue.start).lastIndexOf(',');
    if (cue.start - sentence.start < 3 && comma !== -1) content = { start: cue.end + comma + 1, end: sentence.end };
    else if (headComma !== -1) content = { start: sentence.start, end: sentence.start + headComma };
  } else if (speaker.mention.start >= cue.end) {
    // "CLAUSE, said X."
    const comma = text.slice(sentence.start, cue.start).lastIndexOf(',');
    if (comma > 0) content = { start: sentence.start, end: sentence.start + comma };
  } else {
    // "told MSNBC’s “Morning Joe” on Friday that CLAUSE": the clause starts after a "that" a few words on.
    const toThat = /^\s*(?:[^,.;:!?]{1,60}?\s)?(?=that\s+)/iu.exec(afterCue);
    const rest = toThat && wordCount(toThat[0]) <= 7 ? toThat[0] : /^\s*(?:(?:reporters|the council|[\p{L}]+ members|him|her|them|us|me)\s+)?/iu.exec(afterCue)![0];
    const clauseStart = cue.end + rest.length;
    const tail = text.slice(clauseStart, sentence.end);
    if (cue.needsClause && !/^that\s/i.test(tail)) return null;
    if (wordCount(tail) >= 3 && !/^[,.;:]/.test(tail)) content = { start: clauseStart, end: sentence.end };
    else {
      // "CLAUSE, X said."
      const comma = text.slice(sentence.start, speaker.mention.start).lastIndexOf(',');
      if (comma > 0) content = { start: sentence.start, end: sentence.start + comma };
    }
  }
  if (!content) return null;
  while (text[content.start] === ' ') content.start++;
  content.end = trimEnd(text, content.end, content.start);
  if (wordCount(text.slice(content.start, content.end)) < 3) return null;
  // All in quotation marks already, or opening with them ("said “taxes will fall” and…"): the
  // direct quote is the suggestion, not this.
  if (quoted.some((q) => (q.start <= content!.start && content!.end <= q.end) || q.start === content!.start)) return null;
  return {
    start: content.start,
    end: content.end,
    kind: 'indirect',
    cue: { start: cue.start, end: cue.end },
    speaker: speaker.mention.start < speaker.mention.end ? speaker.mention : null,
    speakerName: speaker.name,
    score: speaker.name ? 0.7 : speaker.mention.start < speaker.mention.end ? 0.5 : 0.35,
    reason: reasonOf([`reporting cue '${text.slice(cue.start, cue.end)}'`, speaker.how]),
  };
}
