// The command line's manners: a mistake gets its message and one hint (not the whole usage),
// counts are in the right number, a split that cannot fill its parts says so, and a command
// without --store names the app's workspace it works on.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitShortfall } from '../../../../electron/hosts/cli/dataset-commands.js';
import { COMMANDS } from '../../../../electron/hosts/cli/commands.js';
import { defaultWorkspaceDir } from '../../../../electron/services/store/paths.js';
import { run } from '../../../helpers/run-cli.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

async function oneStory(dir?: string) {
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', '“We will win,” said Ana.');
  await service.applyChanges([
    { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana' },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', start: 1, end: 12 },
  ]);
  await service.store.flush();
  return { dir: service.store.dir, service, doc };
}

describe('help', () => {
  it('explains one command with --help or help COMMAND, and lists every command in the usage', async () => {
    const exportHelp = await run(['export', '--help'], '/');
    expect(exportHelp.code).toBe(0);
    expect(exportHelp.out).toContain('Usage: annotator export [options]');
    expect(exportHelp.out).toContain('--format jsonl|');
    expect(exportHelp.out).not.toContain('Krippendorff');
    expect(exportHelp.err).toBe('');
    expect((await run(['help', 'split'], '/')).out).toContain('Train, dev and test sets by document');
    const usage = (await run(['--help'], '/')).out;
    for (const command of COMMANDS) expect(usage).toContain(`\n  ${command.name} `);
  });
});

describe('counts', () => {
  it('says 1 document, 1 highlight, 1 speaker, and 1 problem', async () => {
    const { dir, doc } = await oneStory();
    expect((await run(['stats', '--store', dir], '/')).out).toBe('1 document, 1 highlight, 1 speaker\n  Quote: 1\n');
    const file = path.join(dir, 'annotations', `${doc.id}.json`);
    const { promises: fs } = await import('node:fs');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"text":"We will win"', '"text":"We will lose"'));
    expect((await run(['validate', '--store', dir], '/')).out).toBe('1 problem found.\n');
  });
});

describe('split', () => {
  it('warns that one document cannot be split, and says where it went', async () => {
    const { dir } = await oneStory();
    const result = await run(['split', '--store', dir, '--ratios', '80,10,10', '--seed', '1', '--format', 'jsonl', '--out', path.join(dir, 'parts')], '/');
    expect(result.code).toBe(0);
    expect(result.err).toBe('warning: one document cannot be split into train, dev and test; it is all in train, and dev and test are empty.\n');
    expect(result.out).toBe(`Split 1 document into 1 train, 0 dev, 0 test (seed 1) in ${path.join(dir, 'parts')}.\n`);
  });

  it('names the parts too few documents leave empty, and says nothing when every part has one', () => {
    expect(splitShortfall([80, 10, 10], { train: 2, dev: 0, test: 0 })).toBe('warning: 2 documents cannot fill every part of 80,10,10 (a document goes whole to one part): dev and test are empty.\n');
    expect(splitShortfall([80, 10, 10], { train: 1, dev: 0, test: 1 })).toBe('warning: 2 documents cannot fill every part of 80,10,10 (a document goes whole to one part): dev is empty.\n');
    expect(splitShortfall([80, 10, 10], { train: 0, dev: 0, test: 0 })).toBe('warning: the workspace has no documents to split; train, dev and test are empty.\n');
    // A part with no share is meant to be empty.
    expect(splitShortfall([50, 0, 50], { train: 1, dev: 0, test: 1 })).toBeNull();
    expect(splitShortfall([80, 10, 10], { train: 8, dev: 1, test: 1 })).toBeNull();
  });
});

// On macOS the app's folder is under the home folder whatever the environment says: not a test's to use.
describe.skipIf(process.platform === 'darwin')('the app’s workspace, without --store', () => {
  it('is used, and named on stderr; with --store nothing is said', async () => {
    const config = await ws.tempDir();
    const env = { XDG_CONFIG_HOME: config, APPDATA: config };
    const app = defaultWorkspaceDir(env);
    await oneStory(app);
    const stats = await run(['stats'], '/', env);
    expect(stats.code).toBe(0);
    expect(stats.err).toBe(`Using the app's workspace at ${app}; pass --store DIR for another.\n`);
    expect(stats.out).toContain('1 document, 1 highlight, 1 speaker');
    expect((await run(['stats', '--store', app], '/', env)).err).toBe('');
  });

  it('is named before it is found missing', async () => {
    const config = await ws.tempDir();
    const env = { XDG_CONFIG_HOME: config, APPDATA: config };
    const app = defaultWorkspaceDir(env);
    const result = await run(['stats'], '/', env);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `Using the app's workspace at ${app}; pass --store DIR for another.\n` +
        `There is no workspace in ${app} (no workspace.json). Give the folder the app uses with --store, or start one with annotator init --store "${app}".\n`,
    );
  });
});
