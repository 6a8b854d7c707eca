// The numbered feed behind the live team status and the team's arrivals in open windows.
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../electron/services/handlers/change-feed.js';

describe('a change feed', () => {
  it('answers at once with what came after the version asked about, oldest first', async () => {
    const feed = new ChangeFeed<string>(1000);
    feed.note('a');
    feed.note('b');
    feed.note('c');
    expect(await feed.after(1)).toEqual({ version: 3, items: ['b', 'c'] });
    expect(await feed.after(0)).toEqual({ version: 3, items: ['a', 'b', 'c'] });
  });

  it('waits for the next item when nothing came yet, and answers empty when the wait is over', async () => {
    const feed = new ChangeFeed<string>(200);
    const asked = feed.after(0);
    feed.note('arrived');
    expect(await asked).toEqual({ version: 1, items: ['arrived'] });
    expect(await feed.after(1)).toEqual({ version: 1, items: [] });
  });

  it('says it no longer reaches back (null) past what it keeps, or for a version it never gave', async () => {
    const feed = new ChangeFeed<number>(100, 3);
    for (let i = 1; i <= 5; i++) feed.note(i);
    expect(await feed.after(2)).toEqual({ version: 5, items: [3, 4, 5] });
    expect(await feed.after(1)).toEqual({ version: 5, items: null });
    expect(await feed.after(9)).toEqual({ version: 5, items: null });
  });
});
