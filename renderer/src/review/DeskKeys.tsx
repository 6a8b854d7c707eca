// The desk's keys, beside the focused claim: the status keys come from the workspace's scale.
import type { Status } from '../../../electron/contract/window-api';

export function DeskKeys({ statuses, mod }: { statuses: readonly Status[]; mod: string }) {
  return (
    <section className="desk-legend" aria-label="Desk shortcuts">
      <h3>Keys</h3>
      <dl>
        <div>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd> or <kbd>J</kbd> <kbd>K</kbd>
          </dt>
          <dd>Move through the claims</dd>
        </div>
        <div className="legend-statuses">
          <dt>A status’s key sets it</dt>
          <dd>
            <ul className="status-keys" aria-label="Status keys">
              {statuses
                .filter((s) => s.hotkey)
                .map((s) => (
                  <li key={s.id}>
                    <kbd>{s.hotkey!.toUpperCase()}</kbd> {s.name}
                  </li>
                ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>
            <kbd>Space</kbd> or <kbd>X</kbd>, <kbd>Shift+↑↓</kbd>
          </dt>
          <dd>Select claims (a status key then sets them all)</dd>
        </div>
        <div>
          <dt>
            <kbd>N</kbd>
          </dt>
          <dd>Write the reviewer note</dd>
        </div>
        <div>
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>Open the claim in its document</dd>
        </div>
        <div>
          <dt>
            <kbd>{mod}Shift+R</kbd>
          </dt>
          <dd>Desk ↔ document (Esc there goes back to the queue)</dd>
        </div>
      </dl>
    </section>
  );
}
