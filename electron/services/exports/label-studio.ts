// Label Studio JSON tasks: one task per document with its text, and one annotation holding a
// "labels" result per highlight (offsets in code points) and an "Attribution" relation from
// each quote or claim to a mention of its speaker.
import { codePointOffsets } from './code-points.js';
import { labelName, type Dataset } from './dataset.js';

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
    const relations = annotations.flatMap((a) => {
      if (!a.speakerId || a.labelId === 'speaker') return [];
      const mentions = annotations.filter((m) => m.labelId === 'speaker' && m.speakerId === a.speakerId);
      if (mentions.length === 0) return [];
      const nearest = mentions.reduce((best, m) => (Math.abs(m.start - a.start) < Math.abs(best.start - a.start) ? m : best));
      return [{ type: 'relation', from_id: a.id, to_id: nearest.id, direction: 'right', labels: ['Attribution'] }];
    });
    return {
      id: index + 1,
      data: { text, document_id: document.id, title: document.title },
      annotations: [{ result: [...regions, ...relations], completed_by: annotations[0]?.author || undefined }],
    };
  });
  return `${JSON.stringify(tasks, null, 2)}\n`;
}
