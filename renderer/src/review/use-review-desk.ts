// The review desk's state: the editor's sort, filters, focus and selection. It lives in App (not
// in the desk component), so going to a claim in context and back keeps all of it. The claims
// themselves are the workspace's (workspace-state.ts), and the desk edits them through the same
// pipeline as every other edit: on screen at once, queued for disk, undoable.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, ClaimRow } from '../../../electron/contract/api';
import { updatedAnnotation } from '../../../electron/contract/annotation-rules';
import type { AnnotatorClient } from '../api/client';
import type { ChangeQueue } from '../state/change-queue';
import type { DeskClaimPatch } from '../state/edits';
import type { ClaimRowWithConflicts } from '../state/claim-conflicts';
import type { WorkspaceState } from '../state/workspace-state';
import { deskClaimStep, type DeskClaimEdit, type Step } from '../state/history';
import { filterClaims, NO_DESK_FILTER, rowKey, sortClaims, type DeskFilter, type Sort } from './claim-table';

interface Options {
  client: AnnotatorClient;
  queue: ChangeQueue;
  /** The workspace: its claims, and the open document's highlights (a desk edit shows there too). */
  state: WorkspaceState;
  /** The workspace's edit pipeline (use-workspace.ts). */
  actions: {
    report(error: unknown): void;
    perform(step: Step): void;
    loadClaims(claims: ClaimRow[]): void;
    undoOnDesk(): boolean;
    redoOnDesk(): boolean;
  };
}

const NO_ANNOTATIONS: readonly Annotation[] = [];

export function useReviewDesk({ client, queue, state, actions }: Options) {
  const { session, speakers, claims: rows, claimsLoaded: loaded } = state;
  const annotatorName = session?.annotatorName ?? '';
  const openAnnotations = state.current?.annotations ?? NO_ANNOTATIONS;
  const { report, perform, loadClaims, undoOnDesk, redoOnDesk } = actions;
  const [sort, setSort] = useState<Sort | null>(null);
  const [filter, setFilter] = useState<DeskFilter>(NO_DESK_FILTER);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  /** Where the list was scrolled, for coming back from a claim in context. */
  const scrollOffset = useRef(0);
  /** Bumped after each change, so the history shown for a claim is read again. */
  const [historyVersion, setHistoryVersion] = useState(0);
  const statuses = session?.statuses ?? [];

  const speakerNames = useMemo(() => new Map(speakers.map((s) => [s.id, s.name])), [speakers]);
  const visible = useMemo(
    () => sortClaims(filterClaims(rows, filter, speakerNames), sort, speakers, statuses),
    [rows, filter, speakerNames, sort, speakers, statuses],
  );

  const refreshSeq = useRef(0);
  const refresh = useCallback(async () => {
    const seq = ++refreshSeq.current;
    try {
      // What is still on its way to disk would be missing from the answer.
      await queue.whenIdle();
      const fresh = await client.listClaims({});
      if (seq !== refreshSeq.current) return;
      loadClaims(fresh);
      setHistoryVersion((n) => n + 1);
    } catch (error) {
      report(error);
    }
  }, [client, queue, report, loadClaims]);

  /** Where the focus was when a status was set: the queue goes on from that place. */
  const heldIndex = useRef<number | null>(null);

  // The focused row stays a real row; the first one when nothing is focused yet. After a verdict
  // the focus keeps its place in the queue, even when the claim moves (sorted by status) or leaves
  // it (filtered by status): the next claim comes up, not the top of the list.
  useEffect(() => {
    if (visible.length === 0) return;
    const held = heldIndex.current;
    if (held !== null) {
      heldIndex.current = null;
      const here = visible[Math.min(held, visible.length - 1)]!;
      if (rowKey(here) !== focusedKey) setFocusedKey(rowKey(here));
      return;
    }
    if (!focusedKey || !visible.some((r) => rowKey(r) === focusedKey)) setFocusedKey(rowKey(visible[0]!));
  }, [visible, focusedKey]);

  /** Shown at once, saved through the queue in one batch (one undoable step), then read back from the service. */
  const updateClaims = useCallback(
    (keys: readonly string[], claim: DeskClaimPatch) => {
      const wanted = new Set(keys);
      const targets = rows.filter((r) => wanted.has(rowKey(r)));
      if (targets.length === 0) return;
      const now = new Date().toISOString();
      const firstStatusId = statuses[0]?.id ?? 'unreviewed';
      const edits = targets.map((before): DeskClaimEdit => {
        const after: ClaimRow = { ...before, ...claim, ...(claim.status !== undefined && claim.status !== before.status && { reviewer: annotatorName }), updatedAt: now };
        // A verdict settles the claim's conflicts (the service clears them); an undo brings them back.
        if (claim.status !== undefined && claim.conflicts === undefined) delete (after as ClaimRowWithConflicts).conflicts;
        const shown = openAnnotations.find((a) => a.documentId === before.documentId && a.id === before.annotationId);
        const change = { kind: 'updateAnnotation' as const, documentId: before.documentId, annotationId: before.annotationId, claim };
        return { before, after, ...(shown && { open: { before: shown, after: updatedAnnotation(shown, change, now, firstStatusId, undefined, annotatorName) } }) };
      });
      perform(deskClaimStep(edits, claim));
    },
    [rows, perform, annotatorName, openAnnotations, statuses],
  );

  // Triage is quick (J 5 J 5 …): the table is read back once the keys pause, not after each one.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => void refresh(), 600);
  }, [refresh]);
  useEffect(() => () => void (refreshTimer.current && clearTimeout(refreshTimer.current)), []);

  const setStatus = useCallback(
    (keys: readonly string[], status: string) => {
      const at = visible.findIndex((r) => rowKey(r) === focusedKey);
      if (at >= 0) heldIndex.current = at;
      updateClaims(keys, { status });
      refreshSoon();
    },
    [updateClaims, refreshSoon, visible, focusedKey],
  );

  const setReviewerNote = useCallback(
    (key: string, reviewerNote: string) => {
      updateClaims([key], { reviewerNote });
      refreshSoon();
    },
    [updateClaims, refreshSoon],
  );

  const toggleSelected = useCallback((key: string) => {
    setSelection((before) => {
      const next = new Set(before);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const addToSelection = useCallback((keys: string[]) => setSelection((before) => new Set([...before, ...keys])), []);
  const clearSelection = useCallback(() => setSelection(new Set()), []);

  /** Undo or redo on the desk: its own last edit; the table is read back afterwards. */
  const undo = useCallback(() => {
    const undone = undoOnDesk();
    if (undone) refreshSoon();
    return undone;
  }, [undoOnDesk, refreshSoon]);
  const redo = useCallback(() => {
    const redone = redoOnDesk();
    if (redone) refreshSoon();
    return redone;
  }, [redoOnDesk, refreshSoon]);

  return {
    rows,
    visible,
    loaded,
    sort,
    setSort,
    filter,
    setFilter,
    focusedKey,
    setFocusedKey,
    selection,
    toggleSelected,
    addToSelection,
    clearSelection,
    setStatus,
    setReviewerNote,
    refresh,
    scrollOffset,
    undo,
    redo,
    historyVersion,
  };
}

export type ReviewDeskModel = ReturnType<typeof useReviewDesk>;
