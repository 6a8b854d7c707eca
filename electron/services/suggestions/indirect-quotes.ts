// Indirect quotes: a reporting cue and the clause it reports ("Kim said that the figure was
// wrong", "according to the report, …"), with the cue's speaker.
import type { Cue } from './cues.js';
import type { Person } from './people.js';
import { reasonOf, speakerOfCue, wordCount } from './quote-speakers.js';
import type { KnownSpeaker, QuoteSuggestion, Span } from './types.js';

const trimEnd = (text: string, end: number, start: number) => {
  let e = end;
  while (e > start && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
  return e;
};

/** "X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE", "CLAUSE, according to X". */
const SAYING = /^(?:said|says|say|told|tells|added|adds|wrote|writes|reported|reports|according to)$/i;

/** Words that open an adjunct of the verb, not the clause it reports ("said in an interview", "said Friday"). */
const ADJUNCT = /^(?:in|on|at|during|after|before|via|by|from|with|while|when|last|this|earlier|later|today|yesterday|again|repeatedly|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

export function indirectQuote(text: string, sentence: Span, cue: Cue, quoted: readonly Span[], people: readonly Person[], known: readonly KnownSpeaker[]): QuoteSuggestion | null {
  // Saying verbs, and participles that go on from the sentence's subject (", saying…", not "for
  // suggesting" nor "It goes without saying"), report a clause even when the rules cannot tell who
  // says it ("the poll's respondents said…"): proposed without a speaker, for the person to fill in.
  const speaker = speakerOfCue(text, cue, sentence, people, known) ?? (SAYING.test(cue.words) || (cue.participle && /,\s*$/.test(text.slice(sentence.start, cue.start))) ? { mention: { start: cue.start, end: cue.start }, name: null, how: 'speaker not found' } : null);
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
    const lead = text.slice(sentence.start, speaker.mention.start);
    const afterLead = /,\s*$/.test(lead);
    if (afterLead && /^,\s*\S/.test(tail) && wordCount(tail) >= 3) {
      // "But to prevent problems, he said, local officials should be vigilant": the words after the aside.
      content = { start: clauseStart + 1, end: sentence.end };
    } else if (afterLead && ADJUNCT.test(tail) && !/\bthat\b/i.test(tail) && wordCount(tail) <= 8) {
      // "CLAUSE, Mr. Obama said in his interview."
      content = { start: sentence.start, end: sentence.start + lead.lastIndexOf(',') };
    } else if (wordCount(tail) >= 3 && !/^[,.;:]/.test(tail)) content = { start: clauseStart, end: sentence.end };
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
