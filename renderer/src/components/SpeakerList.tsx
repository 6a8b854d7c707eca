// The workspace's speakers; one click shows everything said by or of each.
import type { Speaker } from '../../../electron/contract/window-api';

export function SpeakerList({ speakers, currentId, onOpen }: { speakers: Speaker[]; currentId: string | null; onOpen(speakerId: string): void }) {
  if (speakers.length === 0) return <p className="empty-hint">No speakers yet. Label a name with S, then create or pick its speaker.</p>;
  return (
    <ul className="document-list" aria-label="Speakers in this workspace">
      {[...speakers]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((speaker) => (
          <li key={speaker.id}>
            <button type="button" className="document-item" aria-current={speaker.id === currentId ? 'true' : undefined} onClick={() => onOpen(speaker.id)} title={speaker.role || speaker.name}>
              <span className="document-title">{speaker.name}</span>
              {speaker.aliases.length > 0 && <span className="document-count">+{speaker.aliases.length}</span>}
            </button>
          </li>
        ))}
    </ul>
  );
}
