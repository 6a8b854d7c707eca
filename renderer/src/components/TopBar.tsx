// The window's header: the File menu and Open…, the title, the window's person, the desk and
// dataset buttons, and whether everything is saved.
import type { Person, RecentFile, Session } from '../../../electron/contract/window-api';
import { useSaveStatus, type SaveStatusStore } from '../state/save-status-store';
import { AnnotatorName } from './AnnotatorName';
import { FileMenu } from './FileMenu';

const SAVE_TEXT = {
  saved: 'All changes saved',
  saving: 'Saving…',
  failed: 'Not saved — see the message',
  'disk-full': 'The disk is full: your changes are kept in this window and will be saved when space is freed',
} as const;

interface Props {
  session: Session | null;
  title: string;
  mod: string;
  onDesk: boolean;
  /** Came from the desk: the way back to the queue. */
  fromDesk: boolean;
  unattributedQuotes: number;
  /** Read here only, so a change of it re-renders the header alone. */
  saveStatus: SaveStatusStore;
  busy: string | null;
  loadRecent(): Promise<RecentFile[]>;
  onOpen(): void;
  onOpenRecent(recentId: string): void;
  onMerge(): void;
  onNewFromClipboard(): void;
  onCompact(): void;
  onShowUnattributed(): void;
  /** This window's person (null until chosen): renamed or switched from here. */
  person: Person | null;
  onRenamePerson(name: string): void;
  onSwitchPerson(): void;
  onBackToQueue(): void;
  onToggleDesk(): void;
  onImport(): void;
  onExport(): void;
  onAgreement(): void;
  onLabels(): void;
  onShortcuts(): void;
  /** The team sync status in words ('' where the host has none), and the Team view. */
  teamWords: string;
  teamLinked: boolean;
  teamOpen: boolean;
  onTeam(): void;
}

export function TopBar(props: Props) {
  const { session, mod, unattributedQuotes } = props;
  // A narrow header cuts a long one short: the tooltip has it whole.
  const saveStatus = useSaveStatus(props.saveStatus);
  const saveText = props.busy ?? (session?.storeProblem ? 'Read-only: not saving' : SAVE_TEXT[saveStatus]);
  return (
    <header className="topbar">
      <FileMenu showRecent={session?.capabilities.recentFiles ?? false} loadRecent={props.loadRecent} onOpen={props.onOpen} onOpenRecent={props.onOpenRecent} onMerge={props.onMerge} onNewFromClipboard={props.onNewFromClipboard} onCompact={props.onCompact} shortcut={`${mod}O`} />
      <button type="button" className="primary" onClick={props.onOpen} title={`Open a document: text, Markdown, web page, Word or subtitles (${mod}O)`}>
        Open…
      </button>
      <h1 className="doc-title">{props.title}</h1>
      {unattributedQuotes > 0 && (
        <button type="button" className="unattributed-count" title="Show only these" onClick={props.onShowUnattributed}>
          {unattributedQuotes} unattributed {unattributedQuotes === 1 ? 'quote' : 'quotes'}
        </button>
      )}
      {props.person && <AnnotatorName key={props.person.id} name={props.person.name} onSave={props.onRenamePerson} />}
      {props.person && (
        <button type="button" className="shortcuts-button switch-person" aria-label="Switch person" onClick={props.onSwitchPerson} title={`Someone else works in this window from now on (${mod}Shift+P)`} aria-keyshortcuts={mod === '⌘' ? 'Meta+Shift+P' : 'Control+Shift+P'}>
          Switch person
        </button>
      )}
      {!props.onDesk && props.fromDesk && (
        <button type="button" className="primary" onClick={props.onBackToQueue} title="Back to the review desk, where you left it (Esc)">
          ← Back to the queue
        </button>
      )}
      <button type="button" className="shortcuts-button" aria-pressed={props.onDesk} onClick={props.onToggleDesk} title={`Every claim in the workspace, to review (${mod}Shift+R)`}>
        Review desk
      </button>
      <button type="button" className="shortcuts-button" onClick={props.onImport} title="Import annotations from brat, doccano, spaCy, Label Studio or W3C files">
        Import…
      </button>
      <button type="button" className="shortcuts-button" onClick={props.onExport} title="Export a dataset for NLP tools">
        Export…
      </button>
      <button type="button" className="shortcuts-button" onClick={props.onAgreement} title="How well annotators agree">
        Agreement
      </button>
      <button type="button" className="shortcuts-button" onClick={props.onLabels} title="Edit the label set">
        Labels
      </button>
      <button type="button" className="shortcuts-button" aria-pressed={props.teamOpen} onClick={props.onTeam} title="Link the workspace to your team’s database; sync status and conflicts">
        Team
      </button>
      {/* Read out as it changes; the Team view reads it itself while open. */}
      <span className="team-status" data-linked={props.teamLinked || undefined} role="status" aria-live={props.teamOpen ? 'off' : 'polite'} aria-label="Team sync" title={props.teamWords}>
        {props.teamWords}
      </span>
      {/* A narrow header shows only the key; the word is still its name to a screen reader. */}
      <button type="button" className="shortcuts-button shortcut-sheet" onClick={props.onShortcuts} title="Keyboard shortcuts (?)">
        <span className="topbar-word">Shortcuts</span> <kbd>?</kbd>
      </button>
      <span className={`save-status save-${session?.storeProblem ? 'failed' : saveStatus}`} role="status" aria-live="polite" title={saveText}>
        {saveText}
      </span>
    </header>
  );
}
