// annotator import --dry-run: what the import would do, in one line and a line per conflict,
// with nothing written; the real import says the same counts; --json prints the report.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../electron/contract/api.js';
import { run } from '../../../helpers/run-cli.js';
import { snapshotDir } from '../../../helpers/temp-dirs.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';
import { labelStudioRegion } from '../../../helpers/label-studio-tasks.js';

const ws = useWorkspaces();
const story = 'The minister said unemployment halved. “We will win,” said Ana Lima.';
const other = 'A second story: “No comment,” said Bo Chen.';
const region = labelStudioRegion;

/**
 * A workspace with the story (a quote, and a claim judged False), and beside it the files to
 * import: Label Studio tasks as its docs describe them (code-point offsets; meta carries this
 * app's claim and speaker) for the story and a new one, and a transcript whose names become speakers.
 */
async function setUp() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', story);
  const at = (words: string) => ({ start: story.indexOf(words), end: story.indexOf(words) + words.length });
  await service.applyChanges([
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', ...at('We will win') },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c1', labelId: 'claim', ...at('unemployment halved') },
    { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'false' } },
  ]);
  await service.store.flush();
  const files = await ws.tempDir();
  const tasks = [
    {
      data: { text: story, title: 'story' },
      annotations: [{ result: [region(story, 'r1', 'We will win', 'Quote'), region(story, 'r2', 'unemployment halved', 'Claim', { claim: { status: 'true', reviewer: 'Bo Berg' } })] }],
    },
    { data: { text: other, title: 'second' }, annotations: [{ result: [region(other, 'r1', 'No comment', 'Denial', { speaker: 'Bo Chen' }), region(other, 'r2', 'Bo Chen', 'Speaker', { speaker: 'Bo Chen' })] }] },
  ];
  await fs.writeFile(path.join(files, 'tasks.json'), JSON.stringify(tasks));
  await fs.writeFile(path.join(files, 'debate.txt'), 'MODERATOR: Welcome.\nJOSÉ ORTIZ: The dam opens in May.\nMODERATOR: Thank you.\n');
  return { dir, doc, args: [path.join(files, 'tasks.json'), path.join(files, 'debate.txt'), '--store', dir] };
}

describe('annotator import --dry-run', () => {
  it('prints what the import would do and each conflict, and writes nothing; the import then says the same', async () => {
    const { dir, doc, args } = await setUp();
    const before = await snapshotDir(dir);
    const dry = await run(['import', ...args, '--dry-run'], '/');
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toBe(
      'Would import 3 documents (2 new): 2 new highlights, 2 already present, 1 conflict, 3 new speakers, 1 new label. Nothing was written.\n' +
        'New speakers: Bo Chen, MODERATOR, JOSÉ ORTIZ.\n' +
        'New labels: Denial.\n' +
        `Conflict in "story" (${doc.id}), "unemployment halved": here False, the file says True (Bo Berg). It would be kept for an editor to settle.\n`,
    );
    expect(await snapshotDir(dir)).toEqual(before);

    const real = await run(['import', ...args], '/');
    expect(real.code).toBe(0);
    expect(real.out.split('\n')[0]).toBe('Imported 3 documents (2 new): 2 new highlights, 2 already present, 1 conflict, 3 new speakers, 1 new label.');
    expect(real.out).toContain(`Conflict in "story" (${doc.id}), "unemployment halved": here False, the file says True (Bo Berg). Kept for an editor to settle.`);

    const again = await run(['import', ...args, '--dry-run'], '/');
    // The conflict is on the claim already, waiting for the editor: nothing new.
    expect(again.out.split('\n')[0]).toBe('Would import 3 documents (0 new): 0 new highlights, 4 already present, 0 conflicts, 0 new speakers, 0 new labels. Nothing was written.');
  });

  it('counts apart what the file has otherwise than the workspace, which keeps its own', async () => {
    const { dir, args } = await setUp();
    // The quote has another note in this file: present, and otherwise.
    const file = path.join(path.dirname(args[0]!), 'relabelled.json');
    await fs.writeFile(file, JSON.stringify([{ data: { text: story, title: 'story' }, annotations: [{ result: [region(story, 'r1', 'We will win', 'Quote', { text: ['another note'] })] }] }]));
    const dry = await run(['import', file, '--store', dir, '--dry-run'], '/');
    expect(dry.out.split('\n')[0]).toBe(
      "Would import 1 document (0 new): 0 new highlights, 1 already present (1 otherwise in the file; the workspace's kept), 0 conflicts, 0 new speakers, 0 new labels. Nothing was written.",
    );
  });

  it('prints the report with --json', async () => {
    const { dir, args } = await setUp();
    const before = await snapshotDir(dir);
    const dry = await run(['import', ...args, '--dry-run', '--json'], '/');
    const report = JSON.parse(dry.out) as ImportReport;
    expect(report).toMatchObject({ written: false, documents: 3, documentsAdded: 2, highlights: 2, alreadyPresent: 2, labelsAdded: ['Denial'] });
    expect(report.conflicts).toEqual([expect.objectContaining({ here: 'false', incoming: 'true', incomingBy: 'Bo Berg' })]);
    expect(await snapshotDir(dir)).toEqual(before);
    const real = JSON.parse((await run(['import', ...args, '--json'], '/')).out) as ImportReport;
    expect(real).toMatchObject({ written: true, highlights: 2 });
    expect(real.undo.documentIds).toHaveLength(2);
  });

  it('says a new workspace would be started, and starts none', async () => {
    const { args } = await setUp();
    const fresh = path.join(await ws.tempDir(), 'not-yet');
    const dry = await run(['import', ...args.slice(0, 2), '--store', fresh, '--dry-run'], '/');
    expect(dry.code).toBe(0);
    expect(dry.out).toBe(
      `There is no workspace in ${fresh} yet; the import would start one.\n` +
        'Would import 3 documents (3 new): 4 new highlights, 0 already present, 0 conflicts, 3 new speakers, 1 new label. Nothing was written.\n' +
        'New speakers: Bo Chen, MODERATOR, JOSÉ ORTIZ.\nNew labels: Denial.\n',
    );
    expect(await fs.access(fresh).then(() => true, () => false)).toBe(false);
  });

  it("says what a file holds that is never imported as annotations (Label Studio's predictions)", async () => {
    const { dir } = await setUp();
    const file = path.join(await ws.tempDir(), 'with-predictions.json');
    const tasks = [{ data: { text: story, title: 'story' }, annotations: [], predictions: [{ model_version: 'v1', result: [region(story, 'p1', 'We will win', 'Quote')] }] }];
    await fs.writeFile(file, JSON.stringify(tasks));
    const dry = await run(['import', file, '--store', dir, '--dry-run'], '/');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`Not imported: ${file}, task 1: 1 prediction (a model's suggestions, not annotations) left out.`);
    const report = JSON.parse((await run(['import', file, '--store', dir, '--json'], '/')).out) as ImportReport;
    expect(report.leftOut).toEqual([`${file}, task 1: 1 prediction (a model's suggestions, not annotations) left out.`]);
    expect(report.highlights).toBe(0);
  });
});

describe('annotator import --dry-run beside a running app', () => {
  it('tidies nothing, counts nothing again and saves nothing: the folder is left exactly as it was', async () => {
    const { dir, args } = await setUp();
    // What opening a workspace would mend: a count that lags its annotations file (after a
    // crash), and a dead writer's temp file. Another program may be mid-write; a look must not.
    const file = path.join(dir, 'workspace.json');
    const workspace = JSON.parse(await fs.readFile(file, 'utf8')) as { documents: { annotationCount: number }[] };
    workspace.documents[0]!.annotationCount = 99;
    await fs.writeFile(file, JSON.stringify(workspace));
    await fs.writeFile(path.join(dir, '.workspace.json.999999.1.tmp'), 'half');
    const before = await snapshotDir(dir);
    const dry = await run(['import', ...args, '--dry-run'], '/');
    expect(dry.code).toBe(0);
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

describe('annotator import, file sizes', () => {
  it('reads an annotation file past the 50 MB a document may have (a whole dataset), and still refuses such a document', async () => {
    const dir = await ws.tempDir();
    const files = await ws.tempDir();
    // 110 documents of 520 KB: 57 MB of doccano JSONL, as a 100,000-highlight export is.
    const paragraph = `${'The council met on Tuesday and voted on the budget. '.repeat(10_000)}`;
    const lines = Array.from({ length: 110 }, (_, k) => JSON.stringify({ text: `Story ${k}. ${paragraph}`, label: [[0, 5, 'Claim']] }));
    const big = path.join(files, 'dataset.jsonl');
    await fs.writeFile(big, `${lines.join('\n')}\n`);
    expect((await fs.stat(big)).size).toBeGreaterThan(50 * 1024 * 1024);
    const dry = await run(['import', big, '--store', dir, '--dry-run'], '/');
    expect(dry.err).toBe('');
    expect(dry.out.split('\n')[1]).toBe('Would import 110 documents (110 new): 110 new highlights, 0 already present, 0 conflicts, 0 new speakers, 0 new labels. Nothing was written.');
    const text = path.join(files, 'transcript.txt');
    await fs.writeFile(text, paragraph.repeat(105));
    const refused = await run(['import', text, '--store', dir, '--dry-run'], '/');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/"transcript\.txt" is 5\d\.\d MB; the limit is 50\.0 MB\. Split it into smaller files/);
  });
});
