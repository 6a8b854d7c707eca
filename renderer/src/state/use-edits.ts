// The edits a person makes to highlights, speakers and labels: each built as a step of the
// history and handed to the edit pipeline, as the window's person (see people/window-person.ts).
import { useCallback } from 'react';
import type { Annotation, Label } from '../../../electron/contract/window-api';
import { newAnnotation, updatedAnnotation } from '../../../electron/contract/annotation-rules';
import { findSpeakerByName } from '../../../electron/contract/speaker-names';
import { currentWindowPerson } from '../api/client';
import type { AnnotationPatch } from './edits';
import { combine, createStep, deleteStep, mergeStep, speakerEditStep, speakerStep, updateStep, type SpeakerPatch, type Step } from './history';
import type { EditPipeline } from './use-edit-pipeline';
import { newId, type WorkspaceDeps } from './workspace-deps';

export function useEdits({ client, state: readState, dispatch, report, setBusy }: WorkspaceDeps, { perform, queue }: EditPipeline) {
  // The state as it is now, for callbacks made earlier.
  const stateRef = { get current() { return readState(); } };
  const firstStatus = () => stateRef.current.session?.statuses[0]?.id ?? 'unreviewed';
  const find = (annotationId: string) => stateRef.current.current?.annotations.find((a) => a.id === annotationId);

  /** A new highlight on the selection, as it will be saved; `addAnnotation` makes it. */
  const prepareAnnotation = useCallback(
    (labelId: string, start: number, end: number): Annotation | undefined => {
      const current = stateRef.current.current;
      if (!current) return undefined;
      const now = new Date().toISOString();
      const text = current.text;
      // A name the registry already knows (by name or by another name) is linked at once;
      // anything else waits for the user to pick or create its speaker.
      const known = labelId === 'speaker' ? findSpeakerByName(stateRef.current.speakers, text.slice(start, end)) : undefined;
      const change = { kind: 'createAnnotation' as const, documentId: current.document.id, annotationId: newId('ann'), labelId, start, end, speakerId: known?.id ?? null };
      const person = currentWindowPerson();
      return newAnnotation(change, text, { author: person?.name ?? stateRef.current.session?.annotatorName ?? '', authorId: person?.id, now, firstStatusId: firstStatus() });
    },
    [],
  );

  /** `paintFirst`: the editor has drawn it; the window catches up after the paint (after-paint.ts). */
  const addAnnotation = useCallback(
    (annotation: Annotation, options?: { paintFirst?: boolean }) => perform(createStep(annotation), annotation.id, options),
    [perform],
  );

  const updateStepFor = (annotationId: string, patch: AnnotationPatch): Step | null => {
    const before = find(annotationId);
    if (!before) return null;
    const change = { kind: 'updateAnnotation' as const, documentId: before.documentId, annotationId, ...patch };
    // As the service records it: the window's person, else (none chosen yet) the workspace's name.
    const by = currentWindowPerson()?.name ?? stateRef.current.session?.annotatorName ?? '';
    return updateStep(before, updatedAnnotation(before, change, new Date().toISOString(), firstStatus(), stateRef.current.current?.text, by), patch);
  };

  const updateAnnotation = useCallback(
    (annotationId: string, patch: AnnotationPatch) => {
      const step = updateStepFor(annotationId, patch);
      if (step) perform(step);
    },
    [perform],
  );

  const deleteAnnotation = useCallback(
    (annotationId: string) => {
      const annotation = find(annotationId);
      if (!annotation) return;
      perform(deleteStep(annotation), null);
      dispatch({ type: 'message', kind: 'info', text: 'Highlight deleted. Press Ctrl+Z (⌘Z on a Mac) to undo.' });
    },
    [perform],
  );

  /** A new speaker, named by the user, linked to the highlight the picker belongs to. */
  const createSpeakerFor = useCallback(
    (name: string, annotation: Annotation) => {
      const speaker = { id: newId('spk'), name: name.trim(), aliases: [], role: '', organisation: '', notes: '', createdAt: new Date().toISOString() };
      const link = updateStepFor(annotation.id, { speakerId: speaker.id });
      perform(combine(link ? [speakerStep(speaker), link] : [speakerStep(speaker)]));
    },
    [perform],
  );

  const createSpeakerFromMention = useCallback(
    (mention: Annotation, attributeTo: Annotation | null) => {
      const name = mention.text.trim().replace(/\s+/g, ' ');
      const existing = findSpeakerByName(stateRef.current.speakers, name);
      const speaker = existing ?? { id: newId('spk'), name, aliases: [], role: '', organisation: '', notes: '', createdAt: new Date().toISOString() };
      // One step: undoing it takes back the attribution and the new speaker together.
      const steps: Step[] = existing ? [] : [speakerStep(speaker)];
      const onMention = updateStepFor(mention.id, { speakerId: speaker.id });
      if (onMention) steps.push(onMention);
      if (attributeTo) {
        const before = find(attributeTo.id);
        if (before) {
          const change = { kind: 'updateAnnotation' as const, documentId: before.documentId, annotationId: before.id, speakerId: speaker.id };
          steps.push(updateStep(before, updatedAnnotation(before, change, new Date().toISOString(), firstStatus()), { speakerId: speaker.id }));
        }
      }
      if (steps.length) perform(combine(steps));
    },
    [perform],
  );

  const saveLabel = useCallback(
    (label: Label) => {
      const labels = stateRef.current.labels;
      const next = labels.some((l) => l.id === label.id) ? labels.map((l) => (l.id === label.id ? label : l)) : [...labels, label];
      dispatch({ type: 'labels-changed', labels: next });
      queue.push({ kind: 'saveLabel', label });
    },
    [queue],
  );

  const deleteLabel = useCallback(
    (labelId: string) => {
      const inUse = stateRef.current.current?.annotations.filter((a) => a.labelId === labelId).length ?? 0;
      if (inUse > 0) {
        report(new Error(`${inUse} highlight${inUse === 1 ? ' uses' : 's use'} this label here; relabel or delete ${inUse === 1 ? 'it' : 'them'} first.`));
        return;
      }
      dispatch({ type: 'labels-changed', labels: stateRef.current.labels.filter((l) => l.id !== labelId) });
      queue.push({ kind: 'deleteLabel', labelId });
    },
    [queue, report],
  );

  const editSpeaker = useCallback(
    (speakerId: string, patch: SpeakerPatch) => {
      const before = stateRef.current.speakers.find((s) => s.id === speakerId);
      if (before) perform(speakerEditStep(before, patch));
    },
    [perform],
  );

  /** Everything of `mergedId`, in every document, follows `survivorId`; undoable as one step. */
  const mergeSpeakers = useCallback(
    async (survivorId: string, mergedId: string) => {
      if (survivorId === mergedId) return;
      try {
        setBusy('Merging speakers…');
        await queue.whenIdle();
        const elsewhere = await client.listSpeakerAppearances({ speakerId: mergedId });
        // Built from the state as it is now, not as it was before waiting: edits made
        // meanwhile must not be undone by the merge.
        const { speakers, current } = stateRef.current;
        const survivor = speakers.find((s) => s.id === survivorId);
        const merged = speakers.find((s) => s.id === mergedId);
        if (!survivor || !merged) return;
        perform(mergeStep(survivor, merged, elsewhere, current?.annotations ?? []));
        dispatch({ type: 'message', kind: 'info', text: `“${merged.name}” was merged into “${survivor.name}”. Press Ctrl+Z (⌘Z on a Mac) to undo.` });
      } catch (error) {
        report(error);
      } finally {
        setBusy(null);
      }
    },
    [client, perform, queue, report],
  );

  return { prepareAnnotation, addAnnotation, updateAnnotation, deleteAnnotation, createSpeakerFor, createSpeakerFromMention, saveLabel, deleteLabel, editSpeaker, mergeSpeakers };
}
