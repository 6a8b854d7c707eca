// Runs the suggester in a worker thread, one per request, ended when the answer is no longer
// wanted (the window opened another document) or when it passes its time or memory limit.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../contract/api.js';
import type { SuggesterReply, SuggesterRequest } from './worker.js';
import type { KnownSpeaker, Suggestions } from './types.js';

export const SUGGESTIONS_WORKER_FILE = 'suggestions-worker.js';
export const SUGGESTER_LIMITS = { timeMs: 60_000, memoryMb: 1024 };

/** Beside the bundle that imports this; tests name the one they built in NA_SUGGESTIONS_WORKER. */
function workerFile(): string {
  const beside = fileURLToPath(new URL(`./${SUGGESTIONS_WORKER_FILE}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const built = process.env.NA_SUGGESTIONS_WORKER;
  if (built) return built;
  throw new ApiError('internal', `The suggester (${SUGGESTIONS_WORKER_FILE}) is missing beside ${fileURLToPath(import.meta.url)}; run npm run build.`);
}

export const cancelledRun = () => new ApiError('cancelled', 'Suggesting was stopped: another document was opened.');

export function suggestInWorker(text: string, speakers: readonly KnownSpeaker[], limits = SUGGESTER_LIMITS, signal?: AbortSignal): Promise<Suggestions> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledRun());
    const worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } });
    const done = (outcome: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const onAbort = () => done(() => reject(cancelledRun()));
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(
      () => done(() => reject(new ApiError('too-large', `Suggesting took longer than ${limits.timeMs / 1000} s and was stopped; try a shorter document.`))),
      limits.timeMs,
    );
    worker.on('message', (reply: SuggesterReply) => done(() => ('found' in reply ? resolve(reply.found) : reject(new ApiError('internal', `The suggester failed: ${reply.failed}`)))));
    worker.on('error', (error) => done(() => reject(new ApiError('too-large', `The suggester stopped: ${error.message}. Try a shorter document.`))));
    worker.on('exit', (code) => done(() => reject(new ApiError('internal', `The suggester ended (exit ${code}) before answering.`))));
    worker.postMessage({ text, speakers: [...speakers] } satisfies SuggesterRequest);
  });
}
