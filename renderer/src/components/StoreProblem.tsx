// A damaged store file: the workspace is read-only, and the last good backup is offered.
import type { Session } from '../../../electron/contract/window-api';

export function StoreProblem({ problem, onRestore }: { problem: NonNullable<Session['storeProblem']>; onRestore(): void }) {
  return (
    <div className="store-problem" role="alert">
      <p>
        <strong>Read-only: nothing you do now is saved.</strong> {problem.message}
      </p>
      {problem.backupTakenAt ? (
        <button type="button" className="primary" onClick={onRestore}>
          Restore the backup from {new Date(problem.backupTakenAt).toLocaleString()}
        </button>
      ) : (
        <p>There is no backup of {problem.fileName}. Fix or move the file aside, then start the app again.</p>
      )}
    </div>
  );
}
