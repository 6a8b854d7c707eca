// The open document's suggestions: asked for on open (pre-annotations) and on Suggest, dropped
// when another document opens, and accepted (one undoable step) or rejected (kept by the host
// for this text). A suggestion a highlight covers is not shown, so undoing an accept brings it back.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Suggestion } from '../../../electron/contract/window-api';
import { notCovered, quoteKindOf } from '../../../electron/contract/suggestion-rules';
import type { AnnotatorClient } from '../api/client';
import { combine, createStep, type Step } from '../state/history';
import { counted as plural } from '../../../electron/contract/counted';

const AUTO_KEY = 'newsroom-annotator:suggest-on-open';

export interface SuggestionsDeps {
  /** The speakers the window knows: a suggestion's speaker deleted since it was saved is dropped, not sent. */
  speakers: readonly { id: string }[];
  client: AnnotatorClient;
  documentId: string | null;
  /** The open text's hash: suggestions are for one text, and a new one (the file changed, read again) starts over. */
  textHash: string | null;
  annotations: readonly Annotation[];
  /** A highlight as the window makes one (author, time, status), not yet made. */
  prepare(labelId: string, start: number, end: number): Annotation | undefined;
  perform(step: Step, select?: string | null): void;
  report(error: unknown): void;
  say(text: string): void;
}

interface Run {
  documentId: string | null;
  all: Suggestion[];
  running: boolean;
  startedAt: number;
  missingLabels: string[];
}

const newRunId = () => `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function readAuto(): boolean {
  try {
    return localStorage.getItem(AUTO_KEY) === 'yes';
  } catch {
    return false;
  }
}

export function useSuggestions({ client, documentId, textHash, speakers, annotations, prepare, perform, report, say }: SuggestionsDeps) {
  const [run, setRun] = useState<Run>({ documentId: null, all: [], running: false, startedAt: 0, missingLabels: [] });
  const [auto, setAutoState] = useState(readAuto);
  /** The list shown in place of the highlights, and the suggestion focused in it. */
  const [shown, setShown] = useState(false);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  /** Bumped when the list should take the keyboard once its answer is drawn (Alt+S). */
  const [focusRequest, setFocusRequest] = useState(0);
  // Each request's number: an answer for a request no longer the latest is dropped.
  const latest = useRef(0);
  /** The run the host is working on for this window, called off when another document opens. */
  const outstanding = useRef<string | null>(null);
  /** Rejected in this window for this text: left out of an answer that was already on its way. */
  const rejectedHere = useRef(new Set<string>());
  /** The suggestion being edited first (E): the highlight the label key makes over it keeps what it proposed. */
  const editing = useRef<Suggestion | null>(null);
  const visible = useMemo(() => (run.documentId === documentId ? notCovered(run.all, annotations) : []), [run, documentId, annotations]);

  const suggest = useCallback(
    async (fresh: boolean, focusList = false) => {
      if (!documentId) return say('Suggest: open a document first.');
      const asked = ++latest.current;
      if (fresh) setRun((r) => ({ ...(r.documentId === documentId ? r : { all: [], missingLabels: [] }), documentId, running: true, startedAt: Date.now() }));
      const runId = fresh ? newRunId() : undefined;
      if (runId) outstanding.current = runId;
      try {
        const found = await client.suggestAnnotations({ documentId, fresh, ...(runId && { runId }) });
        if (asked !== latest.current) return;
        setRun({ documentId, all: found.suggestions.filter((s) => !rejectedHere.current.has(s.key)), running: false, startedAt: 0, missingLabels: found.missingLabels });
        if (focusList) setFocusRequest((n) => n + 1);
        if (fresh) {
          const left = found.missingLabels.length ? ` (no ${found.missingLabels.join(' or ')} label in this workspace, so none of those)` : '';
          say(found.suggestions.length ? `${plural(found.suggestions.length, 'suggestion')} to review${left}.` : `Nothing to suggest in this document${left}.`);
        } else if (found.saved && found.suggestions.length) {
          say(`${plural(found.suggestions.length, 'pre-annotation')} to review in the suggestions list.`);
        }
      } catch (error) {
        if (asked !== latest.current) return;
        setRun((r) => ({ ...r, running: false }));
        report(error);
      } finally {
        if (runId && outstanding.current === runId) outstanding.current = null;
      }
    },
    [client, documentId, report, say],
  );

  // A new document, or a new text of it: the old suggestions and any run still out are dropped.
  useEffect(() => {
    latest.current++;
    // The host stops its worker: seconds of a 5 MB transcript no one will look at.
    const calledOff = outstanding.current;
    outstanding.current = null;
    if (calledOff) client.cancelSuggestions({ runId: calledOff }).catch(() => undefined);
    rejectedHere.current = new Set();
    editing.current = null;
    setRun({ documentId, all: [], running: false, startedAt: 0, missingLabels: [] });
    setFocusedKey(null);
    if (documentId) void suggest(readAuto());
  }, [documentId, textHash]);

  /** A highlight as the suggestion proposes it: its speaker (if still in the registry) and quote kind. */
  const asSuggested = useCallback(
    (annotation: Annotation, s: Suggestion): Annotation => {
      const quoteKind = quoteKindOf(s.kind, annotation.text);
      const speakerId = s.speakerId && speakers.some((p) => p.id === s.speakerId) ? s.speakerId : annotation.speakerId;
      return { ...annotation, speakerId, ...(quoteKind && { quoteKind }) };
    },
    [speakers],
  );

  const accept = useCallback(
    (chosen: readonly Suggestion[]) => {
      const made = chosen.flatMap((s) => {
        const annotation = prepare(s.labelId, s.start, s.end);
        return annotation ? [asSuggested(annotation, s)] : [];
      });
      if (made.length === 0) return;
      // One step, however many: Ctrl+Z takes the whole accept back, and the suggestions return.
      perform({ ...combine(made.map((a) => createStep(a))), oneBatch: true }, made.length === 1 ? made[0]!.id : undefined);
      say(made.length === 1 ? 'Suggestion accepted.' : `${plural(made.length, 'suggestion')} accepted.`);
    },
    [asSuggested, perform, prepare, say],
  );

  const edit = useCallback((s: Suggestion) => {
    editing.current = s;
  }, []);
  const carryOver = useCallback(
    (annotation: Annotation): Annotation => {
      const s = editing.current;
      editing.current = null;
      const overlaps = s && s.labelId === annotation.labelId && Math.min(s.end, annotation.end) > Math.max(s.start, annotation.start);
      return overlaps ? asSuggested(annotation, s) : annotation;
    },
    [asSuggested],
  );

  const reject = useCallback(
    (chosen: readonly Suggestion[]) => {
      if (!documentId || chosen.length === 0) return;
      const keys = new Set(chosen.map((s) => s.key));
      for (const key of keys) rejectedHere.current.add(key);
      setRun((r) => ({ ...r, all: r.all.filter((s) => !keys.has(s.key)) }));
      say(chosen.length === 1 ? 'Suggestion rejected: it will not be suggested again for this text.' : `${plural(chosen.length, 'suggestion')} rejected.`);
      client.rejectSuggestions({ documentId, keys: [...keys] }).catch(report);
    },
    [client, documentId, report, say],
  );

  const setAuto = useCallback((on: boolean) => {
    setAutoState(on);
    try {
      localStorage.setItem(AUTO_KEY, on ? 'yes' : 'no');
    } catch {
      // A window without storage keeps the setting until it closes.
    }
  }, []);

  return {
    suggestions: visible,
    running: run.running && run.documentId === documentId,
    startedAt: run.startedAt,
    /** Suggests now; `focusList`: the list takes the keyboard once the answer is drawn. */
    // Once at a time: a second Alt+S while the first runs would only start another worker.
    run: (focusList = false) => void (run.running && run.documentId === documentId ? undefined : suggest(true, focusList)),
    focusRequest,
    accept,
    edit,
    carryOver,
    reject,
    auto,
    setAuto,
    shown,
    setShown,
    focusedKey,
    setFocusedKey,
  };
}

export type SuggestionsModel = ReturnType<typeof useSuggestions>;
