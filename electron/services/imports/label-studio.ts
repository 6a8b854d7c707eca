// Label Studio JSON tasks: each task's data.text, its first annotation's "labels" results
// (offsets in code points) and "Attribution" relations (from a quote or claim to the mention of
// its speaker). meta.text is the note; what this app exports in meta (speaker's name, quote kind,
// claim fields) comes back too.
import type { ClaimFields, QuoteKind } from '../../contract/api.js';
import { ImportProblem, normalizeWithOffsets, parseImportJson, titleFromFileName, type PlannedDocument, type PlannedSpan } from './plan.js';

interface Region {
  id?: unknown;
  type?: unknown;
  value?: { start?: unknown; end?: unknown; labels?: unknown };
  meta?: { text?: unknown; speaker?: unknown; quoteKind?: unknown; claim?: unknown };
  from_id?: unknown;
  to_id?: unknown;
  labels?: unknown;
}

export function planLabelStudio(file: string, content: string): PlannedDocument[] {
  const tasks = parseImportJson(file, content);
  if (!Array.isArray(tasks)) throw new ImportProblem(file, null, 'Label Studio tasks are a JSON list of tasks.');
  const base = titleFromFileName(file);
  return tasks.map((task: { data?: { text?: unknown; title?: unknown }; annotations?: { result?: Region[] }[]; id?: unknown }, index) => {
    const where = `task ${index + 1}`;
    const original = task?.data?.text;
    if (typeof original !== 'string' || !original.trim()) throw new ImportProblem(file, null, `${where} has no data.text.`);
    const { text, fromCodePoint } = normalizeWithOffsets(original);
    const results = task.annotations?.[0]?.result ?? [];
    if (!Array.isArray(results)) throw new ImportProblem(file, null, `${where}: annotations[0].result must be a list.`);
    const spans = new Map<string, PlannedSpan>();
    for (const [k, region] of results.entries()) {
      if (region?.type !== 'labels') continue;
      const start = typeof region.value?.start === 'number' ? fromCodePoint(region.value.start) : null;
      const end = typeof region.value?.end === 'number' ? fromCodePoint(region.value.end) : null;
      const label = Array.isArray(region.value?.labels) ? region.value.labels[0] : undefined;
      if (start === null || end === null || !(start < end)) throw new ImportProblem(file, null, `${where}, result ${k + 1}: start and end are not inside the text.`);
      if (typeof label !== 'string' || !label.trim()) throw new ImportProblem(file, null, `${where}, result ${k + 1}: value.labels has no label.`);
      const meta = region.meta ?? {};
      const note = Array.isArray(meta.text) && typeof meta.text[0] === 'string' ? meta.text[0] : undefined;
      spans.set(String(region.id ?? `r${k}`), {
        start,
        end,
        label: label.trim(),
        ...(note && { note }),
        // The speaker's full name, which this app writes in meta: the mention may say only "Hwang".
        ...(typeof meta.speaker === 'string' && meta.speaker.trim() && { speaker: meta.speaker.trim() }),
        ...(typeof meta.quoteKind === 'string' && { quoteKind: meta.quoteKind as QuoteKind }),
        ...(meta.claim && typeof meta.claim === 'object' ? { claim: meta.claim as Partial<ClaimFields> } : {}),
      });
    }
    for (const relation of results) {
      if (relation?.type !== 'relation' || !(Array.isArray(relation.labels) && relation.labels.includes('Attribution'))) continue;
      const said = spans.get(String(relation.from_id));
      const by = spans.get(String(relation.to_id));
      if (!said || !by) throw new ImportProblem(file, null, `${where}: an Attribution relation points at a result that is not there.`);
      const name = by.speaker ?? text.slice(by.start, by.end).trim().replace(/\s+/g, ' ');
      said.speaker ??= name;
      by.speaker = name;
    }
    const title = typeof task.data?.title === 'string' && task.data.title.trim() ? task.data.title.trim() : `${base}-${index + 1}`;
    return { fileName: `${title}.txt`, title, text, spans: [...spans.values()] };
  });
}
