// personOf is personSchema's rules without zod (the window checks the person it kept itself with
// it): on every kind of stored value the two take and refuse the same, and give the same person.
import { describe, expect, it } from 'vitest';
import { MAX_ANNOTATOR_NAME_LENGTH, MAX_ID_LENGTH, personOf, personSchema } from '../../../electron/contract/api.js';

const kept: unknown[] = [
  { id: 'p-ana', name: 'Ana Ortiz' },
  { id: 'p-ana', name: '  Ana Ortiz  ' },
  { id: 'A_z-09', name: 'x' },
  { id: 'p'.repeat(MAX_ID_LENGTH), name: 'n'.repeat(MAX_ANNOTATOR_NAME_LENGTH) },
  { id: 'p-ana', name: ` ${'n'.repeat(MAX_ANNOTATOR_NAME_LENGTH)} ` },
];
const refused: unknown[] = [
  null,
  undefined,
  'Ana',
  42,
  [],
  [{ id: 'p-ana', name: 'Ana' }],
  {},
  { id: 'p-ana' },
  { name: 'Ana' },
  { id: '', name: 'Ana' },
  { id: 'p ana', name: 'Ana' },
  { id: 'p/ana', name: 'Ana' },
  { id: 'p-é', name: 'Ana' },
  { id: 'p'.repeat(MAX_ID_LENGTH + 1), name: 'Ana' },
  { id: 7, name: 'Ana' },
  { id: 'p-ana', name: '' },
  { id: 'p-ana', name: '   ' },
  { id: 'p-ana', name: 'n'.repeat(MAX_ANNOTATOR_NAME_LENGTH + 1) },
  { id: 'p-ana', name: null },
  { id: 'p-ana', name: 'Ana', role: 'editor' },
  { id: 'p-ana', name: 'Ana', extra: undefined },
];

const bySchema = (raw: unknown) => {
  const parsed = personSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

describe('personOf, the window’s check of a kept person', () => {
  it('takes what personSchema takes, with the name trimmed as the schema trims it', () => {
    for (const raw of kept) {
      expect(personOf(raw), JSON.stringify(raw)).not.toBeNull();
      expect(personOf(raw), JSON.stringify(raw)).toEqual(bySchema(raw));
    }
    expect(personOf({ id: 'p-ana', name: '  Ana Ortiz  ' })).toEqual({ id: 'p-ana', name: 'Ana Ortiz' });
  });

  it('refuses what personSchema refuses: no id or a bad one, no name or a too long one, anything more', () => {
    for (const raw of refused) {
      expect(bySchema(raw), `the schema takes ${JSON.stringify(raw)}`).toBeNull();
      expect(personOf(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});
