// A label's rules, written once: the Labels dialog shows these words before it sends anything,
// and the service refuses with the same. Plain functions, so the renderer can use them without zod.
import { RESERVED_KEYS } from './keys.js';
import { MAX_LABEL_NAME_LENGTH } from './limits.js';

/** What the rules read of a label: the contract's Label has this shape. */
export interface LabelFields {
  id: string;
  name: string;
  color: string;
  hotkey: string;
}

/** Their ids carry meaning (quotes have speakers, claims have verdicts), so they stay. */
export const BUILT_IN_LABEL_IDS: readonly string[] = ['quote', 'speaker', 'claim'];

export const isBuiltInLabel = (labelId: string) => BUILT_IN_LABEL_IDS.includes(labelId);

/** Names are compared trimmed and without case: "Quote" and " quote" are one label. */
const nameKey = (name: string) => name.trim().toLowerCase();

export function labelNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A label needs a name.';
  if (trimmed.length > MAX_LABEL_NAME_LENGTH) return `A label’s name can hold at most ${MAX_LABEL_NAME_LENGTH} characters.`;
  return null;
}

export function labelColourProblem(color: string): string | null {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? null : 'A label’s colour is written #rrggbb.';
}

/** A key of its own, and none the editor uses for itself. */
export function labelKeyProblem(key: string): string | null {
  if (!/^[a-z0-9]$/.test(key)) return 'A label’s key is one lower-case letter or digit.';
  if (RESERVED_KEYS.includes(key)) return `${key.toUpperCase()} is taken by the editor; choose another key.`;
  return null;
}

/** What is wrong with a label among the workspace's labels (itself among them or not), in words; null when nothing is. */
export function labelProblem(label: LabelFields, labels: readonly LabelFields[]): string | null {
  const fieldProblem = labelNameProblem(label.name) ?? labelColourProblem(label.color) ?? labelKeyProblem(label.hotkey);
  if (fieldProblem) return fieldProblem;
  const others = labels.filter((l) => l.id !== label.id);
  if (others.some((l) => nameKey(l.name) === nameKey(label.name))) return `There is already a label called "${label.name.trim()}".`;
  const clash = others.find((l) => l.hotkey === label.hotkey);
  if (clash) return `${label.hotkey.toUpperCase()} already labels ${clash.name}; choose another key.`;
  return null;
}

/**
 * Why a label cannot be deleted, or null. `highlightsUsingIt` counts them across the workspace;
 * a built-in label is refused before anything is counted.
 */
export function labelDeletionProblem(labelId: string, highlightsUsingIt = 0): string | null {
  if (isBuiltInLabel(labelId)) return 'Quote, Speaker and Claim are built in; rename or recolour them instead.';
  const n = highlightsUsingIt;
  if (n > 0) return `${n} highlight${n === 1 ? ' uses' : 's use'} this label; relabel or delete ${n === 1 ? 'it' : 'them'} first.`;
  return null;
}
