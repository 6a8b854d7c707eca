// The open's baselines (issue 16), built by the bench and measured in the same run as the app,
// because absolute times on a shared machine drift: a bare CodeMirror 6 page showing the same
// text and highlights as mark decorations, and a naive page with one <mark> per highlight. Both
// are served from a temp folder on 127.0.0.1 and timed by the app's own probe (probes.mjs:
// the first on-screen `.cm-content .cm-hl`, then the frame that paints it).
import { build } from 'esbuild';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { max } from './stats.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The same look as the app's marks: a class and a colour per label.
const COLORS = { quote: '#e8a33d', speaker: '#4f8fd6', claim: '#c6543f' };

const BARE_ENTRY = `
import { EditorState, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
const COLORS = ${JSON.stringify(COLORS)};
fetch('/data.json').then((r) => r.json()).then(({ text, starts, ends, labels }) => {
  const marks = {};
  for (const [id, color] of Object.entries(COLORS)) {
    marks[id] = Decoration.mark({ class: 'cm-hl', attributes: { 'data-label': id, style: '--hl-color: ' + color } });
  }
  // Spans come in text order (start, then longer first), as RangeSetBuilder wants them.
  const builder = new RangeSetBuilder();
  for (let i = 0; i < starts.length; i++) builder.add(starts[i], ends[i], marks[labels[i]]);
  const decorations = builder.finish();
  new EditorView({
    state: EditorState.create({ doc: text, extensions: [EditorView.decorations.of(decorations), EditorView.lineWrapping, EditorView.editable.of(true)] }),
    parent: document.getElementById('root'),
  });
});
`;

// Nested highlights nest; one crossing another is closed and reopened around the other's end.
const NAIVE_SCRIPT = `
fetch('/data.json').then((r) => r.json()).then(({ text, starts, ends, labels }) => {
  const esc = (s) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
  const events = [];
  for (let i = 0; i < starts.length; i++) events.push([starts[i], 1, i], [ends[i], 0, i]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[1] ? ends[b[2]] - ends[a[2]] : 0));
  const open = [];
  const tag = (i) => '<mark class="cm-hl" data-label="' + labels[i] + '">';
  let html = '';
  let at = 0;
  for (const [pos, isStart, i] of events) {
    html += esc(text.slice(at, pos));
    at = pos;
    if (isStart) {
      html += tag(i);
      open.push(i);
    } else {
      const k = open.lastIndexOf(i);
      const above = open.splice(k);
      above.shift();
      html += '</mark>'.repeat(above.length + 1) + above.map(tag).join('');
      open.push(...above);
    }
  }
  html += esc(text.slice(at));
  document.getElementById('root').innerHTML = '<div class="cm-content">' + html + '</div>';
});
`;

const STYLE = `
  html, body { margin: 0; height: 100%; font: 16px/1.5 system-ui, sans-serif; }
  #root { height: 100%; }
  .cm-editor { height: 100%; }
  .cm-content, .cm-line { white-space: pre-wrap; }
  #root > .cm-content { height: 100%; overflow: auto; padding: 4px 8px; }
  .cm-hl { background: color-mix(in srgb, var(--hl-color, #999) 25%, transparent); border-bottom: 2px solid var(--hl-color, #999); }
  mark.cm-hl { color: inherit; }
  ${Object.entries(COLORS).map(([id, c]) => `mark[data-label="${id}"] { --hl-color: ${c}; }`).join('\n  ')}
`;

const page = (title, script) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>` +
  `<body><div id="root"></div><script${script.src ? ` src="${script.src}"` : ''}>${script.inline ?? ''}</script></body></html>`;

/**
 * Writes the two pages and the document's text + highlights (one JSON, as the pages fetch it)
 * into `dir`, and serves them on 127.0.0.1. Returns the pages' URLs.
 */
export async function serveBaselines(dir, text, spans) {
  await fs.mkdir(dir, { recursive: true });
  const data = { text, starts: spans.map((s) => s.start), ends: spans.map((s) => s.end), labels: spans.map((s) => s.labelId) };
  await fs.writeFile(path.join(dir, 'data.json'), JSON.stringify(data));
  await build({
    stdin: { contents: BARE_ENTRY, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outfile: path.join(dir, 'bare.js'),
    logLevel: 'error',
  });
  await fs.writeFile(path.join(dir, 'bare.html'), page('bare CodeMirror 6', { src: '/bare.js' }));
  await fs.writeFile(path.join(dir, 'naive.html'), page('naive marks', { inline: NAIVE_SCRIPT }));
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };
  const server = http.createServer(async (req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname);
    try {
      const body = await fs.readFile(path.join(dir, name));
      res.writeHead(200, { 'Content-Type': types[path.extname(name)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => server.close(resolve)));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { bare: `${origin}/bare.html`, naive: `${origin}/naive.html`, close: () => server.close() };
}

/** One load of a baseline page: navigation start to the first on-screen highlight painted. */
export async function measureBaseline(context, url, label) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__bench?.marks.hlPainted !== undefined, null, { timeout: 180_000, polling: 100 });
    } catch (error) {
      throw new Error(`${label}: no highlight was painted (${error.message.split('\n')[0]}); page errors: ${errors.join('; ') || 'none'}`);
    }
    const { marks, longtasks } = await page.evaluate(() => ({ marks: window.__bench.marks, longtasks: window.__bench.longtasks }));
    const painted = marks.hlPainted;
    return { painted, longestTask: max(longtasks.filter((t) => t.start < painted).map((t) => t.duration)) };
  } finally {
    await page.close();
  }
}
