// Every document is read in a worker thread with a time limit and memory limits, so no file —
// a page nested 2,000 deep, a zip bomb — can stall the host or take it down; reader.ts does the
// reading itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../contract/api.js';
import { baseNameOf } from './checks.js';
import type { ReadDocument, ReadDocumentOptions } from './reader.js';
import type { ReaderReply, ReaderRequest } from './worker.js';

export * from './reader.js';

export interface ReaderLimits {
  /** How long one read may take. */
  timeMs: number;
  /** The worker's V8 heap (old generation); buffers outside it are bounded by the size checks. */
  memoryMb: number;
}

/**
 * A 50 MB file, the largest accepted, reads in about 5 s on a slow laptop; 30 s is far beyond any
 * real file. Its text as a string, normalized and copied, needs a few hundred megabytes of heap.
 */
export const READER_LIMITS: ReaderLimits = { timeMs: 30_000, memoryMb: 1024 };

export const WORKER_FILE_NAME = 'document-reader-worker.js';

/**
 * The bundle sits beside the bundle that imports this (dist/electron/main.js, cli.js, serve.js).
 * Run from the TypeScript sources (vitest), there is no bundle beside it: the test setup builds one
 * (test/setup/document-reader-worker.ts) and names it in NA_DOCUMENT_READER_WORKER.
 */
function workerFile(): string {
  const beside = fileURLToPath(new URL(`./${WORKER_FILE_NAME}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const built = process.env.NA_DOCUMENT_READER_WORKER;
  if (built) return built;
  throw new ApiError('internal', `The document reader (${WORKER_FILE_NAME}) is missing beside ${fileURLToPath(import.meta.url)}; run npm run build.`);
}

/**
 * Starting a worker costs about 200 ms (it loads every reader): an import of 1,000 files would
 * spend minutes on that alone. So a worker that read a small file is kept a few seconds for the
 * next read. One that read a big file is not: its heap is not handed on to another file.
 */
const SPARE_MS = 5_000;
const REUSE_BELOW_BYTES = 4 * 1024 * 1024;
let spare: { worker: Worker; limits: ReaderLimits; timer: NodeJS.Timeout; forget: () => void } | null = null;
let workersStarted = 0;

/** How many reader workers were started (for tests of the reuse). */
export const readerWorkersStarted = (): number => workersStarted;

function takeWorker(limits: ReaderLimits): Worker {
  if (spare && spare.limits.timeMs === limits.timeMs && spare.limits.memoryMb === limits.memoryMb) {
    const { worker, timer, forget } = spare;
    spare = null;
    clearTimeout(timer);
    // Only our own listeners: Node's Worker keeps listeners of its own that its messages need.
    worker.off('exit', forget);
    worker.off('error', forget);
    worker.ref();
    return worker;
  }
  workersStarted++;
  return new Worker(workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, limits.memoryMb / 4) },
  });
}

/** Kept for the next read, never holding the process open; at most one is kept. */
function keepSpare(worker: Worker, limits: ReaderLimits): void {
  if (spare) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const forget = () => {
    if (spare?.worker !== worker) return;
    clearTimeout(spare.timer);
    spare = null;
  };
  const timer = setTimeout(() => {
    forget();
    void worker.terminate();
  }, SPARE_MS);
  timer.unref();
  worker.on('exit', forget);
  worker.on('error', forget);
  spare = { worker, limits, timer, forget };
}

/** Reads a document of any format in a worker thread; refuses it if the read passes `limits`. */
export function readDocument(fileName: string, bytes: Uint8Array, options: ReadDocumentOptions = {}, limits: ReaderLimits = READER_LIMITS): Promise<ReadDocument> {
  const name = baseNameOf(fileName);
  return new Promise((resolve, reject) => {
    const request: ReaderRequest = { fileName, bytes, options };
    const worker = takeWorker(limits);
    let settled = false;
    const settle = (outcome: () => void, reuse = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reuse) keepSpare(worker, limits);
      else void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new ApiError('unsupported', `"${name}" took more than ${limits.timeMs >= 1000 ? `${Math.round(limits.timeMs / 1000)} seconds` : `${limits.timeMs} ms`} to read, so reading it was stopped. Save it as plain text and open that, or split it into smaller files.`)),
        ),
      limits.timeMs,
    );
    const onMessage = (reply: ReaderReply) =>
      settle(() => ('read' in reply ? resolve(reply.read) : reject(new ApiError(reply.refused.code, reply.refused.message))), bytes.byteLength < REUSE_BELOW_BYTES);
    const onError = (error: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ApiError('too-large', `"${name}" needs more memory to read than the ${limits.memoryMb} MB a document may use. Split it into smaller files and open those, or save it as plain text.`)
            : new ApiError('internal', `Reading "${name}" failed: ${error.message}`),
        ),
      );
    const onExit = () => settle(() => reject(new ApiError('internal', `Reading "${name}" stopped before it finished. Try again.`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
