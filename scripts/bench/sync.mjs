// npm run bench:sync: team sync against a local pouchdb-server (in memory, 127.0.0.1).
// First replication of DOCS documents with DOCS×PER highlights (time, memory of both sides),
// an edit's way to another workspace with live sync, and a sync's cost as changes grow.
// BENCH_SYNC_DOCS (default 1000) and BENCH_SYNC_PER (default 100) choose the size.
import { spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { importTypeScript } from './load-ts.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = Number(process.env.BENCH_SYNC_DOCS ?? 1000);
const PER = Number(process.env.BENCH_SYNC_PER ?? 100);
const { openWorkspace, fill } = await importTypeScript('sync-workspace.ts');

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-sync-'));
const server = spawn(path.join(ROOT, 'node_modules/.bin/pouchdb-server'), ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: work, stdio: 'ignore' });
const url = `http://127.0.0.1:${port}`;
// The server goes with this script, however it ends.
process.on('exit', () => server.kill('SIGKILL'));
const step = (text) => process.stderr.write(`${text}\n`);
for (;;) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
await fetch(`${url}/newsroom`, { method: 'PUT' });
await fetch(`${url}/_config/admins/ed`, { method: 'PUT', body: '"pw"' });
const link = { url: `${url}/newsroom`, username: 'ed', password: 'pw' };
const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const mb = (n) => `${n.toFixed(0)} MB`;
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = [];

const a = await openWorkspace(path.join(work, 'a'));
const b = await openWorkspace(path.join(work, 'b'));
let t = performance.now();
await fill(a.service, DOCS, PER);
rows.push(['fill workspace A (not sync)', secs(performance.now() - t), '']);
step('filled; first push');
await a.engine.link(link);
await b.engine.link(link);
t = performance.now();
const pushed = await a.engine.syncOnce();
rows.push([`first push A: ${pushed.pushed} docs`, secs(performance.now() - t), `client ${mb(process.memoryUsage().rss / 2 ** 20)}, server ${mb(rssOf(server.pid))}`]);
t = performance.now();
const pulled = await b.engine.syncOnce();
rows.push([`first pull B: ${pulled.pulled} docs applied`, secs(performance.now() - t), `client ${mb(process.memoryUsage().rss / 2 ** 20)}, server ${mb(rssOf(server.pid))}`]);

step('first pull done; live');
// Live: an edit on A until B's workspace holds it.
a.engine.startLive();
b.engine.startLive();
await new Promise((r) => setTimeout(r, 2000));
const [doc] = a.store.data.documents;
const times = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  await a.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q0', note: `live ${i}` }]);
  const bDoc = b.store.findDocument(doc.id);
  const deadline = performance.now() + 15_000;
  for (;;) {
    if (performance.now() > deadline) {
      step(`live edit ${i} did not reach B within 15 s: A ${a.engine.status().state}, B ${b.engine.status().state}; ${JSON.stringify(await (await fetch(`${url}/newsroom/highlight:${doc.id}:q0`, { headers: { authorization: 'Basic ZWQ6cHc=' } })).json()).slice(0, 200)}`);
      break;
    }
    const q = (await b.store.annotations(bDoc)).find((x) => x.id === 'q0');
    if (q?.note === `live ${i}`) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  times.push(performance.now() - t);
}
times.sort((x, y) => x - y);
rows.push(['live: edit on A -> in B (median of 5)', `${times[2].toFixed(0)} ms`, `min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)} ms`]);
await a.engine.stop();
await b.engine.stop();

step('live done; growth');
// Cost as changes grow: N edits on A, one sync each way.
for (const n of [10, 100, 1000]) {
  const changes = [];
  for (let i = 0; i < n; i++) {
    const target = a.store.data.documents[i % a.store.data.documents.length];
    changes.push({ kind: 'updateAnnotation', documentId: target.id, annotationId: `q${Math.floor(i / a.store.data.documents.length) % PER}`, note: `batch ${n} ${i}` });
  }
  await a.service.applyChanges(changes);
  t = performance.now();
  await a.engine.syncOnce();
  const push = performance.now() - t;
  t = performance.now();
  await b.engine.syncOnce();
  rows.push([`${n} edits: push A / pull B`, `${secs(push)} / ${secs(performance.now() - t)}`, '']);
}
await a.engine.close();
await b.engine.close();
server.kill('SIGKILL');
await fs.rm(work, { recursive: true, force: true });

console.log(`\nTeam sync, ${DOCS} documents, ${DOCS * PER} highlights (pouchdb-server in memory, 127.0.0.1)\n`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, time, note] of rows) console.log(`${what.padEnd(width)}  ${time.padStart(14)}  ${note}`);
process.exit(0);
