// The built `annotator` command, run as a trainer runs it: a process with arguments and an exit code.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { AnnotatorService } from '../../electron/services/annotator-service';
import { WorkspaceStore } from '../../electron/services/store/workspace-store';
import { ROOT, tempDir } from './harness';

const annotator = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/annotator.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

it('answers --help, exports a dataset, and fails with a clear message and exit code', async () => {
  expect(annotator('--help').stdout).toContain('Usage: annotator <command>');

  const store = await tempDir();
  const service = new AnnotatorService(await WorkspaceStore.open(store), 'browser');
  const doc = await service.importBytes('story.txt', Buffer.from('“We will win,” said Ana.'));
  await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', start: 1, end: 12 }]);
  await service.store.flush();

  const out = path.join(store, 'dataset.jsonl');
  const run = annotator('export', '--store', store, '--format', 'spacy', '--out', out);
  expect(run.status).toBe(0);
  expect(JSON.parse((await fs.readFile(out, 'utf8')).trim()).spans).toEqual([{ start: 1, end: 12, label: 'Quote' }]);

  const bad = annotator('export', '--store', store, '--format', 'xml', '--out', out);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--format must be one of');
  // The message and one hint, not the whole usage.
  expect(bad.stderr.trim().split('\n').at(-1)).toBe('Run `annotator export --help` for the options.');
  expect(bad.stderr).not.toContain('Usage:');
});
