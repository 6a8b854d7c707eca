// `annotator compact --store DIR [--dry-run]`: removed documents' text snapshots and annotations
// files are deleted for good (see services/store/compaction.ts); --dry-run lists what it would
// delete and writes nothing.
import { compactWorkspace, describeCompaction, formatBytes } from '../../services/store/compaction.js';
import type { CliCommand } from './command.js';
import { openStore } from './workspace.js';

export const compactCommand: CliCommand = {
  name: 'compact',
  usage: `  compact  --store DIR [--dry-run]
           Delete removed documents for good: their saved texts, highlights and
           highlight backups (a text another document uses stays). Until then a removed
           document can come back (undo, or opening its file again). --dry-run lists
           what it would delete and deletes nothing.
`,
  async run({ io, values, storeDir, locks }) {
    const dryRun = values['dry-run'] === true;
    // A dry run only reads, so it may run beside the app; the real one holds the lock.
    const store = await openStore(storeDir, dryRun ? undefined : locks);
    await store.flush();
    const plan = await compactWorkspace(store, { dryRun });
    if (plan.files.length === 0 && plan.documents.length === 0) {
      io.out('Nothing to compact: no removed document is kept in this workspace.\n');
      return 0;
    }
    const lines = plan.documents.map((doc) => `  ${doc.id}  ${doc.title}`);
    for (const file of plan.files) lines.push(`    ${file.path} (${formatBytes(file.bytes)})`);
    io.out(`${lines.join('\n')}\n${dryRun ? 'Would delete' : 'Deleted'} ${describeCompaction(plan)}.${dryRun ? ' Nothing was deleted.' : ''}\n`);
    return 0;
  },
};
