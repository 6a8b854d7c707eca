// What a new workspace starts with: its store format, its labels and its verdict scale.
import type { Label } from './schemas/annotations.js';
import type { Status } from './schemas/review.js';

/** 2: documents gained format, encoding, source URL and file path; annotation files gained orphans. */
export const SCHEMA_VERSION = 2;

export const DEFAULT_LABELS: Label[] = [
  { id: 'quote', name: 'Quote', color: '#f2b134', hotkey: 'q' },
  { id: 'speaker', name: 'Speaker', color: '#4aa3df', hotkey: 's' },
  { id: 'claim', name: 'Claim', color: '#e0607e', hotkey: 'c' },
];

/** The default scale: working states, then verdicts from best to worst. */
export const DEFAULT_STATUSES: Status[] = [
  { id: 'unreviewed', name: 'Unreviewed', kind: 'working', hotkey: 'u' },
  { id: 'in-progress', name: 'In progress', kind: 'working', hotkey: 'p' },
  { id: 'second-review', name: 'Needs second review', kind: 'working', hotkey: 's' },
  { id: 'true', name: 'True', kind: 'verdict', hotkey: '1' },
  { id: 'mostly-true', name: 'Mostly true', kind: 'verdict', hotkey: '2' },
  { id: 'half-true', name: 'Half true', kind: 'verdict', hotkey: '3' },
  { id: 'mostly-false', name: 'Mostly false', kind: 'verdict', hotkey: '4' },
  { id: 'false', name: 'False', kind: 'verdict', hotkey: '5' },
  { id: 'misleading', name: 'Misleading', kind: 'verdict', hotkey: '6' },
  // No place on the rating: it is no worse than False, only unknown (published by name only).
  { id: 'unverifiable', name: 'Unverifiable', kind: 'verdict', hotkey: '7', noRating: true },
];
