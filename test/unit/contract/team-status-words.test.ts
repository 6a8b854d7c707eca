import { describe, expect, it } from 'vitest';
import type { TeamStatus } from '../../../electron/contract/api.js';
import { teamStatusWords } from '../../../electron/contract/team-status-words.js';

const now = new Date('2025-03-01T12:00:10Z');
const base: TeamStatus = { state: 'synced', url: 'https://couch.example.org/news', username: 'ben', lastSyncedAt: '2025-03-01T12:00:08Z', waiting: 0, conflicts: 0, quarantined: 0, progress: null, message: null };
const words = (patch: Partial<TeamStatus>) => teamStatusWords({ ...base, ...patch }, now);

describe('teamStatusWords: the live status, as the window and the CLI say it', () => {
  it('says each state in the issue’s words', () => {
    expect(words({})).toBe('Synced 2 s ago');
    expect(words({ lastSyncedAt: '2025-03-01T11:55:00Z' })).toBe('Synced 5 min ago');
    expect(words({ state: 'offline', waiting: 14 })).toBe('Offline: 14 changes waiting');
    expect(words({ state: 'offline', waiting: 1 })).toBe('Offline: 1 change waiting');
    expect(words({ conflicts: 3 })).toBe('3 conflicts');
    expect(words({ state: 'syncing' })).toBe('Syncing…');
    expect(words({ state: 'first-replication', progress: { done: 420, total: 1000 } })).toBe('First sync: 420 of 1,000');
    expect(words({ state: 'unlinked', url: null, username: null, lastSyncedAt: null })).toBe('Not linked');
  });

  it('says an error by its message', () => {
    expect(words({ state: 'error', message: 'The server refused the password for ben.' })).toBe('The server refused the password for ben.');
  });
});
