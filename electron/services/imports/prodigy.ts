// What a Prodigy task line adds to the JSONL import (prodigy.jsonl, `prodigy db-out`): the
// spans ({start, end, label}, code points) are read as spaCy's are; this reads the rest.
// Rules from Prodigy's task format (https://prodi.gy/docs/api-interfaces):
// - "_annotator_id" names who annotated the task: it becomes each highlight's author, so two
//   annotators' lines over one text stay two sets of highlights.
// - "answer" is "accept", "reject" or "ignore": only an accepted task's spans are annotations;
//   a rejected or ignored one brings its text and no highlights. No answer counts as accepted
//   (a task file that was never annotated, or another tool's JSONL).
// - "meta" is free data; our export puts the document's id and title there, and a title found
//   there names the document when the line has none of its own.
// - "tokens" and each span's token_start/token_end repeat what start and end say; they are
//   not needed to place a highlight and are not checked.
import { ImportProblem } from './plan.js';

export interface ProdigyTask {
  /** The annotator, when the line names one. */
  author?: string;
  /** Whether its spans are annotations (answer "accept", or none). */
  accepted: boolean;
  /** meta.title (else meta.id), to name the document by. */
  title?: string;
}

const ANSWERS = ['accept', 'reject', 'ignore'];

export function readProdigyTask(file: string, line: number, row: Record<string, unknown>): ProdigyTask {
  const { _annotator_id: annotator, answer, meta } = row;
  if (annotator !== undefined && typeof annotator !== 'string') {
    throw new ImportProblem(file, line, `"_annotator_id" must be the annotator's name as a string, not ${JSON.stringify(annotator)}.`);
  }
  if (answer !== undefined && !ANSWERS.includes(answer as string)) {
    throw new ImportProblem(file, line, `"answer" must be "accept", "reject" or "ignore" (Prodigy's answers), not ${JSON.stringify(answer)}.`);
  }
  const task: ProdigyTask = { accepted: answer === undefined || answer === 'accept' };
  if (typeof annotator === 'string' && annotator.trim()) task.author = annotator.trim();
  if (meta && typeof meta === 'object') {
    const { title, id } = meta as { title?: unknown; id?: unknown };
    const name = typeof title === 'string' && title.trim() ? title : typeof id === 'string' && id.trim() ? id : undefined;
    if (name) task.title = name.trim();
  }
  return task;
}
