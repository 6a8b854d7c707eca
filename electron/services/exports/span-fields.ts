// What our workspace knows of one highlight beyond its span and label, in one shape for the
// formats that carry it in an extension point of their own (Label Studio's region `meta`, the
// JSONL files' `newsroom` field, W3C's `newsroom:fields`, brat's `#` lines). The importers read
// it back with imports/span-fields.ts, so export → import → export gives the same file.
import type { Annotation, ClaimFields, QuoteKind } from '../../contract/api.js';
import type { Dataset } from './dataset.js';

export interface SpeakerRecord {
  id: string;
  name: string;
  /** The speaker's other names ("Hwang" for "Joonkook Hwang"). */
  otherNames: string[];
}

export interface SpanRecord {
  id: string;
  /** '' where no annotator name was set when it was made. */
  author: string;
  speaker?: SpeakerRecord;
  quoteKind?: QuoteKind;
  claim?: ClaimFields;
  note?: string;
  createdAt: string;
  updatedAt: string;
}

/** The speaker a highlight names or quotes, whole (null when it has none, or it is gone). */
export function speakerRecord(dataset: Dataset, annotation: Annotation): SpeakerRecord | undefined {
  const speaker = annotation.speakerId ? dataset.speakers.get(annotation.speakerId) : undefined;
  return speaker ? { id: speaker.id, name: speaker.name, otherNames: [...speaker.aliases] } : undefined;
}

export function spanRecord(dataset: Dataset, annotation: Annotation): SpanRecord {
  const speaker = speakerRecord(dataset, annotation);
  return {
    id: annotation.id,
    author: annotation.author,
    ...(speaker && { speaker }),
    ...(annotation.quoteKind && { quoteKind: annotation.quoteKind }),
    ...(annotation.claim && { claim: annotation.claim }),
    ...(annotation.note && { note: annotation.note }),
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
  };
}
