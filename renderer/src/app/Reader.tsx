// The middle column: the open document's text with its highlights, or the welcome that opens one.
import type { MutableRefObject } from 'react';
import type { Annotation } from '../../../electron/contract/window-api';
import { afterPaint } from '../state/after-paint';
import type { SuggestionsModel } from '../suggestions/use-suggestions';
import { MOD } from '../commands/keys';
import { AnnotationEditor, type EditorCommands } from '../editor/AnnotationEditor';
import type { WorkspaceModel } from '../state/use-workspace';
import type { SidePanel } from './use-side-panel';
import { TeamArrivalsNotice } from '../components/team/TeamArrivalsNotice';
import type { TeamArrivals } from '../components/team/use-team-arrivals';

interface Props {
  workspace: Pick<WorkspaceModel, 'state' | 'actions'>;
  panel: SidePanel;
  /** Changes from the team waiting to be shown in the open document. */
  arrivals: TeamArrivals;
  commandsRef: MutableRefObject<EditorCommands | null>;
  suggestions: SuggestionsModel;
  /** Makes a highlight prepared from the selection (and says so in the status line). */
  createHighlight(annotation: Annotation): void;
  say(text: string): void;
  onLocate(): void;
  onOpen(): void;
}

export function Reader({ workspace: { state, actions }, panel, arrivals, commandsRef, createHighlight, suggestions, say, onLocate, onOpen }: Props) {
  const current = state.current;
  return (
    <main className="reader">
      <TeamArrivalsNotice arrivals={arrivals} />
      {current?.source.state === 'missing' && (
        <div className="source-missing-banner" role="status">
          <span>
            <strong>{current.document.fileName}</strong> is no longer at {current.document.filePath}. You are working on the saved copy; nothing is lost.
          </span>
          <button type="button" onClick={onLocate}>
            Locate file…
          </button>
        </div>
      )}
      {current ? (
        <AnnotationEditor
          key={`${current.document.id}:${current.document.textHash}`}
          documentId={current.document.id}
          text={current.text}
          pageStarts={current.document.pageStarts}
          annotations={current.annotations}
          labels={state.labels}
          speakers={state.speakers}
          statuses={state.session?.statuses}
          selectedId={state.selectedId}
          scrollRequest={panel.scrollRequest}
          onSelectAnnotation={panel.selectHighlight}
          onLabelSelection={(labelId, start, end) => {
            // The editor draws the highlight at once; the rest of the window follows after that
            // frame is painted, so the keypress shows in the next frame even on a long transcript.
            const prepared = actions.prepareAnnotation(labelId, start, end);
            if (!prepared) return undefined;
            const made = suggestions.carryOver(prepared);
            createHighlight(made);
            afterPaint(() => panel.showSpeaker(null));
            return made;
          }}
          suggestions={suggestions.suggestions}
          onPickSuggestion={(key) => (suggestions.setShown(true), suggestions.setFocusedKey(key))}
          onSay={say}
          onResize={(annotationId, start, end) => actions.updateAnnotation(annotationId, { start, end })}
          commandsRef={commandsRef}
        />
      ) : (
        <div className="welcome">
          <h2>Open a story to start annotating</h2>
          <p>Choose a text, Markdown, web page (.html), Word (.docx), PDF (.pdf) or subtitle (.srt, .vtt) file, or drop one anywhere on this window. To make a document of text you copied, paste it here ({MOD}V).</p>
          <button type="button" className="primary" onClick={onOpen}>
            Open a file…
          </button>
        </div>
      )}
    </main>
  );
}
