// What the status line says an undo or a redo took back or made again.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Annotation } from '../../../electron/contract/api.js';
import { combine, createStep, deleteStep, History, speakerStep, updateStep } from '../../../renderer/src/state/history.js';
import { stepName } from '../../../renderer/src/state/step-names.js';
import { asOneStep } from '../../../renderer/src/curation/curation-steps.js';

const quote: Annotation = { id: 'a1', documentId: 'doc-1', labelId: 'quote', start: 0, end: 4, text: 'Text', prefix: '', suffix: '', speakerId: null, note: '', author: '', createdAt: 't0', updatedAt: 't0' };
const speaker = { id: 'spk-1', name: 'Robert Wood', aliases: [], role: '', organisation: '', notes: '', createdAt: 't0' };

describe('stepName', () => {
  it('names a highlight made, deleted, or changed field by field', () => {
    expect(stepName(createStep(quote), DEFAULT_LABELS)).toBe('new Quote');
    expect(stepName(deleteStep({ ...quote, labelId: 'claim' }), DEFAULT_LABELS)).toBe('Claim deleted');
    expect(stepName(updateStep(quote, { ...quote, note: 'x' }, { note: 'x' }), DEFAULT_LABELS)).toBe('Quote’s note');
    expect(stepName(updateStep(quote, { ...quote, labelId: 'claim' }, { labelId: 'claim' }), DEFAULT_LABELS)).toBe('Quote relabelled');
    const linked = updateStep(quote, { ...quote, speakerId: speaker.id }, { speakerId: speaker.id });
    expect(stepName(combine([speakerStep(speaker), linked]), DEFAULT_LABELS)).toBe('new speaker Robert Wood');
  });

  it('names a curation step as the editor took it, not by its first change (a delete of the curated highlight it replaced)', () => {
    const curated: Annotation = { ...quote, id: 'cur-1', layer: 'curated', curatedFrom: [{ annotationId: 'a1', author: 'Ana' }] };
    const replaced = asOneStep([deleteStep(curated), createStep({ ...curated, id: 'cur-2', labelId: 'claim' })], 'Accepted Ben’s version of “Text”')!;
    expect(stepName(replaced, DEFAULT_LABELS)).toBe('Accepted Ben’s version of “Text”');
  });

  it('is read off the history: the step an undo took back is the one a redo makes again', () => {
    const history = new History();
    history.record(createStep(quote));
    expect(history.lastDone && stepName(history.lastDone, DEFAULT_LABELS)).toBe('new Quote');
    history.undo();
    expect(history.lastDone).toBeUndefined();
    expect(history.lastUndone && stepName(history.lastUndone, DEFAULT_LABELS)).toBe('new Quote');
  });
});
