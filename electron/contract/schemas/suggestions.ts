// Suggestions on the wire: proposed highlights (quotes, claims, a linked speaker's mention) that
// are not annotations until a person accepts them, so they are never exported, synced or counted.
import { z } from 'zod';
import { idSchema as id } from './common.js';

const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const suggestionSchema = z.object({
  /** Stable for the same text: "quote:120:188". What a rejection remembers. */
  key: z.string().min(1).max(200),
  labelId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(['direct', 'indirect', 'claim']),
  cue: spanSchema.nullable(),
  speaker: spanSchema.nullable(),
  speakerName: z.string().max(500).nullable(),
  /** The registry speaker the mention is, when one matches: accepting attributes the quote to them. */
  speakerId: id.nullable(),
  score: z.number().min(0).max(1),
  reason: z.string().max(1000),
});

export const suggestionsResultSchema = z.object({
  suggestions: z.array(suggestionSchema),
  /** Kinds left out because the workspace has no such label ("Quote", "Claim"). */
  missingLabels: z.array(z.string()),
  /** True when these are pre-annotations saved for this text (annotator suggest --store). */
  saved: z.boolean(),
});

export const MAX_REJECTED_AT_ONCE = 10_000;

/** The window's name for one Suggest run, so it can call that run off (and no other window's). */
export const suggestionRunIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A run id is 1 to 64 letters, digits, - or _.');

export type Suggestion = z.infer<typeof suggestionSchema>;
export type SuggestionsResult = z.infer<typeof suggestionsResultSchema>;
