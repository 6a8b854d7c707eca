// Every edit is sent at once, in order, one batch at a time; whatever is still waiting when the
// page goes away is sent with the unload so a reload never loses what was on screen.
import type { Change } from '../../../electron/contract/api';
import type { AnnotatorClient } from '../api/client';

export type SaveStatus = 'saved' | 'saving' | 'failed';

const MAX_BATCH = 5000;

export class ChangeQueue {
  private waiting: Change[] = [];
  private inFlight: Promise<void> | null = null;
  private idleWaiters: (() => void)[] = [];
  private lastFailed = false;

  constructor(
    private readonly client: AnnotatorClient,
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(change: Change): void {
    const last = this.waiting[this.waiting.length - 1];
    // Typing a note sends one update per keystroke; while a save is under way only the newest matters.
    if (
      last &&
      last.kind === 'updateAnnotation' &&
      change.kind === 'updateAnnotation' &&
      last.annotationId === change.annotationId &&
      last.documentId === change.documentId
    ) {
      this.waiting[this.waiting.length - 1] = { ...last, ...change };
    } else {
      this.waiting.push(change);
    }
    this.onStatus('saving');
    this.sendNext();
  }

  get pending(): number {
    return this.waiting.length + (this.inFlight ? 1 : 0);
  }

  /** Resolves when everything pushed so far has been answered. */
  whenIdle(): Promise<void> {
    if (!this.inFlight && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Called from pagehide/beforeunload: hand the rest to the transport's unload path. */
  flushOnUnload(): void {
    if (this.waiting.length === 0) return;
    const changes = this.waiting.splice(0);
    this.client.sendOnUnload?.('applyChanges', { changes });
  }

  private sendNext(): void {
    if (this.inFlight) return;
    if (this.waiting.length === 0) {
      this.onStatus(this.lastFailed ? 'failed' : 'saved');
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.inFlight = this.client
      .applyChanges({ changes: batch })
      .then(
        () => {
          this.lastFailed = false;
        },
        (error: unknown) => {
          this.lastFailed = true;
          this.onStatus('failed');
          this.onError(error);
        },
      )
      .finally(() => {
        this.inFlight = null;
        this.sendNext();
      });
  }
}
