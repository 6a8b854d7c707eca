// Pieces every domain's schemas share.
import { z } from 'zod';
import { MAX_NOTE_LENGTH } from '../errors.js';

export const idSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, _ and -');

export const noteTextSchema = z.string().max(MAX_NOTE_LENGTH, `A note can hold at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters; shorten it.`);
