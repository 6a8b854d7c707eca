// The find bar's count: which match is current among how many, capped so typing stays quick.
import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { SearchQuery } from '@codemirror/search';
import { countingQuery, currentMatchIndex, findMatches, matchCountText, MATCH_COUNT_CAP } from '../../../renderer/src/editor/find-count';

const TEXT = 'The budget, the budget and the Budget again.';
const state = EditorState.create({ doc: TEXT });
const budget = new SearchQuery({ search: 'budget' });

describe('the find bar’s count', () => {
  it('counts every match and names the one at or after the caret', () => {
    const matches = findMatches(budget, state);
    expect(matches.ranges.map((r) => TEXT.slice(r.from, r.to))).toEqual(['budget', 'budget', 'Budget']);
    expect(matchCountText(budget, matches, currentMatchIndex(matches, { from: 0, to: 0 }))).toBe('1 of 3');
    const second = matches.ranges[1]!;
    expect(matchCountText(budget, matches, currentMatchIndex(matches, second))).toBe('2 of 3');
    // After the last match, Next wraps to the first.
    expect(currentMatchIndex(matches, { from: TEXT.length, to: TEXT.length })).toBe(0);
  });

  it('follows the options: case, whole words', () => {
    const exact = new SearchQuery({ search: 'Budget', caseSensitive: true });
    expect(matchCountText(exact, findMatches(exact, state), 0)).toBe('1 of 1');
    const word = new SearchQuery({ search: 'the', wholeWord: true });
    expect(findMatches(word, EditorState.create({ doc: 'the theatre, then the end' })).ranges).toHaveLength(2);
  });

  it('says "No matches", and what is wrong with a bad pattern', () => {
    const none = new SearchQuery({ search: 'tunnel' });
    expect(matchCountText(none, findMatches(none, state), -1)).toBe('No matches');
    const bad = new SearchQuery({ search: '(budget', regexp: true });
    expect(matchCountText(bad, findMatches(bad, state), -1)).toBe('Not a valid pattern');
    expect(matchCountText(new SearchQuery({ search: '' }), { ranges: [], more: false }, -1)).toBe('');
  });

  it('stops counting at the cap in a long text', () => {
    const long = EditorState.create({ doc: 'the budget '.repeat(300_000) });
    const matches = findMatches(budget, long);
    expect(matches.ranges).toHaveLength(MATCH_COUNT_CAP);
    expect(matches.more).toBe(true);
    expect(matchCountText(budget, matches, 4)).toBe('5 of 1,000+');
    // Past the counted ones: how many is all it can say.
    expect(matchCountText(budget, matches, currentMatchIndex(matches, { from: long.doc.length - 5, to: long.doc.length - 5 }))).toBe('1,000+ matches');
  });

  it('finds what CodeMirror’s own search finds, quicker', () => {
    const text = 'Rates (2.5%) rose; the BANK said "rates [sic] rose".\nNext line: rates\tagain, C:\\path, Ärger ärger.';
    const story = EditorState.create({ doc: text });
    const queries = [
      new SearchQuery({ search: 'rates' }),
      new SearchQuery({ search: 'Rates', caseSensitive: true }),
      new SearchQuery({ search: '(2.5%)' }),
      new SearchQuery({ search: '[sic]' }),
      new SearchQuery({ search: 'rose".\\nNext' }),
      new SearchQuery({ search: 'rates\\tagain' }),
      new SearchQuery({ search: 'C:\\\\path' }),
      new SearchQuery({ search: 'C:\\path', literal: true }),
      new SearchQuery({ search: 'ärger' }),
      new SearchQuery({ search: 'rate', wholeWord: true }),
      new SearchQuery({ search: 'rates', wholeWord: true }),
    ];
    for (const query of queries) {
      const own: { from: number; to: number }[] = [];
      const cursor = query.getCursor(story);
      for (let next = cursor.next(); !next.done; next = cursor.next()) own.push({ from: next.value.from, to: next.value.to });
      expect(findMatches(query, story).ranges, query.search).toEqual(own);
    }
    expect(countingQuery(queries[0]!).regexp).toBe(true);
  });
});
