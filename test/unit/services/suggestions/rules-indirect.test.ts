// Indirect attributions beyond "X said (that) CLAUSE", on short texts written for these tests:
// relative pronouns, verbs joined to another, clauses without "that", and the verbs of
// criticising, planning and believing that news copy attributes with.
import { describe, expect, it } from 'vitest';
import { suggest } from '../../../../electron/services/suggestions/suggest.js';
import { withinReach } from '../../../../electron/services/suggestions/quotes.js';

const slice = (text: string, span: { start: number; end: number } | null) => (span ? text.slice(span.start, span.end) : null);
const indirectOf = (text: string) =>
  suggest(text)
    .quotes.filter((q) => q.kind === 'indirect')
    .map((q) => ({ words: slice(text, q), cue: slice(text, q.cue), mention: slice(text, q.speaker), speaker: q.speakerName }));

describe('indirect attributions', () => {
  it('takes "who" as the mention, standing for the name before it', () => {
    const text = 'The talks were led by Robert Wood, who has argued that the sanctions must stay in place.';
    expect(indirectOf(text)).toEqual([{ words: 'that the sanctions must stay in place', cue: 'argued', mention: 'who', speaker: 'Robert Wood' }]);
  });

  it('gives a verb joined to another the same subject, and ends the first clause where the second begins', () => {
    const text = 'Mayor Ana Kim urged the council to fund the clinic, and criticized the budget office for its delays.';
    expect(indirectOf(text)).toEqual([
      { words: 'to fund the clinic', cue: 'urged', mention: 'Ana Kim', speaker: 'Ana Kim' },
      { words: 'the budget office for its delays', cue: 'criticized', mention: 'Ana Kim', speaker: 'Ana Kim' },
    ]);
  });

  it('reads "agreed, but also contended that" as one speaker’s', () => {
    const text = 'His former wife agreed, but also contended that she should not have to give up her privacy.';
    expect(indirectOf(text)).toEqual([{ words: 'that she should not have to give up her privacy', cue: 'contended', mention: 'His former wife', speaker: 'His former wife' }]);
  });

  it('takes a belief reported without "that" when its clause has a verb of its own, and not an object alone, unless evidence shows it', () => {
    const text = 'Mr. Obama believes his work on the climate will be his legacy.\n\nThe coach found a new striker in Ohio.\n\nThe new poll shows a tightening race in Ohio.';
    expect(indirectOf(text)).toEqual([
      { words: 'his work on the climate will be his legacy', cue: 'believes', mention: 'Obama', speaker: 'Obama' },
      { words: 'a tightening race in Ohio', cue: 'shows', mention: 'The new poll', speaker: null },
    ]);
  });

  it('knows the verbs of criticising, planning, declining and worrying', () => {
    const text =
      'Senator Ruth Ames slammed the plan as a giveaway to developers.\n\nThe governor declined to name the companies involved in the deal.\n\nEnvironmental groups worried that the deal would leave no money for the cleanup.\n\nThe advertisement mentions the votes she cast as a senator.';
    expect(indirectOf(text).map((q) => [q.cue, q.words])).toEqual([
      ['slammed', 'the plan as a giveaway to developers'],
      ['declined', 'to name the companies involved in the deal'],
      ['worried', 'that the deal would leave no money for the cleanup'],
      ['mentions', 'the votes she cast as a senator'],
    ]);
  });

  it('takes the words after an aside whose speaker has a title ("The museum, Mr. Obama said, would…")', () => {
    const text = 'The museum, Mr. Obama said, would make visitors face uncomfortable truths.';
    expect(indirectOf(text)).toEqual([{ words: 'would make visitors face uncomfortable truths', cue: 'said', mention: 'Obama', speaker: 'Obama' }]);
  });

  it('takes a plan or an agreement reported with "to", and what a verb with its preposition reports', () => {
    const text =
      'The governor plans to close three coal plants by the end of next year.\n\nIn the end, the company agreed to lend the state five million dollars.\n\nSenator Ruth Ames railed against the special provisions that pock the tax code.';
    expect(indirectOf(text).map((q) => [q.cue, q.words])).toEqual([
      ['plans', 'to close three coal plants by the end of next year'],
      ['agreed', 'to lend the state five million dollars'],
      ['railed against', 'the special provisions that pock the tax code'],
    ]);
  });

  it('reads "those claims", "her plans" and "swing states" as nouns, and "the report states that" as a report', () => {
    const text =
      'Experts said those claims could be grounds for a fraud case.\n\nIn critical swing states like Colorado the share is likely to be higher.\n\nCritics say her plans to raise taxes would make the code more complicated.\n\nThe report states that the agency missed its targets.';
    expect(indirectOf(text).map((q) => [q.cue, q.words])).toEqual([
      ['said', 'those claims could be grounds for a fraud case'],
      ['say', 'her plans to raise taxes would make the code more complicated'],
      ['states', 'that the agency missed its targets'],
    ]);
  });

  it('leaves out what the writer adds after the aside ("A, she said, and they…"), and reads "…, and the meeting…, said one source" as inverted', () => {
    const text =
      'Many of the visitors were older, she said, and they walked slowly through the hall.\n\nThe middle fifth paid 8.9 percent, the agency said in a June report, and the top fifth paid the rest.\n\nThe answer did not go over well with the panel, and the meeting fell apart from there, said one source in the room.';
    expect(indirectOf(text).map((q) => [q.words, q.mention])).toEqual([
      ['Many of the visitors were older', 'she'],
      ['The middle fifth paid 8.9 percent', 'the agency'],
      ['The answer did not go over well with the panel, and the meeting fell apart from there', 'one source in the room'],
    ]);
  });

  it('steps back over a long appositive to the name ("Megan Hester, senior associate for … at the …, said")', () => {
    const text = 'But Megan Hester, senior associate for education organizing at the Annenberg Institute for School Reform, said parents still want neighborhood schools.';
    expect(indirectOf(text)).toEqual([{ words: 'parents still want neighborhood schools', cue: 'said', mention: 'Megan Hester', speaker: 'Megan Hester' }]);
  });

  it('knows the plural’s present with a clause ("They argue that"), echoing and playing down, and gives "They" no name', () => {
    const text =
      'They argue that the agency overstepped its authority under the law.\n\nSome environmental groups acknowledge that the work had a real impact.\n\nMike Pence echoed statements by Donald Trump about the debate.\n\nThe host downplayed the risk of concussions for children.';
    expect(indirectOf(text)).toEqual([
      { words: 'that the agency overstepped its authority under the law', cue: 'argue', mention: 'They', speaker: null },
      { words: 'that the work had a real impact', cue: 'acknowledge', mention: 'Some environmental groups', speaker: 'Some environmental groups' },
      { words: 'statements by Donald Trump about the debate', cue: 'echoed', mention: 'Mike Pence', speaker: 'Mike Pence' },
      { words: 'the risk of concussions for children', cue: 'downplayed', mention: 'The host', speaker: null },
    ]);
  });

  it('reads "a note that" as a noun, not a cue', () => {
    expect(indirectOf('She left a note that was never read by anyone on the staff.')).toEqual([]);
  });

  it('takes what nouns of saying are about ("questions about…"), without a speaker, and "spoke out Tuesday about…"', () => {
    const text = 'Trump has faced questions about business practices at a foundation that bears his name.\n\nHillary Clinton spoke out Tuesday about the death of a man in Tulsa.';
    expect(indirectOf(text)).toEqual([
      { words: 'business practices at a foundation that bears his name', cue: 'questions about', mention: null, speaker: null },
      { words: 'the death of a man in Tulsa', cue: 'spoke out Tuesday about', mention: 'Hillary Clinton', speaker: 'Hillary Clinton' },
    ]);
  });

  it('takes the clause a noun of saying reports ("her acknowledgment that…", "a Times report that…"), and whose it is', () => {
    const text =
      'Mrs. Clinton has been frank in her acknowledgment that she needs to raise revenue.\n\nThe campaign seized upon a New York Times report that the company had lost money for years.\n\nThe claim that the vote was rigged spread quickly.';
    expect(indirectOf(text)).toEqual([
      { words: 'that she needs to raise revenue', cue: 'acknowledgment', mention: 'her', speaker: 'Clinton' },
      { words: 'that the company had lost money for years', cue: 'report', mention: 'New York Times', speaker: 'New York Times' },
      { words: 'that the vote was rigged spread quickly', cue: 'claim', mention: null, speaker: null },
    ]);
  });

  it('knows participles of attacking and defending ("a tweet attacking…") and "promoted"', () => {
    const text = 'Reporters read out a Trump tweet attacking a former Miss Universe.\n\nHe has promoted a raft of unproven therapies on his show.';
    expect(indirectOf(text).map((q) => [q.cue, q.words])).toEqual([
      ['attacking', 'a former Miss Universe'],
      ['promoted', 'a raft of unproven therapies on his show'],
    ]);
  });

  it('reads "think tank", "the expected emissions" and "has not been charged with" as no report', () => {
    const text =
      'She works at the Center for American Progress, the think tank that published the paper.\n\nClinton, who has not been charged with any crime, spoke in Ohio on Monday.\n\nThe company will offset all of the expected emissions from the coal it mines.';
    expect(indirectOf(text)).toEqual([]);
  });

  it('does not take the subject of a passive with "by" for a speaker, "was" or not, nor "spoke ahead of" for "spoke of"', () => {
    const text =
      'The meeting of the council was requested by the United States, Britain and France.\n\nRobert Wood spoke ahead of a meeting of the council requested by the United States and Japan.';
    expect(indirectOf(text)).toEqual([]);
  });

  it('proposes what any cue followed by "that" reports, without a speaker when none can be named', () => {
    const text = 'He courted the voters of Ohio last week by telling them that their towns had been forgotten.';
    expect(indirectOf(text)).toContainEqual(expect.objectContaining({ words: 'that their towns had been forgotten', cue: 'telling' }));
  });
});

describe('sentences within reach', () => {
  it('cuts a sentence without full stops into pieces of at most 600 characters at spaces, covering it all', () => {
    const text = 'the man who said that the plan, which argued that, '.repeat(2000);
    const pieces = withinReach(text, [{ start: 0, end: text.length }]);
    expect(pieces.length).toBeGreaterThan(100);
    expect(pieces.every((p) => p.end - p.start <= 600)).toBe(true);
    expect(pieces.every((p, i) => i === 0 || p.start === pieces[i - 1]!.end)).toBe(true);
    expect([pieces[0]!.start, pieces.at(-1)!.end]).toEqual([0, text.length]);
    // Cut after a space, so no word is split.
    expect(pieces.slice(0, -1).every((p) => text[p.end - 1] === ' ')).toBe(true);
    // A sentence of news length stays whole.
    expect(withinReach('A short one.', [{ start: 0, end: 12 }])).toEqual([{ start: 0, end: 12 }]);
  });
});
