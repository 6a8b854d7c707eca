// What a document says of the story (headline, outlet, byline, publication date), as the JSON
// exports write it beside the title and url: only the fields that are set, under short keys a
// trainer's script reads as they are ("published" is YYYY-MM-DD). imports/story-fields.ts reads
// them back.
import type { DocumentSummary } from '../../contract/api.js';

export interface StoryFields {
  headline?: string;
  outlet?: string;
  byline?: string;
  /** YYYY-MM-DD. */
  published?: string;
}

export function storyFields(document: Pick<DocumentSummary, 'headline' | 'outlet' | 'byline' | 'publishedOn'>): StoryFields {
  return {
    ...(document.headline && { headline: document.headline }),
    ...(document.outlet && { outlet: document.outlet }),
    ...(document.byline && { byline: document.byline }),
    ...(document.publishedOn && { published: document.publishedOn }),
  };
}
