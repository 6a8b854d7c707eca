// Deterministic test data for the benchmarks: a ~5 MB news/transcript corpus with 50,000
// highlights, a typical article's highlights, and the changes that create them. Data only:
// workspace-writer.ts has the app's own service write it into a workspace.

/** mulberry32: small, fast and good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    hex: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
      return s;
    },
  };
}

function uuidLike(rnd) {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-${'89ab'[rnd.int(0, 3)]}${rnd.hex(3)}-${rnd.hex(12)}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const PEOPLE = [
  ['Robert Wood', 'the U.S. deputy U.N. ambassador'],
  ['Joonkook Hwang', 'South Korea’s ambassador to the United Nations'],
  ['José Martínez', 'the mayor of Valparaíso'],
  ['Zoë Müller', 'a spokesperson for the finance ministry'],
  ['François Lefèvre', 'a senior economist at the central bank'],
  ['Amara Okafor', 'the opposition leader'],
  ['Li Wei', 'a deputy trade minister'],
  ['Sofia Andersson', 'who chairs the budget committee'],
  ['Mehmet Yılmaz', 'the union’s general secretary'],
  ['Priya Raman', 'a public-health researcher'],
  ['Daniel Cohen', 'the defense minister'],
  ['Ngozi Eze', 'a rice farmer from the delta region'],
  ['Anna Kowalczyk', 'the city’s chief planner'],
  ['Tomás Ó Briain', 'a lawyer for the families'],
  ['Hana Suzuki', 'a climate negotiator'],
  ['Carlos Mendoza', 'the police commissioner'],
  ['Fatima Al-Sayed', 'a human-rights monitor'],
  ['Olivier Martin', 'a spokesman for the prosecutor’s office'],
];

const SUBJECTS = [
  'The government', 'The ministry', 'Regional officials', 'The central bank', 'Lawmakers', 'The council',
  'Investigators', 'Local residents', 'The company', 'Prosecutors', 'Aid agencies', 'The coalition',
  'Analysts', 'The city council', 'Emergency crews', 'The electoral commission', 'Union leaders',
  'The health authority', 'Diplomats', 'The court',
];
const VERBS = [
  'announced', 'rejected', 'approved', 'delayed', 'questioned', 'defended', 'expanded', 'suspended',
  'criticized', 'welcomed', 'reviewed', 'confirmed', 'denied', 'postponed', 'proposed', 'blocked',
  'challenged', 'endorsed', 'scrapped', 'revised',
];
const OBJECTS = [
  'a new budget for the coming year', 'the proposed ceasefire', 'plans to expand the port',
  'the latest inflation figures', 'a report on water quality', 'the sanctions package',
  'a bill on data protection', 'the election timetable', 'emergency funding for hospitals',
  'the pension reform', 'the contract with the energy supplier', 'a review of police conduct',
  'the transfer of arms and munitions', 'a plan to rebuild the bridge', 'new rules for short-term rentals',
  'the school-meals program', 'an inquiry into the flood response', 'the mining concession',
  'a tax on imported steel', 'the agreement on fishing quotas',
];
const ADVERBIALS = [
  'on Tuesday', 'after weeks of negotiations', 'despite strong objections', 'in a statement late Friday',
  'at a news conference in Geneva', 'during a heated session', 'according to people familiar with the talks',
  'earlier this month', 'for the second time this year', 'amid growing public pressure', 'on Monday evening',
  'without a vote', 'in a closed-door meeting', 'shortly before midnight', 'after a court ruling',
];
const PLACES = [
  'Geneva', 'Nairobi', 'São Paulo', 'Kraków', 'Seoul', 'Brussels', 'Montréal', 'Reykjavík', 'Lagos',
  'Ankara', 'the Korean Peninsula', 'the Indo-Pacific region', 'Ukraine', 'the coastal provinces',
  'the capital', 'Zürich', 'Córdoba', 'Hanoi',
];
const GOODS = ['rice', 'diesel', 'electricity', 'rent', 'bread', 'cooking oil', 'medicine', 'fertilizer', 'train tickets'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ADJS = ['dangerous', 'illegal', 'unacceptable', 'long overdue', 'reckless', 'premature', 'a step forward', 'deeply unfair', 'unworkable', 'a relief'];
const HEADLINE_VERBS = ['weigh', 'reject', 'back', 'question', 'delay', 'push for', 'warn over', 'clash over'];
const NOUNS_PL = ['families', 'workers', 'students', 'farmers', 'pensioners', 'small businesses', 'nurses', 'drivers', 'voters', 'tenants'];

// ---------------------------------------------------------------------------------------------
// The corpus

/**
 * Builds text while recording candidate highlights at their exact offsets; `emit` appends a
 * piece and returns its span.
 */
class Builder {
  constructor() {
    this.parts = [];
    this.length = 0;
    this.candidates = [];
  }
  emit(piece) {
    const start = this.length;
    this.parts.push(piece);
    this.length += piece.length;
    return { start, end: this.length };
  }
  add(labelId, span, speakerId = null) {
    if (span.end > span.start) this.candidates.push({ labelId, start: span.start, end: span.end, speakerId });
  }
  text() {
    return this.parts.join('');
  }
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function claimSentence(r) {
  switch (r.int(0, 5)) {
    case 0:
      return `Unemployment rose to ${r.int(3, 14)}.${r.int(0, 9)} percent in ${r.pick(MONTHS)}, the highest level since ${r.int(1995, 2021)}.`;
    case 1:
      return `${r.pick(SUBJECTS)} spent $${r.int(2, 950)} million on ${r.pick(OBJECTS).replace(/^(a|an) /, '')} last year.`;
    case 2:
      return `More than ${r.int(2, 90)},${String(r.int(0, 999)).padStart(3, '0')} people were displaced by the floods in ${r.pick(PLACES)}.`;
    case 3:
      return `Prices for ${r.pick(GOODS)} have climbed ${r.int(4, 60)} percent since ${r.int(2015, 2023)}.`;
    case 4:
      return `Only ${r.int(1, 9)} in ${r.int(10, 20)} ${r.pick(NOUNS_PL)} in ${r.pick(PLACES)} received the promised support.`;
    default:
      return `The deficit is expected to reach ${r.int(1, 9)}.${r.int(0, 9)} percent of GDP by ${r.int(2025, 2030)}.`;
  }
}

function reportSentence(r) {
  return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(ADVERBIALS)}.`;
}

function quoteSentence(r) {
  switch (r.int(0, 7)) {
    case 0:
      return `We are deeply concerned about ${r.pick(OBJECTS)}`;
    case 1:
      return `This is not what the people of ${r.pick(PLACES)} voted for`;
    case 2:
      return `Nobody should have to choose between ${r.pick(GOODS)} and ${r.pick(GOODS)}`;
    case 3:
      return `We will not accept ${r.pick(OBJECTS)} without a full debate`;
    case 4:
      return `I’ve been doing this for ${r.int(5, 40)} years and I’ve never seen anything like it`;
    case 5:
      return `Frankly, it’s ${r.pick(ADJS)}, and everyone in this room knows it`;
    case 6:
      return `The ‘temporary’ measures have now lasted ${r.int(2, 11)} years`;
    default:
      return `What matters is whether ${r.pick(NOUNS_PL)} can still pay for ${r.pick(GOODS)} next ${r.pick(MONTHS)}`;
  }
}

/** Somewhere inside [start, end) at a word boundary: just after a space. */
function wordStartWithin(text, start, end, r) {
  const spaces = [];
  for (let i = start + 1; i < end - 1; i++) if (text.charCodeAt(i) === 32) spaces.push(i + 1);
  return spaces.length ? r.pick(spaces) : start;
}

function newsParagraph(b, r, speakers) {
  const sentences = [];
  const count = r.int(2, 4);
  for (let i = 0; i < count; i++) {
    if (i > 0) b.emit(' ');
    const kind = r.int(0, 3);
    if (kind === 0) {
      const span = b.emit(claimSentence(r));
      b.add('claim', span);
      sentences.push(span);
    } else if (kind === 1) {
      const [name, role] = r.pick(PEOPLE);
      const start = b.length;
      const nameSpan = b.emit(name);
      b.emit(`, ${role}, said ${r.pick(SUBJECTS).toLowerCase()} had ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`);
      b.add('speaker', nameSpan, speakers.get(name));
      sentences.push({ start, end: b.length });
    } else {
      sentences.push(b.emit(reportSentence(r)));
    }
  }
  return sentences;
}

function quoteParagraph(b, r, speakers) {
  const [name, role] = r.pick(PEOPLE);
  const speakerId = speakers.get(name);
  const sentences = [];
  if (r.chance(0.5)) {
    const first = `${quoteSentence(r)}.`;
    b.emit('“');
    const q = b.emit(`${first} ${quoteSentence(r)},`);
    b.emit('” ');
    const n = b.emit(name);
    b.emit(`, ${role}, told reporters ${r.pick(ADVERBIALS)}.`);
    b.add('quote', { start: q.start, end: q.end - 1 }, speakerId);
    b.add('speaker', n, speakerId);
    // A claim nested inside the quote: its first sentence.
    if (r.chance(0.3)) b.add('claim', { start: q.start, end: q.start + first.length });
    sentences.push(q);
  } else {
    const n = b.emit(name);
    b.emit(' said: “');
    const q1 = b.emit(`${quoteSentence(r)}.`);
    b.emit(' ');
    const claim = b.emit(claimSentence(r));
    b.emit('”');
    b.add('speaker', n, speakerId);
    b.add('quote', { start: q1.start, end: claim.end }, speakerId);
    b.add('claim', claim); // nested in the quote
    sentences.push(q1, claim);
  }
  return sentences;
}

const STAGE = ['[crosstalk]', '(laughter)', '[inaudible]', '(applause)'];
const EMOJI = ['😂', '👍', '📰', '🙏'];

function transcriptTurn(b, r, speakers, clock) {
  const [name] = r.pick(PEOPLE);
  b.emit(`[${clock()}] `);
  const n = b.emit(name.toUpperCase());
  b.emit(': ');
  const parts = [];
  const count = r.int(1, 4);
  for (let i = 0; i < count; i++) {
    if (i > 0) b.emit(' ');
    if (r.chance(0.25)) {
      const c = b.emit(claimSentence(r));
      b.add('claim', c);
      parts.push(c);
    } else {
      parts.push(b.emit(`${quoteSentence(r)}.`));
    }
    if (r.chance(0.06)) b.emit(` ${r.pick(STAGE)}`);
    if (r.chance(0.01)) b.emit(` ${r.pick(EMOJI)}`);
  }
  b.add('speaker', n, speakers.get(name));
  b.add('quote', { start: parts[0].start, end: parts[parts.length - 1].end }, speakers.get(name));
  return parts;
}

/** ~`targetChars` of stories and transcripts with candidate highlights; ≥ `annotationCount` chosen. */
export function generateCorpus({ seed = 20240628, targetChars = 5_000_000, annotationCount = 50_000 } = {}) {
  const r = prng(seed);
  const speakers = new Map(PEOPLE.map(([name], i) => [name, `spk-bench-${String(i).padStart(2, '0')}`]));
  const b = new Builder();
  let seconds = 0;
  const clock = () => {
    seconds += r.int(4, 90);
    const h = Math.floor(seconds / 3600) % 100;
    const m = Math.floor(seconds / 60) % 60;
    const s = seconds % 60;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  };
  const crossing = [];
  let story = 0;
  while (b.length < targetChars) {
    story++;
    if (story > 1) b.emit('\n\n');
    if (r.chance(0.3)) {
      // A transcript: one turn per line.
      b.emit(`TRANSCRIPT ${story}: ${capitalize(r.pick(OBJECTS))} — hearing in ${r.pick(PLACES)}\n\n`);
      seconds = 0;
      const turns = r.int(12, 40);
      for (let t = 0; t < turns; t++) {
        if (t > 0) b.emit('\n');
        transcriptTurn(b, r, speakers, clock);
      }
    } else {
      // An article: headline, dateline, paragraphs.
      b.emit(`${capitalize(r.pick(SUBJECTS).replace(/^The /, ''))} ${r.pick(HEADLINE_VERBS)} ${r.pick(OBJECTS).replace(/^(a|an|the) /, '')}\n\n`);
      b.emit(`${r.pick(PLACES).replace(/^the /, '').toUpperCase()} — `);
      const paragraphs = r.int(5, 14);
      for (let p = 0; p < paragraphs; p++) {
        if (p > 0) b.emit('\n\n');
        const sentences = r.chance(0.4) ? quoteParagraph(b, r, speakers) : newsParagraph(b, r, speakers);
        if (sentences.length >= 2 && r.chance(0.35)) crossing.push([sentences[0], sentences[1]]);
      }
    }
  }
  const text = b.text();
  // Claims that cross a sentence boundary overlap their neighbours without nesting.
  for (const [a, c] of crossing) {
    const start = wordStartWithin(text, a.start, a.end, r);
    const end = wordStartWithin(text, c.start, c.end, r) - 1;
    if (end > start) b.add('claim', { start, end });
  }
  if (b.candidates.length < annotationCount) {
    throw new Error(`only ${b.candidates.length} candidate highlights in ${text.length} characters; need ${annotationCount}`);
  }
  // A deterministic choice of exactly annotationCount, then text order (people annotate as they read).
  const chosen = b.candidates.map((c, i) => ({ c, k: r.next(), i }));
  chosen.sort((x, y) => x.k - y.k);
  const picked = chosen.slice(0, annotationCount).map((x) => x.c);
  picked.sort((x, y) => x.start - y.start || y.end - x.end);
  return { text, spans: picked, speakers: [...speakers].map(([name, id]) => ({ id, name })) };
}

/** A typical article with ~`count` highlights: its quotes, the names near them, claims with numbers. */
export function articleSpans(text, count = 30) {
  const spans = [];
  for (const m of text.matchAll(/“([^”]{12,}?)[,.]?”/g)) {
    spans.push({ labelId: 'quote', start: m.index + 1, end: m.index + 1 + m[1].length, speakerId: null });
  }
  // Names just before "said", "told", "spoke" or a title: "Ambassador Song Kim said", "Wood spoke".
  for (const m of text.matchAll(/\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)(?=,? (?:said|told|spoke|U\.S\.))/g)) {
    const title = /^(?:(?:Deputy|Ambassador|President|Korean|South) )+/.exec(m[1]);
    const skip = title ? title[0].length : 0;
    if (skip === m[1].length || /^(?:He|She|It|They|We)$/.test(m[1])) continue;
    spans.push({ labelId: 'speaker', start: m.index + skip, end: m.index + m[1].length, speakerId: null });
  }
  // Sentences with a number in them.
  for (const m of text.matchAll(/[^.\n“”]*\d[^.\n“”]*\./g)) {
    const lead = m[0].length - m[0].trimStart().length;
    if (!/^[A-Z]/.test(m[0].slice(lead))) continue;
    spans.push({ labelId: 'claim', start: m.index + lead, end: m.index + m[0].length, speakerId: null });
  }
  // Keep a mix: alternate between kinds until `count`.
  const byKind = ['quote', 'speaker', 'claim'].map((k) => spans.filter((s) => s.labelId === k));
  const out = [];
  for (let i = 0; out.length < count && byKind.some((list) => i < list.length); i++) {
    for (const list of byKind) if (i < list.length && out.length < count) out.push(list[i]);
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

// ---------------------------------------------------------------------------------------------
// The changes a window would send

/** createAnnotation changes for `spans`, with ids, authors and times that are the same every run. */
export function annotationChanges(documentId, spans, { seed = 7, baseTime = Date.UTC(2024, 5, 28, 9, 0, 0) } = {}) {
  const r = prng(seed);
  return spans.map((span, i) => {
    const at = new Date(baseTime + i * 7_000).toISOString();
    return {
      kind: 'createAnnotation',
      documentId,
      annotationId: `ann-${uuidLike(r)}`,
      labelId: span.labelId,
      start: span.start,
      end: span.end,
      speakerId: span.speakerId ?? null,
      note: i % 97 === 0 ? 'Check against the official record before publishing.' : '',
      author: 'Bench',
      createdAt: at,
      updatedAt: at,
    };
  });
}
