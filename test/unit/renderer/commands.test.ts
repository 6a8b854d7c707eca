// The command registry: one list the keys, the menu and the ? sheet all read.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, DEFAULT_STATUSES, RESERVED_KEYS, REVIEW_DESK_KEYS, labelSchema, type Label } from '../../../electron/contract/api.js';
import { bindingsOverlap, matchesKey, type KeyBinding } from '../../../renderer/src/commands/keys.js';
import { allCommands, COMMANDS, commandOfMenu, labelCommands, statusCommands, type Command, type CommandContext } from '../../../renderer/src/commands/registry.js';
import { shortcutGroups } from '../../../renderer/src/components/ShortcutSheet.js';

/** Contexts whose keys are read at the same time: a key press must name one command in each. */
const LIVE_TOGETHER: CommandContext[][] = [
  ['window', 'document', 'text'],
  ['window', 'from-desk'],
  ['window', 'highlight-list'],
  ['window', 'desk'],
];

function clashes(commands: Command[]): string[] {
  const found: string[] = [];
  for (const contexts of LIVE_TOGETHER) {
    const live = commands.filter((c) => contexts.includes(c.when));
    live.forEach((a, i) =>
      live.slice(i + 1).forEach((b) => {
        for (const x of a.keys) for (const y of b.keys) if (bindingsOverlap(x, y)) found.push(`${a.id} and ${b.id} (${x.key})`);
      }),
    );
  }
  return found;
}

/** Single characters typed with no command key (nor Alt): what a label’s or a status’s key could also be. */
const plainCharacters = (commands: Command[]) =>
  commands.flatMap((c) => c.keys.filter((b: KeyBinding) => b.key.length === 1 && b.mod !== true && b.alt !== true).map((b) => b.key.toLowerCase()));

const label = (hotkey: string): Label => ({ id: `l-${hotkey}`, name: `Label ${hotkey}`, color: '#123456', hotkey });

describe('the command registry', () => {
  it('has one id per command', () => {
    const ids = allCommands(DEFAULT_LABELS, DEFAULT_STATUSES).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every command with keys on the ? sheet, with those keys and what it does', () => {
    const mod = 'Ctrl+';
    const sheet = shortcutGroups(DEFAULT_LABELS, mod, DEFAULT_STATUSES, true).flatMap((group) => group.keys.map(([keys, what]) => `${group.title}: ${keys} — ${what}`));
    const withKeys = allCommands(DEFAULT_LABELS, DEFAULT_STATUSES).filter((c) => c.keys.length > 0);
    // A command added with keys but nothing for the sheet to show fails here.
    for (const command of withKeys) expect(command.shown, command.id).toBeTypeOf('function');
    expect(sheet).toEqual(withKeys.map((c) => `${c.group}: ${c.shown!(mod)} — ${c.label}`));
  });

  it('lists the labels’ keys from the labels: the Quote key is the default labels’', () => {
    const quote = DEFAULT_LABELS.find((l) => l.id === 'quote')!;
    const command = labelCommands(DEFAULT_LABELS).find((c) => c.id === 'label:quote')!;
    expect(command.keys[0]!.key).toBe(quote.hotkey);
    expect(shortcutGroups(DEFAULT_LABELS, 'Ctrl+').find((g) => g.title === 'Labelling')!.keys).toContainEqual([quote.hotkey.toUpperCase(), 'Label the selection as Quote']);
    const own = [...DEFAULT_LABELS, label('w')];
    expect(shortcutGroups(own, 'Ctrl+').find((g) => g.title === 'Labelling')!.keys).toContainEqual(['W', 'Label the selection as Label w']);
  });

  it('gives no two commands the same key where both are read', () => {
    expect(clashes(allCommands(DEFAULT_LABELS, DEFAULT_STATUSES))).toEqual([]);
  });

  it('finds the clash when a label takes a key a command has', () => {
    expect(clashes(allCommands([...DEFAULT_LABELS, label('e')]))).toContain('grow-to-sentence and label:l-e (e)');
  });

  it('reserves in the contract every key the text and the window read, so no label can take one', () => {
    const read = plainCharacters(COMMANDS.filter((c) => c.when === 'text' || c.when === 'document' || c.when === 'window'));
    expect(read.filter((key) => !RESERVED_KEYS.includes(key))).toEqual([]);
    // Every key a label may have (the contract's rule) labels without clashing.
    for (const hotkey of 'abcdefghijklmnopqrstuvwxyz0123456789') {
      const accepted = labelSchema.safeParse(label(hotkey)).success;
      expect(accepted, hotkey).toBe(!RESERVED_KEYS.includes(hotkey));
      if (accepted) expect(clashes(allCommands([label(hotkey)])), hotkey).toEqual([]);
    }
  });

  it('keeps the desk’s keys from the statuses’ (REVIEW_DESK_KEYS)', () => {
    const read = plainCharacters(COMMANDS.filter((c) => c.when === 'desk')).filter((key) => /^[a-z0-9]$/.test(key));
    expect(read.filter((key) => !REVIEW_DESK_KEYS.includes(key))).toEqual([]);
    for (const hotkey of 'abcdefghijklmnopqrstuvwxyz0123456789'.split('').filter((key) => !REVIEW_DESK_KEYS.includes(key))) {
      expect(clashes(statusCommands([{ id: 's', name: 'S', kind: 'working', hotkey }]).concat(COMMANDS.filter((c) => c.when === 'desk'))), hotkey).toEqual([]);
    }
  });

  it('names a command for every desktop menu item', () => {
    for (const menu of ['open', 'undo', 'redo', 'delete', 'review-desk', 'import-annotations', 'export-dataset', 'merge-workspace', 'print-report', 'save-report-pdf', 'agreement'] as const) {
      expect((commandOfMenu(menu) as Command | undefined)?.menu).toBe(menu);
    }
  });

  it('reads a label’s key by the character typed, or by its place where the layout types no Latin letter', () => {
    const [q] = labelCommands(DEFAULT_LABELS.filter((l) => l.id === 'quote'))[0]!.keys;
    const press = (key: string, code: string) => ({ key, code, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false });
    expect(matchesKey(q!, press('q', 'KeyQ'))).toBe(true);
    expect(matchesKey(q!, press('й', 'KeyQ'))).toBe(true);
    // AZERTY: the key at Q's place types A, which is not Q.
    expect(matchesKey(q!, press('a', 'KeyQ'))).toBe(false);
  });
});
