// Commands on the workspace itself: start one, merge a colleague's, count it, check it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkJournal } from '../../services/store/annotations-journal.js';
import { counted, type CliCommand } from './command.js';
import { UsageError } from './options.js';
import { createdLine, createStore, handlersFor, openStore } from './workspace.js';

export const initCommand: CliCommand = {
  name: 'init',
  usage: `  init     --store DIR
           Start an empty workspace in DIR (made if missing); refused where one is already.
`,
  async run({ io, positionals, storeDir, locks }) {
    if (positionals.length) throw new UsageError(`init takes only --store DIR, not "${positionals[0]}".`);
    await createStore(storeDir, locks, 'refuse');
    io.out(createdLine(storeDir));
    return 0;
  },
};

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: `  stats    --store DIR [--json]
           Documents, highlights by label, speakers.
`,
  async run({ io, values, storeDir }) {
    const store = await openStore(storeDir);
    const byLabel = new Map<string, number>();
    let highlights = 0;
    for (const doc of store.data.documents) {
      for (const a of await store.annotations(doc)) {
        highlights++;
        const name = store.data.labels.find((l) => l.id === a.labelId)?.name ?? a.labelId;
        byLabel.set(name, (byLabel.get(name) ?? 0) + 1);
      }
    }
    const stats = { documents: store.data.documents.length, highlights, byLabel: Object.fromEntries(byLabel), speakers: store.data.speakers.length };
    if (values.json) io.out(`${JSON.stringify(stats, null, 2)}\n`);
    else {
      io.out(`${counted(stats.documents, 'document')}, ${counted(highlights, 'highlight')}, ${counted(stats.speakers, 'speaker')}\n`);
      for (const [name, count] of byLabel) io.out(`  ${name}: ${count}\n`);
    }
    return 0;
  },
};

export const mergeCommand: CliCommand = {
  name: 'merge',
  usage: `  merge    --store DIR OTHER_DIR
           Bring in a colleague's workspace: documents matched by their text, highlights
           keep their authors, and merging twice adds nothing more.
`,
  async run({ io, positionals, storeDir, locks }) {
    const otherDir = positionals[0];
    if (!otherDir) throw new UsageError('merge needs the other workspace folder: annotator merge --store DIR OTHER_DIR');
    const store = await openStore(storeDir, locks);
    const report = (await handlersFor(store, io, { otherDir: path.resolve(io.cwd, otherDir) }).handlers.mergeWorkspaceWithDialog())!;
    await store.flush();
    io.out(
      `Merged ${path.resolve(io.cwd, otherDir)}: ${counted(report.documentsAdded, 'document')} added, ${report.documentsMatched} matched; ` +
        `${counted(report.highlightsAdded, 'highlight')} added, ${report.highlightsAlreadyThere} already there; ` +
        `${counted(report.speakersAdded, 'speaker')} and ${counted(report.labelsAdded, 'label')} added.\n`,
    );
    return 0;
  },
};

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: `  validate --store DIR
           Every store file parses, every journal line (annotations/<doc>.journal.jsonl)
           follows the one before and fits its text, and every highlight's text matches
           its document.
`,
  async run({ io, storeDir }) {
    const store = await openStore(storeDir);
    const problems: string[] = [];
    for (const doc of store.data.documents) {
      let text: string;
      try {
        text = await store.readText(doc);
      } catch {
        problems.push(`${doc.id}: its text snapshot texts/${doc.textHash}.txt is missing.`);
        continue;
      }
      // Each journal line on its own (what the store replays), by file and line.
      const journal = store.journalFile(doc.id);
      const lines = await fs.readFile(journal, 'utf8').catch(() => null);
      if (lines !== null) {
        const name = path.relative(store.dir, journal).split(path.sep).join('/');
        for (const { line, message } of checkJournal(lines, doc.textHash, text.length)) problems.push(`${name} line ${line}: ${message}.`);
      }
      for (const a of await store.annotations(doc)) {
        if (text.slice(a.start, a.end) !== a.text) problems.push(`${doc.id} ${a.id}: the text at ${a.start}–${a.end} is not "${a.text}".`);
      }
    }
    // A damaged file (a journal that does not carry on from its file, say) is shown from a backup.
    if (store.problem) problems.push(`${store.problem.fileName}: ${store.problem.message}`);
    for (const problem of problems) io.err(`${problem}\n`);
    io.out(problems.length ? `${counted(problems.length, 'problem')} found.\n` : 'Every store file parses and every highlight matches its text.\n');
    return problems.length ? 1 : 0;
  },
};
