// Label Studio JSON tasks (the format's rules, with their sources, head ../exports/label-studio.ts):
// each task's data.text, and every annotation in it (not only the first), each by its own
// author: "completed_by" is a Label Studio user number, named by the task's meta.annotators
// when our export wrote it ("Label Studio user 7" when nothing names it), an {"email", ...}
// user, or a name (older exports of this app). Each "labels" result is a highlight (offsets in
// code points) keeping its region id as the highlight's id; "Attribution" relations go from a
// quote or claim to the mention of its speaker. meta.text is the note; what this app exports in
// meta (speaker {id, name, otherNames}, quote kind, claim, author, times) comes back too.
// Predictions are a model's suggestions, not anyone's annotations: they are left out, and the
// plan's notes say how many. Cancelled annotations (was_cancelled) are left out the same way.
import { plannedStory } from './story-fields.js';
import { ImportProblem, normalizeWithOffsets, parseImportJson, plannedSourceUrl, titleFromFileName, type PlannedDocument, type PlannedSpan } from './plan.js';
import { isRecordId, readSpanFields, settleIds } from './span-fields.js';

interface Region {
  id?: unknown;
  type?: unknown;
  value?: { start?: unknown; end?: unknown; labels?: unknown };
  meta?: Record<string, unknown>;
  from_id?: unknown;
  to_id?: unknown;
  labels?: unknown;
}

interface LsAnnotation {
  result?: unknown;
  completed_by?: unknown;
  was_cancelled?: unknown;
}

interface Task {
  data?: { text?: unknown; title?: unknown; url?: unknown };
  meta?: { annotators?: unknown };
  annotations?: unknown;
  /** Label Studio before 1.0 called annotations completions. */
  completions?: unknown;
  predictions?: unknown;
}

/** Who completed an annotation, by the export's own names where it has them. */
function authorOf(completedBy: unknown, annotators: Record<string, unknown>): string | undefined {
  if (completedBy === undefined || completedBy === null) return undefined;
  if (typeof completedBy === 'number' || (typeof completedBy === 'string' && /^\d+$/.test(completedBy))) {
    const named = annotators[String(completedBy)];
    return typeof named === 'string' && named.trim() ? named : `Label Studio user ${completedBy}`;
  }
  if (typeof completedBy === 'string') return completedBy.trim() || undefined;
  if (typeof completedBy === 'object') {
    const user = completedBy as { id?: unknown; email?: unknown; first_name?: unknown; last_name?: unknown };
    const name = [user.first_name, user.last_name].filter((part) => typeof part === 'string' && part.trim()).join(' ').trim();
    if (name) return name;
    if (typeof user.email === 'string' && user.email.trim()) return user.email.trim();
    if (user.id !== undefined) return authorOf(user.id, annotators);
  }
  return undefined;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function planLabelStudio(file: string, content: string): PlannedDocument[] {
  const tasks = parseImportJson(file, content);
  if (!Array.isArray(tasks)) throw new ImportProblem(file, null, 'Label Studio tasks are a JSON list of tasks.');
  const base = titleFromFileName(file);
  const plans = tasks.map((task: Task, index): PlannedDocument => {
    const where = `task ${index + 1}`;
    const original = task?.data?.text;
    if (typeof original !== 'string' || !original.trim()) throw new ImportProblem(file, null, `${where} has no data.text.`);
    const { text, fromCodePoint } = normalizeWithOffsets(original);
    const annotators = task.meta?.annotators && typeof task.meta.annotators === 'object' ? (task.meta.annotators as Record<string, unknown>) : {};
    const annotations = task.annotations ?? task.completions ?? [];
    if (!Array.isArray(annotations)) throw new ImportProblem(file, null, `${where}: "annotations" must be a list.`);
    const spans: PlannedSpan[] = [];
    const notes: string[] = [];
    let cancelled = 0;
    for (const [n, annotation] of (annotations as LsAnnotation[]).entries()) {
      if (annotation?.was_cancelled === true) {
        cancelled++;
        continue;
      }
      const results = annotation?.result ?? [];
      if (!Array.isArray(results)) throw new ImportProblem(file, null, `${where}: annotations[${n}].result must be a list.`);
      const author = authorOf(annotation.completed_by, annotators);
      const regions = new Map<string, PlannedSpan>();
      for (const [k, region] of (results as Region[]).entries()) {
        if (region?.type !== 'labels') continue;
        const at = `${where}, annotation ${n + 1}, result ${k + 1}`;
        const start = typeof region.value?.start === 'number' ? fromCodePoint(region.value.start) : null;
        const end = typeof region.value?.end === 'number' ? fromCodePoint(region.value.end) : null;
        const label = Array.isArray(region.value?.labels) ? region.value.labels[0] : undefined;
        if (start === null || end === null || !(start < end)) throw new ImportProblem(file, null, `${at}: start and end are not inside the text.`);
        if (typeof label !== 'string' || !label.trim()) throw new ImportProblem(file, null, `${at}: value.labels has no label.`);
        const { text: noteText, ...meta } = region.meta && typeof region.meta === 'object' ? region.meta : {};
        const fields = readSpanFields({ file, line: null, where: at }, meta);
        const note = Array.isArray(noteText) && typeof noteText[0] === 'string' ? noteText[0] : undefined;
        const id = isRecordId(region.id) ? region.id : undefined;
        const span: PlannedSpan = {
          ...(author !== undefined && { author }),
          ...fields,
          ...(id && { id }),
          start,
          end,
          label: label.trim(),
          ...(note && { note }),
        };
        regions.set(String(region.id ?? `r${k}`), span);
        spans.push(span);
      }
      for (const relation of results as Region[]) {
        if (relation?.type !== 'relation' || !(Array.isArray(relation.labels) && relation.labels.includes('Attribution'))) continue;
        const said = regions.get(String(relation.from_id));
        const by = regions.get(String(relation.to_id));
        if (!said || !by) throw new ImportProblem(file, null, `${where}, annotation ${n + 1}: an Attribution relation points at a result that is not in the same annotation.`);
        const name = by.speaker ?? text.slice(by.start, by.end).trim().replace(/\s+/g, ' ');
        by.speaker = name;
        if (!said.speaker) {
          said.speaker = name;
          if (by.speakerId) said.speakerId = by.speakerId;
          if (by.speakerOtherNames) said.speakerOtherNames = by.speakerOtherNames;
        }
      }
    }
    const predictions = Array.isArray(task.predictions) ? task.predictions.length : 0;
    if (predictions) notes.push(`${file}, ${where}: ${count(predictions, 'prediction', 'predictions')} (a model's suggestions, not annotations) left out.`);
    if (cancelled) notes.push(`${file}, ${where}: ${count(cancelled, 'cancelled annotation', 'cancelled annotations')} (skipped in Label Studio) left out.`);
    const title = typeof task.data?.title === 'string' && task.data.title.trim() ? task.data.title.trim() : `${base}-${index + 1}`;
    return { fileName: `${title}.txt`, title, text, spans, ...(notes.length && { notes }), ...plannedSourceUrl(task.data?.url), ...plannedStory(task.data) };
  });
  // A region id repeated on another span or author (a copied annotation) gets its own id.
  settleIds(plans.flatMap((p) => p.spans));
  return plans;
}
