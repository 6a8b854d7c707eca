// The ? sheet lists what the window really offers: the desktop menu's print key only there.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { shortcutGroups } from '../../../renderer/src/components/ShortcutSheet.js';

const files = (desktop: boolean) => shortcutGroups(DEFAULT_LABELS, 'Ctrl+', [], desktop).find((group) => group.title === 'Files')!.keys;

describe('the shortcut sheet', () => {
  it('names every kind of document Ctrl+O opens', () => {
    expect(files(false)[0]).toEqual(['Ctrl+O', 'Open documents (text, Markdown, web pages, Word, PDF, subtitles)']);
  });

  it('lists Ctrl+P in the desktop app, where the menu prints the report, and not in the browser', () => {
    expect(files(true).map(([keys]) => keys)).toContain('Ctrl+P');
    expect(files(false).map(([keys]) => keys)).not.toContain('Ctrl+P');
  });
});
