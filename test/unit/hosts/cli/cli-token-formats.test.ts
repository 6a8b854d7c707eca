// The token formats from the command line, as a trainer runs them: CoNLL by author as a folder,
// Prodigy as one file, Hugging Face as a folder load_dataset reads.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';
import { run } from '../../../helpers/run-cli.js';

const ws = useWorkspaces();
const TEXT = 'Wood said sanctions work. 田中花子さんは東京に行った。';

async function twoAuthors() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', TEXT);
  const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
  const { refused } = await service.applyChanges([
    { kind: 'setAnnotatorName', name: 'Ana Reyes' },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'a1', labelId: 'quote', ...at('sanctions work') },
    { kind: 'setAnnotatorName', name: '田中花子' },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 't1', labelId: 'claim', ...at('sanctions work') },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 't2', labelId: 'speaker', ...at('田中花子') },
  ]);
  expect(refused).toEqual([]);
  await service.store.flush();
  return dir;
}

describe('annotator export, token formats', () => {
  it('writes CoNLL by several authors as a folder of one file each, and says so', async () => {
    const dir = await twoAuthors();
    const out = path.join(dir, 'out.conll');
    const result = await run(['export', '--store', dir, '--format', 'conll', '--out', out], '/');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Wrote conll to ${out}, a folder with a file per author (highlights by several authors).`);
    expect((await fs.readdir(out)).sort()).toEqual(['dataset.Ana_Reyes.conll', 'dataset.田中花子.conll']);
    const tanaka = await fs.readFile(path.join(out, 'dataset.田中花子.conll'), 'utf8');
    expect(tanaka).toContain('sanctions _ _ B-Claim\nwork _ _ I-Claim\n');
    expect(tanaka).toContain('田中 _ _ B-Speaker\n花子 _ _ I-Speaker\n');
    expect(tanaka).not.toContain('Quote');
  });

  it('writes Prodigy as one file, a line per annotator, and hf as a folder with its card', async () => {
    const dir = await twoAuthors();
    const prodigy = path.join(dir, 'p.jsonl');
    expect((await run(['export', '--store', dir, '--format', 'prodigy', '--out', prodigy], '/')).code).toBe(0);
    const lines = (await fs.readFile(prodigy, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l._annotator_id)).toEqual(['Ana Reyes', '田中花子']);
    const hf = path.join(dir, 'hf');
    expect((await run(['export', '--store', dir, '--format', 'hf', '--out', hf], '/')).code).toBe(0);
    expect((await fs.readdir(hf)).sort()).toEqual(['README.md', 'hf-tokens.jsonl', 'labels.json']);
  });

  it('imports its own Prodigy export into a new workspace: the same highlights come back', async () => {
    const dir = await twoAuthors();
    const prodigy = path.join(dir, 'p.jsonl');
    await run(['export', '--store', dir, '--format', 'prodigy', '--out', prodigy], '/');
    const fresh = path.join(await ws.tempDir(), 'fresh');
    const result = await run(['import', prodigy, '--store', fresh], '/');
    expect(result.code).toBe(0);
    const service = await ws.openService(fresh);
    const [doc] = service.store.data.documents;
    const texts = (await service.store.annotations(doc!)).map((a) => a.text).sort();
    expect(texts).toEqual(expect.arrayContaining(['sanctions work', '田中花子']));
  });
});
