import './status-line.css';

// A gentle reminder, once a session, when a highlight is saved with no annotator name.
export function NameReminder({ onSetName, onDismiss }: { onSetName(): void; onDismiss(): void }) {
  return (
    <div className="name-reminder" role="note" aria-label="No annotator name">
      <p>Your highlights are saved without a name, so colleagues cannot tell who made them.</p>
      <button type="button" className="primary" onClick={onSetName}>
        Set my name
      </button>
      <button type="button" className="secondary" onClick={onDismiss}>
        Not now
      </button>
    </div>
  );
}
