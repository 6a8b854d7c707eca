// W3C Web Annotation (JSON-LD): an AnnotationCollection of one Annotation per highlight, each
// targeting the document with a TextQuoteSelector and a TextPositionSelector.
//
// The model's rules (Web Annotation Data Model, https://www.w3.org/TR/annotation-model/) and
// what we do with them:
// - "@context" must include http://www.w3.org/ns/anno.jsonld ("Annotations"); a list may add
//   more, so ours also defines the prefix "newsroom:" for this app's own properties (ignored by
//   other tools).
// - Annotations, collections and pages are identified by IRIs, not blank nodes ("Annotations"
//   for an Annotation's id; "Annotation Collection" and "Annotation Page" give each an IRI id;
//   fairly sure of the MUSTs, sure the model's examples all have them). The collection's is
//   urn:newsroom-annotator:collection:<hash of the exported documents' texts and ids>, stable, so
//   two exports of the same data are equal; its one page is that IRI with ":page:0", with
//   "partOf" the collection, and each annotation is urn:newsroom-annotator:annotation:<id>.
// - "creator" ("Lifecycle Information", "Agents") is an Agent: a Person with the annotator's
//   "name"; a highlight made with no annotator name set is credited to the Software that made
//   it, {"type": "Software", "name": "Newsroom Annotator"}, so every annotation says who or what
//   made it. "created" and "modified" are the highlight's times (xsd:dateTime, as ours are).
// - "target.source" is the resource annotated ("Specific Resources"): the document's web address
//   where we know it (a web page's canonical URL), and otherwise urn:sha256:<hash of the text>.
//   Where it is a URL, the text's hash is in "newsroom:textHash" on the target, since the page
//   may have changed since: the importer finds the text by it. When the document knows its
//   headline, outlet, byline or publication date, the source is described as a resource of its
//   own ("External Web Resources": an object with "id" and "type"), with Dublin Core terms, whose
//   "dcterms:" prefix anno.jsonld defines: dcterms:title (headline), dcterms:publisher (outlet),
//   dcterms:creator (byline), dcterms:issued (the date, YYYY-MM-DD). Without them it stays the
//   plain IRI, as before.
// - TextPositionSelector positions count code points, not code units ("Text Position
//   Selector"). Sure.
// - Bodies ("Embedded Textual Body", "Purpose for External Web Resources"): the label as a
//   "tagging" TextualBody; the speaker as an "identifying" TextualBody whose value is the full
//   name and whose id is urn:newsroom-annotator:speaker:<id>, with "newsroom:otherNames"; the
//   note "commenting"; a claim's tags "classifying". Quote kind and claim fields are in
//   "newsroom:fields".
import { createHash } from 'node:crypto';
import { codePointOffsets } from './code-points.js';
import { labelName, type Dataset } from './dataset.js';
import { pageFragmentSelector, spanPages } from './pages.js';
import { speakerRecord } from './span-fields.js';
import { storyFields, type StoryFields } from './story-fields.js';

export const NEWSROOM_VOCAB = 'urn:newsroom-annotator:vocab#';
export const SOFTWARE_CREATOR = { type: 'Software', name: 'Newsroom Annotator' } as const;

/** The source IRI, or the source described with Dublin Core terms when the story's fields are known. */
function sourceOf(iri: string, story: StoryFields): string | Record<string, string> {
  if (Object.keys(story).length === 0) return iri;
  return {
    id: iri,
    type: 'Text',
    ...(story.headline && { 'dcterms:title': story.headline }),
    ...(story.outlet && { 'dcterms:publisher': story.outlet }),
    ...(story.byline && { 'dcterms:creator': story.byline }),
    ...(story.published && { 'dcterms:issued': story.published }),
  };
}

export function toWebAnnotation(dataset: Dataset): string {
  const items = dataset.documents.flatMap(({ document, text, annotations }) => {
    const cp = codePointOffsets(text);
    return annotations.map((a) => {
      const speaker = speakerRecord(dataset, a);
      const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: labelName(dataset, a.labelId) }];
      if (speaker) body.push({ id: `urn:newsroom-annotator:speaker:${speaker.id}`, type: 'TextualBody', purpose: 'identifying', value: speaker.name, 'newsroom:otherNames': speaker.otherNames });
      if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
      for (const tag of a.claim?.tags ?? []) body.push({ type: 'TextualBody', purpose: 'classifying', value: tag });
      return {
        id: `urn:newsroom-annotator:annotation:${a.id}`,
        type: 'Annotation',
        motivation: a.labelId === 'claim' ? 'assessing' : 'highlighting',
        creator: a.author ? { type: 'Person', name: a.author } : SOFTWARE_CREATOR,
        created: a.createdAt,
        modified: a.updatedAt,
        body,
        target: {
          source: sourceOf(document.sourceUrl ?? `urn:sha256:${document.textHash}`, storyFields(document)),
          ...(document.sourceUrl && { 'newsroom:textHash': document.textHash }),
          selector: [
            { type: 'TextQuoteSelector', exact: a.text, prefix: a.prefix, suffix: a.suffix },
            { type: 'TextPositionSelector', start: cp(a.start), end: cp(a.end) },
            // A PDF's page, as RFC 3778/8118 fragments name it (pages.ts).
            ...pageFragmentSelector(spanPages(document, a)),
          ],
        },
        // This app's own fields, in a property other tools ignore, so a round trip keeps them.
        ...((a.quoteKind || a.claim) && { 'newsroom:fields': { ...(a.quoteKind && { quoteKind: a.quoteKind }), ...(a.claim && { claim: a.claim }) } }),
      };
    });
  });
  const hash = createHash('sha256');
  for (const { document } of dataset.documents) hash.update(`${document.id} ${document.textHash}\n`);
  const id = `urn:newsroom-annotator:collection:${hash.digest('hex').slice(0, 32)}`;
  const page = `${id}:page:0`;
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { newsroom: NEWSROOM_VOCAB }],
    id,
    type: 'AnnotationCollection',
    label: 'Newsroom Annotator export',
    generator: SOFTWARE_CREATOR,
    total: items.length,
    first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: page,
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
