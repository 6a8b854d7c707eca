// With --profile: where the main thread spent its time, as self time per function, with a peek
// at the built source the function is in.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';

export async function summarizeProfile(profile, title, dist, top = 12) {
  if (!profile) return [];
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (let i = 0; i < profile.samples.length; i++) {
    const cf = byId.get(profile.samples[i]).callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
    const key = `${cf.functionName || '(anonymous)'}|${cf.url}|${cf.lineNumber}|${cf.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const sources = new Map();
  const rows = [];
  for (const [key, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const [fn, url, line, col] = key.split('|');
    let peek = '';
    if (url.includes('/assets/')) {
      const file = path.join(dist, 'renderer/assets', path.basename(new URL(url).pathname));
      if (!sources.has(file)) sources.set(file, existsSync(file) ? (await fs.readFile(file, 'utf8')).split('\n') : []);
      peek = (sources.get(file)[Number(line)] ?? '').slice(Number(col), Number(col) + 70).replace(/\s+/g, ' ');
    }
    const where = url ? ` (${path.basename(url.split('?')[0])}:${Number(line) + 1}:${Number(col) + 1})` : '';
    rows.push(`  ${time.toFixed(1).padStart(7)} ms  ${fn}${where}${peek ? `  ⟨${peek}⟩` : ''}`);
  }
  return ['', `${title} — main-thread self time by function (builtins count toward their caller):`, ...rows];
}
