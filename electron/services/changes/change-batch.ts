// One applyChanges batch: each change made on its own (a refusal is reported, the rest still
// apply), and what the batch touched, for the hooks that follow it onto disk (team sync).
import { ApiError, parseChange, type Caller, type ChangeRefusal } from '../../contract/api.js';
import { StoreFileError } from '../store/durable-json-file.js';
import { isWriteFailure } from '../store/write-failures.js';
import type { ChangeInterpreter } from './apply-change.js';

/** What a durable batch touched: its documents' highlights, or all of them (a speaker merge, an import). */
export type TouchedEntities = { documentIds: string[] | 'all'; mergedSpeakers?: Record<string, string> };

export function touchedBy(changes: readonly unknown[]): TouchedEntities {
  const ids = new Set<string>();
  const mergedSpeakers: Record<string, string> = {};
  let all = false;
  for (const change of changes) {
    const { kind, documentId, survivorId, mergedId } = (change ?? {}) as { kind?: string; documentId?: unknown; survivorId?: unknown; mergedId?: unknown };
    if (kind === 'mergeSpeakers' && typeof survivorId === 'string' && typeof mergedId === 'string') mergedSpeakers[mergedId] = survivorId;
    if (kind === 'mergeSpeakers' || kind === 'restoreDocument') all = true;
    if (typeof documentId === 'string') ids.add(documentId);
  }
  return { documentIds: all ? 'all' : [...ids], mergedSpeakers };
}

/** Makes each change in memory; the writes they scheduled are returned, not awaited. */
export async function applyEach(interpreter: ChangeInterpreter, changes: readonly unknown[], caller?: Caller) {
  const writes = new Set<Promise<void>>();
  const refused: ChangeRefusal[] = [];
  let applied = 0;
  for (const [index, raw] of changes.entries()) {
    try {
      for (const write of await interpreter.apply(parseChange(raw), caller)) writes.add(write);
      applied++;
    } catch (error) {
      // A store file this change needs that cannot be read (it names the file and what to do)
      // refuses this change alone.
      if (error instanceof StoreFileError) {
        refused.push({ index, code: 'store-error', message: error.message });
        continue;
      }
      // Anything but a refusal of this one change is ours, and fails the call.
      if (!(error instanceof ApiError)) throw error;
      if (isWriteFailure(error)) {
        // Not a refusal of the change: the whole batch fails, to be sent again.
        const failed = Promise.reject(error);
        failed.catch(() => undefined);
        writes.add(failed);
        continue;
      }
      refused.push({ index, code: error.code, message: error.message });
    }
  }
  return { applied, refused, writes };
}
