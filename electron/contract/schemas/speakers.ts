// Speakers: people, with the other names they go by, and where they appear.
import { z } from 'zod';
import { SPEAKER_LIMITS } from '../errors.js';
import { idSchema as id } from './common.js';

export const speakerText = (what: string, max: number) => z.string().max(max, `A speaker's ${what} can hold at most ${max.toLocaleString('en')} characters.`);

export const speakerName = z
  .string()
  .trim()
  .min(1, 'A speaker needs a name.')
  .max(SPEAKER_LIMITS.name, `A speaker’s name can hold at most ${SPEAKER_LIMITS.name} characters.`);
export const otherNames = z
  .array(z.string().trim().min(1).max(SPEAKER_LIMITS.otherName))
  .max(SPEAKER_LIMITS.otherNames, `A speaker can have at most ${SPEAKER_LIMITS.otherNames} other names.`);

/** A person, not a string: every mention, quote and claim points at one of these. */
export const speakerSchema = z.object({
  id,
  name: z.string().min(1).max(SPEAKER_LIMITS.name),
  /** Other names the same person goes by ("Wood" for "Robert Wood"). */
  aliases: otherNames.default([]),
  role: speakerText('title or role', SPEAKER_LIMITS.role).default(''),
  organisation: speakerText('organisation', SPEAKER_LIMITS.organisation).default(''),
  notes: speakerText('notes', SPEAKER_LIMITS.notes).default(''),
  createdAt: z.string(),
});
export type Speaker = z.infer<typeof speakerSchema>;

export const appearanceSchema = z.object({
  documentId: id,
  documentTitle: z.string(),
  annotationId: id,
  labelId: id,
  start: z.number().int(),
  /** The highlight's text, cut to a readable length. */
  excerpt: z.string(),
});
export type Appearance = z.infer<typeof appearanceSchema>;
