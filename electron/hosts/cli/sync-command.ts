// `annotator sync`: the workspace with its team's CouchDB database, once or live. The password
// comes from ANNOTATOR_SYNC_USER / ANNOTATOR_SYNC_PASSWORD, or the address (user:pw@, stripped
// before anything is saved or printed); it is never printed, nor kept on disk by the CLI.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AnnotatorService } from '../../services/annotator-service.js';
import { memoryCredentials, SyncFailure, TeamSync } from '../../services/sync/team-sync.js';
import { scrub } from '../../services/sync/remote.js';
import type { CliCommand } from './command.js';
import { UsageError } from './options.js';
import { openStore } from './workspace.js';

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: `  sync     --store DIR [--remote URL] [--live] [--json] [--allow-insecure]
           Pull and push the workspace with its team's CouchDB database (https, or http on
           this machine); exit 0 once both sides hold the same data. The password comes from
           ANNOTATOR_SYNC_USER and ANNOTATOR_SYNC_PASSWORD, user:password@ in URL, or a prompt
           at a terminal; a linked workspace remembers the address. --live keeps syncing
           until stopped.
`,
  async run({ io, values, storeDir, locks }) {
    const env = io.env ?? process.env;
    let username = env.ANNOTATOR_SYNC_USER ?? '';
    let password = env.ANNOTATOR_SYNC_PASSWORD ?? '';
    let url = values.remote;
    if (url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new UsageError('--remote must be a web address, for example https://couch.example.org/newsroom.');
      }
      if (parsed.username) username = decodeURIComponent(parsed.username);
      if (parsed.password) password = decodeURIComponent(parsed.password);
      parsed.username = '';
      parsed.password = '';
      url = parsed.toString();
    } else {
      try {
        url = (JSON.parse(await fs.readFile(path.join(storeDir, 'sync', 'link.json'), 'utf8')) as { url: string }).url;
      } catch {
        throw new UsageError('sync needs --remote URL the first time (the workspace is not linked yet).');
      }
    }
    // At a terminal, what the environment and the address did not give is asked for.
    if (!username && io.ask) username = (await io.ask('User name: ')).trim();
    if (!password && io.ask) password = await io.ask(`Password for ${username || 'that user'}: `, { hidden: true });
    if (!username || !password) throw new UsageError('sync needs a user name and password: set ANNOTATOR_SYNC_USER and ANNOTATOR_SYNC_PASSWORD, put them in the address, or run it at a terminal to be asked.');
    const secrets = [password];
    const say = (text: string) => scrub(text, secrets);
    const store = await openStore(storeDir, locks);
    const engine = new TeamSync(new AnnotatorService(store, 'browser'), memoryCredentials());
    try {
      const linked = await engine.link({ url, username, password, allowInsecure: values['allow-insecure'] === true });
      if (linked.state !== 'synced') {
        io.err(`${say(linked.message ?? 'The link was refused.')}\n`);
        return 1;
      }
      if (linked.message) io.err(`${say(linked.message)}\n`);
      if (values.live) {
        engine.onStatus((status) => io.out(`${new Date().toISOString()} ${status.state}${status.message ? `: ${say(status.message)}` : ''} (waiting ${status.waiting}, conflicts ${status.conflicts})\n`));
        engine.startLive();
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        return 0;
      }
      const result = await engine.syncOnce();
      if (values.json) io.out(`${JSON.stringify(result)}\n`);
      else io.out(`Synced with ${url}: ${result.pushed} pushed, ${result.pulled} pulled, ${result.conflicts} in conflict.\n`);
      return 0;
    } catch (error) {
      if (error instanceof SyncFailure) {
        io.err(`${say(error.status.message ?? 'The sync did not finish.')}\n`);
        return 1;
      }
      throw new Error(say((error as Error).message));
    } finally {
      await engine.close();
      await store.flush();
    }
  },
};
