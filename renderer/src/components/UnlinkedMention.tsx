// A Speaker highlight that names nobody yet: flagged, with the speakers its words may mean
// offered first ("Hwang" is Joonkook Hwang's second reference) and a new speaker second.
import type { Annotation, Speaker } from '../../../electron/contract/window-api';
import { speakersForMention } from '../../../electron/contract/speaker-names';

interface Props {
  mention: Annotation;
  speakers: Speaker[];
  onLink(speakerId: string): void;
  onCreate(): void;
}

/** Focusing the picker opens its list (see SpeakerPicker). */
const openPicker = () => document.getElementById('annotation-speaker')?.focus();

export function UnlinkedMention({ mention, speakers, onLink, onCreate }: Props) {
  const words = mention.text.trim();
  const matches = speakersForMention(speakers, words).slice(0, 6);
  return (
    <div className="unlinked-mention" role="group" aria-labelledby={`unlinked-${mention.id}`}>
      <p className="flag flag-unlinked" id={`unlinked-${mention.id}`}>
        Not linked to a speaker
        <span className="sr-only">: “{words}” names nobody in the speaker list yet.</span>
      </p>
      {matches.length > 1 && <p className="hint">{matches.length} speakers match “{words}”: choose who is meant.</p>}
      <div className="mention-buttons">
        {matches.map(({ speaker, via }) => (
          <button key={speaker.id} type="button" className={matches.length === 1 ? 'primary' : 'secondary'} onClick={() => onLink(speaker.id)}>
            Link to {speaker.name}
            {via && <span className="via"> (also “{via}”)</span>}
          </button>
        ))}
        <button type="button" className="secondary" onClick={onCreate}>
          Create speaker “{words}”
        </button>
        <button type="button" className="secondary" onClick={openPicker}>
          Link to a speaker… <kbd>A</kbd>
        </button>
      </div>
    </div>
  );
}
