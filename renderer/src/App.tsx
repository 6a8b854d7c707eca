// The window: documents on the left, the text in the middle, the selected highlight and the
// list of highlights on the right.
import { useCallback, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Annotation, Appearance, Session, TextEncoding } from '../../electron/contract/api';
import type { AnnotatorClient } from './api/client';
import { AnnotationEditor, type EditorCommands } from './editor/AnnotationEditor';
import { AnnotationFilter, NO_FILTER, useListFilter } from './components/AnnotationFilter';
import { AnnotationList } from './components/AnnotationList';
import { AnnotationPanel } from './components/AnnotationPanel';
import { DocumentDetails } from './components/DocumentDetails';
import { DocumentEditForm } from './components/DocumentEditForm';
import { DocumentList } from './components/DocumentList';
import { DoneControl, useDocumentDone } from './components/DocumentDone';
import { useDocumentDialogs } from './components/use-document-dialogs';
import { usePasteDocument } from './commands/use-paste-document';
import { OrphanList } from './components/OrphanList';
import { StoreProblem } from './components/StoreProblem';
import { FileInputs } from './components/FileInputs';
import { ImportPreviewDialog } from './components/ImportPreviewDialog';
import { isAnnotationFile } from './files';
import { KeysHint } from './components/KeysHint';
import { TopBar } from './components/TopBar';
import { AgreementDialog, ExportDialog, ImportDialog } from './components/DatasetDialogs';
import { LabelsDialog } from './components/LabelsDialog';
import { Messages } from './components/Messages';
import { ShortcutSheet } from './components/ShortcutSheet';
import { SpeakerList } from './components/SpeakerList';
import { SpeakerPanel } from './components/SpeakerPanel';
import { useWorkspace } from './state/use-workspace';
import { ClaimReviewFields } from './review/ClaimHistory';
import { ReportDialog, type ReportRun } from './review/ReportDialog';
import { ReviewDesk } from './review/ReviewDesk';
import { ReviewSettingsDialog, VerdictScaleDialog } from './review/ReviewSetup';
import { useReviewDesk } from './review/use-review-desk';
import { rowKey } from './review/claim-table';
import type { ClaimRow, ExportFormat } from '../../electron/contract/api';
import { useWindowCommands, windowBindings } from './commands/use-window-commands';
import { useKeyFeedback } from './commands/use-key-feedback';
import { StatusLine, useStatusLine } from './components/StatusLine';
import { NameReminder } from './components/NameReminder';
import { CurationView } from './curation/CurationView';
import { currentWindowPerson } from './api/client';
import { newId } from './state/workspace-deps';
import { TeamView } from './components/team/TeamView';
import { useTeamStatus } from './components/team/use-team-status';
import { PersonPrompt } from './components/PersonPrompt';
import { useWindowPerson } from './people/use-window-person';

import { isMac } from './commands/keys';
const MOD = isMac ? '⌘' : 'Ctrl+';



export function App({ client, firstSession }: { client: AnnotatorClient; firstSession?: Promise<Session> }) {
  // First: the window's person is on the client before any write (see use-window-person).
  const people = useWindowPerson();
  const { state, saveStatus, busy, actions, queue, history, importPreview } = useWorkspace(client, firstSession);
  const desk = useReviewDesk({ client, queue, state, actions });
  /** The review desk replaces the three columns; `fromDesk` offers the way back to the queue. */
  const [view, setView] = useState<'document' | 'desk'>('document');
  const [fromDesk, setFromDesk] = useState(false);
  /** The open document in curation, over the three columns (the window's edits and undo serve it). */
  const [curating, setCurating] = useState(false);
  const [deskDialog, setDeskDialog] = useState<null | 'scale' | 'settings' | { report: string | null; run?: ReportRun }>(null);
  const reportRuns = useRef(0);
  const [exportFormat, setExportFormat] = useState<ExportFormat>('jsonl');
  const whenSaved = useCallback(() => queue.whenIdle(), [queue]);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const editorCommands = useRef<EditorCommands | null>(null);
  const importInputRef = useRef<HTMLInputElement>(null);
  /** The browser host knows no paths: relinking, or reading again, asks for the file itself. */
  const relinkInputRef = useRef<HTMLInputElement>(null);
  const [rereadEncoding, setRereadEncoding] = useState<TextEncoding | null>(null);
  const [scrollRequest, setScrollRequest] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showLabels, setShowLabels] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const [showExport, setShowExport] = useState(false);
  const [showAgreement, setShowAgreement] = useState(false);
  const [showTeam, setShowTeam] = useState(false);
  const team = useTeamStatus(client);
  const [speakerId, setSpeakerId] = useState<string | null>(null);
  const shownSpeaker = state.speakers.find((s) => s.id === speakerId) ?? null;
  const { say, line } = useStatusLine();
  const feedback = useKeyFeedback({
    say,
    labels: state.labels,
    history,
    annotations: () => state.current?.annotations ?? [],
    annotatorName: people.person?.name,
    createAnnotation: actions.createAnnotation,
    deleteAnnotation: actions.deleteAnnotation,
  });
  /** Selecting a highlight (in the text, in the list, by making one) shows its panel, not a speaker's. */
  const selectHighlight = useCallback((id: string | null) => (id && setSpeakerId(null), actions.select(id)), [actions.select]);
  const closeSpeaker = () => flushSync(() => setSpeakerId(null));

  /** From the speaker panel to the highlight, in its document, scrolled into view. */
  const openAppearance = async (appearance: Pick<Appearance, 'documentId' | 'annotationId'>) => {
    if (current?.document.id !== appearance.documentId) await actions.openDocument(appearance.documentId);
    setSpeakerId(null);
    actions.select(appearance.annotationId);
    setScrollRequest((n) => n + 1);
  };
  const current = state.current;
  const currentIdRef = useRef<string | undefined>(undefined);
  currentIdRef.current = current?.document.id;
  const selected = useMemo(() => current?.annotations.find((a) => a.id === state.selectedId) ?? null, [current, state.selectedId]);
  const { filter, setFilter, listed, toCheck, unlinked, annotators } = useListFilter(current?.annotations, state.speakers);
  const blind = state.session?.reviewSettings.blindAnnotation === true;
  const done = useDocumentDone({ client, whenSaved, refreshDocuments: actions.refreshDocuments, reopen: async (id) => (id === currentIdRef.current ? actions.openDocument(id) : undefined), report: actions.report });
  const unattributedQuotes = useMemo(() => current?.annotations.filter((a) => a.labelId === 'quote' && !a.speakerId).length ?? 0, [current?.annotations]);
  const statusNames = useMemo(() => new Map((state.session?.statuses ?? []).map((s) => [s.id, s.name])), [state.session?.statuses]);
  const speakerMentions = useMemo(() => current?.annotations.filter((a) => a.labelId === 'speaker') ?? [], [current?.annotations]);
  const nativeDialog = state.session?.capabilities.nativeOpenDialog ?? false;

  const locate = () => {
    setRereadEncoding(null);
    if (nativeDialog) void actions.locateFile();
    else relinkInputRef.current?.click();
  };
  const changeEncoding = (encoding: TextEncoding) => {
    if (current?.document.filePath) return void actions.rereadAs(encoding);
    setRereadEncoding(encoding);
    relinkInputRef.current?.click();
  };
  const placeOrphan = (orphan: Annotation) => {
    const range = editorCommands.current?.selectedRange() ?? null;
    if (!range) {
      actions.report(new Error('Select the text where this highlight belongs first, then press “Place on selection”.'));
      return;
    }
    actions.placeOrphan(orphan, range);
    // The selection was used: no label bar left inviting a second highlight there.
    editorCommands.current?.collapseSelection();
  };

  /**
   * Back to the document view. The desk's edits went through the same pipeline as the window's
   * (the open document shows them, the undo history has them), so nothing is read again.
   */
  const leaveDesk = useCallback(
    async (openId?: string) => {
      setView('document');
      if (openId && openId !== currentIdRef.current) {
        // The document must show what the desk saved in it.
        await queue.whenIdle();
        await actions.openDocument(openId);
      }
    },
    [actions, queue],
  );
  const openInContext = async (row: ClaimRow) => {
    setFromDesk(true);
    await leaveDesk(row.documentId);
    setSpeakerId(null);
    actions.select(row.annotationId);
    setScrollRequest((n) => n + 1);
  };
  const showDesk = useCallback(() => {
    setView('desk');
    setFromDesk(false);
    void desk.refresh();
  }, [desk]);
  const toggleDesk = useCallback(() => (setCurating(false), view === 'desk' ? void leaveDesk() : showDesk()), [view, leaveDesk, showDesk]);
  const toggleCuration = () => {
    if (curating) return setCurating(false);
    if (!current) return say('Curation: open a document first.');
    if (view === 'desk') void leaveDesk();
    setCurating(true);
  };

  const open = useCallback(() => {
    if (nativeDialog) void actions.openWithDialog();
    else fileInputRef.current?.click();
  }, [actions, nativeDialog]);

  // What the header's, the File menu's and the desk's buttons do, and the native menu with them.
  const chooseImportFiles = () => importInputRef.current?.click();
  const openExport = (format: ExportFormat) => {
    setExportFormat(format);
    setShowExport(true);
  };
  /** The report starts on the document in view: the open one, or on the desk the focused claim's. */
  const openReport = (action?: ReportRun['action']) => {
    if (state.documents.length === 0) {
      actions.report(new Error('There is nothing to report yet: the workspace has no documents. Open a story first.'));
      return;
    }
    const documentId = view === 'desk' ? desk.visible.find((row) => rowKey(row) === desk.focusedKey)?.documentId ?? null : current?.document.id ?? null;
    setDeskDialog({ report: documentId, ...(action && { run: { action, seq: ++reportRuns.current } }) });
  };

  const documentDialogs = useDocumentDialogs({ client, documents: state.documents, undoKey: `${MOD}Z`, ...actions });
  usePasteDocument({ enabled: view === 'document' && !current, onText: documentDialogs.paste });

  useWindowCommands({
    client,
    // In curation only the window's own keys are read (the document's would act on hidden text).
    view: curating ? 'desk' : view,
    desktop: state.session?.host === 'electron',
    onDocumentOpened: (documentId) => void actions.refreshDocuments().then(() => actions.openDocument(documentId)),
    onClipboardText: (text) => documentDialogs.paste(text),
    ...windowBindings({
      view,
      fromDesk,
      selectedId: state.selectedId,
      selectedLabel: state.labels.find((l) => l.id === selected?.labelId)?.name ?? null,
      speakerShown: view === 'document' && shownSpeaker !== null,
      closeSpeaker: () => (closeSpeaker(), editorCommands.current?.focus()),
      say,
      editor: () => editorCommands.current,
      open: { import: showImport, export: showExport, report: typeof deskDialog === 'object' && deskDialog !== null, agreement: showAgreement, team: showTeam },
      openDocuments: open,
      toggleDesk,
      toggleCuration,
      backToDesk: showDesk,
      toggleShortcuts: () => setShowShortcuts((shown) => !shown),
      switchPerson: people.startSwitching,
      toggleDone: () => {
        const doc = current && (state.documents.find((d) => d.id === current.document.id) ?? current.document);
        return !!doc && (void done.markDone(doc, !doc.doneByYou), true);
      },
      // On the desk, its own last edit only: never a change to a document out of sight.
      undo: () => feedback.undone(() => (view === 'desk' ? desk.undo() : actions.undo())),
      redo: () => feedback.redone(() => (view === 'desk' ? desk.redo() : actions.redo())),
      deleteHighlight: feedback.remove,
      select: selectHighlight,
      showImport: () => setShowImport(true),
      // From the desk, as its own Export…: ClaimReview first.
      showExport: () => openExport(view === 'desk' ? 'claimreview' : 'jsonl'),
      mergeWorkspace: () => void actions.mergeWorkspace(),
      showReport: openReport,
      showAgreement: () => setShowAgreement(true),
      newFromClipboard: documentDialogs.newFromClipboard,
      compactWorkspace: documentDialogs.askCompact,
      showTeam: () => setShowTeam(true),
      report: actions.report,
    }),
  });

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    // Annotation files (with the texts they annotate, for brat) are imported, after a preview.
    if (files.some((file) => isAnnotationFile(file.name))) void actions.importAnnotationFiles(files);
    else if (files.length) void actions.dropFiles(files);
  };

  return (
    <div
      className="app"
      onDragOver={(event) => {
        if ([...event.dataTransfer.types].includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
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
        onOpen={open}
        onOpenRecent={(id) => void actions.openRecent(id)}
        onMerge={() => void actions.mergeWorkspace()}
        onNewFromClipboard={documentDialogs.newFromClipboard}
        onCompact={documentDialogs.askCompact}
        onShowUnattributed={() => setFilter({ ...NO_FILTER, labelId: 'quote', unattributedOnly: true })}
        person={people.person}
        onRenamePerson={people.rename}
        onSwitchPerson={people.startSwitching}
        onBackToQueue={showDesk}
        onToggleDesk={toggleDesk}
        onImport={chooseImportFiles}
        onExport={() => openExport('jsonl')}
        onAgreement={() => setShowAgreement(true)}
        onLabels={() => setShowLabels(true)}
        onShortcuts={() => setShowShortcuts(true)}
        teamWords={team.words}
        teamLinked={!!team.status && team.status.state !== 'unlinked'}
        teamOpen={showTeam}
        onTeam={() => setShowTeam(true)}
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
          onOpenInContext={(row) => void openInContext(row)}
          onEditScale={() => setDeskDialog('scale')}
          onEditSettings={() => setDeskDialog('settings')}
          onExport={() => openExport('claimreview')}
          onReport={() => openReport()}
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
          onClose={() => (setCurating(false), editorCommands.current?.focus())}
        />
      )}
      <div className="layout" hidden={view === 'desk' || (curating && !!current)}>
        <nav className="sidebar sidebar-left" aria-label="Documents">
          <h2>Documents</h2>
          <DocumentList documents={state.documents} currentId={current?.document.id ?? null} onOpen={(id) => void actions.openDocument(id)} onRemove={documentDialogs.askRemove} />
          <h2>Speakers</h2>
          <SpeakerList speakers={state.speakers} currentId={speakerId} onOpen={setSpeakerId} />
          {current && (
            <>
              <h2>This document</h2>
              <DocumentDetails
                key={`${current.document.id}:${current.document.encoding}:${current.document.textHash}`}
                document={current.document}
                source={current.source}
                onChangeEncoding={changeEncoding}
                onLocate={locate}
                onTagTranscript={() => void actions.tagTranscriptLines()}
                onOpenLink={(url) => void actions.openLink(url)}
              />
              <button type="button" className="curate-button" onClick={toggleCuration}>
                Curate ({MOD}Shift+U)
              </button>
              <DoneControl document={state.documents.find((d) => d.id === current.document.id) ?? current.document} blind={blind} status={done.status} onMarkDone={(isDone) => void done.markDone(current.document, isDone)} />
              <DocumentEditForm
                key={`edit:${current.document.id}`}
                document={current.document}
                onSave={(fields) => actions.updateDocument(current.document.id, fields)}
                onRemove={() => documentDialogs.askRemove(current.document.id)}
              />
            </>
          )}
        </nav>

        <main className="reader">
          {current?.source.state === 'missing' && (
            <div className="source-missing-banner" role="status">
              <span>
                <strong>{current.document.fileName}</strong> is no longer at {current.document.filePath}. You are working on the saved copy; nothing is lost.
              </span>
              <button type="button" onClick={locate}>
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
              scrollRequest={scrollRequest}
              onSelectAnnotation={selectHighlight}
              onLabelSelection={(labelId, start, end) => (setSpeakerId(null), feedback.create(labelId, start, end))}
              onSay={say}
              onResize={(annotationId, start, end) => actions.updateAnnotation(annotationId, { start, end })}
              commandsRef={editorCommands}
            />
          ) : (
            <div className="welcome">
              <h2>Open a story to start annotating</h2>
              <p>Choose a text, Markdown, web page (.html), Word (.docx), PDF (.pdf) or subtitle (.srt, .vtt) file, or drop one anywhere on this window. To make a document of text you copied, paste it here ({MOD}V).</p>
              <button type="button" className="primary" onClick={open}>
                Open a file…
              </button>
            </div>
          )}
        </main>

        <aside className="sidebar sidebar-right" aria-label="Highlights">
          {feedback.nameReminder && !people.person && (
            <NameReminder onSetName={() => (feedback.dismissNameReminder(), document.getElementById('annotator-name-input')?.focus())} onDismiss={feedback.dismissNameReminder} />
          )}
          {state.session && !people.person && <PersonPrompt known={people.known} suggestion={state.session.annotatorName} switching={false} onChoose={people.choose} onCancel={people.stopSwitching} />}
          {shownSpeaker ? (
            <SpeakerPanel
              key={shownSpeaker.id}
              speaker={shownSpeaker}
              speakers={state.speakers}
              labels={state.labels}
              client={client}
              refreshKey={[current?.annotations, state.speakers]}
              onEdit={(patch) => actions.editSpeaker(shownSpeaker.id, patch)}
              onMerge={(mergedId) => void actions.mergeSpeakers(shownSpeaker.id, mergedId)}
              onOpenAppearance={(appearance) => void openAppearance(appearance)}
              onClose={() => (closeSpeaker(), editorCommands.current?.focus())}
            />
          ) : selected ? (
            <AnnotationPanel
              key={selected.id}
              annotation={selected}
              labels={state.labels}
              speakers={state.speakers}
              statuses={state.session?.statuses ?? []}
              speakerMentions={speakerMentions}
              onOpenLink={(url) => void actions.openLink(url)}
              onChange={(patch) => actions.updateAnnotation(selected.id, patch)}
              onCreateSpeakerFromMention={actions.createSpeakerFromMention}
              onCreateSpeaker={actions.createSpeakerFor}
              onBackToText={() => editorCommands.current?.focus()}
              onDelete={() => feedback.remove(selected.id)}
              onConfirmAnchor={() => actions.confirmAnchor(selected)}
              review={
                selected.labelId === 'claim' && (
                  <ClaimReviewFields client={client} claim={selected} statuses={state.session?.statuses ?? []} whenSaved={whenSaved} onReviewerNote={(reviewerNote) => actions.updateAnnotation(selected.id, { claim: { reviewerNote } })}
                    onPublicSummary={(publicSummary) => actions.updateAnnotation(selected.id, { claim: { publicSummary } })}
                  />
                )
              }
            />
          ) : (
            <KeysHint labels={state.labels} mod={MOD} />
          )}
          <h2>
            Highlights {current ? (listed.length === current.annotations.length ? `(${listed.length})` : `(${listed.length} of ${current.annotations.length})`) : ''}
          </h2>
          {current && <OrphanList orphans={current.orphans} labels={state.labels} onPlace={placeOrphan} onDiscard={actions.discardOrphan} />}
          {current && <AnnotationFilter filter={filter} labels={state.labels} speakers={state.speakers} toCheck={toCheck} unlinked={unlinked} annotators={annotators} onChange={setFilter} />}
          {current && (
            <AnnotationList
              annotations={listed}
              statusNames={statusNames}
              labels={state.labels}
              speakers={state.speakers}
              selectedId={state.selectedId}
              onPick={(id) => {
                selectHighlight(id);
                setScrollRequest((n) => n + 1);
              }}
            />
          )}
        </aside>
      </div>

      <Messages messages={state.messages} onDismiss={actions.dismiss} />
      <StatusLine line={line} />
      {documentDialogs.dialogs}
      {showExport && <ExportDialog client={client} currentDocumentId={current?.document.id ?? null} initialFormat={exportFormat} onClose={() => setShowExport(false)} />}
      {deskDialog === 'scale' && state.session && (
        <VerdictScaleDialog client={client} statuses={state.session.statuses} claims={desk.rows} whenSaved={whenSaved} onSaved={() => void actions.refreshDocuments()} onClose={() => setDeskDialog(null)} />
      )}
      {deskDialog === 'settings' && state.session && (
        <ReviewSettingsDialog
          client={client}
          settings={state.session.reviewSettings}
          whenSaved={whenSaved}
          // Blind annotation turned on or off changes which highlights the open document shows.
          onSaved={() => void actions.refreshDocuments().then(() => (currentIdRef.current ? actions.openDocument(currentIdRef.current) : undefined))}
          onClose={() => setDeskDialog(null)}
        />
      )}
      {deskDialog && typeof deskDialog === 'object' && state.session && (
        <ReportDialog client={client} session={state.session} documents={state.documents} speakers={state.speakers} documentId={deskDialog.report} run={deskDialog.run} onClose={() => setDeskDialog(null)} />
      )}
      {showImport && <ImportDialog onChoose={chooseImportFiles} onClose={() => setShowImport(false)} />}
      {importPreview && (
        <ImportPreviewDialog
          report={importPreview.report}
          fileNames={importPreview.fileNames}
          statuses={state.session?.statuses ?? []}
          onImport={() => void actions.confirmImport()}
          onCancel={actions.cancelImport}
        />
      )}
      {showTeam && <TeamView client={client} team={team} onClose={() => setShowTeam(false)} />}
      {showAgreement && <AgreementDialog client={client} blind={blind} onClose={() => setShowAgreement(false)} onOpen={(target) => (setShowAgreement(false), void openAppearance(target))} />}
      {showLabels && <LabelsDialog labels={state.labels} onSave={actions.saveLabel} onDelete={actions.deleteLabel} onClose={() => setShowLabels(false)} />}
      {showShortcuts && <ShortcutSheet labels={state.labels} statuses={state.session?.statuses} mod={MOD} desktop={state.session?.host === 'electron'} onClose={() => (setShowShortcuts(false), view === 'desk' ? document.querySelector<HTMLElement>('.desk-grid')?.focus() : editorCommands.current?.focus())} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop documents to open them
        </div>
      )}
      <FileInputs
        openRef={fileInputRef}
        importRef={importInputRef}
        relinkRef={relinkInputRef}
        onOpen={(files) => void actions.dropFiles(files)}
        onImport={(files) => void actions.importAnnotationFiles(files)}
        onRelink={(file) => {
          if (rereadEncoding) void actions.rereadAs(rereadEncoding, file);
          else void actions.locateFile(file);
          setRereadEncoding(null);
        }}
      />
    </div>
  );
}
