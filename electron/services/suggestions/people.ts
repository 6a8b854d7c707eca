// Who is speaking: names in the text ("Robert Wood", "Ambassador Joonkook Hwang"), and second
// references ("Wood", "he", "the ambassador", "Russia's envoy") resolved to the person they
// mean, from the names seen before them and the workspace's own speakers.
import { speakerNameKey } from '../../contract/speaker-names.js';
import { firstIndexNotBefore } from '../../contract/spans.js';
import type { KnownSpeaker, Span } from './types.js';

/** Titles that come before a name and are not part of it. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'president', 'ambassador', 'minister', 'secretary', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'general', 'gen', 'judge', 'justice', 'chancellor', 'premier', 'king', 'queen', 'prince', 'pope', 'sir', 'lord', 'chairman', 'chairwoman', 'chief', 'director', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'officer', 'commissioner', 'councillor', 'councilor', 'professor', 'coach', 'captain', 'capt', 'lt', 'col', 'sgt', 'del']);

/** Capitalized words that begin sentences or name things, never people. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'since', 'as', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'we', 'i', 'you', 'they', 'he', 'she', 'his', 'her', 'our', 'their', 'my', 'your', 'such', 'last', 'next', 'for', 'from', 'with', 'without', 'by', 'of', 'to', 'so', 'yet', 'still', 'also', 'then', 'now', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'u.s.', 'u.n.', 'un', 'us', 'uk', 'eu', 'nato', 'new', 'north', 'south', 'east', 'west', 'united', 'states', 'nations', 'security', 'council', 'house', 'white', 'senate', 'congress', 'democratic', 'republican', 'republic', 'people’s', "people's", 'kremlin', 'ministry', 'department', 'government', 'party', 'court', 'supreme', 'state', 'city', 'county', 'university', 'post', 'times', 'news', 'street', 'journal', 'reuters', 'associated', 'press', 'korea', 'korean', 'russia', 'russian', 'ukraine', 'china', 'chinese', 'america', 'american', 'europe', 'european', 'britain', 'british', 'france', 'french', 'japan', 'japanese', 'germany', 'german', 'pacific', 'peninsula', 'treaty', 'war', 'dprk', 'is', 'was', 'are', 'will', 'would', 'can', 'could']);

/** Words a second reference uses for a person's role ("the ambassador", "Russia's envoy"). */
const ROLE_NOUNS = ['ambassador', 'envoy', 'minister', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'diplomat', 'senator', 'governor', 'mayor', 'chief', 'director', 'leader', 'secretary', 'chairman', 'chairwoman', 'lawmaker', 'prosecutor', 'judge', 'general', 'commander', 'candidate', 'nominee', 'author', 'economist', 'analyst', 'researcher', 'scientist', 'professor', 'doctor', 'lawyer', 'attorney', 'activist', 'expert', 'officer', 'representative', 'congressman', 'congresswoman', 'premier', 'chancellor'];

export interface Person {
  /** The full name as first written ("Joonkook Hwang"). */
  name: string;
  /** Where it was written, and what was around it (an appositive's role words). */
  at: number;
  roles: string[];
  /** The words around where they were named, lower case: "u.s. deputy u.n. ambassador". */
  context?: string;
  knownId?: string;
}

/** Role words that name the same job: "the envoy" is the ambassador named before. */
const SAME_ROLE: readonly (readonly string[])[] = [['ambassador', 'envoy', 'diplomat'], ['spokesman', 'spokeswoman', 'spokesperson'], ['minister', 'secretary'], ['chairman', 'chairwoman']];
const rolesLike = (role: string) => SAME_ROLE.find((group) => group.includes(role)) ?? [role];

/** How a story names a country by its capital or its people: "Washington’s envoy" is the U.S. one. */
const COUNTRY_WORDS: Record<string, readonly string[]> = {
  washington: ['u.s.', 'united states', 'american', 'washington'],
  moscow: ['russia', 'russian', 'moscow', 'kremlin'],
  russia: ['russia', 'russian', 'moscow', 'kremlin'],
  beijing: ['china', 'chinese', 'beijing'],
  china: ['china', 'chinese', 'beijing'],
  pyongyang: ['north korea', 'north korean', 'pyongyang', 'dprk'],
  'north korea': ['north korea', 'north korean', 'pyongyang', 'dprk'],
  seoul: ['south korea', 'south korean', 'seoul'],
  'south korea': ['south korea', 'south korean', 'seoul'],
  london: ['britain', 'british', 'u.k.', 'london'],
  britain: ['britain', 'british', 'u.k.', 'london'],
  paris: ['france', 'french', 'paris'],
  france: ['france', 'french', 'paris'],
  tokyo: ['japan', 'japanese', 'tokyo'],
  japan: ['japan', 'japanese', 'tokyo'],
  kyiv: ['ukraine', 'ukrainian', 'kyiv'],
  ukraine: ['ukraine', 'ukrainian', 'kyiv'],
};

export interface Mention extends Span {
  kind: 'name' | 'surname' | 'pronoun' | 'role';
  text: string;
}

const WORD = /[\p{Lu}][\p{L}’'.-]*/uy;

/** "Sen.", "Rep.", "G.K.", "U.S.": a full stop that does not end a sentence. */
export const isAbbreviation = (word: string) => /^(?:\p{Lu}\.)+$/u.test(word) || (word.endsWith('.') && TITLES.has(word.slice(0, -1).toLowerCase()));

/** Words that open a sentence or a phrase and never name who speaks ("During the speech", "The spot", "to the crowd"). */
const PREPOSITIONS = new Set(['about', 'after', 'against', 'among', 'at', 'before', 'between', 'by', 'despite', 'during', 'for', 'from', 'in', 'into', 'of', 'on', 'onto', 'over', 'through', 'throughout', 'to', 'toward', 'towards', 'under', 'until', 'upon', 'via', 'with', 'within', 'without']);
const OPENERS = new Set(['however', 'meanwhile', 'although', 'though', 'indeed', 'perhaps', 'moreover', 'nevertheless', 'nonetheless', 'instead', 'thus', 'finally', 'later', 'earlier', 'once', 'even', 'only', 'just']);
export const isPreposition = (word: string) => PREPOSITIONS.has(word.toLowerCase());
export const isFunctionWord = (word: string) => NOT_NAMES.has(word.toLowerCase()) || PREPOSITIONS.has(word.toLowerCase()) || OPENERS.has(word.toLowerCase());

const isNameWord = (word: string) => /^\p{Lu}/u.test(word) && !NOT_NAMES.has(word.toLowerCase()) && !TITLES.has(word.toLowerCase().replace(/\.$/, ''));

/**
 * The name that starts at `pos` (after any titles): two to four capitalized words, or one when
 * a title stands before it ("Ambassador Wood"). Null when there is none.
 */
export function nameAt(text: string, pos: number): { start: number; end: number; titled: boolean } | null {
  let i = pos;
  let titled = false;
  const words: { start: number; end: number }[] = [];
  for (;;) {
    WORD.lastIndex = i;
    const match = WORD.exec(text);
    if (!match) break;
    let word = match[0];
    // A possessive or a full stop ends the name ("Russia’s", "Wood.").
    const possessive = /[’']s$/u.test(word);
    if (possessive) word = word.slice(0, -2);
    const bare = word.replace(/\.$/, '');
    if (words.length === 0 && TITLES.has(bare.toLowerCase())) {
      titled = true;
    } else if ((isNameWord(bare) && bare.length > 1) || (words.length > 0 && /^(?:\p{Lu}\.)+$/u.test(word))) {
      // A middle initial ("Julie A. Diaz") is part of the name, though "A" alone is a word.
      words.push({ start: i, end: i + bare.length });
    } else break;
    i += word.length;
    if (possessive || (word.endsWith('.') && words.length > 0 && !/^(?:\p{Lu}\.)+$/u.test(word))) break;
    if (text[i] !== ' ') break;
    i++;
    if (words.length === 4) break;
  }
  if (words.length === 0 || (words.length === 1 && !titled)) return null;
  return { start: words[0]!.start, end: words.at(-1)!.end, titled };
}

/** The registry by each name and other name, and by surname: built once, not per mention. */
const registries = new WeakMap<readonly KnownSpeaker[], { byName: Map<string, KnownSpeaker>; bySurname: Map<string, KnownSpeaker> }>();
function registry(known: readonly KnownSpeaker[]) {
  let found = registries.get(known);
  if (!found) {
    const byName = new Map<string, KnownSpeaker>();
    const bySurname = new Map<string, KnownSpeaker>();
    for (const speaker of known) {
      for (const name of [speaker.name, ...speaker.aliases]) {
        const key = speakerNameKey(name);
        if (!byName.has(key)) byName.set(key, speaker);
        for (const part of key.split(' ')) if (!bySurname.has(part)) bySurname.set(part, speaker);
      }
    }
    found = { byName, bySurname };
    registries.set(known, found);
  }
  return found;
}

/** The story's people by name key and by each word of their name, in text order. */
const directories = new WeakMap<readonly Person[], { byKey: Map<string, Person>; byWord: Map<string, Person[]> }>();
function directory(people: readonly Person[]) {
  let found = directories.get(people);
  if (!found) {
    const byKey = new Map<string, Person>();
    const byWord = new Map<string, Person[]>();
    for (const person of people) {
      const key = speakerNameKey(person.name);
      if (!byKey.has(key)) byKey.set(key, person);
      for (const word of key.split(' ')) byWord.set(word, [...(byWord.get(word) ?? []), person]);
    }
    found = { byKey, byWord };
    directories.set(people, found);
  }
  return found;
}

/** How many of `people` (in text order) were named before `pos`. */
const countBefore = (people: readonly Person[], pos: number): number => firstIndexNotBefore(people.length, (i) => people[i]!.at < pos);

/** Names, in text order: every person the story names in full, with the roles around them. */
export function findPeople(text: string, known: readonly KnownSpeaker[] = []): Person[] {
  const { byName } = registry(known);
  const people: Person[] = [];
  const seen = new Map<string, Person>();
  const pattern = /(?<![\p{L}’'-])\p{Lu}/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const name = nameAt(text, match.index);
    if (!name) continue;
    pattern.lastIndex = name.end;
    const written = text.slice(name.start, name.end);
    const knownSpeaker = byName.get(speakerNameKey(written));
    const key = speakerNameKey(knownSpeaker?.name ?? written);
    const before = text.slice(Math.max(0, match.index - 60), match.index).toLowerCase();
    const after = text.slice(name.end, name.end + 80).toLowerCase();
    const appositive = /^,([^,]{2,70}),/.exec(after)?.[1] ?? '';
    const roles = ROLE_NOUNS.filter((role) => appositive.includes(role) || new RegExp(`\\b${role}\\s*$`).test(before) || text.slice(match.index, name.start).toLowerCase().includes(role));
    const person = seen.get(key);
    if (person) person.roles.push(...roles.filter((r) => !person.roles.includes(r)));
    else {
      // Only the words of their own sentence say where they are from.
      const ownSentence = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('. ')) + 1);
      const made: Person = { name: knownSpeaker?.name ?? written, at: name.start, roles, context: `${ownSentence} ${appositive}`, knownId: knownSpeaker?.id };
      seen.set(key, made);
      people.push(made);
    }
  }
  return people;
}

/** The person a mention at `at` refers to: the last one named before it that fits. */
export function resolveMention(mention: Mention, people: readonly Person[], known: readonly KnownSpeaker[] = []): Person | null {
  const words = mention.text.toLowerCase();
  const reg = registry(known);
  if (mention.kind === 'name') {
    const key = speakerNameKey(mention.text);
    const knownSpeaker = reg.byName.get(key);
    if (knownSpeaker) return { name: knownSpeaker.name, at: mention.start, roles: [], knownId: knownSpeaker.id };
    return directory(people).byKey.get(key) ?? null;
  }
  const before = countBefore(people, mention.start);
  if (mention.kind === 'surname') {
    const surname = speakerNameKey(mention.text.split(/\s+/).at(-1)!);
    const named = directory(people).byWord.get(surname) ?? [];
    const person = named[countBefore(named, mention.start) - 1];
    if (person) return person;
    const knownSpeaker = reg.bySurname.get(surname);
    return knownSpeaker ? { name: knownSpeaker.name, at: -1, roles: [], knownId: knownSpeaker.id } : null;
  }
  if (mention.kind === 'role') return resolveRole(mention, words, people, before);
  return people[before - 1] ?? null;
}

/**
 * "the ambassador", "Washington’s envoy": the last person named before with that role (or one
 * like it) and, when a country is named, from that country; else the first one named soon after
 * ("Russia’s envoy dismissed it. … Vassily Nebenzia told the council").
 */
function resolveRole(mention: Mention, words: string, people: readonly Person[], before: number): Person | null {
  const qualifier = /^(.+?)(?:’s|'s)\s/.exec(words)?.[1];
  const country = qualifier ? COUNTRY_WORDS[qualifier] : undefined;
  const fromThere = (p: Person) => !country || country.some((w) => p.context?.includes(w));
  const role = ROLE_NOUNS.find((r) => new RegExp(`\\b${r}s?$`).test(words));
  const hasRole = (p: Person) => !role || p.roles.some((r) => rolesLike(role).includes(r));
  for (let i = before - 1; i >= 0; i--) {
    const p = people[i]!;
    if (hasRole(p) && fromThere(p) && (country || p.roles.length > 0)) return p;
  }
  const next = people[countBefore(people, mention.end + 1)];
  return next && next.at - mention.end < 600 ? next : null;
}

const PRONOUN = /^(?:he|she)$/i;
const ROLE_PHRASE = new RegExp(`^(?:the|a|an|(?:[\\p{Lu}][\\p{L}.]*\\s+){0,2}[\\p{Lu}][\\p{L}.]*(?:’s|'s))(?:\\s+[\\p{L}.-]+){0,3}?\\s+(?:${ROLE_NOUNS.join('|')})s?$`, 'iu');

/** What kind of mention `words` are, or null when they name nobody. */
export function mentionKind(words: string): Mention['kind'] | null {
  const trimmed = words.trim();
  if (PRONOUN.test(trimmed)) return 'pronoun';
  if (ROLE_PHRASE.test(trimmed)) return 'role';
  const tokens = trimmed.split(/\s+/);
  const nameTokens = tokens.filter((t) => !TITLES.has(t.toLowerCase().replace(/\.$/, '')));
  if (nameTokens.length === 0 || !nameTokens.every(isNameWord)) return null;
  return nameTokens.length === 1 ? 'surname' : 'name';
}
