// Direct quotes (the words inside quotation marks) and, through indirect-quotes.ts, indirect ones,
// each with its speaker's mention (quote-speakers.ts), by rules a fact-checker can read in the
// suggestion's reason.
import { sentenceSpans } from '../../contract/sentences.js';
import { findCues } from './cues.js';
import { indirectQuote } from './indirect-quotes.js';
import { findPeople, nameAt } from './people.js';
import { reasonOf, speakerIn, speakerOfCue, subjectBefore, wordCount, type Speaker } from './quote-speakers.js';
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
    // Two apostrophes stand for quotation marks in some archives' text (''It doesn't…'').
    const doubled = text[i] === "'" && text[i + 1] === "'";
    // Single marks quote in headlines (Warren Hammers Wells Fargo CEO: ‘You Should Be…’): only a
    // ‘ opening a word, closed by a ’ that no letter follows ("Don’t" is an apostrophe), and
    // never left open, since ‘90s and a stray ‘ are common.
    if (text[i] === '‘') {
      const close = /^‘\p{L}[^\n]{0,300}?’(?!\p{L})/u.exec(text.slice(i, Math.min(paragraph.end, i + 304)));
      if (close && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ')) {
        found.push({ start: i, end: i + close[0].length, paragraph });
        i += close[0].length - 1;
      }
      continue;
    }
    const close = doubled ? "''" : OPENERS[text[i]!];
    if (!close) continue;
    // A straight mark after a letter closes; it does not open.
    if ((doubled || text[i] === '"') && /[\p{L}\p{N},.]/u.test(text[i - 1] ?? ' ')) continue;
    // Within the paragraph only: a mark never closed („German“ quotes, a lost ”) must not send
    // every opener searching to the end of a 5 MB text.
    const rest = text.slice(i + close.length, paragraph.end);
    let at = rest.indexOf(close);
    let closeLength = close.length;
    // Marks typed by hand and marks a word processor curled meet in one quote ("Oz has…,” said
    // Gorski; “Immunity deals…," Chaffetz said): a curly close ends a straight open, and a straight
    // close ends a curly open when the paragraph has no curly close.
    const other = text[i] === '"' ? '”' : text[i] === '“' && at === -1 ? '"' : null;
    const atOther = other ? rest.indexOf(other) : -1;
    if (atOther !== -1 && (at === -1 || atOther < at)) {
      at = atOther;
      closeLength = 1;
    }
    const stop = at === -1 ? paragraph.end : i + close.length + at + closeLength;
    if (stop - i > 2) found.push({ start: i, end: stop, paragraph });
    i = stop - 1;
  }
  return found;
}

/** Longer than any sentence news prints: text without full stops (a raw speech-to-text transcript). */
const LONGEST_SENTENCE = 600;

/**
 * Sentences cut at a space into pieces of at most LONGEST_SENTENCE characters: every rule looks
 * back or ahead within its sentence, once per cue, so an unpunctuated 100 KB "sentence" would
 * make the work grow with the square of its length.
 */
export function withinReach(text: string, sentences: readonly Span[]): Span[] {
  const pieces: Span[] = [];
  for (const s of sentences) {
    let start = s.start;
    while (s.end - start > LONGEST_SENTENCE) {
      const cut = text.lastIndexOf(' ', start + LONGEST_SENTENCE);
      const end = cut > start + LONGEST_SENTENCE / 2 ? cut + 1 : start + LONGEST_SENTENCE;
      pieces.push({ start, end });
      start = end;
    }
    pieces.push({ start, end: s.end });
  }
  return pieces;
}

function paragraphsOf(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /[^\n]+/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

export function findQuotes(text: string, known: readonly KnownSpeaker[] = []): QuoteSuggestion[] {
  const people = findPeople(text, known);
  const quotes: QuoteSuggestion[] = [];
  let lastSpeaker = null as { speaker: Speaker; paragraph: Span } | null;
  /** "The New York Times reports:" or "He said:" ending a paragraph: who speaks in the quote after it. */
  let announced = null as { speaker: Speaker; cue: string } | null;
  for (const paragraph of paragraphsOf(text)) {
    const sentences = withinReach(text, sentenceSpans(text, paragraph.start, paragraph.end));
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
      // Short words need a cue, unless they are a sentence going on from someone's quote (“Neither do I.”).
      const goesOn = q.start === first.start && lastSpeaker?.paragraph === paragraph && /[.!?]\W*$/.test(inner);
      if (!cue && words < MIN_WORDS_WITHOUT_CUE && !goesOn) continue;
      // A name in capitals that nobody is said to say right there: “Miss Piggy”, ''Make Your Kid a Millionaire,''.
      const saidRightThere = introducing !== undefined || (cue !== null && cue.start >= q.end && /^[\s,]*(?:\S+\s+){0,4}$/.test(text.slice(q.end, cue.start)));
      if (isTitle(text, inner, q) || isNickname(text, inner, q) || (isCapitalized(inner) && !/[.!?]\W*$/.test(inner) && !saidRightThere)) continue;
      if (cue && words < 1) continue;
      // ''…,'' Michael McFaul, a senior fellow…, said of RT: the name right after the quote speaks.
      const nameAfter = nameAt(text, q.end + (/^[\s,]*/.exec(text.slice(q.end, q.end + 3))?.[0].length ?? 0));
      const nameAfterSpeaks = nameAfter !== null && text.slice(q.end, nameAfter.start).trim().length <= 1 && !/^[’']/.test(text.slice(nameAfter.end));
      const signsBeforeCue = cue !== null && nameAfterSpeaks && cue.start >= nameAfter.end && /^\s*(?:\([^()]{1,30}\))?\s*(?:,|$)/.test(text.slice(nameAfter.end, cue.start));
      let speaker = signsBeforeCue ? speakerIn(text, { start: nameAfter.start, end: nameAfter.end }, people, known) : null;
      speaker ??= cue ? speakerOfCue(text, cue, cue.start >= q.end ? { start: q.end, end: around.end } : around, people, known, q) : null;
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
      // ''…,'' Leonard E. Burman, director of …, said: the name right after the quote, its verb further on.
      const verbLater = !speaker && nameAfterSpeaks ? findCues(text, nameAfter.end, last.end).find((c) => !c.needsClause) : undefined;
      if (!speaker && nameAfter && verbLater) {
        const named = speakerIn(text, { start: nameAfter.start, end: nameAfter.end }, people, known);
        if (named) {
          speaker = named;
          how = `'${text.slice(verbLater.start, verbLater.end)}'`;
        }
      }
      // "…candidate Mitt Romney -- ''It is…''", "Said Ellis: “I don’t…”": a name introducing the quote.
      // It wins over a cue further back, whose subject is someone else ("A chorus of Republicans
      // has said the same thing, including… Mitt Romney -- ''…''").
      const intro = /\s*(?:--|—|–|:)\s*$/.exec(text.slice(Math.max(first.start, q.start - 4), q.start));
      const phrase = intro && (!speaker || (!introducing && cue && cue.end <= q.start)) ? subjectBefore(text, first.start, q.start - intro[0].length) : null;
      const introducer = phrase ? speakerIn(text, phrase, people, known) : null;
      if (introducer?.how.startsWith('name') && (!speaker || introducer.mention.start >= cue!.end)) {
        speaker = introducer;
        how = 'introduced by the name';
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
      let within: Span = sentence;
      for (const cue of findCues(text, sentence.start, sentence.end)) {
        if (cue.start < within.start || usedCues.has(cue.start) || inQuote(cue.start)) continue;
        const found = indirectQuote(text, within, cue, quoted, people, known, sentence);
        const indirect = found.at(-1);
        if (!indirect) continue;
        clauses.push(...found);
        // A report inside the reported clause ("Merrill says Machado promised… and said she would…") is one of its own.
        if (indirect.start < cue.end) break;
        within = { start: indirect.start, end: sentence.end };
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

/** Up to six words, each capitalized but the small ones: how titles and nicknames are written. */
function isCapitalized(inner: string): boolean {
  const words = inner.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').split(/\s+/);
  return words.length <= 6 && words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && MINOR_WORD.test(w)));
}

/** Words that name a work just before its title: "his 2002 book, ''Make Your Kid a Millionaire''". */
const WORK = /\b(?:book|novel|memoir|song|anthem|hymn|album|film|movie|documentary|show|series|program|programme|podcast|column|op-ed|essay|article|headline|report|play|poem|slogan|titled|entitled|dubbed)\s*,?\s*$/i;

/**
 * A show, book or event named in quotation marks: "on “Face the Nation,”", "MSNBC’s “Morning
 * Joe”", "the civil rights anthem ''A Change Is Gonna Come,''".
 */
function isTitle(text: string, inner: string, q: Span): boolean {
  if (!isCapitalized(inner)) return false;
  return /(?:\b(?:on|of|in|at|for|from|the)|[’']s)\s*$/i.test(text.slice(Math.max(0, q.start - 12), q.start)) || WORK.test(text.slice(Math.max(0, q.start - 30), q.start));
}

/** A nickname inside a name: Marcia "Cia" Price. */
const isNickname = (text: string, inner: string, q: Span) =>
  /^\p{Lu}[\p{L}.’'-]*$/u.test(inner) && /\p{Lu}[\p{L}.]*\s$/u.test(text.slice(Math.max(0, q.start - 20), q.start)) && /^\s\p{Lu}/u.test(text.slice(q.end, q.end + 2));

const excerpt = (words: string) => (words.length > 60 ? `${words.slice(0, 58)}…${words.at(-1)}` : words);

/**
 * Quoted words that open in lower case after their cue are part of the reporter's sentence,
 * unless they go on with a quote the attribution interrupted ("“If he thinks that,” she said,
 * “what does he think of you?”").
 */
function isPartial(text: string, inner: string, before: Span | undefined, q: Span): boolean {
  if (!/^[^\p{L}\p{N}]*\p{Ll}/u.test(inner)) return false;
  const interrupted = before && /,\s*[”"»']$/.test(text.slice(before.start, before.end)) && /^[^“”"«».!?]{1,100},\s*$/.test(text.slice(before.end, q.start));
  return !interrupted;
}
