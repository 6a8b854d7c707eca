// What to press, shown while no highlight is selected: the labels' keys and a few others, all
// read from the command registry.
import type { Label } from '../../../electron/contract/window-api';
import { command, labelCommands, type CommandId } from '../commands/registry';

const keysOf = (id: CommandId, mod: string) => command(id).shown?.(mod) ?? '';

export function KeysHint({ labels, mod }: { labels: Label[]; mod: string }) {
  const byLabel = new Map(labelCommands(labels).map((c) => [c.id, c]));
  const line = (parts: [CommandId, string][]) =>
    parts.map(([id, what], i) => (
      <span key={id}>
        {i > 0 && ', '}
        <kbd>{keysOf(id, mod)}</kbd> {what}
      </span>
    ));
  return (
    <div className="hint-box">
      <p>Select text, then press a label's key or click it on the bar beside the selection:</p>
      <ul className="shortcut-list">
        {labels.map((label) => (
          <li key={label.id} style={{ ['--hl-color' as string]: label.color }}>
            <kbd>{byLabel.get(`label:${label.id}`)?.shown?.(mod)}</kbd> <span className="chip">{label.name}</span>
          </li>
        ))}
        <li>
          {line([
            ['delete', 'delete the selected highlight'],
            ['undo', 'undo'],
            ['redo', 'redo'],
          ])}
        </li>
        <li>
          {line([
            ['open', 'open a file'],
            ['find', 'find'],
            ['shortcuts', 'every shortcut'],
          ])}
        </li>
        <li>
          {line([
            ['next-region', 'next region (text, panel, list, documents, speakers)'],
            ['first-field', 'the selected highlight’s first field'],
          ])}
        </li>
      </ul>
    </div>
  );
}
