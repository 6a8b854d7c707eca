// Label Studio JSON tasks: one task per document with its text, and one annotation holding a
// "labels" result per highlight (offsets in code points) and an "Attribution" relation from
// each quote or claim to a mention of its speaker.
import { codePointOffsets } from './code-points.js';
import { attributions, labelName, type Dataset } from './dataset.js';

export function toLabelStudio(dataset: Dataset): string {
  const tasks = dataset.documents.map(({ document, text, annotations }, index) => {
    const cp = codePointOffsets(text);
    const regions = annotations.map((a) => ({
      id: a.id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start: cp(a.start), end: cp(a.end), text: a.text, labels: [labelName(dataset, a.labelId)] },
      // Label Studio shows meta.text as the region's note; the rest rides along for a round trip.
      meta: {
        text: a.note ? [a.note] : [],
        speaker: a.speakerId ? (dataset.speakers.get(a.speakerId)?.name ?? null) : null,
        ...(a.quoteKind && { quoteKind: a.quoteKind }),
        ...(a.claim && { claim: a.claim }),
      },
    }));
    const relations = attributions(annotations).map(({ said, by }) => ({ type: 'relation', from_id: said.id, to_id: by.id, direction: 'right', labels: ['Attribution'] }));
    return {
      id: index + 1,
      data: { text, document_id: document.id, title: document.title },
      annotations: [{ result: [...regions, ...relations], completed_by: annotations[0]?.author || undefined }],
    };
  });
  return `${JSON.stringify(tasks, null, 2)}\n`;
}
