// One speaker: who they are, every mention, quote and claim of theirs across the workspace
// (each one click from its place in the text), and merging a duplicate into them.
import { useEffect, useState } from 'react';
import type { Appearance, Label, Speaker } from '../../../electron/contract/window-api';
import { SPEAKER_LIMITS } from '../../../electron/contract/errors';
import type { AnnotatorClient } from '../api/client';
import type { SpeakerPatch } from '../state/history';

interface Props {
  speaker: Speaker;
  speakers: Speaker[];
  labels: Label[];
  client: AnnotatorClient;
  /** Changes whenever highlights change, so the appearances are asked for again. */
  refreshKey: unknown;
  onEdit(patch: SpeakerPatch): void;
  onMerge(mergedId: string): void;
  onOpenAppearance(appearance: Appearance): void;
  onClose(): void;
}

function TextField({ id, label, value, onSave, multiline }: { id: string; label: string; value: string; onSave(value: string): void; multiline?: boolean }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const save = () => draft !== value && onSave(draft);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={3} value={draft} maxLength={SPEAKER_LIMITS.notes} onChange={(event) => setDraft(event.target.value)} onBlur={save} />
      ) : (
        <input id={id} value={draft} maxLength={SPEAKER_LIMITS.role} onChange={(event) => setDraft(event.target.value)} onBlur={save} onKeyDown={(event) => event.key === 'Enter' && save()} />
      )}
    </div>
  );
}

export function SpeakerPanel({ speaker, speakers, labels, client, refreshKey, onEdit, onMerge, onOpenAppearance, onClose }: Props) {
  const [appearances, setAppearances] = useState<Appearance[] | null>(null);
  const [mergeId, setMergeId] = useState('');
  useEffect(() => {
    let cancelled = false;
    client.listSpeakerAppearances({ speakerId: speaker.id }).then(
      (found) => !cancelled && setAppearances(found),
      () => !cancelled && setAppearances([]),
    );
    return () => {
      cancelled = true;
    };
  }, [client, speaker.id, refreshKey]);

  const byDocument = new Map<string, Appearance[]>();
  for (const appearance of appearances ?? []) byDocument.set(appearance.documentTitle, [...(byDocument.get(appearance.documentTitle) ?? []), appearance]);
  const others = speakers.filter((s) => s.id !== speaker.id);

  return (
    <section
      className="speaker-panel"
      aria-label={`Speaker ${speaker.name}`}
      onKeyDown={(event) => {
        // Esc closes the panel from any of its fields too; a field being left saves what was typed.
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.stopPropagation();
        (document.activeElement as HTMLElement | null)?.blur();
        onClose();
      }}
    >
      <header className="speaker-header">
        <h2>{speaker.name}</h2>
        <button type="button" onClick={onClose} aria-label="Close the speaker" title="Close the speaker (Esc)">
          ×
        </button>
      </header>
      <TextField id="speaker-name" label="Name" value={speaker.name} onSave={(name) => name.trim() && onEdit({ name: name.trim() })} />
      <TextField
        id="speaker-aliases"
        label="Other names (comma between)"
        value={speaker.aliases.join(', ')}
        onSave={(text) => onEdit({ aliases: [...new Set(text.split(',').map((a) => a.trim()).filter(Boolean))] })}
      />
      <TextField id="speaker-role" label="Title or role" value={speaker.role} onSave={(role) => onEdit({ role })} />
      <TextField id="speaker-organisation" label="Organisation" value={speaker.organisation} onSave={(organisation) => onEdit({ organisation })} />
      <TextField id="speaker-notes" label="Notes" value={speaker.notes} onSave={(notes) => onEdit({ notes })} multiline />

      <h3>In the workspace</h3>
      {appearances === null && <p className="empty-hint">Looking through the documents…</p>}
      {appearances?.length === 0 && <p className="empty-hint">No mentions, quotes or claims yet.</p>}
      {[...byDocument.entries()].map(([title, list]) => (
        <div key={title} className="appearances">
          <h4>{title}</h4>
          <ul>
            {list.map((appearance) => {
              const label = labels.find((l) => l.id === appearance.labelId);
              return (
                <li key={appearance.annotationId} style={{ ['--hl-color' as string]: label?.color ?? '#999' }}>
                  <button type="button" className="appearance" onClick={() => onOpenAppearance(appearance)}>
                    <span className="chip">{label?.name ?? appearance.labelId}</span> {appearance.excerpt}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}

      {others.length > 0 && (
        <div className="field merge">
          <label htmlFor="speaker-merge">Merge a duplicate into {speaker.name}</label>
          <div className="merge-row">
            <select id="speaker-merge" value={mergeId} onChange={(event) => setMergeId(event.target.value)}>
              <option value="">Choose a speaker…</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <button type="button" disabled={!mergeId} onClick={() => (onMerge(mergeId), setMergeId(''))}>
              Merge
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
