// Check-worthy claims: sentences stating something a fact-checker could verify (figures,
// comparisons, changes, records, what someone did), scored by weighted cues and ranked.
// Every cue that counted is named in the reason.
import { sentenceSpans } from '../../contract/sentences.js';
import type { ClaimSuggestion, Span } from './types.js';

interface Feature {
  name: string;
  weight: number;
  test: RegExp;
}

// Weights set by hand on our own fixtures and the development data's train/dev splits only.
const FEATURES: Feature[] = [
  { name: 'a figure', weight: 1.4, test: /\b\d[\d,.]*\b/ },
  { name: 'a percentage', weight: 1.0, test: /\b\d[\d,.]*\s*(?:%|percent|per cent)/i },
  { name: 'money', weight: 0.8, test: /[$€£¥]\s*\d|\b\d[\d,.]*\s*(?:dollars|euros|pounds|billion|million|trillion)\b/i },
  { name: 'a comparison', weight: 0.8, test: /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|faster|slower|than|most|least|largest|biggest|highest|lowest|record|double[ds]?|tripled?|half)\b/i },
  { name: 'a change', weight: 0.7, test: /\b(?:increase[ds]?|decrease[ds]?|rose|risen|fell|fallen|grew|grown|drop(?:ped)?|cut|raised|lowered|doubled|surged|plunged|declined)\b/i },
  { name: 'a time frame', weight: 0.4, test: /\b(?:since|in (?:19|20)\d\d|last (?:year|month|week)|(?:19|20)\d\d)\b/i },
  { name: 'what someone did', weight: 0.5, test: /\b(?:voted|signed|passed|approved|banned|shipped|sold|bought|spent|paid|created|lost|killed|built|violated?|violates)\b/i },
  { name: 'an absolute', weight: 0.5, test: /\b(?:never|always|every|all|none|nobody|only|no one|ever)\b/i },
  { name: 'a law or rule', weight: 0.4, test: /\b(?:law|illegal|legal|sanctions?|embargo|treaty|constitution|bill|tax(?:es)?)\b/i },
];

/** Sentences that state no fact: questions, greetings, thanks, opinions about oneself. */
const AGAINST: Feature[] = [
  { name: 'a question', weight: -1.2, test: /\?\s*["”’]?\s*$/ },
  { name: 'thanks or greetings', weight: -1.5, test: /^\W*(?:thank|thanks|good (?:evening|morning|night)|hello|hi|applause|laughter|crosstalk)\b/i },
  { name: 'an opinion', weight: -0.6, test: /\b(?:i think|i believe|i feel|i hope|i want|in my opinion|we need|let me|i'm going to)\b/i },
];

const BIAS = -1.6;

/** 0–1 and the cues behind it, for one sentence. */
export function scoreSentence(sentence: string): { score: number; cues: string[] } {
  const words = sentence.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  let sum = BIAS + Math.min(words, 30) / 30;
  const cues: string[] = [];
  for (const feature of [...FEATURES, ...AGAINST]) {
    if (feature.test.test(sentence)) {
      sum += feature.weight;
      cues.push(feature.name);
    }
  }
  if (words < 5) sum -= 1;
  return { score: 1 / (1 + Math.exp(-sum)), cues };
}

const TURN = /^([\p{Lu}][\p{Lu} .'’-]{1,40}):\s/u;
/** A speaker this share of whose sentences are questions is asking, not claiming: a moderator, an interviewer. */
const QUESTIONER_SHARE = 0.15;
const QUESTIONER_WEIGHT = -1.2;

/**
 * In a transcript ("NAME: …" turns), who speaks each sentence, and which speakers mostly ask:
 * their sentences are questions and introductions, rarely claims. Null outside a transcript.
 */
function questionersOf(text: string, sentences: readonly Span[]): ((i: number) => boolean) | null {
  const turns: { at: number; name: string }[] = [];
  const line = /^.*$/gmu;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const turn = TURN.exec(m[0]);
    if (turn) turns.push({ at: m.index, name: turn[1]!.trim() });
    if (m[0].length === 0) line.lastIndex++;
  }
  if (turns.length < 4) return null;
  const speakerOf: (string | null)[] = [];
  let t = -1;
  for (const s of sentences) {
    while (t + 1 < turns.length && turns[t + 1]!.at <= s.start) t++;
    speakerOf.push(t >= 0 ? turns[t]!.name : null);
  }
  const asked = new Map<string, { sentences: number; questions: number }>();
  sentences.forEach((s, i) => {
    const name = speakerOf[i];
    if (!name) return;
    const tally = asked.get(name) ?? { sentences: 0, questions: 0 };
    tally.sentences++;
    if (/\?\s*["”’]?\s*$/.test(text.slice(s.start, s.end))) tally.questions++;
    asked.set(name, tally);
  });
  return (i) => {
    const tally = speakerOf[i] ? asked.get(speakerOf[i]!) : undefined;
    return !!tally && tally.sentences >= 5 && tally.questions / tally.sentences >= QUESTIONER_SHARE;
  };
}

/** Scores and cues for each sentence, with what the transcript around it says (who is asking). */
function scoreInContext(text: string, sentences: readonly Span[]): { score: number; cues: string[] }[] {
  const questioner = questionersOf(text, sentences);
  return sentences.map((s, i) => {
    const scored = scoreSentence(text.slice(s.start, s.end).replace(TURN, ''));
    if (!questioner?.(i)) return scored;
    const logit = Math.log(scored.score / (1 - scored.score)) + QUESTIONER_WEIGHT;
    return { score: 1 / (1 + Math.exp(-logit)), cues: [...scored.cues, 'but the words of one who mostly asks'] };
  });
}

/** A score per given sentence (the evaluation ranks gold sentences with it). */
export function scoreClaimSentences(text: string, sentences: readonly Span[]): number[] {
  return scoreInContext(text, sentences).map((s) => s.score);
}

/** Of a story's sentences, about this share are worth checking (CLEF 2019's debates: 2.7–3.5 %). */
const CHECK_WORTHY_SHARE = 0.05;

/**
 * Sentences worth checking, best first: those scoring at least `threshold`, and no more than the
 * best 5 % of the sentences (at least 10): a transcript's thousands of figures are not all claims.
 */
export function findClaims(text: string, threshold = 0.5): ClaimSuggestion[] {
  const claims: ClaimSuggestion[] = [];
  const sentences = sentenceSpans(text);
  scoreInContext(text, sentences).forEach(({ score, cues }, i) => {
    const span = sentences[i]!;
    // A transcript turn's "NAME: " is who speaks, not part of the claim.
    const start = span.start + (TURN.exec(text.slice(span.start, span.end))?.[0].length ?? 0);
    if (score >= threshold && cues.length) claims.push({ start, end: span.end, score: Math.round(score * 1000) / 1000, reason: cues.join(' + ') });
  });
  const most = Math.max(10, Math.ceil(sentences.length * CHECK_WORTHY_SHARE));
  return claims.sort((a, b) => b.score - a.score || a.start - b.start).slice(0, most);
}
