import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { colourWarning, labelProblem } from '../../../renderer/src/components/LabelsDialog.js';

describe('labelProblem', () => {
  const statistic = { id: 'statistic', name: 'Statistic', color: '#2e7d32', hotkey: 't' };
  it('accepts a new label with a free key, and says what is wrong otherwise', () => {
    expect(labelProblem(statistic, [...DEFAULT_LABELS, statistic])).toBeNull();
    expect(labelProblem({ ...statistic, hotkey: 'q' }, DEFAULT_LABELS)).toBe('Q already labels Quote; choose another key.');
    expect(labelProblem({ ...statistic, hotkey: 'e' }, DEFAULT_LABELS)).toBe('E is taken by the editor; choose another key.');
    expect(labelProblem({ ...statistic, name: 'quote' }, DEFAULT_LABELS)).toBe('There is already a label called "quote".');
    expect(labelProblem({ ...statistic, name: ' ' }, DEFAULT_LABELS)).toBe('A label needs a name.');
  });
});

describe('colourWarning', () => {
  it('warns of colours that vanish on a theme’s page, and not of the built-in ones', () => {
    for (const label of DEFAULT_LABELS) expect(colourWarning(label.color)).toBeNull();
    expect(colourWarning('#ffff66')).toMatch(/light theme/);
    expect(colourWarning('#000000')).toMatch(/dark theme/);
  });
});
