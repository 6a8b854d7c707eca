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
      ['indirect', 'the figure was wrong', 'said', 'Ana Kim', 'Ana Kim'],
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

  it('asks for a file when given none (exit 2)', async () => {
    const { code, err } = await run(['suggest'], await makeTempDir('suggest-'));
    expect(code).toBe(2);
    expect(err).toContain('suggest needs at least one file');
  });
});
