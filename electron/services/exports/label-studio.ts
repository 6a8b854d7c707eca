// Label Studio JSON tasks: one task per document, with one annotation per author, each holding a
// "labels" result per highlight (offsets in code points) and an "Attribution" relation from each
// quote or claim to a mention of its speaker by the same author.
//
// Label Studio's rules, and where each comes from:
// - A tasks file is a JSON list of tasks, each {"data": {...}, "annotations": [...],
//   "predictions": [...]}; "data.text" is what <Text value="$text"/> shows (docs: guide/tasks.md,
//   "Basic Label Studio JSON format"). Sure.
// - An annotation is {"result": [...], "completed_by": ...}. On import the server keeps of it
//   only result, completed_by, ground_truth, was_cancelled and lead_time, and takes completed_by
//   as: absent → the user who imports; {"email": ...} → the member with that email; an integer →
//   the member with that id; anything else (a name) → the whole import refused, "not a valid
//   annotator's email or ID" (label_studio/tasks/serializers.py, TaskSerializerBulk,
//   _insert_valid_completed_by_id_or_raise; PR HumanSignal/label-studio#1184). Sure.
//   So each author gets a number, 1, 2, … in the order of their names, the same in every task of
//   the export; a highlight made with no annotator name set goes in an annotation without
//   completed_by (Label Studio credits whoever imports it). The numbers must be members of the
//   Label Studio organisation (user 1 is the first account made; the README says how to map).
// - The numbers' names are in the task's "meta": {"annotators": {"1": "Ana", ...}}. The server
//   keeps a task's meta as given (same serializer, Task(meta=task.get('meta', {}))). Sure.
// - A result region is {"id", "from_name", "to_name", "type": "labels", "value": {"start",
//   "end", "text", "labels"}}; offsets count characters of the text as Python does, code points
//   (issue 13 sliced our exports so and found them right; fairly sure). The region's "meta.text"
//   is its note in Label Studio's UI; the server stores the result as given, so the rest of
//   "meta" (speaker {id, name, otherNames}, quote kind, claim, author, times) comes back in its
//   export. Sure the server keeps it (the serializer above stores result whole).
// - A relation is {"type": "relation", "from_id", "to_id", "direction", "labels"} between two
//   regions of the same annotation (docs: guide/export.md, relations). Sure.
import { codePointOffsets } from './code-points.js';
import { attributions, labelName, type Dataset } from './dataset.js';
import { spanPages } from './pages.js';
import { spanRecord } from './span-fields.js';
import { storyFields } from './story-fields.js';
import type { Annotation } from '../../contract/api.js';

/** Each author's Label Studio user number, in the order of their names (code units, not locale). */
export function labelStudioUsers(dataset: Dataset): Map<string, number> {
  const names = new Set<string>();
  for (const { annotations } of dataset.documents) for (const a of annotations) if (a.author) names.add(a.author);
  return new Map([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map((name, k) => [name, k + 1]));
}

export function toLabelStudio(dataset: Dataset): string {
  const users = labelStudioUsers(dataset);
  let annotationId = 0;
  const tasks = dataset.documents.map(({ document, text, annotations }, index) => {
    const cp = codePointOffsets(text);
    const byAuthor = new Map<string, Annotation[]>();
    for (const a of annotations) {
      const own = byAuthor.get(a.author);
      if (own) own.push(a);
      else byAuthor.set(a.author, [a]);
    }
    const authors = [...byAuthor.keys()].sort((x, y) => (users.get(x) ?? 0) - (users.get(y) ?? 0));
    const annotators = Object.fromEntries(authors.filter((name) => name).map((name) => [String(users.get(name)), name]));
    return {
      id: index + 1,
      // Task data keeps any key (a label config can show $headline); the story's fields ride there.
      data: { text, document_id: document.id, title: document.title, ...(document.sourceUrl && { url: document.sourceUrl }), ...storyFields(document) },
      meta: { annotators },
      annotations: authors.map((author) => {
        const own = byAuthor.get(author)!;
        const regions = own.map((a) => {
          const { id, note, ...fields } = spanRecord(dataset, a);
          return {
            id,
            from_name: 'label',
            to_name: 'text',
            type: 'labels',
            value: { start: cp(a.start), end: cp(a.end), text: a.text, labels: [labelName(dataset, a.labelId)] },
            // Label Studio shows meta.text as the region's note; the rest rides along for a round trip.
            meta: { text: note ? [note] : [], ...fields, ...spanPages(document, a) },
          };
        });
        const relations = attributions(own).map(({ said, by }) => ({ type: 'relation', from_id: said.id, to_id: by.id, direction: 'right', labels: ['Attribution'] }));
        return {
          id: ++annotationId,
          ...(author && { completed_by: users.get(author)! }),
          result: [...regions, ...relations],
          was_cancelled: false,
          ground_truth: false,
        };
      }),
      predictions: [],
    };
  });
  return `${JSON.stringify(tasks, null, 2)}\n`;
}
