// Indirect quotes: a reporting cue and the clause it reports ("Kim said that the figure was
// wrong", "according to the report, …"), with the cue's speaker.
import { findCues, type Cue } from './cues.js';
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

/** Verbs whose first object is the person told ("told her the plan was dead"). */
const TELLING = /^(?:told|tells|telling|tell|asked|asks|asking|warned|warns|warning|assured|informed|reminded|urged|urges|urging|advised|promised|promises|promising|thanked|reassured)$/i;

/** Words that open an adjunct of the verb, not the clause it reports ("said in an interview", "said Friday"). */
const ADJUNCT = /^(?:in|on|at|during|after|before|via|by|from|with|while|when|last|this|earlier|later|today|yesterday|again|repeatedly|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** `sentence` bounds the clause (after an earlier report in it, only what follows); `whole` is the sentence, where the speaker may be. */
export function indirectQuote(text: string, sentence: Span, cue: Cue, quoted: readonly Span[], people: readonly Person[], known: readonly KnownSpeaker[], whole: Span = sentence): QuoteSuggestion[] {
  const found = reportedClause(text, sentence, cue, quoted, people, known, whole);
  if (!found) return [];
  const { suggestion, beforeAside } = found;
  // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the words on both sides of
  // the aside are the speaker's, one highlight each (as a quote divided by "he said" is held).
  const piece = beforeAside ? { start: beforeAside.start, end: trimEnd(text, beforeAside.end, beforeAside.start) } : null;
  while (piece && text[piece.start] === ' ') piece.start++;
  if (!piece || wordCount(text.slice(piece.start, piece.end)) < 3 || quoted.some((q) => q.start < piece.end && piece.start < q.end)) return [suggestion];
  return [{ ...suggestion, start: piece.start, end: piece.end }, suggestion];
}

function reportedClause(text: string, sentence: Span, cue: Cue, quoted: readonly Span[], people: readonly Person[], known: readonly KnownSpeaker[], whole: Span): { suggestion: QuoteSuggestion; beforeAside: Span | null } | null {
  let beforeAside: Span | null = null;
  // Saying verbs, and participles that go on from the sentence's subject (", saying…", not "for
  // suggesting" nor "It goes without saying"), report a clause even when the rules cannot tell who
  // says it ("the poll's respondents said…"): proposed without a speaker, for the person to fill in.
  // So does any cue followed by "that" a few words on ("His ex-wife agreed, but also contended
  // that…", "by telling them that…"), but for the idiom "it goes without saying that".
  const lead = text.slice(sentence.start, cue.start);
  // "A meeting was requested by the United States": in the passive with "by", the subject is
  // what was asked for, not who asked.
  // Nor "has not been charged with" (PolNeAR counts "she was asked to", "is expected to").
  const passive = /\b(?:was|were|been|being|is|are|be)\s+(?:\p{L}+ly\s+)?$/u.test(lead);
  // "A meeting requested by the United States" is a passive too, without "was".
  const byAgent = /^\s+by\s/.test(text.slice(cue.end, cue.end + 4));
  if ((passive && (byAgent || /^charged$/i.test(cue.words))) || (byAgent && /ed$/.test(cue.words))) return null;
  const reportsThat = !/\bgo(?:es)? without\s*$/i.test(lead) && /^\s+(?:[\p{L}’'-]+\s+){0,3}?that\s/u.test(text.slice(cue.end, Math.min(sentence.end, cue.end + 60)));
  const speaker = speakerOfCue(text, cue, whole, people, known) ?? (SAYING.test(cue.words) || cue.kind === 'noun' || reportsThat || (cue.participle && /,\s*$/.test(lead)) ? { mention: { start: cue.start, end: cue.start }, name: null, how: 'speaker not found' } : null);
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
    // Not after a verb with its preposition, whose "that" is a relative ("railed against the
    // provisions that pock the code").
    const toThat = /\s(?:against|about|for|of|on|in)$/.test(cue.words) ? null : /^\s*(?:[^,.;:!?]{1,60}?\s)?(?=that\s+)/iu.exec(afterCue);
    // "told her the plan…", but "say her plans…": only verbs of telling take a person first.
    const person = TELLING.test(cue.words) ? /^\s*(?:(?:reporters|the council|[\p{L}]+ members|him|her|them|us|me)\s+)?/iu : /^\s*(?:(?:reporters|the council|[\p{L}]+ members|him|them|us|me)\s+)?/iu;
    const rest = toThat && wordCount(toThat[0]) <= 7 ? toThat[0] : person.exec(afterCue)![0];
    const clauseStart = cue.end + rest.length;
    const tail = text.slice(clauseStart, sentence.end);
    // "believes his efforts … will be", "found the program was…": a clause without "that" has its
    // own verb a few words on.
    // "agreed to clean up the mines", "decided to take aim at…": an infinitive is a clause too.
    // "The poll shows Clinton ahead by 3 points": evidence shows what follows, clause or not.
    const evidence = /\b(?:poll|polls|polling|survey|study|report|data|analysis|research|records?|figures|average|review|audit|investigation|documents?|video|footage|filing)\b/i.test(text.slice(speaker.mention.start, speaker.mention.end));
    if (cue.needsClause && !evidence && !/^(?:that|to)\s/i.test(tail) && !/^(?:[\p{L}’'-]+\s+){1,7}(?:will|would|is|are|was|were|has|have|had|can|could|should|must|may|might)\s/u.test(tail)) return null;
    // The words before the mention and any title in front of it ("The museum, Mr. Obama said, …").
    const lead = text.slice(sentence.start, speaker.mention.start).replace(/(?:[\p{Lu}][\p{L}’'-]*\.?\s+)+$/u, '');
    const afterLead = /,\s*$/.test(lead);
    // "CLAUSE, she said, and they…", "CLAUSE, the agency said in a June report, and…": what
    // follows the aside is the writer's, not the speaker's.
    const writerGoesOn = /^,?\s*(?:(?:in|on|at|during|after|before|via|by|from|with|last|this|earlier|later|today|yesterday)\b[^,]*,\s*)?(?:and|but|so|because|while|although)\s/i.test(tail);
    if (afterLead && writerGoesOn) {
      content = { start: sentence.start, end: sentence.start + lead.lastIndexOf(',') };
    } else if (afterLead && /^,\s*\S/.test(tail) && wordCount(tail) >= 3) {
      // "But to prevent problems, he said, local officials should be vigilant": the words after the aside.
      content = { start: clauseStart + 1, end: sentence.end };
      beforeAside = { start: sentence.start, end: sentence.start + lead.lastIndexOf(',') };
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
  // "urged Republicans to join…, and criticized the party’s…": the clause stops where a verb
  // joined to this one begins its own report. Only the first cue in the clause can be joined to
  // this one: in "Reed says Kim promised… and said…", "said" is joined to "promised", and Reed
  // reports both.
  const next = findCues(text, content.start, content.end)[0];
  const joint = next && !next.participle ? /(?:,\s*|\s)(?:and|but)(?:\s+(?:also|then|later|again|even))?\s+$/.exec(text.slice(content.start, next.start)) : null;
  if (joint) content.end = content.start + joint.index;
  while (text[content.start] === ' ') content.start++;
  content.end = trimEnd(text, content.end, content.start);
  if (wordCount(text.slice(content.start, content.end)) < 3) return null;
  // All in quotation marks already, or opening with them ("said “taxes will fall” and…"): the
  // direct quote is the suggestion, not this.
  if (quoted.some((q) => (q.start <= content!.start && content!.end <= q.end) || q.start === content!.start)) return null;
  const suggestion: QuoteSuggestion = {
    start: content.start,
    end: content.end,
    kind: 'indirect',
    cue: { start: cue.start, end: cue.end },
    speaker: speaker.mention.start < speaker.mention.end ? speaker.mention : null,
    speakerName: speaker.name,
    score: speaker.name ? 0.7 : speaker.mention.start < speaker.mention.end ? 0.5 : 0.35,
    reason: reasonOf([`reporting cue '${text.slice(cue.start, cue.end)}'`, speaker.how]),
  };
  return { suggestion, beforeAside };
}
