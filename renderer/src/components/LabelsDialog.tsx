// The workspace's label set: rename, recolour and re-key Quote, Speaker and Claim, and add
// labels of the newsroom's own ("Statistic", "Prediction").
import { useEffect, useState } from 'react';
import { Dialog } from './Dialog';
import type { Label } from '../../../electron/contract/window-api';
import { isBuiltInLabel, labelProblem } from '../../../electron/contract/label-rules';
import { MAX_LABEL_NAME_LENGTH } from '../../../electron/contract/limits';

// The contract's rule, shown here before a change is sent: the service refuses with the same words.
export { labelProblem };

interface Props {
  labels: Label[];
  onSave(label: Label): void;
  onDelete(labelId: string): void;
  onClose(): void;
}

/** Text stays readable on any tint; a colour too near a theme's page makes the tint itself vanish. */
export function colourWarning(color: string): string | null {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  if (luminance > 0.7) return 'This colour is hard to see on the light theme’s page; choose a deeper one.';
  if (luminance < 0.02) return 'This colour is hard to see on the dark theme’s page; choose a brighter one.';
  return null;
}

function LabelRow({ label, labels, onSave, onDelete }: { label: Label; labels: Label[]; onSave(label: Label): void; onDelete(): void }) {
  const [draft, setDraft] = useState(label);
  useEffect(() => setDraft(label), [label]);
  const problem = labelProblem(draft, labels) ?? colourWarning(draft.color);
  const commit = (next: Label) => {
    setDraft(next);
    if (!labelProblem(next, labels) && JSON.stringify(next) !== JSON.stringify(label)) onSave(next);
  };
  return (
    <div className="label-row" role="group" aria-label={`Label ${label.name}`}>
      <input aria-label={`${label.name}: name`} value={draft.name} maxLength={MAX_LABEL_NAME_LENGTH} onChange={(event) => commit({ ...draft, name: event.target.value })} />
      <input aria-label={`${label.name}: colour`} type="color" value={draft.color} onChange={(event) => commit({ ...draft, color: event.target.value })} />
      <input
        aria-label={`${label.name}: key`}
        className="hotkey-input"
        value={draft.hotkey.toUpperCase()}
        maxLength={1}
        onChange={(event) => commit({ ...draft, hotkey: event.target.value.toLowerCase() })}
      />
      <span className="chip" style={{ ['--hl-color' as string]: draft.color }}>
        {draft.name || '…'}
      </span>
      {!isBuiltInLabel(label.id) && (
        <button type="button" className="secondary" onClick={onDelete}>
          Delete
        </button>
      )}
      {problem && <span className="field-error">{problem}</span>}
    </div>
  );
}

export function LabelsDialog({ labels, onSave, onDelete, onClose }: Props) {
  const addLabel = () => {
    const free = 'bdfghijklmoprtuvwxyz0123456789'.split('').find((key) => !labels.some((l) => l.hotkey === key)) ?? 'z';
    let n = labels.length + 1;
    while (labels.some((l) => l.name === `Label ${n}`)) n++;
    onSave({ id: `label-${Date.now().toString(36)}`, name: `Label ${n}`, color: '#7b61ff', hotkey: free });
  };
  return (
    <Dialog title="Labels" onClose={onClose}>
      <p className="empty-hint">Name, colour and key of each label. Highlights keep their label when it is renamed or recoloured.</p>
      {labels.map((label) => (
        <LabelRow key={label.id} label={label} labels={labels} onSave={onSave} onDelete={() => onDelete(label.id)} />
      ))}
      <button type="button" onClick={addLabel}>
        + Add a label
      </button>
    </Dialog>
  );
}
