// `annotator suggest`: the suggester on files of any format the app reads, for people and scripts.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../helpers/run-cli.js';
import { useTempDirs } from '../../../helpers/temp-dirs.js';

const makeTempDir = useTempDirs();
const STORY = '“Rents have doubled since 2015,” Maria Lopez, the housing minister, told reporters.\n\nAna Kim said that the figure was wrong.\n';

interface Line {
  file: string;
  quotes: { start: number; end: number; kind: string; cue: { start: number; end: number } | null; speaker: { start: number; end: number } | null; speakerName: string | null; score: number; reason: string }[];
  claims: { start: number; end: number; score: number; reason: string }[];
}

describe('annotator suggest', () => {
  it('prints one JSON line per file, with offsets into the text as the app reads it (no BOM, \\n newlines)', async () => {
    const dir = await makeTempDir('suggest-');
    await fs.writeFile(path.join(dir, 'story.txt'), `\uFEFF${STORY.replace(/\n/g, '\r\n')}`);
    await fs.writeFile(path.join(dir, 'page.html'), `<html><head><title>Rents</title></head><body><article><p>${STORY.split('\n\n')[0]}</p></article></body></html>`);
    const { code, out, err } = await run(['suggest', 'story.txt', 'page.html', '--json'], dir);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Line);
    expect(lines.map((l) => l.file)).toEqual(['story.txt', 'page.html']);
    const [txt] = lines;
    expect(Object.keys(txt!)).toEqual(['file', 'quotes', 'claims']);
    const text = STORY;
    expect(txt!.quotes.map((q) => [q.kind, text.slice(q.start, q.end), q.cue && text.slice(q.cue.start, q.cue.end), q.speaker && text.slice(q.speaker.start, q.speaker.end), q.speakerName])).toEqual([
      ['direct', '“Rents have doubled since 2015,”', 'told reporters', 'Maria Lopez', 'Maria Lopez'],
      ['indirect', 'that the figure was wrong', 'said', 'Ana Kim', 'Ana Kim'],
    ]);
    for (const q of txt!.quotes) expect(Object.keys(q)).toEqual(['start', 'end', 'kind', 'cue', 'speaker', 'speakerName', 'score', 'reason']);
    expect(txt!.claims[0]).toMatchObject({ start: 0, reason: expect.stringContaining('a figure') });
    expect(lines[1]!.quotes[0]).toMatchObject({ kind: 'direct', speakerName: 'Maria Lopez' });
  });

  it('shows each suggestion with its reason, and names no workspace', async () => {
    const dir = await makeTempDir('suggest-');
    await fs.writeFile(path.join(dir, 'story.txt'), STORY);
    const { code, out, err } = await run(['suggest', 'story.txt'], dir);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('story.txt: 2 quotes (1 direct, 1 indirect)');
    expect(out).toContain("why: quotation marks + 'told reporters' + name 'Maria Lopez'");
  });

  it('says which file could not be read, goes on with the others, and exits 1', async () => {
    const dir = await makeTempDir('suggest-');
    await fs.writeFile(path.join(dir, 'story.txt'), STORY);
    await fs.writeFile(path.join(dir, 'photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const { code, out, err } = await run(['suggest', 'missing.txt', 'photo.png', 'story.txt', '--json'], dir);
    expect(code).toBe(1);
    expect(err).toContain('missing.txt: there is no such file.');
    expect(err).toMatch(/photo\.png: .+/);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual(['story.txt']);
  });

  it('saves pre-annotations for a stored document with --store and --doc, for the window to review', async () => {
    const dir = await makeTempDir('suggest-');
    const store = path.join(dir, 'ws');
    await fs.writeFile(path.join(dir, 'rents.txt'), STORY);
    expect((await run(['import', '--store', store, 'rents.txt'], dir)).code).toBe(0);
    const { code, out, err } = await run(['suggest', '--store', store, '--doc', 'rents'], dir);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Saved 2 quotes and \d+ claims? as pre-annotations for “rents”: open it in the window to accept or reject them\.\n$/);
    const [file] = await fs.readdir(path.join(store, 'suggestions'));
    const saved = JSON.parse(await fs.readFile(path.join(store, 'suggestions', file!), 'utf8'));
    expect(saved.saved.map((s: { kind: string; speakerName: string | null }) => [s.kind, s.speakerName]).slice(0, 2)).toEqual([
      ['direct', 'Maria Lopez'],
      ['indirect', 'Ana Kim'],
    ]);
    // Not highlights: the workspace still counts none.
    expect((await run(['stats', '--store', store, '--json'], dir)).out).toContain('"highlights": 0');
  });

  it('names the documents there are when --doc matches none', async () => {
    const dir = await makeTempDir('suggest-');
    const store = path.join(dir, 'ws');
    await fs.writeFile(path.join(dir, 'rents.txt'), STORY);
    await run(['import', '--store', store, 'rents.txt'], dir);
    const { code, err } = await run(['suggest', '--store', store, '--doc', 'housing'], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/There is no document "housing" in .+\. Its documents \(id, title\):\n  doc-[0-9a-f]+  rents/);
  });

  it('asks for a file when given none (exit 2)', async () => {
    const { code, err } = await run(['suggest'], await makeTempDir('suggest-'));
    expect(code).toBe(2);
    expect(err).toContain('suggest needs at least one file');
  });
});
