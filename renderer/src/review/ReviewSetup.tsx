// The workspace's verdict scale and who publishes its fact-checks. Each is saved as one change,
// sent at once so a refusal is shown here, in words, beside what was refused.
import { useState } from 'react';
import type { ClaimRow, ReviewSettings, Status } from '../../../electron/contract/window-api';
import { REVIEW_SETTINGS_LIMITS, SCALE_LIMITS } from '../../../electron/contract/limits';
import { factCheckAddressProblem } from '../../../electron/contract/link-rules';
import { scaleProblem, verdictRating } from '../../../electron/contract/scale-rules';
import type { AnnotatorClient } from '../api/client';
import { Dialog } from '../components/Dialog';

// The contract's rule, shown here before a change is sent: the service refuses with the same words.
export { scaleProblem };

/** Sends one change at once and says how it went beside the form: saved, or refused in words. */
async function saveOne(
  client: AnnotatorClient,
  whenSaved: () => Promise<void>,
  change: Parameters<AnnotatorClient['applyChanges']>[0]['changes'][number],
  say: (message: string) => void,
  onSaved: () => void,
): Promise<void> {
  say('Saving…');
  try {
    await whenSaved();
    const { refused } = await client.applyChanges({ changes: [change] });
    const refusal = refused[0]?.message ?? null;
    say(refusal ? `Not saved: ${refusal}` : 'Saved.');
    if (!refusal) onSaved();
  } catch (error) {
    say(`Not saved: ${(error as Error).message}`);
  }
}

interface ScaleProps {
  client: AnnotatorClient;
  statuses: Status[];
  claims: readonly ClaimRow[];
  whenSaved(): Promise<void>;
  onSaved(): void;
  onClose(): void;
}

export function VerdictScaleDialog({ client, statuses, claims, whenSaved, onSaved, onClose }: ScaleProps) {
  const [draft, setDraft] = useState<Status[]>(statuses);
  const [message, setMessage] = useState<string | null>(null);
  const inUse = new Map<string, number>();
  for (const claim of claims) inUse.set(claim.status, (inUse.get(claim.status) ?? 0) + 1);
  const removed = statuses.map((s) => s.id).filter((id) => !draft.some((s) => s.id === id));
  const problem = scaleProblem(draft, inUse, removed);
  const rated = draft.filter((s) => s.kind === 'verdict' && !s.noRating).length;
  const edit = (index: number, patch: Partial<Status>) => setDraft(draft.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) => {
    const next = [...draft];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setDraft(next);
  };
  const add = () => {
    let n = draft.length + 1;
    while (draft.some((s) => s.name === `Verdict ${n}`)) n++;
    setDraft([...draft, { id: `status-${Date.now().toString(36)}`, name: `Verdict ${n}`, kind: 'verdict' }]);
  };
  const save = () =>
    saveOne(
      client,
      whenSaved,
      {
        kind: 'saveStatuses',
        // A verdict always says whether it is rated, so a later open never takes it for an untouched default (see store-migrations).
        statuses: draft.map((s) => ({ id: s.id, name: s.name.trim(), kind: s.kind, ...(s.hotkey && { hotkey: s.hotkey }), ...(s.kind === 'verdict' && { noRating: s.noRating === true }) })),
      },
      setMessage,
      onSaved,
    );
  return (
    <Dialog title="Verdict scale" onClose={onClose}>
      <p className="empty-hint">
        Working states first, then verdicts from best to worst: a rated verdict’s place gives its rating in ClaimReview (the first of {rated} rated verdicts rates {rated}, the last rates 1). A verdict with
        “No rating” (such as Unverifiable) is published by its name only and does not count. New claims start at the first status.
      </p>
      <ol className="scale-list">
        {draft.map((status, index) => {
          const rating = verdictRating(draft, status.id);
          const name = status.name || `Status ${index + 1}`;
          return (
            <li key={status.id} className="scale-row" role="group" aria-label={`Status ${index + 1}: ${name}`}>
              <input aria-label={`${name}: name`} value={status.name} maxLength={SCALE_LIMITS.name} onChange={(e) => edit(index, { name: e.target.value })} />
              <select aria-label={`${name}: kind`} value={status.kind} onChange={(e) => edit(index, { kind: e.target.value as Status['kind'] })}>
                <option value="working">Working state</option>
                <option value="verdict">Verdict</option>
              </select>
              <input
                aria-label={`${name}: key`}
                className="hotkey-input"
                maxLength={1}
                value={(status.hotkey ?? '').toUpperCase()}
                onChange={(e) => {
                  const hotkey = e.target.value.toLowerCase();
                  const { hotkey: _old, ...rest } = status;
                  setDraft(draft.map((s, i) => (i === index ? (hotkey ? { ...rest, hotkey } : rest) : s)));
                }}
              />
              {status.kind === 'verdict' && (
                <label className="check scale-no-rating">
                  <input type="checkbox" checked={status.noRating === true} onChange={(e) => edit(index, { noRating: e.target.checked })} /> No rating
                </label>
              )}
              <span className="scale-rating">{rating ? `rating ${rating.ratingValue} of ${rated}` : status.kind === 'verdict' ? 'name only' : 'no rating'}</span>
              <button type="button" className="secondary" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="secondary" aria-label={`Move ${name} down`} disabled={index === draft.length - 1} onClick={() => move(index, 1)}>
                ↓
              </button>
              <button type="button" className="secondary" aria-label={`Remove ${name}`} onClick={() => setDraft(draft.filter((_, i) => i !== index))}>
                Remove
              </button>
              {inUse.get(status.id) ? <span className="scale-in-use">{inUse.get(status.id) === 1 ? '1 claim' : `${inUse.get(status.id)} claims`}</span> : null}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={add}>
        + Add a status
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="sheet-actions">
        <button type="button" className="primary" disabled={problem !== null} onClick={() => void save()}>
          Save scale
        </button>
        <button type="button" className="secondary" onClick={() => (setDraft(statuses), setMessage(null))}>
          Undo my edits
        </button>
        {message && (
          <span role="status" className={message.startsWith('Not saved') ? 'field-error' : undefined}>
            {message}
          </span>
        )}
      </div>
    </Dialog>
  );
}

interface SettingsProps {
  client: AnnotatorClient;
  settings: ReviewSettings;
  whenSaved(): Promise<void>;
  onSaved(): void;
  onClose(): void;
}

export function ReviewSettingsDialog({ client, settings, whenSaved, onSaved, onClose }: SettingsProps) {
  const [draft, setDraft] = useState(settings);
  const [message, setMessage] = useState<string | null>(null);
  const urlProblem = factCheckAddressProblem(draft.claimReviewUrl);
  const save = () =>
    saveOne(
      client,
      whenSaved,
      { kind: 'setReviewSettings', settings: { organisation: draft.organisation.trim(), claimReviewUrl: draft.claimReviewUrl.trim(), reviewerNotesInReport: draft.reviewerNotesInReport === true, blindAnnotation: draft.blindAnnotation === true } },
      setMessage,
      onSaved,
    );
  return (
    <Dialog title="Review settings" onClose={onClose}>
      <p className="empty-hint">Used by the ClaimReview export: the organisation is each fact-check’s author, and the address is where each one is published.</p>
      <div className="field">
        <label htmlFor="review-organisation">Organisation</label>
        <input id="review-organisation" value={draft.organisation} maxLength={REVIEW_SETTINGS_LIMITS.organisation} placeholder="The Daily Chronicle" onChange={(e) => setDraft({ ...draft, organisation: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="review-url">Fact-check address</label>
        <input
          id="review-url"
          value={draft.claimReviewUrl}
          maxLength={REVIEW_SETTINGS_LIMITS.factCheckAddress}
          placeholder="https://example.org/fact-checks/{id}"
          aria-describedby="review-url-hint"
          onChange={(e) => setDraft({ ...draft, claimReviewUrl: e.target.value })}
        />
        <span id="review-url-hint" className={urlProblem ? 'field-error' : 'note-count'}>
          {urlProblem ?? '{id} stands for the claim’s id.'}
        </span>
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.reviewerNotesInReport === true} onChange={(e) => setDraft({ ...draft, reviewerNotesInReport: e.target.checked })} /> Include reviewer notes in the report
      </label>
      <p className="empty-hint">Reviewer notes are the newsroom’s own: off, the report leaves them out. ClaimReview never carries them; it publishes each claim’s public summary.</p>
      <label className="check">
        <input type="checkbox" checked={draft.blindAnnotation === true} onChange={(e) => setDraft({ ...draft, blindAnnotation: e.target.checked })} /> Blind annotation
      </label>
      <p className="empty-hint">Shared with the team: each person sees only their own highlights on a document until they mark it done. The review desk still shows everyone’s claims.</p>
      <div className="sheet-actions">
        <button type="button" className="primary" disabled={urlProblem !== null} onClick={() => void save()}>
          Save settings
        </button>
        {message && (
          <span role="status" className={message.startsWith('Not saved') ? 'field-error' : undefined}>
            {message}
          </span>
        )}
      </div>
    </Dialog>
  );
}
