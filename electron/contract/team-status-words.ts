// The team sync status in words: the Team view, the top bar and `annotator sync` all say it so.
import type { TeamStatus } from './schemas/team.js';

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** "12 s ago", "5 min ago", "3 h ago", "2 days ago" from two ISO times (now given, so tests hold still). */
export function sinceWords(then: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(then)) / 1000));
  if (!Number.isFinite(seconds)) return 'a while ago';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return plural(Math.floor(seconds / 86_400), 'day', 'days') + ' ago';
}

/** One line: "Synced 2 s ago", "Offline: 14 changes waiting", "3 conflicts", "Syncing…", "First sync: 420 of 1,000", "Not linked". */
export function teamStatusWords(status: TeamStatus, now: Date = new Date()): string {
  switch (status.state) {
    case 'unlinked':
      return 'Not linked';
    case 'error':
      return status.message ?? 'The server refused the last sync.';
    case 'first-replication': {
      const done = status.progress?.done ?? 0;
      const total = status.progress?.total;
      return total == null ? `First sync: ${count(done)} documents` : `First sync: ${count(done)} of ${count(total)}`;
    }
    case 'offline':
      return status.waiting > 0 ? `Offline: ${plural(status.waiting, 'change', 'changes')} waiting` : 'Offline: nothing waiting';
    case 'syncing':
      return status.conflicts > 0 ? `Syncing… ${plural(status.conflicts, 'conflict', 'conflicts')}` : 'Syncing…';
    case 'synced':
      if (status.conflicts > 0) return plural(status.conflicts, 'conflict', 'conflicts');
      return status.lastSyncedAt ? `Synced ${sinceWords(status.lastSyncedAt, now)}` : 'Synced';
  }
}
