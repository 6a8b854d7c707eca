// The small bar that appears beside a selection: one click (or the key shown) labels it.
import type { Label } from '../../../electron/contract/window-api';

interface Props {
  labels: Label[];
  top: number;
  left: number;
  onLabel(labelId: string): void;
}

export function SelectionToolbar({ labels, top, left, onLabel }: Props) {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Label the selection" style={{ top, left }}>
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className="label-button"
          style={{ ['--hl-color' as string]: label.color }}
          // Keep the text selection: a mousedown on the button would otherwise clear it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onLabel(label.id)}
          title={`Label as ${label.name} (${label.hotkey.toUpperCase()})`}
        >
          <span className="swatch" aria-hidden="true" />
          {label.name}
          <kbd>{label.hotkey.toUpperCase()}</kbd>
        </button>
      ))}
    </div>
  );
}
