// The selected highlight: its label, text and fields. Every edit is saved as it is made.
import type { ReactNode } from 'react';
import { QUOTE_KINDS, type Annotation, type Label, type Speaker, type Status } from '../../../electron/contract/window-api';
import { newClaimFields } from '../../../electron/contract/annotation-rules';
import { MAX_NOTE_LENGTH } from '../../../electron/contract/errors';
import { speakersForMention } from '../../../electron/contract/speaker-names';
import type { AnnotationPatch } from '../state/edits';
import { ClaimFieldsEditor } from './ClaimFieldsEditor';
import { CommitSelect } from './CommitSelect';
import { SpeakerPicker } from './SpeakerPicker';
import { UnlinkedMention } from './UnlinkedMention';

const QUOTE_KIND_NAMES = { direct: 'Direct', partial: 'Partial', paraphrase: 'Paraphrase' } as const;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

interface Props {
  annotation: Annotation;
  labels: Label[];
  speakers: Speaker[];
  statuses: Status[];
  /** Speaker highlights in this document, offered as new speakers. */
  speakerMentions: Annotation[];
  onChange(patch: AnnotationPatch): void;
  onCreateSpeakerFromMention(mention: Annotation, attributeTo: Annotation | null): void;
  /** A new speaker by this name, linked to this highlight. */
  onCreateSpeaker(name: string, annotation: Annotation): void;
  onOpenLink(url: string): void;
  onDelete(): void;
  /** A person checked a placement made on similar text after the file changed. */
  onConfirmAnchor?(): void;
  /** Return the keyboard to the text after a choice made with it. */
  onBackToText?(): void;
  /** Claims: the reviewer's note and the claim's history (see review/). */
  review?: ReactNode;
}

export function AnnotationPanel(props: Props) {
  const { annotation, labels, speakers, statuses, speakerMentions, onChange, onCreateSpeakerFromMention, onCreateSpeaker, onOpenLink, onDelete, onBackToText, onConfirmAnchor, review } = props;
  const label = labels.find((l) => l.id === annotation.labelId);
  // A second reference ("Hwang" once Joonkook Hwang is known) is not offered as a new speaker.
  const unlinkedMentions = speakerMentions.filter((m) => !m.speakerId && speakersForMention(speakers, m.text.trim()).length === 0);
  return (
    <section className="annotation-panel" aria-label="Selected highlight" style={{ ['--hl-color' as string]: label?.color ?? '#999' }}>
      <div className="field">
        <label htmlFor="annotation-label">Label</label>
        <CommitSelect id="annotation-label" value={annotation.labelId} onCommit={(labelId) => onChange({ labelId })}>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
          {!label && <option value={annotation.labelId}>{annotation.labelId} (no longer in the label set)</option>}
        </CommitSelect>
      </div>
      {annotation.anchor === 'fuzzy' && (
        <div className="anchor-check" role="note">
          <p>The file changed, and this highlight was placed on similar text. Check that it is right; moving its ends also settles it.</p>
          {onConfirmAnchor && (
            <button type="button" onClick={onConfirmAnchor}>
              It’s right
            </button>
          )}
        </div>
      )}
      <blockquote className="annotation-text">{annotation.text}</blockquote>
      <p className="offsets">
        Characters {annotation.start}–{annotation.end}
      </p>
      <p className="provenance">
        {annotation.author ? <>Added by {annotation.author}</> : <>Added</>} <time dateTime={annotation.createdAt}>{when(annotation.createdAt)}</time>
        {annotation.updatedAt !== annotation.createdAt && (
          <>
            {' · changed '}
            <time dateTime={annotation.updatedAt}>{when(annotation.updatedAt)}</time>
          </>
        )}
      </p>

      {annotation.labelId === 'quote' && (
        <div className="field">
          <label htmlFor="annotation-quote-kind">Kind of quote</label>
          <CommitSelect id="annotation-quote-kind" value={annotation.quoteKind ?? ''} onCommit={(kind) => onChange({ quoteKind: (kind || null) as AnnotationPatch['quoteKind'] })}>
            <option value="">Not set</option>
            {QUOTE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {QUOTE_KIND_NAMES[kind]}
              </option>
            ))}
          </CommitSelect>
        </div>
      )}

      {(annotation.labelId === 'quote' || annotation.labelId === 'speaker' || annotation.labelId === 'claim') && (
        <SpeakerPicker
          key={`${annotation.id}-speaker`}
          id="annotation-speaker"
          label={annotation.labelId === 'quote' ? 'Said by' : annotation.labelId === 'claim' ? 'Claimant' : 'This names'}
          speakers={speakers}
          value={annotation.speakerId}
          suggest={annotation.labelId === 'speaker' ? annotation.text.trim() : undefined}
          emptyText={annotation.labelId === 'speaker' ? 'No speaker linked' : 'Unattributed'}
          onPick={(speakerId) => onChange({ speakerId })}
          onCreate={(name) => onCreateSpeaker(name, annotation)}
          onChosenByKeyboard={onBackToText}
        />
      )}

      {annotation.labelId === 'speaker' && !annotation.speakerId && (
        <UnlinkedMention mention={annotation} speakers={speakers} onLink={(speakerId) => onChange({ speakerId })} onCreate={() => onCreateSpeakerFromMention(annotation, null)} />
      )}

      {(annotation.labelId === 'quote' || annotation.labelId === 'claim') && unlinkedMentions.length > 0 && (
        <div className="field">
          <span className="field-label">New speaker from a Speaker highlight</span>
          <div className="mention-buttons">
            {unlinkedMentions.slice(0, 12).map((mention) => (
              <button key={mention.id} type="button" className="secondary" onClick={() => onCreateSpeakerFromMention(mention, annotation)}>
                + {mention.text.trim()}
              </button>
            ))}
          </div>
        </div>
      )}

      {annotation.labelId === 'claim' && (
        <ClaimFieldsEditor
          claim={annotation.claim ?? newClaimFields(statuses[0]?.id ?? 'unreviewed')}
          statuses={statuses}
          onChange={(claim) => onChange({ claim })}
          onOpenLink={onOpenLink}
        />
      )}
      {annotation.labelId === 'claim' && review}

      {annotation.labelId !== 'speaker' && (
        <div className="field">
          <label htmlFor="annotation-note">Note</label>
          <textarea
            id="annotation-note"
            rows={5}
            maxLength={MAX_NOTE_LENGTH}
            value={annotation.note}
            placeholder="What needs checking, sources, context…"
            aria-describedby="annotation-note-count"
            // maxLength stops typing and pasting; a value set by a script is cut here.
            onChange={(event) => onChange({ note: event.target.value.slice(0, MAX_NOTE_LENGTH) })}
          />
          <span id="annotation-note-count" className="note-count" aria-live="polite">
            {annotation.note.length > MAX_NOTE_LENGTH * 0.9 ? `${annotation.note.length.toLocaleString('en')} of ${MAX_NOTE_LENGTH.toLocaleString('en')} characters` : ''}
          </span>
        </div>
      )}

      <button type="button" className="danger" onClick={onDelete} title="Delete this highlight (Delete)">
        Delete highlight <kbd>Del</kbd>
      </button>
    </section>
  );
}
