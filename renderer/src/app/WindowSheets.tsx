// The window's sheets over the view: datasets (export, import and its preview, agreement), the
// desk's verdict scale, settings and report, the team, the labels and the shortcut sheet.
import type { RefObject } from 'react';
import type { AnnotatorClient } from '../api/client';
import { MOD } from '../commands/keys';
import { AgreementDialog, ExportDialog, ImportDialog } from '../components/DatasetDialogs';
import { ImportPreviewDialog } from '../components/ImportPreviewDialog';
import { LabelsDialog } from '../components/LabelsDialog';
import { ShortcutSheet } from '../components/ShortcutSheet';
import { TeamView } from '../components/team/TeamView';
import type { TeamStatusView } from '../components/team/use-team-status';
import type { EditorCommands } from '../editor/AnnotationEditor';
import { ReportDialog } from '../review/ReportDialog';
import { ReviewSettingsDialog, VerdictScaleDialog } from '../review/ReviewSetup';
import type { ReviewDeskModel } from '../review/use-review-desk';
import type { WorkspaceModel } from '../state/use-workspace';
import type { SidePanel } from './use-side-panel';
import type { WindowDialogs } from './use-window-dialogs';

interface Props {
  client: AnnotatorClient;
  workspace: Pick<WorkspaceModel, 'state' | 'actions' | 'importPreview'>;
  dialogs: WindowDialogs;
  desk: ReviewDeskModel;
  team: TeamStatusView;
  view: 'document' | 'desk';
  blind: boolean;
  /** The open document's id as it is now, not as it was at this render. */
  currentIdRef: RefObject<string | undefined>;
  openAppearance: SidePanel['openAppearance'];
  editor(): EditorCommands | null;
  whenSaved(): Promise<void>;
  chooseImportFiles(): void;
}

export function WindowSheets({ client, workspace: { state, actions, importPreview }, dialogs, desk, team, view, blind, currentIdRef, openAppearance, editor, whenSaved, chooseImportFiles }: Props) {
  const { deskDialog, setDeskDialog } = dialogs;
  const closeDeskDialog = () => setDeskDialog(null);
  return (
    <>
      {dialogs.showExport && <ExportDialog client={client} currentDocumentId={state.current?.document.id ?? null} initialFormat={dialogs.exportFormat} onClose={() => dialogs.setShowExport(false)} />}
      {deskDialog === 'scale' && state.session && (
        <VerdictScaleDialog client={client} statuses={state.session.statuses} claims={desk.rows} whenSaved={whenSaved} onSaved={() => void actions.refreshDocuments()} onClose={closeDeskDialog} />
      )}
      {deskDialog === 'settings' && state.session && (
        <ReviewSettingsDialog
          client={client}
          settings={state.session.reviewSettings}
          whenSaved={whenSaved}
          // Blind annotation turned on or off changes which highlights the open document shows.
          onSaved={() => void actions.refreshDocuments().then(() => (currentIdRef.current ? actions.openDocument(currentIdRef.current) : undefined))}
          onClose={closeDeskDialog}
        />
      )}
      {deskDialog && typeof deskDialog === 'object' && state.session && (
        <ReportDialog client={client} session={state.session} documents={state.documents} speakers={state.speakers} documentId={deskDialog.report} run={deskDialog.run} onClose={closeDeskDialog} />
      )}
      {dialogs.showImport && <ImportDialog onChoose={chooseImportFiles} onClose={() => dialogs.setShowImport(false)} />}
      {importPreview && (
        <ImportPreviewDialog
          report={importPreview.report}
          fileNames={importPreview.fileNames}
          statuses={state.session?.statuses ?? []}
          onImport={() => void actions.confirmImport()}
          onCancel={actions.cancelImport}
        />
      )}
      {dialogs.showTeam && <TeamView client={client} team={team} onClose={() => dialogs.setShowTeam(false)} />}
      {dialogs.showAgreement && (
        <AgreementDialog client={client} blind={blind} onClose={() => dialogs.setShowAgreement(false)} onOpen={(target) => (dialogs.setShowAgreement(false), void openAppearance(target))} />
      )}
      {dialogs.showLabels && <LabelsDialog labels={state.labels} onSave={actions.saveLabel} onDelete={actions.deleteLabel} onClose={() => dialogs.setShowLabels(false)} />}
      {dialogs.showShortcuts && (
        <ShortcutSheet
          labels={state.labels}
          statuses={state.session?.statuses}
          mod={MOD}
          desktop={state.session?.host === 'electron'}
          onClose={() => (dialogs.setShowShortcuts(false), view === 'desk' ? document.querySelector<HTMLElement>('.desk-grid')?.focus() : editor()?.focus())}
        />
      )}
    </>
  );
}
