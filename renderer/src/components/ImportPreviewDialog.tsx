// What an import of annotation files will do, said before anything is written (the service's
// dry run): how many documents and highlights are new, how many are here already, the new
// speakers and labels, and each verdict in the files that disagrees with the workspace's.
// Import writes it (one Ctrl+Z takes it back); Cancel, Esc or a click outside writes nothing.
import { useRef } from 'react';
import type { ImportReport, Status } from '../../../electron/contract/window-api';
import { importSummary, nothingNew } from '../../../electron/contract/import-words';
import { Dialog } from './Dialog';

interface Props {
  report: ImportReport;
  fileNames: string[];
  statuses: Status[];
  onImport(): void;
  onCancel(): void;
}

export function ImportPreviewDialog({ report, fileNames, statuses, onImport, onCancel }: Props) {
  const mainRef = useRef<HTMLButtonElement>(null);
  const statusName = (id: string) => statuses.find((s) => s.id === id)?.name ?? id;
  const empty = nothingNew(report);
  const files = fileNames.length === 1 ? fileNames[0]! : `${fileNames.length} files`;
  return (
    <Dialog
      title={empty ? 'Nothing new to import' : 'Import annotations'}
      onClose={onCancel}
      initialFocus={mainRef}
      onKeyDown={(event) => {
        // Enter imports, wherever the focus is in the sheet (but a button does what it says).
        if (event.key !== 'Enter' || event.target instanceof HTMLButtonElement) return;
        event.preventDefault();
        if (empty) onCancel();
        else onImport();
      }}
    >
      <div className="import-preview">
        {empty ? (
          <p className="import-summary" role="status">
            Everything in these files is already here. ({files}: {importSummary(report)})
          </p>
        ) : (
          <>
            <p>
              Importing <strong>{files}</strong> will bring in:
            </p>
            <p className="import-summary" role="status">
              {importSummary(report)}
            </p>
          </>
        )}
        <NameList title="New speakers" names={report.speakersAdded} />
        <NameList title="New labels" names={report.labelsAdded} />
        <NameList title="Not imported" names={report.leftOut} />
        {report.conflicts.length > 0 && (
          <>
            <h3>Verdicts in conflict</h3>
            <p className="empty-hint">Each verdict here stays as it is; the one in the file is kept beside it, for an editor to pick on the review desk.</p>
            <ul className="import-conflicts" aria-label="Verdicts in conflict">
              {report.conflicts.map((c) => (
                <li key={`${c.documentId}/${c.annotationId}/${c.incoming}/${c.incomingBy}`}>
                  <span className="import-conflict-where">{c.documentTitle}</span>: “{c.text}”{' '}
                  <span className="import-conflict-versions">
                    here: {statusName(c.here)} · in the file: {statusName(c.incoming)}
                    {c.incomingBy && `, by ${c.incomingBy}`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="sheet-actions">
          {empty ? (
            <button type="button" className="primary" ref={mainRef} onClick={onCancel}>
              Close
            </button>
          ) : (
            <>
              <button type="button" className="primary" ref={mainRef} onClick={onImport}>
                Import
              </button>
              <button type="button" className="secondary" onClick={onCancel}>
                Cancel
              </button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** A titled list of names (new speakers, new labels, what is not imported); nothing when empty. */
function NameList({ title, names }: { title: string; names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="import-names" aria-label={title}>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </>
  );
}
