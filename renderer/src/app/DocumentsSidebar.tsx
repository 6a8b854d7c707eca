// The left column: the workspace's documents and speakers, and the open document's details, its
// done mark and its editable fields.
import type { TextEncoding } from '../../../electron/contract/window-api';
import { MOD } from '../commands/keys';
import { DocumentDetails } from '../components/DocumentDetails';
import { DoneControl, type useDocumentDone } from '../components/DocumentDone';
import { DocumentEditForm } from '../components/DocumentEditForm';
import { DocumentList } from '../components/DocumentList';
import { SpeakerList } from '../components/SpeakerList';
import type { WorkspaceModel } from '../state/use-workspace';
import type { SidePanel } from './use-side-panel';

interface Props {
  workspace: Pick<WorkspaceModel, 'state' | 'actions'>;
  panel: SidePanel;
  done: ReturnType<typeof useDocumentDone>;
  blind: boolean;
  askRemove(documentId: string): void;
  onChangeEncoding(encoding: TextEncoding): void;
  onLocate(): void;
  onToggleCuration(): void;
}

export function DocumentsSidebar({ workspace: { state, actions }, panel, done, blind, askRemove, onChangeEncoding, onLocate, onToggleCuration }: Props) {
  const current = state.current;
  return (
    <nav className="sidebar sidebar-left" aria-label="Documents">
      <h2>Documents</h2>
      <DocumentList documents={state.documents} currentId={current?.document.id ?? null} onOpen={(id) => void actions.openDocument(id)} onRemove={askRemove} />
      <h2>Speakers</h2>
      <SpeakerList speakers={state.speakers} currentId={panel.speakerId} onOpen={panel.showSpeaker} />
      {current && (
        <>
          <h2>This document</h2>
          <DocumentDetails
            key={`${current.document.id}:${current.document.encoding}:${current.document.textHash}`}
            document={current.document}
            source={current.source}
            onChangeEncoding={onChangeEncoding}
            onLocate={onLocate}
            onTagTranscript={() => void actions.tagTranscriptLines()}
            onOpenLink={(url) => void actions.openLink(url)}
          />
          <button type="button" className="curate-button" onClick={onToggleCuration}>
            Curate ({MOD}Shift+U)
          </button>
          <DoneControl document={state.documents.find((d) => d.id === current.document.id) ?? current.document} blind={blind} status={done.status} onMarkDone={(isDone) => void done.markDone(current.document, isDone)} />
          <DocumentEditForm
            key={`edit:${current.document.id}`}
            document={current.document}
            onSave={(fields) => actions.updateDocument(current.document.id, fields)}
            onRemove={() => askRemove(current.document.id)}
          />
        </>
      )}
    </nav>
  );
}
