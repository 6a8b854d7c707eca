// What the keys say back in the status line: undo and redo name the step they took back or made
// again, highlights made and deleted are announced, and the first highlight made without an
// annotator name raises a reminder (once a session).
import { useCallback, useRef, useState } from 'react';
import type { Annotation, Label } from '../../../electron/contract/window-api';
import type { Step } from '../state/history';
import { stepName } from '../state/step-names';
import { afterPaint } from '../state/after-paint';
import type { Say } from '../components/StatusLine';

interface Deps {
  say: Say;
  labels: readonly Label[];
  history: { readonly lastDone: Step | undefined; readonly lastUndone: Step | undefined };
  annotations: () => readonly Annotation[];
  annotatorName: string | null | undefined;
  addAnnotation(annotation: Annotation, options?: { paintFirst?: boolean }): void;
  deleteAnnotation(annotationId: string): void;
}

export function useKeyFeedback({ say, labels, history, annotations, annotatorName, addAnnotation, deleteAnnotation }: Deps) {
  const [nameReminder, setNameReminder] = useState(false);
  const reminded = useRef(false);
  const nameOf = (labelId: string) => labels.find((l) => l.id === labelId)?.name ?? 'Highlight';

  /** Undo or redo as `run` does it, then said: what was taken back, or that there was nothing. */
  const undone = useCallback(
    (run: () => boolean) => {
      const done = run();
      say(done && history.lastUndone ? `Undone: ${stepName(history.lastUndone, labels)}` : 'Nothing to undo');
      return done;
    },
    [history, labels, say],
  );
  const redone = useCallback(
    (run: () => boolean) => {
      const done = run();
      say(done && history.lastDone ? `Redone: ${stepName(history.lastDone, labels)}` : 'Nothing to redo');
      return done;
    },
    [history, labels, say],
  );

  /**
   * Makes a highlight the editor has already drawn: saved and undoable now; the list, the status
   * line and the reminder follow after that frame is painted.
   */
  const create = (annotation: Annotation) => {
    addAnnotation(annotation, { paintFirst: true });
    afterPaint(() => announce(annotation));
  };
  const announce = (annotation: Annotation) => {
    say(`${nameOf(annotation.labelId)} created`);
    if (!annotatorName && !reminded.current) {
      reminded.current = true;
      setNameReminder(true);
    }
  };
  const remove = (annotationId: string) => {
    const annotation = annotations().find((a) => a.id === annotationId);
    deleteAnnotation(annotationId);
    if (annotation) say(`${nameOf(annotation.labelId)} deleted`);
  };

  return { undone, redone, create, remove, nameReminder, dismissNameReminder: () => setNameReminder(false) };
}
