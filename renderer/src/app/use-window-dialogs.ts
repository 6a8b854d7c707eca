// Which of the window's sheets is open (shortcuts, labels, datasets, team, the desk's scale,
// settings and report), and how each is opened, from a button, a key or the desktop menu.
import { useRef, useState } from 'react';
import type { ExportFormat } from '../../../electron/contract/window-api';
import type { ReportRun } from '../review/ReportDialog';

export type DeskDialog = null | 'scale' | 'settings' | { report: string | null; run?: ReportRun };

interface Deps {
  documentCount: number;
  /** The document a report starts on (use-window-view.ts). */
  documentInView(): string | null;
  report(error: unknown): void;
}

export function useWindowDialogs({ documentCount, documentInView, report }: Deps) {
  const [deskDialog, setDeskDialog] = useState<DeskDialog>(null);
  const reportRuns = useRef(0);
  const [exportFormat, setExportFormat] = useState<ExportFormat>('jsonl');
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showLabels, setShowLabels] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const [showExport, setShowExport] = useState(false);
  const [showAgreement, setShowAgreement] = useState(false);
  const [showTeam, setShowTeam] = useState(false);

  const openExport = (format: ExportFormat) => {
    setExportFormat(format);
    setShowExport(true);
  };
  /** The report starts on the document in view: the open one, or on the desk the focused claim's. */
  const openReport = (action?: ReportRun['action']) => {
    if (documentCount === 0) {
      report(new Error('There is nothing to report yet: the workspace has no documents. Open a story first.'));
      return;
    }
    setDeskDialog({ report: documentInView(), ...(action && { run: { action, seq: ++reportRuns.current } }) });
  };

  return {
    deskDialog,
    setDeskDialog,
    reportOpen: typeof deskDialog === 'object' && deskDialog !== null,
    openReport,
    exportFormat,
    openExport,
    showExport,
    setShowExport,
    showShortcuts,
    setShowShortcuts,
    showLabels,
    setShowLabels,
    showImport,
    setShowImport,
    showAgreement,
    setShowAgreement,
    showTeam,
    setShowTeam,
  };
}

export type WindowDialogs = ReturnType<typeof useWindowDialogs>;
