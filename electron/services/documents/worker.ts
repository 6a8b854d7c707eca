// The reader worker's entry point (bundled on its own as dist/electron/document-reader-worker.js):
// reads the documents sent to it, one at a time, and posts back each result or refusal.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../contract/api.js';
import { tooDeeplyNestedMessage } from './html.js';
import { baseNameOf } from './checks.js';
import { readDocumentHere, type ReadDocument, type ReadDocumentOptions } from './reader.js';

export interface ReaderRequest {
  fileName: string;
  bytes: Uint8Array;
  options: ReadDocumentOptions;
}

export type ReaderReply = { read: ReadDocument } | { refused: { code: ApiError['code']; message: string } };

const reply = (message: ReaderReply) => parentPort!.postMessage(message);

function read(request: ReaderRequest): void {
  readDocumentHere(request.fileName, request.bytes, request.options).then(
    (read) => reply({ read }),
    (error: unknown) => {
      if (error instanceof ApiError) return reply({ refused: { code: error.code, message: error.message } });
      // A tree deeper than any check foresaw (in mammoth's XML, say) ends here, not in a crash.
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        return reply({ refused: { code: 'unsupported', message: tooDeeplyNestedMessage(baseNameOf(request.fileName)).replace('this page', 'this file') } });
      }
      reply({ refused: { code: 'internal', message: `Reading "${baseNameOf(request.fileName)}" failed: ${error instanceof Error ? error.message : String(error)}` } });
    },
  );
}

parentPort!.on('message', read);
