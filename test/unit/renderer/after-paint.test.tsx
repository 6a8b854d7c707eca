// @vitest-environment happy-dom
// The window's catch-up after a highlight is drawn: the list follows after the paint, and no key,
// click or edit ever acts before it has.
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterPaint, catchUp, useCatchUpBeforeInput } from '../../../renderer/src/state/after-paint.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
let add: (word: string) => void = () => undefined;

/** A list that grows only through afterPaint, as the window's highlight list does. */
function List() {
  useCatchUpBeforeInput();
  const [words, setWords] = useState<string[]>([]);
  add = (word) => afterPaint(() => setWords((list) => [...list, word]));
  return createElement('ul', null, ...words.map((word) => createElement('li', { key: word }, word)));
}
const shown = () => [...host.querySelectorAll('li')].map((li) => li.textContent);

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(createElement(List)));
});
afterEach(() => {
  catchUp();
  act(() => root.unmount());
  host.remove();
});

describe('work left until after the paint', () => {
  it('waits for the next frame, then is rendered in the order it was asked for', async () => {
    add('quote');
    add('claim');
    expect(shown()).toEqual([]);
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(shown()).toEqual(['quote', 'claim']);
  });

  it('is rendered before any handler sees the next key or pointer press', () => {
    const seenAtKey: (string | null)[][] = [];
    const onKey = () => seenAtKey.push(shown());
    document.body.addEventListener('keydown', onKey);
    add('quote');
    act(() => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true })));
    add('speaker');
    act(() => void document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
    document.body.removeEventListener('keydown', onKey);
    expect(seenAtKey).toEqual([['quote']]);
    expect(shown()).toEqual(['quote', 'speaker']);
  });

  it('runs once: catching up again, or the frame after, adds nothing twice', async () => {
    add('quote');
    act(() => catchUp());
    act(() => catchUp());
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(shown()).toEqual(['quote']);
  });
});
