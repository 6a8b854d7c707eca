// @vitest-environment happy-dom
// Choosing is not setting: a keyboard walk through a select commits its last option once (Enter,
// leaving the field, or a pause); a mouse choice commits at once.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMIT_PAUSE_MS, CommitSelect } from '../../../renderer/src/components/CommitSelect.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
let committed: string[];

beforeEach(() => {
  vi.useFakeTimers();
  committed = [];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root.render(
      <CommitSelect aria-label="Status" value="a" onCommit={(value) => committed.push(value)}>
        {['a', 'b', 'c', 'd'].map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </CommitSelect>,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

const select = () => host.querySelector('select')!;
/** What a browser does on ArrowDown in a closed select: the next option, and a change event. */
function arrowTo(value: string) {
  act(() => {
    select().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    select().value = value;
    select().dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('CommitSelect', () => {
  it('commits only the last option of a walk, on Enter', () => {
    arrowTo('b');
    arrowTo('c');
    arrowTo('d');
    expect(committed).toEqual([]);
    expect(select().value).toBe('d');
    act(() => select().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(committed).toEqual(['d']);
  });

  it('commits after a pause, and on leaving the field, once', () => {
    arrowTo('b');
    act(() => vi.advanceTimersByTime(COMMIT_PAUSE_MS - 100));
    arrowTo('c');
    act(() => vi.advanceTimersByTime(COMMIT_PAUSE_MS - 100));
    expect(committed).toEqual([]);
    act(() => vi.advanceTimersByTime(200));
    expect(committed).toEqual(['c']);
    act(() => select().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(committed).toEqual(['c']);
  });

  it('commits nothing for a walk back to where it started', () => {
    arrowTo('b');
    arrowTo('a');
    act(() => select().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(committed).toEqual([]);
  });

  it('commits a mouse choice at once', () => {
    act(() => {
      select().value = 'c';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(committed).toEqual(['c']);
  });
});
