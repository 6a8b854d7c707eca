// The window's keys and the desktop menu's commands (commands/use-window-commands.ts), bound to
// what each part of this window does: its view, side panel, sheets, the open document and the desk.
import type { AnnotatorClient } from '../api/client';
import type { useKeyFeedback } from '../commands/use-key-feedback';
import { useWindowCommands, windowBindings } from '../commands/use-window-commands';
import type { useDocumentDone } from '../components/DocumentDone';
import type { useDocumentDialogs } from '../components/use-document-dialogs';
import type { EditorCommands } from '../editor/AnnotationEditor';
import type { ReviewDeskModel } from '../review/use-review-desk';
import type { WorkspaceModel } from '../state/use-workspace';
import type { SidePanel } from './use-side-panel';
import type { WindowDialogs } from './use-window-dialogs';
import type { WindowView } from './use-window-view';

interface Deps {
  client: AnnotatorClient;
  workspace: Pick<WorkspaceModel, 'state' | 'actions'>;
  views: WindowView;
  panel: SidePanel;
  dialogs: WindowDialogs;
  desk: ReviewDeskModel;
  feedback: ReturnType<typeof useKeyFeedback>;
  documentDialogs: ReturnType<typeof useDocumentDialogs>;
  done: ReturnType<typeof useDocumentDone>;
  editor(): EditorCommands | null;
  /** The selected highlight's label name, for what a key says it cannot do. */
  selectedLabel: string | null;
  openDocuments(): void;
  switchPerson(): void;
  suggest(): void;
  say(text: string): void;
}

export function useAppCommands({ client, workspace: { state, actions }, views, panel, dialogs, desk, feedback, documentDialogs, done, editor, selectedLabel, openDocuments, switchPerson, suggest, say }: Deps): void {
  const { view, curating } = views;
  const current = state.current;
  useWindowCommands({
    client,
    // In curation only the window's own keys are read (the document's would act on hidden text).
    view: curating ? 'desk' : view,
    desktop: state.session?.host === 'electron',
    onDocumentOpened: (documentId) => void actions.refreshDocuments().then(() => actions.openDocument(documentId)),
    onClipboardText: (text) => documentDialogs.paste(text),
    ...windowBindings({
      view,
      fromDesk: views.fromDesk,
      selectedId: state.selectedId,
      selectedLabel,
      speakerShown: view === 'document' && panel.shownSpeaker !== null,
      closeSpeaker: () => (panel.closeSpeaker(), editor()?.focus()),
      say,
      editor,
      open: { import: dialogs.showImport, export: dialogs.showExport, report: dialogs.reportOpen, agreement: dialogs.showAgreement, team: dialogs.showTeam },
      openDocuments,
      toggleDesk: views.toggleDesk,
      toggleCuration: views.toggleCuration,
      backToDesk: views.showDesk,
      toggleShortcuts: () => dialogs.setShowShortcuts((shown) => !shown),
      switchPerson,
      toggleDone: () => {
        const doc = current && (state.documents.find((d) => d.id === current.document.id) ?? current.document);
        return !!doc && (void done.markDone(doc, !doc.doneByYou), true);
      },
      // On the desk, its own last edit only: never a change to a document out of sight.
      undo: () => feedback.undone(() => (view === 'desk' ? desk.undo() : actions.undo())),
      redo: () => feedback.redone(() => (view === 'desk' ? desk.redo() : actions.redo())),
      deleteHighlight: feedback.remove,
      select: panel.selectHighlight,
      suggest,
      showImport: () => dialogs.setShowImport(true),
      // From the desk, as its own Export…: ClaimReview first.
      showExport: () => dialogs.openExport(view === 'desk' ? 'claimreview' : 'jsonl'),
      mergeWorkspace: () => void actions.mergeWorkspace(),
      showReport: dialogs.openReport,
      showAgreement: () => dialogs.setShowAgreement(true),
      newFromClipboard: documentDialogs.newFromClipboard,
      compactWorkspace: documentDialogs.askCompact,
      showTeam: () => dialogs.setShowTeam(true),
      report: actions.report,
    }),
  });
}
