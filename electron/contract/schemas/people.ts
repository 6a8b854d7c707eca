// Who is working: a person belongs to a window (or a CLI run), not to the workspace. Each call
// carries its window's person beside its arguments (see dispatchApiCall), so two windows on one
// workspace record their own names. The plain rules (madeBy, personOf) are people-rules.ts.
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { MAX_ANNOTATOR_NAME_LENGTH } from '../limits.js';
import { idSchema } from './common.js';
import type { Person } from '../people-rules.js';

export const personSchema = z
  .object({
    /** Stable across renames: made once, on first use, and kept with the window's preferences. */
    id: idSchema,
    name: z
      .string()
      .trim()
      .min(1, 'Give a name, so your annotations say who made them.')
      .max(MAX_ANNOTATOR_NAME_LENGTH, `A name can hold at most ${MAX_ANNOTATOR_NAME_LENGTH} characters.`),
  })
  .strict() satisfies z.ZodType<Person>;
export type { Person };

/** What travels with every call besides its arguments. */
export const callerSchema = z.object({ person: personSchema.nullable().optional() }).strict();
export type Caller = { person: Person | null };
export const NO_CALLER: Caller = { person: null };

/** Parses what a transport brought; a malformed person is refused in words, never guessed at. */
export function parseCaller(raw: unknown): Caller {
  if (raw === undefined || raw === null) return NO_CALLER;
  const parsed = callerSchema.safeParse(raw);
  if (!parsed.success) throw new ApiError('bad-request', `The window's person is malformed: ${parsed.error.issues[0]?.message ?? 'unknown shape'}. Choose who you are again.`);
  return { person: parsed.data.person ?? null };
}

