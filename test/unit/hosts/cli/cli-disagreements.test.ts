// `annotator agreement --disagreements`: where two annotators disagree, per document, as text
// and as --json; wrong arguments refused with what to do.
import { describe, expect, it } from 'vitest';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';
import { run } from '../../../helpers/run-cli.js';

const ws = useWorkspaces();
const TEXT = 'Live 🔴 update: “We will win,” said Ana. Critics disagreed.';
const at = (part: string) => ({ start: TEXT.indexOf(part), end: TEXT.indexOf(part) + part.length });

async function workspace() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', TEXT);
  const make = (author: string, annotationId: string, part: string, labelId: string) => ({ kind: 'createAnnotation', documentId: doc.id, annotationId, labelId, ...at(part), author });
  const { refused } = await service.applyChanges([
    make('Ana', 'a1', 'We will win', 'quote'),
    make('Ben', 'b1', 'We will win', 'claim'),
    make('Ben', 'b2', 'Critics disagreed', 'claim'),
  ]);
  expect(refused).toEqual([]);
  await service.store.flush();
  return { dir, doc };
}

describe('annotator agreement --disagreements', () => {
  it('prints each document’s disagreements with each annotator’s version', async () => {
    const { dir, doc } = await workspace();
    const result = await run(['agreement', '--store', dir, '--disagreements'], '/');
    expect(result.code).toBe(0);
    const { start, end } = at('We will win');
    expect(result.out).toBe(
      [
        '2 disagreements among Ana, Ben (Not marked by all 1, Labels differ 1):',
        '',
        `story (${doc.id}): Not marked by all 1, Labels differ 1`,
        `  ${start}-${end} Labels differ "We will win": Ana: Quote | Ben: Claim`,
        `  ${at('Critics disagreed').start}-${at('Critics disagreed').end} Not marked by all "Critics disagreed": Ana: not marked | Ben: Claim`,
        '',
      ].join('\n'),
    );
  });

  it('--json prints the report', async () => {
    const { dir } = await workspace();
    const report = JSON.parse((await run(['agreement', '--store', dir, '--disagreements', '--json'], '/')).out);
    expect(report.counts).toEqual({ unmatched: 1, label: 1, speaker: 0, verdict: 0 });
    expect(report.disagreements.map((d: { kind: string; versions: { layer: string; annotationId: string | null }[] }) => [d.kind, d.versions.map((v) => v.annotationId)])).toEqual([
      ['label', ['a1', 'b1']],
      ['unmatched', [null, 'b2']],
    ]);
  });

  it('refuses one annotator alone, and an unknown document', async () => {
    const { dir } = await workspace();
    const one = await run(['agreement', '--store', dir, '--disagreements', '--author', 'Ana'], '/');
    expect(one.code).not.toBe(0);
    expect(one.err).toContain('choose two or more annotators to compare');
    const nowhere = await run(['agreement', '--store', dir, '--disagreements', '--documents', 'doc-nope'], '/');
    expect(nowhere.err).toContain('No document with id doc-nope');
  });

  it('is in the usage', async () => {
    expect((await run(['--help'], '/')).out).toContain('--disagreements lists instead');
  });
});
