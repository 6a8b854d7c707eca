// The editors' desk: every claim in the workspace in one table, triaged with the keyboard.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ClaimRow, Speaker, Status } from '../../../electron/contract/window-api';
import { statusAttribution } from '../../../electron/contract/annotation-rules';
import { EDITOR_VIEW_NOTICE, verdictRating } from '../../../electron/contract/window-api';
import { annotatorChoices } from '../../../electron/contract/annotator-filter';
import { AnnotatorSelect } from '../components/AnnotationFilter';
import type { AnnotatorClient } from '../api/client';
import { ClaimHistory, PublicSummaryField, ReviewerNoteField } from './ClaimHistory';
import { ClaimVersions, VersionsMark } from './ClaimVersions';
import { DeskKeys } from './DeskKeys';
import { ConflictVersions } from './ConflictVersions';
import { conflictsOf } from '../state/claim-conflicts';
import { COLUMNS, compactTime, filterChoices, nextSort, rowKey, shortTime, type ColumnKey } from './claim-table';
import type { ReviewDeskModel } from './use-review-desk';
import { ChoiceSelect } from '../components/ChoiceSelect';
import { allCommands, type Command } from '../commands/registry';
import { handlerOf, runKey, type Handlers } from '../commands/dispatch';

/** The desk table's commands, a status's key among them. */
const deskCommands = (statuses: readonly Status[]): Command[] => allCommands([], statuses).filter((c) => c.when === 'desk');

const ROW_HEIGHT = 48;
const WORTHINESS_NAMES = { low: 'Low', medium: 'Medium', high: 'High' } as const;

interface Props {
  desk: ReviewDeskModel;
  client: AnnotatorClient;
  statuses: Status[];
  speakers: Speaker[];
  mod: string;
  /** Blind annotation is on: the desk says it shows everyone's claims all the same. */
  blind?: boolean;
  whenSaved(): Promise<void>;
  onOpenInContext(row: ClaimRow): void;
  onEditScale(): void;
  onEditSettings(): void;
  onExport(): void;
  /** The window opens it on the focused claim's document. */
  onReport(): void;
}

export const rowDomId = (row: ClaimRow): string => `claim-${row.documentId}-${row.annotationId}`;


function cellText(row: ClaimRow, column: ColumnKey, speakerNames: Map<string, string>, statusNames: Map<string, string>): string {
  switch (column) {
    case 'text':
      return row.text.replace(/\s+/g, ' ');
    case 'claimant':
      return row.claimantId ? speakerNames.get(row.claimantId) ?? '' : '—';
    case 'document':
      return row.documentTitle;
    case 'status':
      return statusNames.get(row.status) ?? row.status;
    case 'checkWorthiness':
      return row.checkWorthiness ? WORTHINESS_NAMES[row.checkWorthiness] : '—';
    case 'author':
      return row.author || '—';
    case 'reviewer':
      return row.reviewer || '—';
    case 'updatedAt':
      return compactTime(row.updatedAt);
  }
}

export function ReviewDesk({ desk, client, statuses, speakers, mod, blind = false, whenSaved, onOpenInContext, onEditScale, onEditSettings, onExport, onReport }: Props) {
  const { visible, rows, focusedKey, selection } = desk;
  const gridRef = useRef<HTMLDivElement>(null);
  const sideRef = useRef<HTMLElement>(null);
  // Another claim: its text at the top of the panel, not the last one's scrolled-down history.
  useEffect(() => {
    if (sideRef.current) sideRef.current.scrollTop = 0;
  }, [focusedKey]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const speakerNames = useMemo(() => new Map(speakers.map((s) => [s.id, s.name])), [speakers]);
  const statusNames = useMemo(() => new Map(statuses.map((s) => [s.id, s.name])), [statuses]);
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const annotators = useMemo(() => annotatorChoices(rows), [rows]);
  const focusedIndex = focusedKey ? desk.visibleIndex.get(focusedKey) ?? -1 : -1;
  const focused = focusedIndex >= 0 ? visible[focusedIndex]! : null;
  // Every selected claim, also those a filter set since hides: they were chosen.
  const selectedRows = useMemo(() => (selection.size === 0 ? [] : rows.filter((r) => selection.has(rowKey(r)))), [rows, selection]);
  const hiddenSelected = selectedRows.filter((r) => visible[desk.visibleIndex.get(rowKey(r)) ?? -1] !== r).length;
  const inConflict = desk.inConflictCount;

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Back from a claim in context: the list where it was left.
    initialOffset: () => desk.scrollOffset.current,
    onChange: (instance) => {
      desk.scrollOffset.current = instance.scrollOffset ?? 0;
    },
  });

  // The keyboard starts on the table when the desk opens (and when it comes back).
  useEffect(() => gridRef.current?.focus(), []);
  useEffect(() => {
    if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [focusedIndex, virtualizer]);

  const moveTo = (index: number, extend: boolean) => {
    const target = visible[Math.max(0, Math.min(visible.length - 1, index))];
    if (!target) return;
    setLastAction('');
    if (extend) desk.addToSelection([...(focused ? [rowKey(focused)] : []), rowKey(target)]);
    desk.setFocusedKey(rowKey(target));
  };

  /** Said in the live status line, so a screen reader hears what a key did. */
  const [lastAction, setLastAction] = useState('');
  const [bulkStatus, setBulkStatus] = useState('');
  const setStatusByKey = (status: Status) => {
    if (selectedRows.length > 0) {
      desk.setStatus(selectedRows.map(rowKey), status.id);
      desk.clearSelection();
      const count = `${selectedRows.length} claim${selectedRows.length === 1 ? '' : 's'}`;
      setLastAction(`${count} set to ${status.name}${hiddenSelected ? ` (${hiddenSelected} not shown by the filters)` : ''}.`);
    } else if (focused) {
      desk.setStatus([rowKey(focused)], status.id);
      setLastAction(`Set to ${status.name}.`);
    } else {
      // A key that cannot act says why.
      setLastAction(`${status.hotkey?.toUpperCase() ?? ''}: no claim to set to ${status.name}${rows.length ? ' (none shown: change the filters)' : ''}.`);
    }
  };

  /** A key with no claim to act on says why, in the live status line. */
  const noClaim = (key: string, what: string) => setLastAction(`${key}: no claim to ${what}${rows.length ? ' (none shown: change the filters)' : ' yet'}.`);

  type Keys = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'preventDefault'>;
  const handlers: Handlers<'desk', Keys> = {
    'desk-move': ({ key }) => (moveTo(focusedIndex + (key === 'ArrowDown' || key === 'j' ? 1 : -1), false), true),
    'desk-extend': ({ key }) => (moveTo(focusedIndex + (key === 'ArrowDown' || key === 'J' ? 1 : -1), true), true),
    'desk-jump': ({ key, shiftKey }) => {
      const to = { Home: 0, End: visible.length - 1, PageDown: focusedIndex + 10, PageUp: focusedIndex - 10 }[key] ?? focusedIndex;
      moveTo(to, shiftKey);
      return true;
    },
    'desk-select': ({ key }) => (focused ? desk.toggleSelected(rowKey(focused)) : noClaim(key === ' ' ? 'Space' : 'X', 'select'), true),
    'desk-open': () => (focused ? onOpenInContext(focused) : noClaim('Enter', 'open'), true),
    'desk-note': () => (focused ? document.getElementById('desk-reviewer-note')?.focus() : noClaim('N', 'write a note on'), true),
    'desk-clear-selection': () => selection.size > 0 && (desk.clearSelection(), true),
  };
  const setStatusOf = {
    prefix: 'status:',
    run: (statusId: string) => {
      const status = statuses.find((s) => s.id === statusId);
      if (status) setStatusByKey(status);
      return !!status;
    },
  };
  const onKey = (event: Keys) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    runKey(deskCommands(statuses), event, handlerOf(handlers, setStatusOf));
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target === gridRef.current) onKey(event);
  };
  // A closed dialog leaves the focus on the page itself: the desk's keys still work from there.
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const fromPage = (event: KeyboardEvent) => {
      if (event.target !== document.body || event.defaultPrevented || event.key === '?') return;
      // Not through an open dialog to the table behind it.
      if (document.querySelector('[role=dialog]')) return;
      gridRef.current?.focus();
      onKeyRef.current(event);
    };
    window.addEventListener('keydown', fromPage);
    return () => window.removeEventListener('keydown', fromPage);
  }, []);

  const filter = desk.filter;
  const setFilter = (patch: Partial<typeof filter>) => desk.setFilter({ ...filter, ...patch });
  const focusedRating = focused ? verdictRating(statuses, focused.status) : null;

  return (
    <main className="desk" aria-label="Review desk">
      <div className="desk-main">
        {/*
          The desk is the editor's view: verdicts need every claim, whoever tagged it, and an editor
          reviews after annotation. So it shows everyone's claims, and says so while blind is on.
        */}
        {blind && (
          <p className="editor-view-notice" role="note">
            {EDITOR_VIEW_NOTICE}
          </p>
        )}
        <div className="desk-filters" role="search" aria-label="Filter the claims">
          <input type="search" aria-label="Search the claims" placeholder="Search claims, notes, claimants…" value={filter.search} onChange={(e) => setFilter({ search: e.target.value })} />
          <ChoiceSelect label="Filter by status" none="Every status" value={filter.status} choices={statuses.map((s) => ({ value: s.id, label: s.name }))} onChange={(status) => setFilter({ status })} />
          <ChoiceSelect
            label="Filter by claimant"
            none="Every claimant"
            value={filter.speakerId}
            choices={[{ value: '-', label: 'No claimant' }, ...speakers.map((s) => ({ value: s.id, label: s.name }))]}
            onChange={(speakerId) => setFilter({ speakerId })}
          />
          <ChoiceSelect label="Filter by document" none="Every document" value={filter.documentId} choices={choices.documents.map((d) => ({ value: d.id, label: d.title }))} onChange={(documentId) => setFilter({ documentId })} />
          <AnnotatorSelect label="Filter by annotator" value={filter.author} annotators={annotators} onChange={(author) => setFilter({ author })} />
          <ChoiceSelect label="Filter by tag" none="Every tag" value={filter.tag} choices={choices.tags.map((t) => ({ value: t, label: t }))} onChange={(tag) => setFilter({ tag })} />
          <label className="desk-layer">
            <input type="checkbox" checked={desk.layer === 'curated'} onChange={(e) => desk.setLayer(e.target.checked ? 'curated' : 'all')} /> Curated layer only
          </label>
        </div>

        <div className="desk-toolbar">
          <span className="desk-count" role="status" aria-live="polite">
            {visible.length === desk.itemCount ? `${desk.itemCount} claim${desk.itemCount === 1 ? '' : 's'}` : `${visible.length} of ${desk.itemCount} claims`}
            {selection.size > 0 && ` · ${selection.size} selected`}
            {lastAction && ` · ${lastAction}`}
          </span>
          <label className="desk-bulk">
            Set status
            {/* Choosing is not setting: arrow keys walk the list; the button sets. */}
            <select value={bulkStatus} onChange={(e) => setBulkStatus(e.target.value)}>
              <option value="">Choose…</option>
              {statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.hotkey ? ` (${s.hotkey.toUpperCase()})` : ''}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            disabled={!bulkStatus}
            onClick={() => {
              const status = statuses.find((s) => s.id === bulkStatus);
              if (status) setStatusByKey(status);
              setBulkStatus('');
              gridRef.current?.focus();
            }}
          >
            Set
          </button>
          {(inConflict > 0 || filter.inConflict) && (
            <button type="button" className="secondary conflict-filter" aria-pressed={!!filter.inConflict} onClick={() => setFilter({ inConflict: !filter.inConflict })} title="Show only the claims whose verdicts disagree (an import's, or several annotators' versions)">
              {inConflict} in conflict{filter.inConflict ? ' · show all' : ''}
            </button>
          )}
          {selection.size > 0 && (
            <button type="button" className="secondary" aria-label="Clear selection" title="Clear selection (Esc)" onClick={desk.clearSelection}>
              Clear
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="secondary" onClick={onEditScale}>
            Verdict scale…
          </button>
          <button type="button" className="secondary" onClick={onEditSettings}>
            Review settings…
          </button>
          <button type="button" className="secondary" onClick={onReport}>
            Report…
          </button>
          <button type="button" className="secondary" onClick={onExport} title="Export ClaimReview or the claims as CSV">
            Export…
          </button>
        </div>

        <div
          className="desk-grid"
          ref={gridRef}
          role="grid"
          aria-label="Claims to review"
          aria-rowcount={visible.length + 1}
          aria-colcount={COLUMNS.length}
          aria-multiselectable="true"
          tabIndex={0}
          aria-activedescendant={focused ? rowDomId(focused) : undefined}
          onKeyDown={onKeyDown}
        >
          <div role="rowgroup" className="desk-head">
            <div role="row" aria-rowindex={1} className="desk-row">
              {COLUMNS.map((column) => {
                const sorted = desk.sort?.column === column.key ? desk.sort.direction : undefined;
                return (
                  <div key={column.key} role="columnheader" aria-sort={sorted ?? 'none'} className={`desk-cell col-${column.key}`}>
                    <button type="button" onClick={() => desk.setSort(nextSort(desk.sort, column.key))} title={`Sort by ${column.name.toLowerCase()}`}>
                      {column.name}
                      <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="desk-body" ref={scrollRef}>
            {desk.loaded && visible.length === 0 && (
              <p className="empty-hint">{rows.length === 0 ? 'No claims yet. Tag claims in a document (select text, press C) and they appear here.' : 'No claim matches these filters.'}</p>
            )}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = visible[item.index]!;
                const key = rowKey(row);
                const status = statuses.find((s) => s.id === row.status);
                return (
                  <div
                    key={key}
                    id={rowDomId(row)}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={selection.has(key)}
                    data-focused={key === focusedKey || undefined}
                    className="desk-row"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={(event) => {
                      if (event.shiftKey || event.ctrlKey || event.metaKey) desk.toggleSelected(key);
                      desk.setFocusedKey(key);
                      gridRef.current?.focus();
                    }}
                    onDoubleClick={() => onOpenInContext(row)}
                  >
                    {COLUMNS.map((column) => (
                      <div key={column.key} role="gridcell" title={column.key === 'updatedAt' ? shortTime(row.updatedAt) : undefined} className={`desk-cell col-${column.key}${column.key === 'status' ? ` status-${status?.kind ?? 'working'}` : ''}`}>
                        {cellText(row, column.key, speakerNames, statusNames)}
                        {column.key === 'status' && conflictsOf(row).length > 0 && <span className="conflict-mark"> In conflict</span>}
                        {column.key === 'status' && <VersionsMark versions={desk.groupOf.get(key)?.versions.length ?? 1} agree={desk.groupOf.get(key)?.agree ?? true} />}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>

      <aside
        ref={sideRef}
        className="desk-side"
        aria-label="The focused claim"
        onKeyDown={(event) => {
          // Esc in the note goes back to the table, where the keys work again.
          if (event.key === 'Escape' && event.target instanceof HTMLTextAreaElement) {
            event.preventDefault();
            event.stopPropagation();
            gridRef.current?.focus();
          }
        }}
      >
        {focused ? (
          <>
            <blockquote className="annotation-text">{focused.text}</blockquote>
            <p className="provenance">
              {focused.claimantId ? speakerNames.get(focused.claimantId) : 'No claimant'} · {focused.documentTitle}
            </p>
            <p>
              <strong>{statusNames.get(focused.status) ?? focused.status}</strong>
              {focusedRating && ` — rating ${focusedRating.ratingValue} of ${focusedRating.bestRating}`}
              {statusAttribution(focused) && ` · ${statusAttribution(focused)}`}
            </p>
            <ClaimVersions
              group={desk.groupOf.get(rowKey(focused))}
              statuses={statuses}
              onPick={(key) => {
                desk.pickVersion(key);
                const picked = rows.find((r) => rowKey(r) === key);
                setLastAction(`Published version: ${picked ? statusNames.get(picked.status) ?? picked.status : ''}.`);
                gridRef.current?.focus();
              }}
            />
            <ConflictVersions
              claim={focused}
              statuses={statuses}
              onPick={(statusId) => {
                desk.setStatus([rowKey(focused)], statusId);
                setLastAction(`Conflict settled: ${statusNames.get(statusId) ?? statusId}.`);
                gridRef.current?.focus();
              }}
            />
            {focused.note && <p className="desk-note">Annotator’s note: {focused.note}</p>}
            <PublicSummaryField key={`summary-${rowKey(focused)}`} id="desk-public-summary" value={focused.publicSummary ?? ''} onChange={(text) => desk.setPublicSummary(rowKey(focused), text)} />
            <ReviewerNoteField key={rowKey(focused)} id="desk-reviewer-note" value={focused.reviewerNote} onChange={(text) => desk.setReviewerNote(rowKey(focused), text)} />
            <button type="button" className="secondary" onClick={() => gridRef.current?.focus()}>
              Back to the table <kbd>Esc</kbd>
            </button>{' '}
            <button type="button" onClick={() => onOpenInContext(focused)}>
              Open in context <kbd>Enter</kbd>
            </button>
            <ClaimHistory
              client={client}
              documentId={focused.documentId}
              annotationId={focused.annotationId}
              statuses={statuses}
              version={`${desk.historyVersion}:${focused.updatedAt}`}
              whenSaved={whenSaved}
            />
          </>
        ) : (
          <p className="empty-hint">No claim focused.</p>
        )}
        <DeskKeys statuses={statuses} mod={mod} />
      </aside>
    </main>
  );
}
