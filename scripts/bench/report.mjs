// The speed benchmark's table against the README's Speed targets, and where the time went.
import os from 'node:os';
import { summarizeProfile } from './profile-summary.mjs';
import { max, median, ms, taskMs } from './stats.mjs';

function verdict(values, target) {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '⚠️ not measured';
  return finite.every((v) => v <= target) ? '✅ met' : '❌ **MISSED**';
}

/** The report's lines; a phase that failed is null (its rows say "not measured"). */
export async function report({ ws, opens, big, reading, jumps, article, serverSaves, failures, chromiumVersion, viewport, profile, dist, started }) {
  const cold = opens[0];
  const warm = opens.slice(1);
  const bigPaint = big?.creates.map((c) => c.painted) ?? [];
  const artPaint = article?.creates.map((c) => c.painted) ?? [];
  const bigSave = big?.saves.map((s) => s.total) ?? [];
  const artSave = article?.saves.map((s) => s.total) ?? [];
  const artNet = article?.saves.map((s) => s.network) ?? [];
  const pair = (a, b) => `${ms(a)} / ${ms(b)}`;
  const rows = [
    ['Open 5 MB text / 50,000 highlights: navigation → highlighted text painted (first load)', ms(cold.painted), '≤ 500 ms', verdict([cold.painted], 500)],
    [`Open again (server warm), median / max of ${warm.length}`, pair(median(warm.map((o) => o.painted)), max(warm.map((o) => o.painted))), '≤ 500 ms', verdict(warm.map((o) => o.painted), 500)],
    [
      'Open: longest main-thread task before paint (first load / worst again)',
      `${taskMs(cold.longestTask)} / ${taskMs(max(warm.map((o) => o.longestTask)))}`,
      '≤ 200 ms',
      verdict([cold.longestTask, ...warm.map((o) => o.longestTask)].map((v) => (Number.isFinite(v) ? v : 0)), 200),
    ],
    [`Create one highlight, 5 MB doc (q keydown → painted), median / max of ${bigPaint.length}`, pair(median(bigPaint), max(bigPaint)), '≤ 50 ms', verdict(bigPaint, 50)],
    [`Create one highlight, article, median / max of ${artPaint.length}`, pair(median(artPaint), max(artPaint)), '≤ 50 ms', verdict(artPaint, 50)],
    [
      `Save after an edit, article (${ws.article.annotationCount}+ highlights): applyChanges round trip seen by the page, median / max`,
      pair(median(artSave), max(artSave)),
      '≤ 50 ms',
      verdict(artSave, 50),
    ],
    ['… the same saves on the network clock (Resource Timing, request → last byte), median / max', pair(median(artNet), max(artNet)), '≤ 50 ms', verdict(artNet, 50)],
    [
      `Save after an edit, 5 MB doc (${big ? big.count.toLocaleString('en') : '50,000+'} highlights, ${(ws.big.annBytes / 1e6).toFixed(0)} MB file), median / max`,
      pair(median(bigSave), max(bigSave)),
      'off the typing path',
      bigSave.length ? 'ℹ️ informational' : '⚠️ not measured',
    ],
    [
      `Scroll, reading (${reading?.intervals.length ?? 120} frames × 120 px): frame interval p95 / max`,
      pair(reading?.p95, reading?.max),
      '≤ 20 ms',
      verdict(reading ? [reading.p95, reading.max] : [], 20),
    ],
    ['Scroll, 40 jumps through the whole text: frame interval p95 / max', pair(jumps?.p95, jumps?.max), '≤ 20 ms', verdict(jumps ? [jumps.p95, jumps.max] : [], 20)],
  ];
  const cpus = os.cpus();
  const out = [];
  out.push('', '## Newsroom Annotator — speed benchmark', '');
  out.push(
    `Machine: ${cpus[0]?.model?.trim() ?? 'unknown CPU'} (${cpus.length} threads), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.platform()} ${os.release()}; ` +
      `Node ${process.version}; Chromium ${chromiumVersion} (headless, --disable-gpu, ${viewport.width}×${viewport.height}); ` +
      `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  out.push('', '| action | measured | target | |', '|---|---|---|---|');
  for (const [action, measured, target, status] of rows) out.push(`| ${action} | ${measured} | ${target} | ${status} |`);
  out.push('', 'A target counts as met only when every figure in its row meets it. Times are from a single run; expect ±30 % between runs.');
  if (failures.length) out.push('', 'Not measured:', ...failures.map((f) => `- ${f}`));

  // Details: where the time goes.
  const od = cold.openDocument;
  const parse = cold.json.find((j) => j.url === '/api/openDocument');
  out.push('', 'Where the open goes (first load, ms after navigation start):');
  out.push(`- page loaded (DOMContentLoaded) ${ms(cold.domContentLoaded)}; getSession answered ${ms(cold.getSession?.responseEnd)}`);
  if (od) {
    out.push(
      `- openDocument sent ${ms(od.startTime)}; server's answer began ${ms(od.responseStart)} (+${ms(od.responseStart - od.startTime)}); ` +
        `${(od.size / 1e6).toFixed(1)} MB body complete ${ms(od.responseEnd)} (+${ms(od.responseEnd - od.responseStart)}); ` +
        `server warm: answer began after +${warm.map((o) => ms(o.openDocument?.responseStart - o.openDocument?.startTime)).join(', +')}`,
    );
  }
  if (parse) out.push(`- JSON.parse of that body (${(parse.chars / 1e6).toFixed(1)} M chars) ${ms(parse.parseStart)} → ${ms(parse.parseStart + parse.parseMs)} (${ms(parse.parseMs)})`);
  out.push(`- editor in the DOM ${ms(cold.marks.editor)}; first highlight in the DOM ${ms(cold.marks.hlDom)}; its frame painted ${ms(cold.marks.hlPainted)}`);
  const topTasks = [...cold.tasks].sort((a, b) => b.duration - a.duration).slice(0, 4);
  out.push(`- long tasks before paint: ${topTasks.map((t) => `${ms(t.duration)} at ${ms(t.start)}`).join(', ') || 'none'}${cold.noLongtask ? ' (longtask API unavailable)' : ''}`);
  const loaf = [...cold.loafs].sort((a, b) => b.duration - a.duration)[0];
  if (loaf) {
    const scripts = [...loaf.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3);
    out.push(`- longest animation frame ${ms(loaf.duration)} (style+layout ${ms(loaf.styleAndLayout)}); scripts: ${scripts.map((s) => `${s.invoker || s.type} ${ms(s.duration)}`).join(', ') || 'none'}`);
  }
  if (big) {
    out.push('', 'Create and save:');
    out.push(
      `- 5 MB doc: keydown → new highlight in the DOM median ${ms(median(big.creates.map((c) => c.dom)))}; ` +
        `from the event's own timestamp (includes input queueing) to paint median ${ms(median(big.creates.map((c) => c.fromEvent)))}; longest task ${taskMs(max(big.creates.map((c) => c.longestTask)))}`,
    );
    out.push(
      `- 5 MB doc: save on the network clock median ${ms(median(big.saves.map((s) => s.network)))}; the server writes the whole ${(ws.big.annBytes / 1e6).toFixed(0)} MB annotations file (one highlight per line) for each change`,
    );
  }
  if (serverSaves) {
    out.push(
      `- the server alone (applyChanges from Node, browser idle): article median ${ms(median(serverSaves.article))}, ` +
        `5 MB doc median ${ms(median(serverSaves.big))} (${serverSaves.big.length} each)`,
    );
  }
  if (article) {
    const a = article.open;
    out.push(
      `- article page: DOMContentLoaded ${ms(a.domContentLoaded)}, openDocument answered ${ms(a.openDocument?.responseEnd)}, ` +
        `highlighted text painted ${ms(a.painted)}, longest task ${taskMs(a.longestTask)}`,
    );
  }
  if (reading && jumps) {
    out.push('', 'Scroll:');
    out.push(
      `- reading: median frame ${ms(reading.median)}, longest task ${taskMs(reading.longestTask)}; ` +
        `jumps: median ${ms(jumps.median)}, longest task ${taskMs(jumps.longestTask)}; scrollHeight ${Math.round(jumps.scrollHeight).toLocaleString('en')} px`,
    );
  }
  const pageErrors = opens.flatMap((o) => o.errors);
  if (pageErrors.length) out.push(`- page errors: ${pageErrors.join('; ')}`);
  if (profile) {
    out.push(...(await summarizeProfile(cold.profile, 'Open (first load)', dist)));
    out.push(...(await summarizeProfile(big?.creates[0]?.profile, 'Create one highlight (5 MB)', dist)));
  }
  out.push('', `Benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return out;
}
