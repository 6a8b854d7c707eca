// `annotator export --author NAME` (and split): only those annotators' highlights, on a real
// workspace in a temp folder; a name that is not one of them is refused with the names there are.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInterchangeWorkspace } from '../../../helpers/interchange-workspace.js';
import { run } from '../../../helpers/run-cli.js';
import { useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

async function workspace() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  await buildInterchangeWorkspace(service);
  await service.store.flush();
  return dir;
}

/** Each doccano line's spans as the words they cover (code points, as Python slices). */
async function doccanoSpans(file: string): Promise<string[]> {
  const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; label: [number, number, string][] });
  return lines.flatMap((line) => line.label.map(([s, e, label]) => `${label}:${[...line.text].slice(s, e).join('')}`));
}

describe('annotator export --author', () => {
  it('writes only the named annotator’s highlights', async () => {
    const dir = await workspace();
    const out = path.join(dir, 'ben.jsonl');
    const result = await run(['export', '--store', dir, '--format', 'jsonl', '--out', out, '--author', 'Ben Okafor'], '/');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const spans = await doccanoSpans(out);
    expect(spans).toHaveLength(10);
    expect(spans).toContain('Quote:baseless and politically motivated');
    expect(spans).not.toContain('Quote:まだ早い');
    // The same quote by Ana Reyes and by Ben Okafor: only his is in.
    expect(spans.filter((s) => s === 'Quote:The sanctions regime is eroding.')).toHaveLength(1);
  });

  it('takes --author more than once, and --author "" for highlights made before a name was set', async () => {
    const dir = await workspace();
    const out = path.join(dir, 'two.jsonl');
    const result = await run(['export', '--store', dir, '--format', 'jsonl', '--out', out, '--author', 'Chen Wei', '--author', ''], '/');
    expect(result.code).toBe(0);
    const spans = await doccanoSpans(out);
    expect(spans).toHaveLength(10 + 2);
    expect(spans).toContain('Quote:historic');
    expect(spans).toContain('Speaker:𠮷野家');
  });

  it('refuses a name that is not among the workspace’s annotators, listing those there are, and writes nothing', async () => {
    const dir = await workspace();
    const out = path.join(dir, 'nobody.jsonl');
    const result = await run(['export', '--store', dir, '--format', 'jsonl', '--out', out, '--author', 'Ben'], '/');
    expect(result.code).toBe(1);
    expect(result.err).toContain('No highlight in this workspace is by "Ben".');
    expect(result.err).toContain('Its annotators are "Ana Reyes" (11), "Ben Okafor" (10), "Chen Wei" (10), "" (no author) (2).');
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('narrows every part of a split', async () => {
    const dir = await workspace();
    const out = path.join(dir, 'split');
    const result = await run(['split', '--store', dir, '--ratios', '1,1,1', '--seed', '2', '--format', 'jsonl', '--out', out, '--author', 'Ana Reyes'], '/');
    expect(result.code).toBe(0);
    const spans = (await Promise.all(['train', 'dev', 'test'].map((part) => doccanoSpans(path.join(out, `${part}.jsonl`)).catch(() => [])))).flat();
    expect(spans).toHaveLength(11);
    expect(spans).toContain('Quote:Мы не согласны');
    expect(spans).not.toContain('Quote:景気は回復している');
  });

  it('measures the agreement among the named annotators only', async () => {
    const dir = await workspace();
    const all = JSON.parse((await run(['agreement', '--store', dir, '--json'], '/')).out) as { annotators: string[]; pairs: { annotators: string[] }[] };
    expect(all.pairs.length).toBeGreaterThan(1);
    const result = await run(['agreement', '--store', dir, '--json', '--author', 'Ana Reyes', '--author', 'Chen Wei'], '/');
    expect(result.code).toBe(0);
    const two = JSON.parse(result.out) as { annotators: string[]; pairs: { annotators: string[] }[] };
    expect(two.pairs.map((p) => p.annotators)).toEqual([['Ana Reyes', 'Chen Wei']]);
    expect((await run(['agreement', '--store', dir, '--author', 'Nobody'], '/')).err).toContain('No highlight in this workspace is by "Nobody".');
  });

  it('import still records one author, and says so when given two', async () => {
    const dir = await workspace();
    const result = await run(['import', path.join(dir, 'missing.jsonl'), '--store', dir, '--author', 'A', '--author', 'B'], '/');
    expect(result.code).toBe(2);
    expect(result.err).toContain('import records one author on what it brings in; --author was given 2 times.');
  });

  it('says so in --help', async () => {
    const result = await run(['--help'], '/');
    expect(result.out).toContain('[--author NAME...]');
    expect(result.out).toContain("--author ''");
  });
});
