// Highlights the last change of the text could not place: kept, listed, and placed by hand on
// the text the user selects (or let go of).
import type { Annotation, Label } from '../../../electron/contract/window-api';

interface Props {
  orphans: Annotation[];
  labels: Label[];
  onPlace(orphan: Annotation): void;
  onDiscard(orphan: Annotation): void;
}

export function OrphanList({ orphans, labels, onPlace, onDiscard }: Props) {
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" aria-label="Highlights not placed">
      <h2>Not placed ({orphans.length})</h2>
      <p className="hint">The text changed and these could not be found again. Select where one belongs, then press “Place on selection”.</p>
      <ul>
        {orphans.map((orphan) => {
          const label = labels.find((l) => l.id === orphan.labelId);
          return (
            <li key={orphan.id} className="orphan" style={{ ['--hl-color' as string]: label?.color ?? '#999999' }}>
              <span className="chip">{label?.name ?? orphan.labelId}</span>
              <q className="orphan-text">{orphan.text.length > 160 ? `${orphan.text.slice(0, 158)}…` : orphan.text}</q>
              <span className="orphan-actions">
                <button type="button" onClick={() => onPlace(orphan)}>
                  Place on selection
                </button>
                <button type="button" className="link-button" onClick={() => onDiscard(orphan)}>
                  Discard
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
