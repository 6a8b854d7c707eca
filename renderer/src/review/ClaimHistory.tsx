// What happened to one claim, oldest first. Read-only: the history is the newsroom's record,
// so the window offers no way to change or remove an entry.
import { useEffect, useRef, useState } from 'react';
import type { Annotation, ClaimHistoryEntry, Status } from '../../../electron/contract/window-api';
import { MAX_NOTE_LENGTH } from '../../../electron/contract/errors';
import { CLAIM_LIMITS } from '../../../electron/contract/limits';
import type { AnnotatorClient } from '../api/client';
import { shortTime } from './claim-table';

const FIELD_NAMES: Record<ClaimHistoryEntry['field'], string> = {
  status: 'status',
  note: 'note',
  reviewerNote: 'reviewer note',
  publicSummary: 'public summary',
  sources: 'sources',
  checkWorthiness: 'check-worthiness',
  conflicts: 'conflicting verdicts',
};

function valueText(entry: ClaimHistoryEntry, value: unknown, statuses: readonly Status[]): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (entry.field === 'status') return statuses.find((s) => s.id === value)?.name ?? String(value);
  if (entry.field === 'sources') return Array.isArray(value) ? `${value.length} source${value.length === 1 ? '' : 's'}` : '(none)';
  if (entry.field === 'conflicts') {
    const list = Array.isArray(value) ? (value as { status?: unknown; by?: unknown }[]) : [];
    return list.length ? list.map((c) => `${statuses.find((s) => s.id === c.status)?.name ?? String(c.status)} (${String(c.by || 'someone unnamed')})`).join(', ') : '(none)';
  }
  const text = String(value).replace(/\s+/g, ' ');
  return entry.field === 'checkWorthiness' ? text : `“${text.length > 60 ? `${text.slice(0, 58)}…` : text}”`;
}

/**
 * "2026-11-28 10:02 — changed by Ana Reyes: status Unreviewed → False" (a status edit), or
 * "2026-11-28 10:05 — verdict by Ben Okafor (reviewer): status False → True" (the desk's decision).
 */
export function describeHistoryEntry(entry: ClaimHistoryEntry, statuses: readonly Status[]): string {
  const name = entry.by || 'someone unnamed';
  const who = entry.desk ? `verdict by ${name} (reviewer)` : `changed by ${name}`;
  // Written on a later read: the change was saved, its line was lost to a crash.
  const recovered = entry.recovered ? ' (recovered after an interrupted save)' : '';
  // An editor's decision that kept the status (she picked this version's verdict).
  if (entry.field === 'status' && entry.from === entry.to) return `${shortTime(entry.at)} — ${who}: status ${valueText(entry, entry.to, statuses)} kept${recovered}`;
  return `${shortTime(entry.at)} — ${who}: ${FIELD_NAMES[entry.field]} ${valueText(entry, entry.from, statuses)} → ${valueText(entry, entry.to, statuses)}${recovered}`;
}

/** Typing saves a note many times; within this long, one person's saves of a note read as one edit. */
export const EDIT_BURST_MS = 2 * 60 * 1000;

/**
 * The history as a person reads it: a burst of saves of the same note by the same person is one
 * line, from the text before the first to the text after the last. The file keeps every save.
 */
export function collapseEdits(entries: readonly ClaimHistoryEntry[]): ClaimHistoryEntry[] {
  const shown: ClaimHistoryEntry[] = [];
  for (const entry of entries) {
    const last = shown[shown.length - 1];
    const typed = entry.field === 'note' || entry.field === 'reviewerNote' || entry.field === 'publicSummary';
    // A recovered line stays apart: folded into an edit, its mark would be lost.
    if (typed && last && !last.recovered && !entry.recovered && last.field === entry.field && last.by === entry.by && Date.parse(entry.at) - Date.parse(last.at) <= EDIT_BURST_MS) {
      shown[shown.length - 1] = { ...last, at: entry.at, to: entry.to };
    } else {
      shown.push(entry);
    }
  }
  return shown;
}

interface Props {
  client: AnnotatorClient;
  documentId: string;
  annotationId: string;
  statuses: readonly Status[];
  /** Changes whenever the claim changed: the history is read again. */
  version: unknown;
  /** Resolves once the changes made so far are saved (the history is written with them). */
  whenSaved(): Promise<void>;
}

export function ClaimHistory({ client, documentId, annotationId, statuses, version, whenSaved }: Props) {
  const [entries, setEntries] = useState<ClaimHistoryEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        await whenSaved();
        const list = await client.listClaimHistory({ documentId, annotationId });
        if (!cancelled) (setEntries(collapseEdits(list)), setProblem(null));
      } catch (error) {
        if (!cancelled) setProblem((error as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, documentId, annotationId, version, whenSaved]);
  return (
    <section className="claim-history" aria-label="History of this claim">
      <h3>History</h3>
      {problem && <p className="field-error">{problem}</p>}
      {entries && entries.length === 0 && <p className="empty-hint">No changes to its status, notes or sources yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at}>{describeHistoryEntry(entry, statuses)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * A claim's text field saved when typing pauses or the box is left, not at every keystroke: each
 * save is a line in the claim's history, and the history should read as edits.
 */
function PausedTextField({ id, label, hint, placeholder, maxLength, value, onChange }: { id: string; label: string; hint?: string; placeholder: string; maxLength: number; value: string; onChange(text: string): void }) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current !== null) onChangeRef.current(pending.current);
    pending.current = null;
  };
  // Leaving the claim (or the desk) saves what was typed.
  useEffect(() => flush, []);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={maxLength}
        value={draft}
        placeholder={placeholder}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          flush();
          setEditing(false);
        }}
        onChange={(event) => {
          const text = event.target.value.slice(0, maxLength);
          setDraft(text);
          pending.current = text === value ? null : text;
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(flush, 1500);
        }}
      />
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** The editor's note on the verdict: private to the newsroom, never published in ClaimReview. */
export function ReviewerNoteField({ id, value, onChange }: { id: string; value: string; onChange(text: string): void }) {
  return (
    <PausedTextField
      id={id}
      label="Reviewer note (private)"
      placeholder="Why this verdict; what a second reviewer should look at…"
      maxLength={MAX_NOTE_LENGTH}
      value={value}
      onChange={onChange}
    />
  );
}

/** What readers are told: ClaimReview's reviewBody and the report's summary. */
export function PublicSummaryField({ id, value, onChange }: { id: string; value: string; onChange(text: string): void }) {
  return (
    <PausedTextField
      id={id}
      label="Public summary"
      hint="Published with the verdict (ClaimReview and the report)."
      placeholder="What the fact-check found, for readers…"
      maxLength={CLAIM_LIMITS.publicSummary}
      value={value}
      onChange={onChange}
    />
  );
}

/** A claim's review in the highlight's panel: the public summary, the reviewer note and the claim's history. */
export function ClaimReviewFields({
  client,
  claim,
  statuses,
  whenSaved,
  onReviewerNote,
  onPublicSummary,
}: {
  client: AnnotatorClient;
  claim: Annotation;
  statuses: Status[];
  whenSaved(): Promise<void>;
  onReviewerNote(text: string): void;
  onPublicSummary(text: string): void;
}) {
  return (
    <>
      <PublicSummaryField key={`summary-${claim.id}`} id="annotation-public-summary" value={claim.claim?.publicSummary ?? ''} onChange={onPublicSummary} />
      <ReviewerNoteField key={claim.id} id="annotation-reviewer-note" value={claim.claim?.reviewerNote ?? ''} onChange={onReviewerNote} />
      <ClaimHistory client={client} documentId={claim.documentId} annotationId={claim.id} statuses={statuses} version={claim.updatedAt} whenSaved={whenSaved} />
    </>
  );
}
