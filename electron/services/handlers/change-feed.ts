// A numbered feed of things that happened (a team status change, team changes arriving), for a
// window that asks "what came after the version I hold?": answered at once when something did,
// else at the next one, else as it is after a wait. So the window is live without polling.
export interface FeedAnswer<T> {
  version: number;
  /** What came after the version asked about, oldest first; null when the feed no longer reaches back that far. */
  items: T[] | null;
}

export class ChangeFeed<T> {
  private version = 0;
  private readonly log: { version: number; item: T }[] = [];
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly waitMs: number,
    /** How many items are kept to answer a window that fell behind. */
    private readonly keep = 200,
  ) {}

  note(item: T): void {
    this.version++;
    this.log.push({ version: this.version, item });
    if (this.log.length > this.keep) this.log.shift();
    for (const wake of [...this.waiting]) wake();
  }

  get current(): number {
    return this.version;
  }

  /** What came after `after`; waits for it when nothing has yet. An `after` this feed never gave (a restarted host) is answered at once. */
  async after(after: number): Promise<FeedAnswer<T>> {
    if (after === this.version) await this.next();
    return { version: this.version, items: this.since(after) };
  }

  private since(after: number): T[] | null {
    if (after > this.version) return null;
    const first = this.log[0];
    if (after < this.version && (!first || first.version > after + 1)) return null;
    return this.log.filter((entry) => entry.version > after).map((entry) => entry.item);
  }

  private next(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.waitMs);
      this.waiting.add(wake);
    });
  }
}
