// The speed benchmark's table against the README's Speed targets, and where the time went.
import { GROWTH_METRICS } from './figures.mjs';
import { summarizeProfile } from './profile-summary.mjs';
import { max, median, ms, taskMs } from './stats.mjs';
import { STATUS } from './verdicts.mjs';

/** The report's lines; a phase that failed is null (its rows say "not measured"). */
export async function report({ figures, ws, opens, big, reading, jumps, article, serverSaves, failures, profile, dist }) {
  const cold = opens[0];
  const warm = opens.slice(1);
  const fmt = (v, unit) => (v === null || v === undefined ? 'n/a' : unit === 'ms' ? ms(v) : unit === '×' ? `${v.toFixed(2)}×` : String(v));
  const shown = (t) => (Array.isArray(t.measured) ? t.measured.map((v) => fmt(v, t.unit)).join(' / ') : fmt(t.measured, t.unit));
  const mc = figures.machine;
  const out = [];
  out.push('', '## Newsroom Annotator — speed benchmark', '');
  out.push(
    `Machine: ${mc.cpu} (${mc.threads} threads), ${mc.ramGB} GB RAM, ${mc.os}; Node ${mc.node}; ` +
      `Chromium ${mc.chromium} (headless, --disable-gpu, ${mc.viewport.width}×${mc.viewport.height}); load average at the end ${mc.loadAverageAtEnd.join(' ')}`,
  );
  out.push('', '| action | measured | target | |', '|---|---|---|---|');
  for (const t of figures.targets) out.push(`| ${t.action} | ${shown(t)} | ${t.target} | ${STATUS[t.status]} |`);
  out.push('', 'Ratios are against baselines measured in the same run, interleaved with the app\'s opens; a target counts as met only when every figure in its row meets it.');
  if (failures.length) out.push('', 'Not measured:', ...failures.map((f) => `- ${f}`));

  const b = figures.baselines;
  if (b) {
    out.push('', `Open baselines (${b.mb} MB / ${b.highlights.toLocaleString('en')} highlights, navigation → first on-screen highlight painted, same probe for all three):`, '');
    out.push('| page | loads | median |', '|---|---|---|');
    out.push(`| the app | ${b.app.map((v) => ms(v)).join(', ')} | ${ms(b.medians.app)} |`);
    out.push(`| bare CodeMirror 6, the same text and marks | ${b.bare.map((v) => ms(v)).join(', ')} | ${ms(b.medians.bare)} |`);
    out.push(`| naive, one <mark> per highlight | ${b.naive.map((v) => ms(v)).join(', ')} | ${ms(b.medians.naive)} |`);
  }

  const mb = (v) => (v === null ? 'n/a' : `${Math.round(v)} MB`);
  out.push('', `Growth (medians at each size; the baselines are loaded at ${b?.mb ?? 'no'} MB only):`, '');
  out.push('| text / highlights | open | create | save (server) | renderer heap | server RSS |', '|---|---|---|---|---|---|');
  for (const s of figures.sizes) {
    out.push(`| ${s.mb} MB / ${s.highlights.toLocaleString('en')} | ${ms(s.open.median)} | ${ms(s.create.median)} | ${ms(s.serverSave.median)} | ${mb(s.heapMB)} | ${mb(s.serverRssMB)} |`);
  }
  if (figures.growth.length) {
    out.push('', 'Each step: cost ratio (cost ratio ÷ size ratio; ⚠️ above 1.2 is faster than linear):', '');
    out.push('| step | size | open | create | save (server) | renderer heap | server RSS |', '|---|---|---|---|---|---|---|');
    for (const step of figures.growth) {
      const cell = (k) => {
        const g = step.metrics[k];
        return g.costRatio !== null ? `${g.costRatio.toFixed(2)}× (${g.excess.toFixed(2)})${g.superlinear ? ' ⚠️' : ''}` : 'n/a';
      };
      out.push(`| ${step.from} → ${step.to} MB | ${step.sizeRatio.toFixed(1)}× | ${GROWTH_METRICS.map(cell).join(' | ')} |`);
    }
  }
  if (!cold) return out;

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
      `- ${ws.mb} MB doc: keydown → new highlight in the DOM median ${ms(median(big.creates.map((c) => c.dom)))}; ` +
        `from the event's own timestamp (includes input queueing) to paint median ${ms(median(big.creates.map((c) => c.fromEvent)))}; longest task ${taskMs(max(big.creates.map((c) => c.longestTask)))}`,
    );
    out.push(
      `- ${ws.mb} MB doc: save on the network clock median ${ms(median(big.saves.map((s) => s.network)))}; each change is a line in the document's journal, not a rewrite of its ${(ws.big.annBytes / 1e6).toFixed(0)} MB annotations file`,
    );
  }
  if (serverSaves) {
    out.push(
      `- the server alone (applyChanges from Node, browser idle): article median ${ms(median(serverSaves.article))}, ` +
        `${ws.mb} MB doc median ${ms(median(serverSaves.big))} (${serverSaves.big.length} each)`,
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
  out.push('', `Benchmark took ${figures.seconds} s.`);
  return out;
}
