// The review desk's state: the editor's sort, filters, focus and selection. It lives in App (not
// in the desk component), so going to a claim in context and back keeps all of it. The claims
// themselves are the workspace's (workspace-state.ts), and the desk edits them through the same
// pipeline as every other edit: on screen at once, queued for disk, undoable.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { claimVersionGroups, type Annotation, type ClaimRow, type ClaimVersionGroup } from '../../../electron/contract/window-api';
import { updatedAnnotation } from '../../../electron/contract/annotation-rules';
import { currentWindowPerson, type AnnotatorClient } from '../api/client';
import type { ChangeQueue } from '../state/change-queue';
import type { DeskClaimPatch } from '../state/edits';
import { conflictsOf, type ClaimRowWithConflicts } from '../state/claim-conflicts';
import type { WorkspaceState } from '../state/workspace-state';
import { combine, deskClaimStep, type DeskClaimEdit, type Step } from '../state/history';
import { filterClaims, indexByKey, NO_DESK_FILTER, rowKey, sortClaims, type DeskFilter, type Sort } from './claim-table';

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
  const { session, speakers, claimsLoaded: loaded } = state;
  // The curated layer only, or every claim: the editor's choice, kept as a workspace setting.
  const [layer, setLayerShown] = useState<'all' | 'curated'>(session?.reviewSettings.layer ?? 'all');
  useEffect(() => setLayerShown(session?.reviewSettings.layer ?? 'all'), [session?.reviewSettings.layer]);
  const rows = useMemo(() => (layer === 'curated' ? state.claims.filter((row) => row.layer === 'curated') : state.claims), [layer, state.claims]);
  const setLayer = useCallback(
    (next: 'all' | 'curated') => {
      setLayerShown(next);
      if (session) queue.push({ kind: 'setReviewSettings', settings: { ...session.reviewSettings, layer: next } });
    },
    [queue, session],
  );
  // The window's person makes the desk's decisions (see people/window-person.ts).
  const annotatorName = currentWindowPerson()?.name ?? session?.annotatorName ?? '';
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
  // Several annotators' tags of one claim are one item, shown by its lead (contract/claim-versions).
  const groupOf = useMemo(() => {
    const byKey = new Map<string, ClaimVersionGroup<ClaimRow>>();
    for (const group of claimVersionGroups(
      // Only what the rule reads: a copy of every field of 10,000 rows cost more than the rule.
      rows.map((row) => ({ documentId: row.documentId, start: row.start, end: row.start + row.text.length, author: row.author, status: row.status, reviewer: row.reviewer, reviewedAt: row.reviewedAt, row })),
    )) {
      const ofRows: ClaimVersionGroup<ClaimRow> = { versions: group.versions.map((v) => v.row), agree: group.agree, lead: group.lead.row };
      for (const version of ofRows.versions) byKey.set(rowKey(version), ofRows);
    }
    return byKey;
  }, [rows]);
  const visible = useMemo(() => {
    // A claim shows when any of its versions matches the filters, once, by its lead.
    const shown = new Set<ClaimRow>();
    // "In conflict" also finds the claims whose versions disagree: each waits for the editor's pick.
    const disagrees = (row: ClaimRow) => groupOf.get(rowKey(row))?.agree === false;
    const matching = filter.inConflict
      ? [...filterClaims(rows, { ...filter, inConflict: false }, speakerNames, currentWindowPerson()).filter((row) => conflictsOf(row).length > 0 || disagrees(row))]
      : filterClaims(rows, filter, speakerNames, currentWindowPerson());
    for (const row of matching) shown.add(groupOf.get(rowKey(row))?.lead ?? row);
    return sortClaims(
      rows.filter((row) => shown.has(row)),
      sort,
      speakers,
      statuses,
    );
  }, [rows, filter, speakerNames, sort, speakers, statuses, groupOf]);
  const visibleIndex = useMemo(() => indexByKey(visible), [visible]);
  const itemCount = useMemo(() => new Set(groupOf.values()).size, [groupOf]);
  const inConflictCount = useMemo(
    () => new Set(rows.filter((r) => conflictsOf(r).length > 0 || groupOf.get(rowKey(r))?.agree === false).map((r) => groupOf.get(rowKey(r)) ?? r)).size,
    [rows, groupOf],
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
    if (!focusedKey || !visibleIndex.has(focusedKey)) setFocusedKey(rowKey(visible[0]!));
  }, [visible, visibleIndex, focusedKey]);

  /** The step that sets `claim` on these claims: shown at once, saved in one batch, undone as one. */
  const claimsStep = useCallback(
    (keys: readonly string[], claim: DeskClaimPatch, decision = true): Step | null => {
      const wanted = new Set(keys);
      const targets = rows.filter((r) => wanted.has(rowKey(r)));
      if (targets.length === 0) return null;
      const now = new Date().toISOString();
      const firstStatusId = statuses[0]?.id ?? 'unreviewed';
      const edits = targets.map((before): DeskClaimEdit => {
        // A desk decision makes the editor the verdict's reviewer; a status brought into line by a pick is nobody's.
        const reviewer = claim.status === undefined ? {} : { reviewer: decision ? annotatorName : '', statusBy: annotatorName };
        const after: ClaimRow = { ...before, ...claim, ...reviewer, updatedAt: now, ...(claim.status !== undefined && { reviewedAt: now }) };
        // A verdict settles the claim's conflicts (the service clears them); an undo brings them back.
        if (claim.status !== undefined && claim.conflicts === undefined) delete (after as ClaimRowWithConflicts).conflicts;
        const shown = openAnnotations.find((a) => a.documentId === before.documentId && a.id === before.annotationId);
        const change = { kind: 'updateAnnotation' as const, documentId: before.documentId, annotationId: before.annotationId, claim, ...(decision && { deskDecision: true as const }) };
        return { before, after, ...(shown && { open: { before: shown, after: updatedAnnotation(shown, change, now, firstStatusId, undefined, annotatorName) } }) };
      });
      return deskClaimStep(edits, claim, Date.now(), decision);
    },
    [rows, annotatorName, openAnnotations, statuses],
  );

  /** Shown at once, saved through the queue in one batch (one undoable step), then read back from the service. */
  const updateClaims = useCallback(
    (keys: readonly string[], claim: DeskClaimPatch) => {
      const step = claimsStep(keys, claim);
      if (step) perform(step);
    },
    [claimsStep, perform],
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
      const at = focusedKey === null ? undefined : visibleIndex.get(focusedKey);
      if (at !== undefined) heldIndex.current = at;
      // A claim with versions gets its verdict as one: every version, so they agree.
      const every = keys.flatMap((key) => groupOf.get(key)?.versions.map(rowKey) ?? [key]);
      updateClaims([...new Set(every)], { status });
      refreshSoon();
    },
    [updateClaims, refreshSoon, visibleIndex, focusedKey, groupOf],
  );

  /**
   * The editor picks one version's verdict: the others take its status (so they agree) and the
   * picked one is the desk's decision, with her as its reviewer: it is the version published.
   */
  const pickVersion = useCallback(
    (key: string) => {
      const group = groupOf.get(key);
      const picked = group?.versions.find((v) => rowKey(v) === key);
      if (!group || !picked) return;
      const others = group.versions.filter((v) => v !== picked).map(rowKey);
      const steps = [claimsStep(others, { status: picked.status }, false), claimsStep([key], { status: picked.status })].filter((s): s is Step => s !== null);
      if (steps.length === 0) return;
      perform({ ...combine(steps), desk: true });
      refreshSoon();
    },
    [groupOf, claimsStep, perform, refreshSoon],
  );

  const setReviewerNote = useCallback(
    (key: string, reviewerNote: string) => {
      updateClaims([key], { reviewerNote });
      refreshSoon();
    },
    [updateClaims, refreshSoon],
  );

  const setPublicSummary = useCallback(
    (key: string, publicSummary: string) => {
      updateClaims([key], { publicSummary });
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
    layer,
    setLayer,
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
    pickVersion,
    groupOf,
    /** How many claims, several annotators' versions of one counted once. */
    itemCount,
    /** Claims waiting for the editor: an import's verdict in conflict, or versions that disagree. */
    inConflictCount,
    /** Each shown claim's place in `visible`, by its key. */
    visibleIndex,
    setReviewerNote,
    setPublicSummary,
    refresh,
    scrollOffset,
    undo,
    redo,
    historyVersion,
  };
}

export type ReviewDeskModel = ReturnType<typeof useReviewDesk>;
