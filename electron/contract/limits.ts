// How much a stored value may hold. Loading refuses a workspace.json that breaks them, so the
// window's fields, the schemas and the rules all read these same numbers. Plain values: the
// renderer imports them without zod.

/** The largest file the app will open; bigger ones get a clear refusal, not a frozen window. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * An annotation file the command line imports (Label Studio tasks, W3C JSON-LD, JSONL) holds
 * every document's text and highlights: a 100,000-highlight export is 80–120 MB. It is parsed,
 * never shown, so it may be larger than a document.
 */
export const MAX_ANNOTATION_FILE_BYTES = 1024 * 1024 * 1024;

/** The longest note a highlight keeps; the note box stops there too. */
export const MAX_NOTE_LENGTH = 20_000;

export const SPEAKER_LIMITS = { name: 300, otherName: 300, otherNames: 50, role: 300, organisation: 300, notes: 5000 } as const;
/** A canonical URL longer than this is no usable link; an import keeps the page without it. */
export const MAX_SOURCE_URL_LENGTH = 2000;
export const MAX_FILE_PATH_LENGTH = 4096;
/** The most pages a PDF may have: a court record of 10,000 pages is split before it is read. */
export const MAX_PAGES = 10_000;

/** A label's name fits on its chip. */
export const MAX_LABEL_NAME_LENGTH = 60;

/** The verdict scale: how many statuses, and how long a status's name. */
export const SCALE_LIMITS = { statuses: { min: 2, max: 30 }, name: 60 } as const;

/** Who publishes the fact-checks. */
export const REVIEW_SETTINGS_LIMITS = { organisation: 200, factCheckAddress: 2000 } as const;

/** A claim's sources, topic tags and published summary (ClaimReview's reviewBody). */
export const CLAIM_LIMITS = { sources: 100, sourceTitle: 500, sourceLink: 2000, sourceNote: 2000, tags: 50, tag: 60, conflicts: 20, publicSummary: 5000 } as const;

/** The name an annotator goes by, kept on every highlight they make. */
export const MAX_ANNOTATOR_NAME_LENGTH = 200;

/** What an id (a document's, a highlight's, a person's) may be: short, and safe in a file name or a URL. */
export const MAX_ID_LENGTH = 100;
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
