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

/** A score per given sentence (the evaluation ranks gold sentences with it). */
export function scoreClaimSentences(text: string, sentences: readonly Span[]): number[] {
  return sentences.map((s) => scoreSentence(text.slice(s.start, s.end)).score);
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
  for (const span of sentences) {
    const { score, cues } = scoreSentence(text.slice(span.start, span.end));
    if (score >= threshold && cues.length) claims.push({ ...span, score: Math.round(score * 1000) / 1000, reason: cues.join(' + ') });
  }
  const most = Math.max(10, Math.ceil(sentences.length * CHECK_WORTHY_SHARE));
  return claims.sort((a, b) => b.score - a.score || a.start - b.start).slice(0, most);
}
