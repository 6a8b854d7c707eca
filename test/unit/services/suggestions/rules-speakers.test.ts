// Speaker rules for the shapes news copy takes around a quote, on short texts written for these
// tests: spaces that are not plain spaces, titles before a name, verbs of singing and shouting,
// marks typed two ways, names right after a quote or introducing it, and participle clauses.
import { describe, expect, it } from 'vitest';
import { suggest } from '../../../../electron/services/suggestions/suggest.js';

const slice = (text: string, span: { start: number; end: number } | null) => (span ? text.slice(span.start, span.end) : null);
const quotesOf = (text: string) =>
  suggest(text).quotes.map((q) => ({ kind: q.kind, words: slice(text, q), cue: slice(text, q.cue), mention: slice(text, q.speaker), speaker: q.speakerName, reason: q.reason }));
const quoteWith = (text: string, words: string) => quotesOf(text).find((q) => q.words?.includes(words));

describe('speakers, in the shapes news copy takes', () => {
  it('reads a no-break space as a space and keeps every offset on the text as given', () => {
    const text = 'Tom Reed spoke first.\u00a0“The tax will rise next year,” he\u00a0told\u00a0reporters.';
    const quote = quoteWith(text, 'The tax will rise');
    expect(quote).toMatchObject({ words: '“The tax will rise next year,”', mention: 'he', speaker: 'Tom Reed' });
    expect(quote?.cue).toBe('told\u00a0reporters');
  });

  it('takes the name at the end of a title ("PolitiFact Executive Director Aaron Sharockman")', () => {
    const text = '“We rate the claim false,” said PolitiFact Executive Director Aaron Sharockman.\n\nPolitiFact Executive Director Aaron Sharockman said the rating would stand.';
    expect(quoteWith(text, 'We rate')).toMatchObject({ mention: 'Aaron Sharockman', speaker: 'Aaron Sharockman' });
    expect(quoteWith(text, 'rating would stand')).toMatchObject({ kind: 'indirect', mention: 'Aaron Sharockman', speaker: 'Aaron Sharockman' });
  });

  it('knows verbs of singing and shouting as cues', () => {
    const text = 'Mary J. Blige took the stage. “Where do we go from here?” Blige sang.\n\nA woman in the crowd stood up. “Let him speak now,” she yells.';
    expect(quoteWith(text, 'Where do we go')).toMatchObject({ cue: 'sang', speaker: 'Mary J. Blige' });
    expect(quoteWith(text, 'Let him speak')).toMatchObject({ cue: 'yells', mention: 'she' });
  });

  it('ends a quote opened with a straight mark at a curly close, and the other way round', () => {
    const text = '"Oz has a huge bully pulpit,” said David Gorski, a professor of surgery. “He cannot dispense with facts.”\n\n“Immunity deals should not be required," Jason Chaffetz (R-Utah) said in a statement.';
    expect(quoteWith(text, 'Oz has')).toMatchObject({ words: '"Oz has a huge bully pulpit,”', speaker: 'David Gorski' });
    expect(quoteWith(text, 'He cannot')).toMatchObject({ words: '“He cannot dispense with facts.”', speaker: 'David Gorski' });
    expect(quoteWith(text, 'Immunity deals')).toMatchObject({ words: '“Immunity deals should not be required,"', speaker: 'Jason Chaffetz' });
  });

  it('reads single quotation marks as British copy and headlines use them, apostrophes aside', () => {
    const text = 'Warren to Bank Chief: ‘You Should Be Investigated.’\n\nJane Cole spoke first. ‘We won’t back down on this,’ Cole said. ‘Don’t doubt it.’ In the ‘90s the bank grew.';
    expect(quotesOf(text).filter((q) => q.kind === 'direct').map((q) => [q.words, q.speaker])).toEqual([
      ['‘You Should Be Investigated.’', null],
      ['‘We won’t back down on this,’', 'Jane Cole'],
      ['‘Don’t doubt it.’', 'Jane Cole'],
    ]);
  });

  it('does not take a title after a word naming a work, nor a nickname inside a name, for a quote', () => {
    const text = "In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. McKinley suggested saving early.\n\nState Del. Marcia \"Cia\" Price shouted to the crowd that the vote mattered.";
    expect(quotesOf(text).filter((q) => q.kind === 'direct')).toEqual([]);
  });

  it('gives the quote to the name right after it, not to the words after the verb ("said of RT")', () => {
    const text = '“It is a propaganda channel,” Michael McFaul, a senior fellow at the Hoover Institution and a former United States ambassador to Russia, said of RT.';
    expect(quoteWith(text, 'propaganda')).toMatchObject({ mention: 'Michael McFaul', speaker: 'Michael McFaul' });
  });

  it('takes a subject phrase that opens with a number ("the 34-year-old mother of three replied")', () => {
    const text = 'When pressed on why the plan leaves out fathers, the 34-year-old mother of three replied, “It is meant to help the mother.”';
    expect(quoteWith(text, 'meant to help')).toMatchObject({ mention: 'the 34-year-old mother of three' });
  });

  it('prefers a name introducing the quote with a dash over a cue further back', () => {
    const text = "A chorus of Republicans has said the same thing, including the former candidate Mitt Romney -- ''It is disqualifying for a nominee to refuse to release tax returns'' -- and others.";
    expect(quoteWith(text, 'disqualifying')).toMatchObject({ mention: 'Mitt Romney', speaker: 'Mitt Romney' });
  });
});

describe('speakers of participle clauses (", saying…")', () => {
  it('takes the subject after an opening phrase, not the phrase’s first word', () => {
    const text = 'During a speech in Ohio, Donald Trump attacked the trade deal, saying “it would kill jobs in every state.”';
    expect(quoteWith(text, 'kill jobs')).toMatchObject({ mention: 'Donald Trump', speaker: 'Donald Trump' });
  });

  it('takes a one-word name right before the participle ("footage of Trump saying")', () => {
    const text = 'The advertisement ends with footage of Trump saying, “That makes me smart,” as the music swells.';
    expect(quoteWith(text, 'makes me smart')).toMatchObject({ mention: 'Trump' });
  });

  it('takes a one-word subject followed by an appositive ("Dean, a former chairman, …, tweeting")', () => {
    const text = 'Dean, a former party chairman and candidate, poked at Trump during the debate, tweeting, “Notice Trump sniffing all the time.”';
    expect(quoteWith(text, 'Notice Trump')).toMatchObject({ mention: 'Dean' });
  });

  it('proposes a clause after ", chanting that" without a speaker when none is named, but not "without saying"', () => {
    const text = 'It was loud outside the hall on Sunday, chanting that the count had been stolen from them.\n\nIt goes without saying that the count will be checked again.';
    const quotes = quotesOf(text);
    expect(quotes.find((q) => q.words?.includes('count had been stolen'))).toMatchObject({ kind: 'indirect', cue: 'chanting', mention: null, speaker: null });
    expect(quotes.find((q) => q.words?.includes('checked again'))).toBeUndefined();
  });
});
