// What a fact-check needs of a claim: check-worthiness, status, sources and topic tags.
import { statusAttribution } from '../../../electron/contract/annotation-rules';
import { useEffect, useState } from 'react';
import { CommitSelect } from './CommitSelect';
import { DraftInput } from './DraftInput';
import { CHECK_WORTHINESS, type ClaimFields, type Source, type Status, isWebLink } from '../../../electron/contract/window-api';

interface Props {
  claim: ClaimFields;
  statuses: Status[];
  onChange(patch: Partial<ClaimFields>): void;
  onOpenLink(url: string): void;
}

const WORTHINESS_NAMES = { low: 'Low', medium: 'Medium', high: 'High' } as const;

export function ClaimFieldsEditor({ claim, statuses, onChange, onOpenLink }: Props) {
  const working = statuses.filter((s) => s.kind === 'working');
  const verdicts = statuses.filter((s) => s.kind === 'verdict');
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label htmlFor="claim-status">Status</label>
          <CommitSelect id="claim-status" value={claim.status} onCommit={(status) => onChange({ status })}>
            <optgroup label="Working">
              {working.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Verdict">
              {verdicts.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          </CommitSelect>
          {statusAttribution(claim) && <p className="status-by">{statusAttribution(claim)}</p>}
        </div>
        <div className="field">
          <label htmlFor="claim-worthiness">Check-worthiness</label>
          <CommitSelect id="claim-worthiness" value={claim.checkWorthiness ?? ''} onCommit={(level) => onChange({ checkWorthiness: (level || null) as ClaimFields['checkWorthiness'] })}>
            <option value="">Not rated</option>
            {CHECK_WORTHINESS.map((level) => (
              <option key={level} value={level}>
                {WORTHINESS_NAMES[level]}
              </option>
            ))}
          </CommitSelect>
        </div>
      </div>
      <Sources sources={claim.sources} onChange={(sources) => onChange({ sources })} onOpenLink={onOpenLink} />
      <Tags tags={claim.tags} onChange={(tags) => onChange({ tags })} />
    </>
  );
}

function Sources({ sources, onChange, onOpenLink }: { sources: Source[]; onChange(sources: Source[]): void; onOpenLink(url: string): void }) {
  const set = (index: number, patch: Partial<Source>) => onChange(sources.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <fieldset className="sources">
      <legend>Sources</legend>
      {sources.map((source, index) => (
        <SourceRow
          key={index}
          index={index}
          source={source}
          onChange={(patch) => set(index, patch)}
          onRemove={() => onChange(sources.filter((_, i) => i !== index))}
          onOpenLink={onOpenLink}
        />
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...sources, { title: '', url: '', note: '' }])}>
        + Add source
      </button>
    </fieldset>
  );
}

function SourceRow(props: { index: number; source: Source; onChange(patch: Partial<Source>): void; onRemove(): void; onOpenLink(url: string): void }) {
  const { index, source, onChange, onRemove, onOpenLink } = props;
  // A link is saved only once it is a web link; until then it is kept in the field, with a hint.
  const [url, setUrl] = useState(source.url);
  useEffect(() => setUrl((shown) => (shown === '' || isWebLink(shown) ? source.url : shown)), [source.url]);
  const [confirming, setConfirming] = useState(false);
  const urlProblem = url !== '' && !isWebLink(url) ? 'A link starts with http:// or https://' : null;
  const n = index + 1;
  return (
    <div className="source" role="group" aria-label={`Source ${n}`}>
      <DraftInput aria-label={`Source ${n} title`} placeholder="Title" value={source.title} maxLength={500} onCommit={(title) => onChange({ title })} />
      <DraftInput
        aria-label={`Source ${n} link`}
        placeholder="https://…"
        value={source.url}
        maxLength={2000}
        aria-invalid={urlProblem ? true : undefined}
        canSave={(typed) => typed === '' || isWebLink(typed)}
        onDraft={setUrl}
        onCommit={(link) => onChange({ url: link })}
      />
      {urlProblem && <span className="field-error">{urlProblem}</span>}
      <DraftInput aria-label={`Source ${n} note`} placeholder="Note" value={source.note} maxLength={2000} onCommit={(note) => onChange({ note })} />
      <div className="source-actions">
        <button type="button" className="secondary" disabled={!isWebLink(source.url)} onClick={() => setConfirming(true)}>
          Open link…
        </button>
        <button type="button" className="secondary" onClick={onRemove}>
          Remove
        </button>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label="Open this link?">
          <p>
            Open <strong>{source.url}</strong> in your web browser?
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setConfirming(false);
              onOpenLink(source.url);
            }}
          >
            Open in browser
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

function Tags({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim().slice(0, 60);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <div className="field">
      <label htmlFor="claim-tag-input">Topic tags</label>
      <ul className="tags" aria-label="Topic tags">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id="claim-tag-input"
        placeholder="Add a tag and press Enter"
        value={draft}
        maxLength={60}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add();
          }
        }}
        onBlur={add}
      />
    </div>
  );
}
