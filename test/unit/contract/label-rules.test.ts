// Every word the label rules can say: the Labels dialog shows these and the service refuses with them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, RESERVED_KEYS } from '../../../electron/contract/api.js';
import {
  BUILT_IN_LABEL_IDS,
  isBuiltInLabel,
  labelColourProblem,
  labelDeletionProblem,
  labelKeyProblem,
  labelNameProblem,
  labelProblem,
} from '../../../electron/contract/label-rules.js';

const statistic = { id: 'statistic', name: 'Statistic', color: '#2e7d32', hotkey: 't' };

describe('label rules', () => {
  it('keeps one list of built-in labels, the ones a new workspace starts with', () => {
    expect(BUILT_IN_LABEL_IDS).toEqual(DEFAULT_LABELS.map((l) => l.id));
    expect(isBuiltInLabel('claim')).toBe(true);
    expect(isBuiltInLabel('statistic')).toBe(false);
  });

  it('says what is wrong with a name', () => {
    expect(labelNameProblem('Statistic')).toBeNull();
    expect(labelNameProblem('  ')).toBe('A label needs a name.');
    expect(labelNameProblem('x'.repeat(61))).toBe('A label’s name can hold at most 60 characters.');
    expect(labelNameProblem(` ${'x'.repeat(60)} `)).toBeNull();
  });

  it('says what is wrong with a colour', () => {
    expect(labelColourProblem('#2E7d32')).toBeNull();
    expect(labelColourProblem('green')).toBe('A label’s colour is written #rrggbb.');
  });

  it('says what is wrong with a key, naming a key the editor keeps', () => {
    expect(labelKeyProblem('t')).toBeNull();
    expect(labelKeyProblem('7')).toBeNull();
    for (const bad of ['', 'T', 'tt', '?', ' ']) expect(labelKeyProblem(bad)).toBe('A label’s key is one lower-case letter or digit.');
    for (const key of RESERVED_KEYS.filter((k) => /^[a-z0-9]$/.test(k))) expect(labelKeyProblem(key)).toBe(`${key.toUpperCase()} is taken by the editor; choose another key.`);
  });

  it('checks a label among the others: its fields, a name taken, a key taken', () => {
    expect(labelProblem(statistic, [...DEFAULT_LABELS, statistic])).toBeNull();
    // Saving a label again as it is, or renamed in case only, is no clash with itself.
    expect(labelProblem({ ...statistic, name: 'STATISTIC' }, [...DEFAULT_LABELS, statistic])).toBeNull();
    expect(labelProblem({ ...statistic, name: '' }, DEFAULT_LABELS)).toBe('A label needs a name.');
    expect(labelProblem({ ...statistic, color: 'red' }, DEFAULT_LABELS)).toBe('A label’s colour is written #rrggbb.');
    expect(labelProblem({ ...statistic, hotkey: 'a' }, DEFAULT_LABELS)).toBe('A is taken by the editor; choose another key.');
    expect(labelProblem({ ...statistic, name: ' claim ' }, DEFAULT_LABELS)).toBe('There is already a label called "claim".');
    expect(labelProblem({ ...statistic, hotkey: 's' }, DEFAULT_LABELS)).toBe('S already labels Speaker; choose another key.');
    // A field's problem comes first, as the schema finds it before the service looks at the others.
    expect(labelProblem({ ...statistic, name: 'Quote', hotkey: 'e' }, DEFAULT_LABELS)).toBe('E is taken by the editor; choose another key.');
  });

  it('says why a label cannot be deleted', () => {
    expect(labelDeletionProblem('statistic')).toBeNull();
    expect(labelDeletionProblem('statistic', 0)).toBeNull();
    expect(labelDeletionProblem('quote')).toBe('Quote, Speaker and Claim are built in; rename or recolour them instead.');
    expect(labelDeletionProblem('statistic', 1)).toBe('1 highlight uses this label; relabel or delete it first.');
    expect(labelDeletionProblem('statistic', 3)).toBe('3 highlights use this label; relabel or delete them first.');
  });
});
