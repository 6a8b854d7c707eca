// What the speed benchmark measures in the page (an open, a create, a scroll) and from Node (a
// save on the server alone, and that the created highlights reached the disk).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { armCreateProbe, findFreeWord, scrollAndRecord, selectedText } from './probes.mjs';
import { log, max, median, percentile } from './stats.mjs';

export async function startProfile(page, interval) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile;
  };
}

/** One page load: navigation start to the first on-screen highlight painted. */
export async function measureOpen(context, url, label, expectedId, profile) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.BENCH_CONSOLE) page.on('console', (message) => log(`[page] ${message.text()}`));
  const stopProfile = profile ? await startProfile(page, 200) : null;
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => window.__bench?.marks.hlPainted !== undefined, null, { timeout: 60_000, polling: 50 });
  } catch (error) {
    const alerts = await page.locator('[role="alert"]').allTextContents().catch(() => []);
    throw new Error(
      `${label}: no highlight was painted (${error.message.split('\n')[0]}); page errors: ${errors.join('; ') || 'none'}; alerts: ${alerts.join('; ') || 'none'}`,
    );
  }
  // Let whatever the open set off (effects, the setLastDocument save) finish inside the window.
  await page.waitForTimeout(1000);
  const cpuProfile = stopProfile ? await stopProfile() : null;
  const data = await page.evaluate(() => {
    const b = window.__bench;
    const resource = (name) => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes(`/api/${name}`));
      return e && { startTime: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, responseEnd: e.responseEnd, size: e.encodedBodySize };
    };
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      marks: b.marks,
      longtasks: b.longtasks,
      loafs: b.loafs,
      noLongtask: !!b.noLongtask,
      json: b.json,
      openedId: b.openedId,
      getSession: resource('getSession'),
      openDocument: resource('openDocument'),
      domContentLoaded: nav?.domContentLoadedEventEnd,
    };
  });
  if (data.openedId !== expectedId) throw new Error(`${label}: opened ${data.openedId ?? 'nothing'} on load, not ${expectedId}`);
  const painted = data.marks.hlPainted;
  const during = data.longtasks.filter((t) => t.start < painted);
  const after = data.longtasks.filter((t) => t.start >= painted);
  return {
    page,
    errors,
    painted,
    longestTask: max(during.map((t) => t.duration)),
    longestTaskAfter: max(after.map((t) => t.duration)),
    tasks: during,
    profile: cpuProfile,
    ...data,
  };
}

/** Double-click a free word, press q; time the keydown to the frame painting the new highlight. */
export async function measureCreates(page, n, label, profileFirst) {
  const results = [];
  const savesBefore = await page.evaluate(() => window.__bench.saves.filter((s) => s.kinds.includes('createAnnotation')).length);
  for (let i = 0; i < n; i++) {
    const target = await page.evaluate(findFreeWord, { index: i, count: n });
    if (!target) throw new Error(`${label}: no unhighlighted word is visible to select`);
    await page.mouse.dblclick(target.x, target.y);
    try {
      await page.waitForFunction((word) => String(window.getSelection()).trim() === word, target.word, { timeout: 5000, polling: 20 });
    } catch {
      throw new Error(`${label}: double-clicking "${target.word}" selected "${await page.evaluate(selectedText)}"`);
    }
    await page.evaluate(armCreateProbe, target);
    const stopProfile = profileFirst && i === 0 ? await startProfile(page, 100) : null;
    await page.keyboard.press('q');
    await page.waitForFunction(() => window.__bench.create.done, null, { timeout: 10_000, polling: 20 });
    const profile = stopProfile ? await stopProfile() : null;
    const rec = await page.evaluate(() => window.__bench.create);
    if (rec.timeout) throw new Error(`${label}: the highlight on "${target.word}" never appeared`);
    // This highlight's save is answered before the next keystroke, so saves never queue up.
    await page.waitForFunction(
      (want) => window.__bench.saves.filter((s) => s.kinds.includes('createAnnotation') && s.end !== null).length >= want,
      savesBefore + i + 1,
      { timeout: 30_000, polling: 20 },
    );
    const longtasks = await page.evaluate((from) => window.__bench.longtasks.slice(from), rec.longtaskFrom);
    results.push({
      word: target.word,
      painted: rec.painted - rec.t0,
      paintedAt: rec.painted,
      dom: rec.dom - rec.t0,
      fromEvent: rec.painted - rec.eventTs,
      longestTask: max(longtasks.filter((t) => t.start < rec.painted).map((t) => t.duration)),
      profile,
    });
  }
  const saves = await page.evaluate((from) => {
    // The network's own clock for the same request: not delayed by a busy main thread.
    const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/applyChanges'));
    return window.__bench.saves
      .filter((s) => s.kinds.includes('createAnnotation'))
      .slice(from)
      .map((s) => {
        const e = entries.reduce((best, x) => (!best || Math.abs(x.startTime - s.start) < Math.abs(best.startTime - s.start) ? x : best), null);
        const network = e && Math.abs(e.startTime - s.start) < 5 ? e.responseEnd - e.startTime : NaN;
        return { total: s.end - s.start, end: s.end, network, status: s.status, answer: s.answer, body: s.body };
      });
  }, savesBefore);
  for (const save of saves) {
    if (save.status !== 200 || !/"ok":true/.test(save.answer ?? '')) throw new Error(`${label}: a save failed: ${save.status} ${save.answer}`);
  }
  return { creates: results, saves };
}

export async function measureScroll(page, mode) {
  const params = mode === 'jump' ? { mode, steps: 40, framesPerStep: 3 } : { mode, steps: 120, px: 120, framesPerStep: 1 };
  const r = await page.evaluate(scrollAndRecord, params);
  return { ...r, p95: percentile(r.intervals, 95), max: max(r.intervals), median: median(r.intervals), longestTask: max(r.longtasks.map((t) => t.duration)) };
}

/** applyChanges straight from Node while the browser is idle: the server's own share of a save. */
export async function measureServerSaves(server, doc) {
  const times = [];
  for (const [i, range] of doc.ranges.entries()) {
    const change = { kind: 'createAnnotation', documentId: doc.id, annotationId: `ann-bench-node-${i}`, labelId: 'claim', start: range.start, end: range.end };
    const t0 = performance.now();
    await server.call('applyChanges', { changes: [change] });
    times.push(performance.now() - t0);
  }
  return times;
}

/** The created highlights must be on disk (file or journal), with the text the user selected. */
export async function checkSaved(storeDir, doc, saves, words) {
  const base = path.join(storeDir, 'annotations', doc.id);
  const file = JSON.parse(await fs.readFile(`${base}.json`, 'utf8'));
  const byId = new Map(file.annotations.map((a) => [a.id, a]));
  // A large document's saves are lines in its journal until they are folded into the file.
  const journal = await fs.readFile(`${base}.journal.jsonl`, 'utf8').catch(() => '');
  for (const line of journal.split('\n')) {
    if (!line.endsWith('}')) continue;
    const batch = JSON.parse(line);
    if (batch.seq <= (file.journalSeq ?? 0)) continue;
    for (const { highlight } of batch.annotations?.put ?? []) byId.set(highlight.id, highlight);
    for (const id of batch.annotations?.drop ?? []) byId.delete(id);
  }
  saves.forEach((save, i) => {
    const change = JSON.parse(save.body).changes.find((c) => c.kind === 'createAnnotation');
    const stored = byId.get(change.annotationId);
    if (!stored) throw new Error(`highlight ${change.annotationId} is not in the saved file`);
    if (stored.text !== words[i]) throw new Error(`saved highlight says "${stored.text}", the word selected was "${words[i]}"`);
  });
  return byId.size;
}
