// Every edit is sent at once, in order, one batch at a time. Until the host confirms a change it
// is also kept in an outbox (localStorage), so a reload, a closed window or a host that is not
// answering never loses what was on screen: the outbox is sent again when the window opens.
import type { Change, ChangeRefusal } from '../../../electron/contract/window-api';
import { ApiError } from '../../../electron/contract/errors';
import type { AnnotatorClient } from '../api/client';

/** 'disk-full': the host's disk is full; the changes wait in the outbox and are sent again. */
export type SaveStatus = 'saved' | 'saving' | 'failed' | 'disk-full';

const MAX_BATCH = 5000;
/** How long to wait before trying again when the host does not answer or could not write. */
export const RETRY_MS = 3000;

/** Answers that saved nothing of the batch: it is kept and sent again, never dropped. */
const NOT_SAVED = new Set(['unreachable', 'disk-full', 'write-failed']);

/** Where unconfirmed changes wait; localStorage in the app, memory in tests. */
export interface Outbox {
  load(): Change[];
  save(changes: readonly Change[]): void;
}

export function localStorageOutbox(key: string, storage: Storage = window.localStorage): Outbox {
  return {
    load() {
      try {
        const stored = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
        return Array.isArray(stored) ? (stored as Change[]) : [];
      } catch {
        return [];
      }
    },
    save(changes) {
      try {
        if (changes.length === 0) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify(changes));
      } catch {
        // A full or disabled storage only loses the safety net, not the save itself.
      }
    },
  };
}

export interface RefusedChange extends ChangeRefusal {
  change: Change;
}

export interface ChangeQueueEvents {
  onStatus(status: SaveStatus): void;
  /** The host did not answer, or could not write them (a full disk); the changes are kept and sent again. */
  onUnreachable(error: unknown): void;
  /** The host refused these changes (the rest were saved). */
  onRefused(refused: RefusedChange[]): void;
}

function sameTarget(a: Change, b: Change): boolean {
  return a.kind === 'updateAnnotation' && b.kind === 'updateAnnotation' && a.annotationId === b.annotationId && a.documentId === b.documentId;
}

/** Two updates of one highlight as one; claim fields are merged, not replaced. */
function foldUpdates(earlier: Change, later: Change): Change {
  if (earlier.kind !== 'updateAnnotation' || later.kind !== 'updateAnnotation') return later;
  const claim = earlier.claim || later.claim ? { ...earlier.claim, ...later.claim } : undefined;
  return { ...earlier, ...later, ...(claim && { claim }) };
}

export class ChangeQueue {
  private waiting: Change[] = [];
  private inFlight: Change[] | null = null;
  private idleWaiters: (() => void)[] = [];
  /** Refused changes whose document has not been reloaded since. */
  private refusedUnsynced = false;
  /** Why the last batch was not saved, while it waits to be sent again. */
  private notSaved: 'failed' | 'disk-full' | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private outbox: Outbox | null = null;
  /** Handed to the unload send; unconfirmed, so they stay in the outbox for the next start. */
  private readonly sentOnUnload: Change[] = [];
  /** Changes sent again from an earlier session: their refusals are old news, not errors. */
  private readonly replayed = new WeakSet<Change>();

  constructor(
    private readonly client: AnnotatorClient,
    private readonly events: ChangeQueueEvents,
  ) {}

  /** Keeps unconfirmed changes in `outbox`, and sends again what an earlier session left there. */
  attachOutbox(outbox: Outbox): void {
    this.outbox = outbox;
    const left = outbox.load();
    for (const change of left) this.replayed.add(change);
    this.waiting = [...left, ...this.waiting];
    this.persist();
    if (this.waiting.length) this.sendNext();
  }

  push(change: Change): void {
    const last = this.waiting[this.waiting.length - 1];
    // Typing a note sends one update per keystroke; while a save is under way only the newest matters.
    if (last && sameTarget(last, change)) this.waiting[this.waiting.length - 1] = foldUpdates(last, change);
    else this.waiting.push(change);
    this.persist();
    this.sendNext();
  }

  /** Several changes sent together, as one batch (a bulk edit is saved or refused as one). */
  pushAll(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    this.waiting.push(...changes);
    this.persist();
    this.sendNext();
  }

  get pending(): number {
    return this.waiting.length + (this.inFlight ? this.inFlight.length : 0);
  }

  /** Resolves when everything pushed so far has been answered. */
  whenIdle(): Promise<void> {
    if (!this.inFlight && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The screen was reloaded from the host after a refusal: what it shows is saved again. */
  resynced(): void {
    this.refusedUnsynced = false;
    this.reportStatus();
  }

  /** Called from pagehide/beforeunload: hand the rest to the transport's unload path. */
  flushOnUnload(): void {
    if (this.waiting.length === 0) return;
    const changes = this.waiting.splice(0);
    // Kept in the outbox: if this last send does not arrive, the next start sends them again.
    this.sentOnUnload.push(...changes);
    this.persist();
    this.client.sendOnUnload?.('applyChanges', { changes });
  }

  private persist(): void {
    // In the order they were made: the batch in flight went out before the unload send.
    this.outbox?.save([...(this.inFlight ?? []), ...this.sentOnUnload, ...this.waiting]);
  }

  private reportStatus(): void {
    if (this.notSaved === 'disk-full') return this.notify(() => this.events.onStatus('disk-full'));
    const failed = this.refusedUnsynced || this.notSaved !== null;
    this.notify(() => this.events.onStatus(failed ? 'failed' : this.inFlight || this.waiting.length ? 'saving' : 'saved'));
  }

  /** A listener that throws is a bug of its own: it must not stop the changes after it. */
  private notify(tell: () => void): void {
    try {
      tell();
    } catch (error) {
      console.error('[annotator] a save-status listener failed:', error);
    }
  }

  private sendNext(): void {
    if (this.inFlight || this.retryTimer) return this.reportStatus();
    if (this.waiting.length === 0) {
      this.reportStatus();
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.inFlight = batch;
    this.reportStatus();
    let answer: ReturnType<AnnotatorClient['applyChanges']>;
    try {
      answer = this.client.applyChanges({ changes: batch });
    } catch (error) {
      // Thrown before sending (not answered later): handled like any other failed send.
      answer = Promise.reject(error);
    }
    answer.then(
      ({ refused }) => {
        this.notSaved = null;
        this.settle(batch, refused);
      },
      (error: unknown) => {
        if (error instanceof ApiError && !NOT_SAVED.has(error.code)) {
          // The host answered but would not take the batch at all: each change is refused.
          this.settle(batch, batch.map((_, index) => ({ index, code: error.code, message: error.message })));
          return;
        }
        // Not answered, or nothing written: keep the batch first in line and try again shortly.
        this.inFlight = null;
        this.waiting = [...batch, ...this.waiting];
        this.persist();
        this.notSaved = error instanceof ApiError && error.code === 'disk-full' ? 'disk-full' : 'failed';
        this.notify(() => this.events.onUnreachable(error));
        this.reportStatus();
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.sendNext();
        }, RETRY_MS);
      },
    );
  }

  private settle(batch: Change[], refused: ChangeRefusal[]): void {
    this.inFlight = null;
    this.persist();
    const fresh = refused.filter((r) => batch[r.index] && !this.replayed.has(batch[r.index]!));
    if (fresh.length) {
      this.refusedUnsynced = true;
      this.notify(() => this.events.onRefused(fresh.map((r) => ({ ...r, change: batch[r.index]! }))));
    }
    this.sendNext();
  }
}
