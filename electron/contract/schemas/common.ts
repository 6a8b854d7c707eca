// Pieces every domain's schemas share.
import { z } from 'zod';
import { MAX_NOTE_LENGTH } from '../errors.js';
import { ID_PATTERN, MAX_ID_LENGTH } from '../limits.js';

export const idSchema = z.string().min(1).max(MAX_ID_LENGTH).regex(ID_PATTERN, 'ids are letters, digits, _ and -');

export const noteTextSchema = z.string().max(MAX_NOTE_LENGTH, `A note can hold at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters; shorten it.`);

/**
 * A field checked by one of the contract's rules (label-rules, scale-rules, link-rules). Its
 * refusal keeps the rule's own words (see parseChange), so the service says what the window does.
 */
export function ruleCheck(problem: (value: string) => string | null) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    const message = problem(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message, params: { rule: true } });
  };
}

/** True for an issue a rule raised through ruleCheck. */
export const isRuleIssue = (issue: z.core.$ZodIssue | undefined) => issue?.code === 'custom' && issue.params?.rule === true;
