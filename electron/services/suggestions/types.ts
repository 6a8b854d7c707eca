// What the suggester proposes for a text: quotes with their cue and speaker, and check-worthy
// claims, each with a score and the reason it was proposed. Offsets are UTF-16 code units of the
// text as the reader normalizes it (no BOM, newlines as \n), end exclusive.

export interface Span {
  start: number;
  end: number;
}

export type QuoteKind = 'direct' | 'indirect';

export interface QuoteSuggestion extends Span {
  kind: QuoteKind;
  /** The reporting words ("said", "told reporters", "according to"), when there are any. */
  cue: Span | null;
  /** The speaker's mention in the text nearest the quote (a name, "he", "the ambassador"). */
  speaker: Span | null;
  /** Who the mention is: the full name of the person it refers to, or a registry speaker's name. */
  speakerName: string | null;
  /** 0–1: how sure the rules are. */
  score: number;
  /** Why it was proposed, in words: "quotation marks + 'told reporters' + nearest name 'Robert Wood'". */
  reason: string;
}

export interface ClaimSuggestion extends Span {
  /** 0–1: how check-worthy the sentence looks; claims are listed best first. */
  score: number;
  reason: string;
}

export interface Suggestions {
  quotes: QuoteSuggestion[];
  claims: ClaimSuggestion[];
}

/** A speaker the workspace already knows, so a mention can be linked to them. */
export interface KnownSpeaker {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface SuggestOptions {
  speakers?: readonly KnownSpeaker[];
}
