// The contract's words for kinds and formats: the schemas build their enums from these lists and
// the window shows them, so they are plain values the window's bundle takes without zod.

export const QUOTE_KINDS = ['direct', 'partial', 'paraphrase'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

export const CHECK_WORTHINESS = ['low', 'medium', 'high'] as const;
export type CheckWorthiness = (typeof CHECK_WORTHINESS)[number];

/** What a document was read from; transcripts (srt, vtt, NAME: lines) name their speakers. */
export const DOCUMENT_FORMATS = ['text', 'markdown', 'html', 'docx', 'srt', 'vtt', 'transcript', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const TRANSCRIPT_FORMATS: readonly DocumentFormat[] = ['srt', 'vtt', 'transcript'];
/** Formats whose text is not bytes in an encoding (zipped XML, a PDF's fonts): there is no encoding to choose. */
export const UNENCODED_FORMATS: readonly DocumentFormat[] = ['docx', 'pdf'];

/** Encodings a text file can be read as; the user may override the detected one. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
/** How people see the encodings, in messages and in the window. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
};

/** Dataset formats NLP tools read (see electron/services/exports/). */
export const EXPORT_FORMATS = ['jsonl', 'spacy', 'conll', 'brat', 'labelstudio', 'w3c', 'csv', 'claimreview', 'claims-csv', 'prodigy', 'hf', 'docbin', 'webanno'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Where annotators disagree (schemas/disagreements.ts):
 * - unmatched: some layers marked the span, others did not;
 * - label: the span is marked in several layers, with different labels;
 * - speaker: the same span and label, with different speakers;
 * - verdict: the same claim span, with different verdicts (claim status).
 * Two highlights are on "the same span" when they have the same start and end: measureAgreement's
 * exact match (UTF-16 offsets, as the app keeps them).
 */
export const DISAGREEMENT_KINDS = ['unmatched', 'label', 'speaker', 'verdict'] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

/** How each kind is named in the window and the CLI. */
export const DISAGREEMENT_KIND_NAMES: Record<DisagreementKind, string> = {
  unmatched: 'Not marked by all',
  label: 'Labels differ',
  speaker: 'Speakers differ',
  verdict: 'Verdicts differ',
};
