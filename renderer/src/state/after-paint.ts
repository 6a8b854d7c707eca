// Work that may wait until the frame a keypress changed has been painted: a new highlight is
// drawn by the editor itself at once, and the window's list, counts and status line follow
// here. Whatever the person does next (a key, a click, an edit, closing the window) runs the
// waiting work first, so nothing ever acts on a window that has not caught up.
import { useEffect } from 'react';
import { flushSync } from 'react-dom';

let waiting: Array<() => void> = [];
let scheduled = false;
/** Bumped at each catch-up, so the timers of one already run do nothing. */
let round = 0;

/** Runs `work` after the next paint (or sooner, when `catchUp` is called). */
export function afterPaint(work: () => void): void {
  waiting.push(work);
  if (scheduled) return;
  scheduled = true;
  // A task after the next frame; the timer covers a hidden window, which has no frames.
  const mine = round;
  const run = () => {
    if (round === mine) catchUp();
  };
  requestAnimationFrame(() => afterOtherWork(run));
  setTimeout(run, 100);
}

/** After the frame: behind other waiting tasks where the browser can say so (scheduler.postTask). */
function afterOtherWork(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?(task: () => void, options: { priority: string }): Promise<unknown> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(run, { priority: 'background' }).catch(() => undefined);
  else setTimeout(run, 0);
}

/** Runs the waiting work now, rendered before this returns. */
export function catchUp(): void {
  scheduled = false;
  round++;
  if (waiting.length === 0) return;
  const work = waiting;
  waiting = [];
  flushSync(() => {
    for (const run of work) run();
  });
}

/** Every key and pointer press finds the window caught up before any handler sees it. */
export function useCatchUpBeforeInput(): void {
  useEffect(() => {
    const options = { capture: true } as const;
    window.addEventListener('keydown', catchUp, options);
    window.addEventListener('pointerdown', catchUp, options);
    return () => {
      window.removeEventListener('keydown', catchUp, options);
      window.removeEventListener('pointerdown', catchUp, options);
    };
  }, []);
}
