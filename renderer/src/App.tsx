// The window: documents on the left, the text in the middle, the selected highlight and the
// list of highlights on the right; the review desk or curation in their place. Each part's state
// lives in a hook of its own (app/use-*.ts); this file puts them together.
import { useCallback, useMemo, useRef } from 'react';
import type { FirstLoad } from './state/first-load';
import { currentWindowPerson, type AnnotatorClient } from './api/client';
import { MOD } from './commands/keys';
import { useKeyFeedback } from './commands/use-key-feedback';
import { useCatchUpBeforeInput } from './state/after-paint';
import { useSuggestions } from './suggestions/use-suggestions';
import type { Annotation } from '../../electron/contract/window-api';

const NO_ANNOTATIONS: readonly Annotation[] = [];
import { usePasteDocument } from './commands/use-paste-document';
import { NO_FILTER, useListFilter } from './components/AnnotationFilter';
import { useDocumentDone } from './components/DocumentDone';
import { Messages } from './components/Messages';
import { PersonPrompt } from './components/PersonPrompt';
import { StatusLine, useStatusLine } from './components/StatusLine';
import { StoreProblem } from './components/StoreProblem';
import { TopBar } from './components/TopBar';
import { useTeamStatus } from './components/team/use-team-status';
import { useTeamArrivals } from './components/team/use-team-arrivals';
import { useDocumentDialogs } from './components/use-document-dialogs';
import { CurationView } from './curation/CurationView';
import type { EditorCommands } from './editor/AnnotationEditor';
import { useWindowPerson } from './people/use-window-person';
import { ReviewDesk } from './review/ReviewDesk';
import { useReviewDesk } from './review/use-review-desk';
import { useWorkspace } from './state/use-workspace';
import { newId } from './state/workspace-deps';
import { DocumentsSidebar } from './app/DocumentsSidebar';
import { HighlightsSidebar } from './app/HighlightsSidebar';
import { Reader } from './app/Reader';
import { WindowSheets } from './app/WindowSheets';
import { useAppCommands } from './app/use-app-commands';
import { useFileDrop } from './app/use-file-drop';
import { useFilePickers } from './app/use-file-pickers';
import { useSidePanel } from './app/use-side-panel';
import { useWindowDialogs } from './app/use-window-dialogs';
import { useWindowView } from './app/use-window-view';

export function App({ client, firstLoad }: { client: AnnotatorClient; firstLoad?: FirstLoad }) {
  // First: the window's person is on the client before any write (see use-window-person).
  const people = useWindowPerson();
  const workspace = useWorkspace(client, firstLoad);
  const { state, saveStatus, busy, actions, queue, history } = workspace;
  const current = state.current;
  const currentIdRef = useRef<string | undefined>(undefined);
  currentIdRef.current = current?.document.id;
  const editorCommands = useRef<EditorCommands | null>(null);
  const editor = () => editorCommands.current;
  const whenSaved = useCallback(() => queue.whenIdle(), [queue]);
  const { say, line } = useStatusLine();
  useCatchUpBeforeInput();

  const desk = useReviewDesk({ client, queue, state, actions });
  const team = useTeamStatus(client);
  // What the team brings in: the list follows at once, the open text when the person says so.
  const arrivals = useTeamArrivals(client, {
    currentDocumentId: () => currentIdRef.current ?? null,
    refreshDocuments: actions.refreshDocuments,
    reopen: async (id) => {
      await whenSaved();
      if (id === currentIdRef.current) await actions.openDocument(id);
    },
  });
  const panel = useSidePanel({ speakers: state.speakers, current, select: actions.select, openDocument: actions.openDocument });
  const views = useWindowView({ desk, queue, current, currentIdRef, openDocument: actions.openDocument, showInText: panel.showInText, say });
  const { view, fromDesk, curating } = views;
  const dialogs = useWindowDialogs({ documentCount: state.documents.length, documentInView: views.documentInView, report: actions.report });
  const pickers = useFilePickers({ nativeDialog: state.session?.capabilities.nativeOpenDialog ?? false, current, ...actions });
  const drop = useFileDrop(actions);
  const feedback = useKeyFeedback({
    say,
    labels: state.labels,
    history,
    annotations: () => state.current?.annotations ?? [],
    annotatorName: people.person?.name,
    addAnnotation: actions.addAnnotation,
    deleteAnnotation: actions.deleteAnnotation,
  });

  const selected = useMemo(() => current?.annotations.find((a) => a.id === state.selectedId) ?? null, [current, state.selectedId]);
  const list = useListFilter(current?.annotations, state.speakers);
  const blind = state.session?.reviewSettings.blindAnnotation === true;
  const done = useDocumentDone({ client, whenSaved, refreshDocuments: actions.refreshDocuments, reopen: async (id) => (id === currentIdRef.current ? actions.openDocument(id) : undefined), report: actions.report });
  const unattributedQuotes = useMemo(() => current?.annotations.filter((a) => a.labelId === 'quote' && !a.speakerId).length ?? 0, [current?.annotations]);

  const documentDialogs = useDocumentDialogs({ client, documents: state.documents, undoKey: `${MOD}Z`, ...actions });
  usePasteDocument({ enabled: view === 'document' && !current, onText: documentDialogs.paste });
  const suggestions = useSuggestions({ client, documentId: current?.document.id ?? null, textHash: current?.document.textHash ?? null, speakers: state.speakers, annotations: current?.annotations ?? NO_ANNOTATIONS, prepare: actions.prepareAnnotation, perform: actions.perform, report: actions.report, say });
  const suggest = () => {
    suggestions.setShown(true);
    suggestions.run(true);
  };

  useAppCommands({
    client,
    workspace,
    views,
    panel,
    dialogs,
    desk,
    feedback,
    documentDialogs,
    done,
    editor,
    selectedLabel: state.labels.find((l) => l.id === selected?.labelId)?.name ?? null,
    openDocuments: pickers.open,
    switchPerson: people.startSwitching,
    suggest,
    say,
  });

  return (
    <div className="app" {...drop.handlers}>
      <TopBar
        session={state.session}
        title={view === 'desk' ? 'Review desk' : current ? current.document.title : 'Newsroom Annotator'}
        mod={MOD}
        onDesk={view === 'desk'}
        fromDesk={fromDesk}
        unattributedQuotes={current ? unattributedQuotes : 0}
        saveStatus={saveStatus}
        busy={busy}
        loadRecent={() => client.listRecentFiles({})}
        onOpen={pickers.open}
        onOpenRecent={(id) => void actions.openRecent(id)}
        onMerge={() => void actions.mergeWorkspace()}
        onNewFromClipboard={documentDialogs.newFromClipboard}
        onCompact={documentDialogs.askCompact}
        onShowUnattributed={() => list.setFilter({ ...NO_FILTER, labelId: 'quote', unattributedOnly: true })}
        person={people.person}
        onRenamePerson={people.rename}
        onSwitchPerson={people.startSwitching}
        onBackToQueue={views.showDesk}
        onToggleDesk={views.toggleDesk}
        onImport={pickers.chooseImportFiles}
        onExport={() => dialogs.openExport('jsonl')}
        onAgreement={() => dialogs.setShowAgreement(true)}
        onLabels={() => dialogs.setShowLabels(true)}
        onShortcuts={() => dialogs.setShowShortcuts(true)}
        teamWords={team.words}
        teamLinked={!!team.status && team.status.state !== 'unlinked'}
        teamOpen={dialogs.showTeam}
        onTeam={() => dialogs.setShowTeam(true)}
      />

      {people.person && people.choosing && (
        <div className="person-switcher" role="dialog" aria-label="Switch person">
          <PersonPrompt known={people.known.filter((p) => p.id !== people.person!.id)} suggestion={null} switching onChoose={people.choose} onCancel={people.stopSwitching} />
        </div>
      )}
      {state.session?.storeProblem && <StoreProblem problem={state.session.storeProblem} onRestore={() => void actions.restoreBackup()} />}
      {view === 'desk' && state.session && (
        <ReviewDesk
          desk={desk}
          client={client}
          statuses={state.session.statuses}
          speakers={state.speakers}
          mod={MOD}
          blind={blind}
          whenSaved={whenSaved}
          onOpenInContext={(row) => void views.openInContext(row)}
          onEditScale={() => dialogs.setDeskDialog('scale')}
          onEditSettings={() => dialogs.setDeskDialog('settings')}
          onExport={() => dialogs.openExport('claimreview')}
          onReport={() => dialogs.openReport()}
        />
      )}
      {curating && current && view === 'document' && (
        <CurationView
          document={current.document}
          text={current.text}
          annotations={current.annotations}
          labels={state.labels}
          curator={currentWindowPerson()?.name ?? state.session?.annotatorName ?? ''}
          perform={(step) => actions.perform(step)}
          relabel={(annotationId, labelId) => actions.updateAnnotation(annotationId, { labelId })}
          newId={() => newId('cur')}
          say={say}
          onClose={() => (views.stopCurating(), editor()?.focus())}
        />
      )}
      <div className="layout" hidden={view === 'desk' || (curating && !!current)}>
        <DocumentsSidebar
          workspace={workspace}
          panel={panel}
          done={done}
          blind={blind}
          askRemove={documentDialogs.askRemove}
          onChangeEncoding={pickers.changeEncoding}
          onLocate={pickers.locate}
          onToggleCuration={views.toggleCuration}
        />
        <Reader workspace={workspace} panel={panel} arrivals={arrivals} commandsRef={editorCommands} createHighlight={feedback.create} suggestions={suggestions} say={say} onLocate={pickers.locate} onOpen={pickers.open} />
        <HighlightsSidebar client={client} workspace={workspace} panel={panel} people={people} feedback={feedback} list={list} suggestions={suggestions} selected={selected} editor={editor} whenSaved={whenSaved} />
      </div>

      <Messages messages={state.messages} onDismiss={actions.dismiss} />
      <StatusLine line={line} />
      {documentDialogs.dialogs}
      <WindowSheets
        client={client}
        workspace={workspace}
        dialogs={dialogs}
        desk={desk}
        team={team}
        view={view}
        blind={blind}
        currentIdRef={currentIdRef}
        openAppearance={panel.openAppearance}
        editor={editor}
        whenSaved={whenSaved}
        chooseImportFiles={pickers.chooseImportFiles}
      />
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop documents to open them
        </div>
      )}
      {pickers.inputs}
    </div>
  );
}
