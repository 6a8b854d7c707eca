// The figures `npm run bench` prints (table and --json alike), from a run's raw measurements.
import { expect, it } from 'vitest';
import { collectFigures } from '../../../scripts/bench/figures.mjs';

const size = (mb: number, open: number[], create: number, save: number, heapMB: number, serverRssMB: number, baselines: unknown = null) => ({
  mb,
  ws: { bytes: mb * 1e6, annotationCount: mb * 10_000, annBytes: mb * 4e6 },
  opens: open.map((painted) => ({ painted, longestTask: NaN })),
  big: { creates: [{ painted: create, paintedAt: 100 }], saves: [{ total: save * 10, end: 150 }] },
  serverSaves: { article: [1, 2, 3], big: [save] },
  heapMB,
  serverRssMB,
  baselines,
});

function run() {
  const main = size(5, [300, 320, 900], 10, 3, 50, 400, { bare: [{ painted: 200 }, { painted: 140 }, { painted: 150 }], naive: [{ painted: 3000 }, { painted: 2600 }, { painted: 2500 }] });
  return collectFigures({
    sizes: [size(1, [200, 210, 220], 8, 2, 20, 150), main, size(20, [1100, 1200, 1300], 12, 4, 400, 1200)],
    main,
    article: { open: { painted: 100 }, creates: [{ painted: 9, paintedAt: 200 }], saves: [{ total: 20, end: 190 }] },
    reading: { intervals: [16], p95: 17, max: 18, median: 16 },
    jumps: { intervals: [16], p95: 17, max: 30, median: 16 },
    serverSaves: main.serverSaves,
    failures: [],
    chromiumVersion: '150',
    viewport: { width: 1280, height: 800 },
    started: performance.now(),
  });
}

it('judges the open by medians against the baselines of the same run', () => {
  const f = run();
  expect(f.baselines!.medians).toEqual({ app: 320, bare: 150, naive: 2600 });
  const byId = Object.fromEntries(f.targets.map((t) => [t.id, t]));
  expect(byId.openVsBare).toMatchObject({ measured: 2.13, status: 'missed' });
  expect(byId.naiveVsOpen).toMatchObject({ measured: 8.13, status: 'met' });
  // No long task reported means none of 50 ms or more.
  expect(byId.openTask!.status).toBe('met');
  expect(byId.createBig!.status).toBe('met');
  expect(byId.serverSaveBig!.status).toBe('met');
  // The article's create was painted only after its save came back: it waited on the disk.
  expect(byId.createBeforeSave).toMatchObject({ measured: '1 of 2', status: 'missed' });
  expect(byId.scrollJumps!.status).toBe('missed');
});

it('flags the step where a cost grows faster than the text, and survives JSON', () => {
  const f = run();
  expect(f.sizes.map((s) => [s.mb, s.open.median, s.heapMB])).toEqual([
    [1, 210, 20],
    [5, 320, 50],
    [20, 1200, 400],
  ]);
  // 5 → 20 MB: 4× the text, 8× the heap.
  expect(f.growth[1]!.metrics.heapMB!.superlinear).toBe(true);
  expect(f.growth[0]!.metrics.heapMB!.superlinear).toBe(false);
  const growth = f.targets.find((t) => t.id === 'growth')!;
  expect(growth.status).toBe('missed');
  expect(growth.measured).toEqual(['heapMB 5→20 MB']);
  expect(JSON.parse(JSON.stringify(f))).toEqual(f);
});
