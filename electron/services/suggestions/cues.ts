// The words news writing attributes with: reporting verbs and phrases ("said", "told reporters",
// "according to"). A lexicon, not a model: nothing is downloaded, and every match can be named
// in a suggestion's reason.

/** Reporting verbs in the forms news uses them (past, present, perfect). */
const VERBS: string[] = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'warned', 'warns', 'denied', 'denies', 'claimed', 'claims',
  'stated', 'states', 'explained', 'explains', 'noted', 'notes', 'argued', 'argues', 'insisted', 'insists', 'asked',
  'asks', 'announced', 'announces', 'reported', 'reports', 'wrote', 'writes', 'tweeted', 'tweets', 'posted',
  'acknowledged', 'acknowledges', 'admitted', 'admits', 'suggested', 'suggests', 'recalled', 'recalls', 'continued',
  'concluded', 'replied', 'replies', 'responded', 'responds', 'urged', 'urges', 'vowed', 'vows', 'promised',
  'promises', 'predicted', 'predicts', 'estimated', 'estimates', 'confirmed', 'confirms', 'maintained', 'maintains',
  'contended', 'contends', 'alleged', 'alleges', 'declared', 'declares', 'emphasized', 'emphasised', 'stressed',
  'stresses', 'dismissed', 'dismisses', 'accused', 'accuses', 'countered', 'counters', 'cautioned', 'cautions',
  'believes', 'believed', 'thinks', 'thought', 'testified', 'revealed', 'reveals', 'disclosed', 'observed',
  'remarked', 'complained', 'complains', 'conceded', 'concedes', 'agreed', 'agrees', 'assured', 'boasted',
  'charged', 'predicted', 'wondered', 'joked', 'shouted', 'whispered', 'yelled', 'pointed', 'indicated',
  'indicates', 'showed', 'shows', 'found', 'finds', 'concluded', 'determined', 'assessed',
  'called', 'calls', 'demanded', 'demands', 'questioned', 'questions', 'encouraged', 'encourages', 'described',
  'describes', 'criticized', 'criticised', 'criticizes', 'praised', 'praises', 'blamed', 'blames', 'rejected', 'rejects',
  'defended', 'defends', 'pledged', 'pledges', 'threatened', 'threatens', 'hinted', 'signaled', 'signalled', 'implied',
  'mentioned', 'cited', 'quoted', 'ruled', 'expressed', 'expects', 'expected', 'hopes', 'hoped', 'fears', 'feared',
  'wants', 'wanted', 'urged', 'touted', 'lamented', 'acknowledged', 'reiterated', 'repeated', 'conceded', 'promised',
  // Said aloud, sung or written: "Blige sings", "she yells", "the letter reads".
  'sings', 'sang', 'yells', 'shouts', 'chanted', 'commented', 'scolded', 'quipped', 'quips',
  'snapped', 'retorted', 'exclaimed', 'muttered', 'mused', 'reads',
  // Asserting and advising: "Clinton asserted that…", "aides advised him to…".
  'asserted', 'asserts', 'affirmed', 'proposed', 'proposes', 'recommended', 'recommends', 'speculated',
  'speculates', 'advised', 'reminded', 'informed', 'forecast', 'projected', 'projects',
  // Speech acts aimed at someone or something: "Trump attacked Machado", "the ad mentions…".
  'attacked', 'attacks', 'slammed', 'slams', 'blasted', 'blasts', 'mocked', 'mocks', 'ridiculed', 'condemned',
  'condemns', 'denounced', 'denounces', 'decried', 'decries', 'applauded', 'hailed', 'lauded', 'welcomed',
  'mentions', 'references', 'referenced', 'highlighted', 'highlights', 'disputed', 'disputes', 'challenged',
  // Positions taken and plans laid out: "declined to threaten Moscow", "outlined a plan to…".
  'outlined', 'outlines', 'unveiled', 'unveils', 'detailed', 'discussed', 'addressed', 'championed', 'endorsed',
  'endorses', 'supported', 'opposed', 'opposes', 'declined', 'refused', 'requested', 'sought', 'seeks', 'ordered',
  'apologized', 'offered', 'plans', 'planned', 'intends', 'intended',
  // Repeating, playing up or down: "Pence echoed statements by…", "downplayed the risk…".
  'echoed', 'echoes', 'retweeted', 'downplayed', 'downplays', 'extolled', 'extols', 'touts', 'exaggerated',
  'exaggerates', 'overstated', 'understated', 'understates', 'misstated', 'debated', 'promoted', 'promotes',
  // The plural's present, with a clause after it: "They argue that…", "environmentalists worry that…".
  'argue', 'worry', 'acknowledge', 'agree', 'insist', 'warn', 'contend', 'suggest', 'note', 'claim',
  'predict', 'estimate', 'maintain', 'doubt', 'deny', 'admit', 'concede', 'allege', 'assert', 'recall', 'complain',
  // Thinking and knowing, which report a clause only with one after them (NEED_CLAUSE).
  'worried', 'worries', 'doubted', 'doubts', 'realized', 'recognized', 'recognizes', 'assumed', 'assumes',
  'knew', 'learned', 'understood', 'decided', 'feels', 'felt', 'hope', 'fear', 'believe', 'think', 'expect',
];

/** Participles that attribute to the sentence's subject (", adding that…", "…, saying"). */
const PARTICIPLES = ['saying', 'adding', 'noting', 'warning', 'insisting', 'arguing', 'claiming', 'explaining', 'stressing', 'asking', 'telling', 'calling', 'demanding', 'questioning', 'encouraging', 'urging', 'accusing', 'announcing', 'suggesting', 'describing', 'blaming', 'promising', 'vowing', 'predicting', 'denying', 'acknowledging', 'arguing', 'chanting', 'shouting', 'tweeting', 'slamming', 'condemning', 'touting', 'citing', 'emphasizing', 'proposing', 'offering', 'insisting', 'complaining', 'recalling', 'pointing out', 'hoping', 'attacking', 'criticizing', 'praising', 'mocking', 'defending', 'dismissing', 'denouncing', 'promoting'];

/** Phrases that attribute without a verb of saying alone. */
const PHRASES = ['according to', 'told reporters', 'told the council', 'in a statement', 'pointed out', 'went on', 'has learned', 'have learned', 'has said', 'have said', 'had said', 'is quoted as saying', 'was quoted as saying', 'spoke of', 'spoke about', 'talked about', 'laid out', 'weighed in',
  // A verb and its preposition, the report being what follows: "railed against the provisions…".
  'called for', 'calls for', 'railed against', 'rails against', 'bragged about', 'brags about', 'boasted about',
  'spoke out about', 'spoke out against', 'speaks of', 'speaking of', 'talked of', 'complained about',
  'complains about', 'warned about', 'warned of', 'warned against', 'asked about', 'apologized for',
  'argued against', 'argued for', 'pushed for', 'pressed for', 'advocated for', 'advocates for', 'lobbied for',
  'critical of', 'concerned about', 'worried about'];

/**
 * Nouns of saying with their preposition ("questions about…", "criticism of…", "allegations of…"):
 * PolNeAR counts what they are about as attributed; who says it is seldom in the phrase.
 */
const NOUN_PHRASES = ['questions about', 'questions over', 'comments about', 'comment about', 'remarks about', 'criticism of', 'criticism for', 'attacks on', 'attack on', 'claims of', 'allegations of', 'accusations of', 'misgivings about', 'concerns about', 'complaints about', 'discussion about', 'debate about', 'debate over', 'statements about'];

export const CUE_VERBS: ReadonlySet<string> = new Set(VERBS);

/** Verbs that attribute only with an object or clause ("showed that…"), never alone after a quote. */
const NEED_CLAUSE = new Set(['found', 'finds', 'showed', 'shows', 'determined', 'assessed', 'indicated', 'indicates', 'believes', 'believed', 'thinks', 'thought', 'agreed', 'agrees', 'worried', 'worries', 'doubted', 'doubts', 'realized', 'recognized', 'recognizes', 'assumed', 'assumes', 'knew', 'learned', 'understood', 'decided', 'feels', 'felt', 'hope', 'fear', 'believe', 'think', 'expect', 'projected', 'projects', 'informed', 'reminded', 'advised', 'plans', 'planned', 'intends', 'intended',
  'argue', 'worry', 'acknowledge', 'agree', 'insist', 'warn', 'contend', 'suggest', 'note', 'claim', 'predict', 'estimate', 'maintain', 'doubt', 'deny', 'admit', 'concede', 'allege', 'assert', 'recall', 'complain']);

export interface Cue {
  start: number;
  end: number;
  /** The cue's words as written ("told reporters"). */
  words: string;
  /** "according to" puts the speaker after it and the content after a comma. */
  kind: 'verb' | 'according-to' | 'noun';
  /** True when the verb attributes only with a clause after it ("the report found that…"). */
  needsClause: boolean;
  /** ", adding that…": the speaker is the sentence's subject, not the words before the cue. */
  participle: boolean;
}

// Lower case only (with a capital only to start a sentence): "The United States" is no cue.
const PHRASE_PATTERN = new RegExp(`(?<![\\p{L}])(?:${[...PHRASES, ...NOUN_PHRASES].map((p) => `[${p[0]}${p[0]!.toUpperCase()}]${p.slice(1).replace(/ /g, '\\s+')}`).join('|')})(?![\\p{L}])`, 'gu');
// "so-called" calls nothing: a hyphen before the verb makes it part of another word.
const VERB_PATTERN = new RegExp(`(?<![\\p{L}-])(?:${[...CUE_VERBS, ...PARTICIPLES].join('|')})(?![\\p{L}])`, 'gu');
const PARTICIPLE_SET = new Set(PARTICIPLES);
const NOUN_PHRASE_SET = new Set(NOUN_PHRASES);
// "her acknowledgment that…", "a New York Times report that…": a noun of saying before the
// clause it reports ("that" stays with the clause, as PolNeAR marks it).
const NOUN_THAT = /(?<![\p{L}])(?:report|reports|acknowledgment|acknowledgement|admission|assertion|argument|suggestion|suggestions|insistence|belief|claim|claims|allegation|allegations|warning|warnings|statement|notion|idea|fears?|hopes?|concerns?|view|conclusion|finding|findings|evidence|speculation|rumors?|promise|pledge|vow|decision)(?=\s+(?:that|to)\s)/gu;
// "spoke out Tuesday about…", "spoke emotionally of…": speaking, a few words, and what about.
// Not "spoke ahead of a meeting", "spoke because of…".
const SPOKE_OF = /(?<![\p{L}])(?:[Ss]poke|[Ss]peaks|[Ss]peaking|[Tt]alked|[Tt]alks|[Tt]alking)(?:\s+(?!about\b|of\b)[\p{L}’']+){0,4}?(?<!\b(?:ahead|because|instead|front|out|outside|inside|part|one|some|all|most))\s+(?:about|of)(?![\p{L}])/gu;

/** Verb forms that are also plural nouns ("those claims", "swing states", "her plans"). */
const NOUN_FORMS = new Set(['claims', 'calls', 'attacks', 'plans', 'reports', 'demands', 'promises', 'notes', 'estimates', 'charges', 'fears', 'hopes', 'counters', 'questions', 'states', 'tweets', 'projects', 'doubts', 'references', 'highlights', 'disputes', 'slams', 'blasts', 'mocks', 'expected', 'continued', 'note', 'estimate', 'doubt', 'worry', 'recall', 'fear', 'hope', 'deny']);
/** Words after which such a form is a noun. */
const BEFORE_NOUN = /^(?:the|a|an|those|these|this|his|her|their|its|our|my|your|any|many|several|some|more|most|all|no|few|other|such|of|with|on|in|for|from|about|by|at|into|new|tough|further|broader|swing|member|battleground)$/i;

/**
 * Whether the cue word at `start` is a noun (or an adjective) here: after a determiner or a
 * possessive ("the expected emissions"), "think tank", or "states"/"questions" not reporting.
 */
function usedAsNoun(text: string, start: number, end: number, word: string): boolean {
  if (/^think$/i.test(word) && /^\s+tanks?\b/i.test(text.slice(end, end + 7))) return true;
  if (!NOUN_FORMS.has(word.toLowerCase())) return false;
  // "The report states that…", "questions whether…": the verbs these two are in news.
  if (/^states$/i.test(word)) return !/^\s+that\s/.test(text.slice(end, end + 6));
  if (/^questions$/i.test(word)) return !/^\s+(?:whether|why|how|if)\s/.test(text.slice(end, end + 10));
  const previous = /([\p{L}’']+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
  return BEFORE_NOUN.test(previous) || /[’']s$/.test(previous);
}

/** Every cue in [from, to) of `text`, in text order; a phrase wins over the verb inside it. */
export function findCues(text: string, from: number, to: number): Cue[] {
  const slice = text.slice(from, to);
  const cues: Cue[] = [];
  for (const match of slice.matchAll(PHRASE_PATTERN)) {
    const words = match[0];
    cues.push({ start: from + match.index, end: from + match.index + words.length, words, kind: /^according/i.test(words) ? 'according-to' : NOUN_PHRASE_SET.has(words.toLowerCase().replace(/\s+/g, ' ')) ? 'noun' : 'verb', needsClause: false, participle: false });
  }
  for (const match of slice.matchAll(NOUN_THAT)) {
    const start = from + match.index;
    if (cues.some((cue) => cue.start < start + match[0].length && start < cue.end)) continue;
    // "promise to", "decision to" take an infinitive; the rest only "that".
    if (/^\s+to\s/.test(text.slice(start + match[0].length, start + match[0].length + 4)) && !/^(?:promise|pledge|vow|decision)$/.test(match[0])) continue;
    cues.push({ start, end: start + match[0].length, words: match[0], kind: 'noun', needsClause: false, participle: false });
  }
  for (const match of slice.matchAll(SPOKE_OF)) {
    const start = from + match.index;
    if (cues.some((cue) => cue.start < start + match[0].length && start < cue.end)) continue;
    cues.push({ start, end: start + match[0].length, words: match[0], kind: 'verb', needsClause: false, participle: /^\p{L}+ing\b/u.test(match[0]) });
  }
  for (const match of slice.matchAll(VERB_PATTERN)) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (cues.some((cue) => cue.start <= start && end <= cue.end) || usedAsNoun(text, start, end, match[0])) continue;
    cues.push({ start, end, words: match[0], kind: 'verb', needsClause: NEED_CLAUSE.has(match[0]), participle: PARTICIPLE_SET.has(match[0]) });
  }
  return cues.sort((a, b) => a.start - b.start);
}
