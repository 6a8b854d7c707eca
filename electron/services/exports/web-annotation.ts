// W3C Web Annotation (JSON-LD): an AnnotationCollection of one Annotation per highlight, each
// targeting the document's text snapshot with a TextQuoteSelector and a TextPositionSelector
// (positions count characters, that is code points, as the model says).
import { codePointOffsets } from './code-points.js';
import { labelName, type Dataset } from './dataset.js';

export function toWebAnnotation(dataset: Dataset): string {
  const items = dataset.documents.flatMap(({ document, text, annotations }) => {
    const cp = codePointOffsets(text);
    return annotations.map((a) => {
      const speaker = a.speakerId ? dataset.speakers.get(a.speakerId)?.name : undefined;
      const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: labelName(dataset, a.labelId) }];
      if (speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: speaker });
      if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
      for (const tag of a.claim?.tags ?? []) body.push({ type: 'TextualBody', purpose: 'classifying', value: tag });
      return {
        id: `urn:newsroom-annotator:annotation:${a.id}`,
        type: 'Annotation',
        motivation: a.labelId === 'claim' ? 'assessing' : 'highlighting',
        body,
        target: {
          source: `urn:sha256:${document.textHash}`,
          selector: [
            { type: 'TextQuoteSelector', exact: a.text, prefix: a.prefix, suffix: a.suffix },
            { type: 'TextPositionSelector', start: cp(a.start), end: cp(a.end) },
          ],
        },
        ...(a.author && { creator: { type: 'Person', name: a.author } }),
        // This app's own fields, in a property other tools ignore, so a round trip keeps them.
        ...((a.quoteKind || a.claim) && { 'newsroom:fields': { ...(a.quoteKind && { quoteKind: a.quoteKind }), ...(a.claim && { claim: a.claim }) } }),
        created: a.createdAt,
        modified: a.updatedAt,
      };
    });
  });
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Newsroom Annotator export',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
