// The suggester's worker entry point (bundled on its own as dist/electron/suggestions-worker.js):
// a 5 MB transcript takes seconds, and the host must keep answering saves meanwhile.
import { parentPort } from 'node:worker_threads';
import { suggest } from './suggest.js';
import type { KnownSpeaker, Suggestions } from './types.js';

export interface SuggesterRequest {
  text: string;
  speakers: KnownSpeaker[];
}

export type SuggesterReply = { found: Suggestions } | { failed: string };

parentPort!.on('message', (request: SuggesterRequest) => {
  try {
    parentPort!.postMessage({ found: suggest(request.text, { speakers: request.speakers }) } satisfies SuggesterReply);
  } catch (error) {
    parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies SuggesterReply);
  }
});
