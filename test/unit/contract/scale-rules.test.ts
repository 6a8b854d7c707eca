// Every word the verdict scale's rules can say: the dialog shows these and the service refuses with them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, SCALE_LIMITS, type Status } from '../../../electron/contract/api.js';
import { SCALE_COUNT_PROBLEMS, scaleProblem, statusKeyProblem, statusNameProblem, statusesInUseProblem } from '../../../electron/contract/scale-rules.js';

const verdict = (id: string, name: string, hotkey?: string): Status => ({ id, name, kind: 'verdict', ...(hotkey && { hotkey }) });
const unreviewed = DEFAULT_STATUSES[0]!;

describe('verdict scale rules', () => {
  it('accepts the default scale and a short one of its own', () => {
    expect(scaleProblem(DEFAULT_STATUSES)).toBeNull();
    expect(scaleProblem([unreviewed, verdict('true', 'Accurate')])).toBeNull();
  });

  it('bounds the number of statuses, with the words the schema uses too', () => {
    expect(SCALE_LIMITS.statuses.min).toBe(2);
    expect(scaleProblem([unreviewed])).toBe('A scale needs at least two statuses.');
    expect(scaleProblem([unreviewed])).toBe(SCALE_COUNT_PROBLEMS.tooFew);
    const many = [unreviewed, ...Array.from({ length: 30 }, (_, i) => verdict(`v${i}`, `Verdict ${i}`))];
    expect(scaleProblem(many)).toBe('A scale can hold at most 30 statuses.');
  });

  it('says what is wrong with a status’s name or key', () => {
    expect(statusNameProblem(' True ')).toBeNull();
    expect(statusNameProblem(' ')).toBe('Every status needs a name.');
    expect(statusNameProblem('x'.repeat(61))).toBe('A status’s name can hold at most 60 characters.');
    expect(statusKeyProblem('1')).toBeNull();
    for (const bad of ['', 'A', '12', '!']) expect(statusKeyProblem(bad)).toBe('A status’s key is one lower-case letter or digit.');
    expect(scaleProblem([unreviewed, verdict('true', '  ')])).toBe('Every status needs a name.');
    expect(scaleProblem([unreviewed, { ...verdict('true', 'True'), hotkey: 'T' }])).toBe('A status’s key is one lower-case letter or digit.');
  });

  it('needs a working state first and a verdict somewhere', () => {
    expect(scaleProblem([verdict('true', 'True'), unreviewed])).toBe('The first status is where new claims start, so the scale must start with a working state, not a verdict.');
    expect(scaleProblem([unreviewed, { ...unreviewed, id: 'checking', name: 'Checking', hotkey: 'c' }])).toBe('The scale needs at least one verdict.');
  });

  it('refuses two statuses with one id, one name or one key, and a key the desk uses', () => {
    expect(scaleProblem([unreviewed, verdict('true', 'True'), verdict('true', 'Accurate')])).toBe('Two statuses on the scale share an id; give each its own.');
    expect(scaleProblem([unreviewed, verdict('true', 'True'), verdict('x', ' true ')])).toBe('There are two statuses called “true”.');
    expect(scaleProblem([unreviewed, verdict('true', 'True', '1'), verdict('x', 'Satire', '1')])).toBe('1 is the key of both True and Satire; give one another key.');
    expect(scaleProblem([unreviewed, verdict('true', 'True', 'k')])).toBe('True: K is taken by the desk (J, K, N and X are); choose another key.');
  });

  it('keeps a status some claims still have, when told which were removed', () => {
    const withoutFalse = DEFAULT_STATUSES.filter((s) => s.id !== 'false');
    expect(scaleProblem(withoutFalse)).toBeNull();
    expect(scaleProblem(withoutFalse, new Map([['false', 1]]), ['false'])).toBe('1 claim has the status you removed; give it another status first.');
    expect(statusesInUseProblem(new Map([['false', 2]]), ['false'])).toBe('2 claims have the status you removed; give them another status first.');
    expect(statusesInUseProblem(new Map([['false', 0]]), ['false'])).toBeNull();
  });
});
