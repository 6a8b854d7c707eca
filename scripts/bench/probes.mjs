// Functions that run inside the page (Playwright serializes them, so each must be self-contained).
// They only observe: nothing here changes what the app does, apart from reading bodies through
// Response.text() + JSON.parse so the parse can be timed.

/** Installed with addInitScript: runs before the app's own scripts on every navigation. */
export function installProbes() {
  const b = (window.__bench = { marks: {}, longtasks: [], loafs: [], json: [], saves: [], create: null });
  const now = () => performance.now();

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    b.noLongtask = true;
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        b.loafs.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          styleAndLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: (e.scripts || []).map((s) => ({
            invoker: s.invoker,
            type: s.invokerType,
            fn: s.sourceFunctionName,
            url: s.sourceURL,
            pos: s.sourceCharPosition,
            start: s.startTime,
            duration: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long animation frames are only for attribution; older Chromium lacks them.
  }

  // How long the JSON of each API answer takes to parse on the main thread.
  Response.prototype.json = async function () {
    const url = new URL(this.url, location.href).pathname;
    const t0 = now();
    const text = await this.text();
    const t1 = now();
    const value = JSON.parse(text);
    const t2 = now();
    b.json.push({ url, readMs: t1 - t0, parseMs: t2 - t1, parseStart: t1, chars: text.length });
    if (url === '/api/openDocument' && value && value.ok) b.openedId = value.result.document.id;
    return value;
  };

  // Every applyChanges round trip: from the call to the last byte of the answer.
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href).pathname;
    if (url !== '/api/applyChanges') return fetch0.apply(this, arguments);
    let kinds = [];
    try {
      kinds = JSON.parse(init.body).changes.map((c) => c.kind);
    } catch {
      // not ours to judge
    }
    const rec = { start: now(), kinds, body: String(init && init.body), headers: null, end: null, status: null };
    b.saves.push(rec);
    const answer = fetch0.apply(this, arguments);
    answer
      .then((res) => {
        rec.status = res.status;
        rec.headers = now();
        return res.clone().text();
      })
      .then(
        (text) => {
          rec.end = now();
          rec.answer = text.slice(0, 300);
        },
        () => {
          rec.end = now();
          rec.failed = true;
        },
      );
    return answer;
  };

  // Open: the first highlight in the editor that is on screen, then the frame that paints it.
  const visibleHighlight = () =>
    [...document.querySelectorAll('.cm-content .cm-hl')].some((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    });
  const waitVisible = () =>
    requestAnimationFrame(() => {
      if (!visibleHighlight()) return waitVisible();
      b.marks.hlRaf = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        b.marks.hlPainted = now();
      };
      channel.port2.postMessage(null);
    });
  const observer = new MutationObserver(() => {
    if (b.marks.editor === undefined && document.querySelector('.cm-editor')) b.marks.editor = now();
    if (b.marks.hlDom === undefined && document.querySelector('.cm-content .cm-hl')) {
      b.marks.hlDom = now();
      observer.disconnect();
      waitVisible();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** A word on screen that no highlight covers, away from the others picked; null if none. */
export function findFreeWord({ index, count }) {
  const scroller = document.querySelector('.cm-scroller');
  const content = document.querySelector('.cm-content');
  if (!scroller || !content) return null;
  const box = scroller.getBoundingClientRect();
  const lines = new Map();
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('.cm-hl, .cm-hl-selected')) continue;
    const data = node.data;
    for (const m of data.matchAll(/[A-Za-z]{5,12}/g)) {
      const at = m.index;
      const end = at + m[0].length;
      // Whole words only, and not at a node's edge (the neighbour may be inside a highlight).
      if (at === 0 || end >= data.length) continue;
      if (/[\p{L}\p{N}_]/u.test(data[at - 1]) || /[\p{L}\p{N}_]/u.test(data[end])) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, end);
      const rects = range.getClientRects();
      if (rects.length !== 1) continue;
      const r = rects[0];
      if (r.top < box.top + 30 || r.bottom > box.bottom - 90 || r.left < box.left + 4 || r.right > box.right - 20) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (!content.contains(document.elementFromPoint(x, y))) continue;
      const key = Math.round(r.top);
      if (!lines.has(key)) lines.set(key, []);
      lines.get(key).push({ word: m[0], x, y });
    }
  }
  const keys = [...lines.keys()].sort((a, b) => a - b);
  if (keys.length === 0) return null;
  const line = lines.get(keys[Math.min(keys.length - 1, Math.floor(((index + 0.5) * keys.length) / count))]);
  return line[Math.floor(line.length / 2)];
}

/** What CodeMirror selected (drawSelection keeps the DOM selection in step with it). */
export function selectedText() {
  return String(window.getSelection());
}

/**
 * Arms the create-highlight probe: from the `q` keydown (capture phase, before the editor sees
 * it) to the frame that paints a quote highlight over the chosen word.
 */
export function armCreateProbe({ x, y, word }) {
  const b = window.__bench;
  const rec = (b.create = { done: false, word });
  const content = document.querySelector('.cm-content');
  const hit = () => {
    const el = document.elementFromPoint(x, y);
    const hl = el && el.closest && el.closest('.cm-hl[data-label="quote"]');
    return !!hl && hl.textContent.includes(word);
  };
  let observer = null;
  const found = () => {
    if (rec.dom !== undefined) return;
    rec.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      rec.raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        rec.painted = performance.now();
        rec.done = true;
      };
      channel.port2.postMessage(null);
    });
  };
  const onKey = (event) => {
    if (event.key !== 'q') return;
    window.removeEventListener('keydown', onKey, true);
    rec.t0 = performance.now();
    rec.eventTs = event.timeStamp;
    rec.longtaskFrom = b.longtasks.length;
    observer = new MutationObserver(() => {
      if (hit()) found();
    });
    observer.observe(content, { childList: true, subtree: true, characterData: true, attributes: true });
    const poll = () => {
      if (rec.dom !== undefined) return;
      if (hit()) return found();
      if (performance.now() - rec.t0 > 5000) {
        observer.disconnect();
        rec.timeout = true;
        rec.done = true;
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  };
  window.addEventListener('keydown', onKey, true);
}

/** Scrolls the editor and records every frame interval (rAF to rAF) while it does. */
export async function scrollAndRecord({ mode, steps, px, framesPerStep }) {
  const scroller = document.querySelector('.cm-scroller');
  const b = window.__bench;
  const longtaskFrom = b.longtasks.length;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  if (mode === 'jump') {
    scroller.scrollTop = 0;
    await frame();
    await frame();
  }
  const intervals = [];
  let last = await frame();
  for (let i = 0; i < steps; i++) {
    if (mode === 'jump') scroller.scrollTop = Math.round(((i + 1) / steps) * (scroller.scrollHeight - scroller.clientHeight));
    else scroller.scrollTop += px;
    for (let f = 0; f < framesPerStep; f++) {
      const t = await frame();
      intervals.push(t - last);
      last = t;
    }
  }
  return {
    intervals,
    longtasks: b.longtasks.slice(longtaskFrom),
    scrollHeight: scroller.scrollHeight,
    scrollTop: scroller.scrollTop,
    lines: document.querySelectorAll('.cm-line').length,
  };
}
