import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { HostEvent } from '../../../../electron/contract/channels.js';
import { buildMenuTemplate, installApplicationMenu, type MenuOptions } from '../../../../electron/hosts/desktop/menu.js';
import { Menu } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

function options(overrides: Partial<MenuOptions> = {}): MenuOptions & { sent: HostEvent[]; opened: string[] } {
  const sent: HostEvent[] = [];
  const opened: string[] = [];
  return {
    appName: 'Newsroom Annotator',
    isPackaged: true,
    platform: 'linux',
    recentFiles: () => [],
    sendToWindow: (event) => sent.push(event),
    openRecent: (id) => opened.push(id),
    readClipboard: () => 'Copied story text',
    sent,
    opened,
    ...overrides,
  };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const top = (template: MenuItemConstructorOptions[], label: string) => template.find((item) => item.label?.replace('&', '') === label);
const find = (items: MenuItemConstructorOptions[], id: string) => items.find((item) => item.id === id);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('application menu', () => {
  it('has File, Edit, View and Help (and the app menu on macOS)', () => {
    expect(buildMenuTemplate(options()).map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(buildMenuTemplate(options({ platform: 'darwin' })).map((item) => item.label)).toEqual([
      'Newsroom Annotator',
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ]);
  });

  it('File › Open… (CmdOrCtrl+O) asks the page to open files; Quit is there', () => {
    const opts = options();
    const file = submenu(top(buildMenuTemplate(opts), 'File'));
    const open = find(file, 'open');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(opts.sent).toEqual([{ type: 'menu', command: 'open' }]);
    expect(file.some((item) => item.type === 'separator')).toBe(true);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('File offers what the window offers: Import, Export, Merge, and the report to print or save as PDF', () => {
    const opts = options();
    const file = submenu(top(buildMenuTemplate(opts), 'File'));
    const items = ['import-annotations', 'export-dataset', 'merge-workspace', 'print-report', 'save-report-pdf'].map((id) => find(file, id));
    expect(items.map((item) => [item?.label, item?.accelerator])).toEqual([
      ['Import Annotations…', undefined],
      ['Export Dataset…', undefined],
      ['Merge a Colleague’s Workspace…', undefined],
      ['Print Report…', 'CmdOrCtrl+P'],
      ['Save Report as PDF…', undefined],
    ]);
    for (const item of items) click(item);
    expect(opts.sent).toEqual([
      { type: 'menu', command: 'import-annotations' },
      { type: 'menu', command: 'export-dataset' },
      { type: 'menu', command: 'merge-workspace' },
      { type: 'menu', command: 'print-report' },
      { type: 'menu', command: 'save-report-pdf' },
    ]);
    // Between Open Recent and Quit, in two groups of their own.
    const ids = file.map((item) => item.id ?? item.type ?? item.role);
    expect(ids).toEqual(['open', 'open-recent', 'new-from-clipboard', 'separator', 'import-annotations', 'export-dataset', 'merge-workspace', 'compact-workspace', 'team', 'separator', 'print-report', 'save-report-pdf', 'separator', 'quit']);
  });

  it('File › New from Clipboard sends the clipboard’s text, read by the main process; Compact Workspace… asks the page', async () => {
    const opts = options();
    const file = submenu(top(buildMenuTemplate(opts), 'File'));
    expect(find(file, 'new-from-clipboard')?.label).toBe('New from Clipboard…');
    await click(find(file, 'new-from-clipboard'));
    click(find(file, 'compact-workspace'));
    expect(opts.sent).toEqual([
      { type: 'clipboard-text', text: 'Copied story text' },
      { type: 'menu', command: 'compact-workspace' },
    ]);
  });

  it('File › Team… asks the page for the Team view', () => {
    const opts = options();
    const team = find(submenu(top(buildMenuTemplate(opts), 'File')), 'team');
    expect(team?.label).toBe('Team…');
    click(team);
    expect(opts.sent).toEqual([{ type: 'menu', command: 'team' }]);
  });

  it('every accelerator is used once, on every platform and build', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const isPackaged of [true, false]) {
        const all = (items: MenuItemConstructorOptions[]): string[] => items.flatMap((item) => [...(item.accelerator ? [String(item.accelerator)] : []), ...all(submenu(item))]);
        const accelerators = all(buildMenuTemplate(options({ platform, isPackaged })));
        expect(accelerators).toContain('CmdOrCtrl+P');
        expect(new Set(accelerators).size).toBe(accelerators.length);
      }
    }
  });

  it('Open Recent lists file names newest first and opens by id', () => {
    const opts = options({
      recentFiles: () => [
        { id: 'aaaaaaaaaaaaaaaa', fileName: 'newest.txt' },
        { id: 'bbbbbbbbbbbbbbbb', fileName: 'older.md' },
      ],
    });
    const recent = submenu(find(submenu(top(buildMenuTemplate(opts), 'File')), 'open-recent'));
    expect(recent.map((item) => item.label)).toEqual(['newest.txt', 'older.md']);
    click(recent[1]);
    expect(opts.opened).toEqual(['bbbbbbbbbbbbbbbb']);
    expect(opts.sent).toEqual([]);
  });

  it('Open Recent says so when the list is empty', () => {
    const recent = submenu(find(submenu(top(buildMenuTemplate(options()), 'File')), 'open-recent'));
    expect(recent).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('Edit › Undo sends our own command instead of Chromium’s undo; copy and select-all are roles', () => {
    const opts = options();
    const edit = submenu(top(buildMenuTemplate(opts), 'Edit'));
    const undo = find(edit, 'undo');
    expect(undo?.accelerator).toBe('CmdOrCtrl+Z');
    expect(undo?.role).toBeUndefined();
    expect(edit.some((item) => item.role === 'undo')).toBe(false);
    click(undo);
    expect(find(edit, 'redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(edit.some((item) => item.role === 'redo')).toBe(false);
    click(find(edit, 'redo'));
    click(find(edit, 'delete-highlight'));
    expect(opts.sent).toEqual([
      { type: 'menu', command: 'undo' },
      { type: 'menu', command: 'redo' },
      { type: 'menu', command: 'delete' },
    ]);
    const roles = edit.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'selectAll']));
  });

  it('View has reload and devtools only while developing; zoom always', () => {
    const rolesOf = (isPackaged: boolean) => submenu(top(buildMenuTemplate(options({ isPackaged })), 'View')).map((item) => item.role);
    expect(rolesOf(true)).not.toContain('toggleDevTools');
    expect(rolesOf(true)).not.toContain('reload');
    expect(rolesOf(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    for (const packaged of [true, false]) expect(rolesOf(packaged)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
  });

  it('View › Review Desk (Shift+CmdOrCtrl+R) asks the page for the desk; Force Reload keeps out of its way', () => {
    for (const isPackaged of [true, false]) {
      const opts = options({ isPackaged });
      const items = submenu(top(buildMenuTemplate(opts), 'View'));
      const desk = find(items, 'review-desk');
      expect(desk?.accelerator).toBe('Shift+CmdOrCtrl+R');
      click(desk);
      expect(opts.sent).toEqual([{ type: 'menu', command: 'review-desk' }]);
      const taken = items.filter((item) => item !== desk && item.accelerator === 'Shift+CmdOrCtrl+R');
      expect(taken).toEqual([]);
      // Electron's default for Force Reload is Shift+CmdOrCtrl+R: it must be moved where shown.
      const force = items.find((item) => item.role === 'forceReload');
      if (force) expect(force.accelerator).toBe('Shift+CmdOrCtrl+F5');
    }
  });

  it('View › Agreement asks the page for the agreement between annotators', () => {
    const opts = options();
    const agreement = find(submenu(top(buildMenuTemplate(opts), 'View')), 'agreement');
    expect(agreement?.label).toBe('Agreement');
    expect(agreement?.accelerator).toBeUndefined();
    click(agreement);
    expect(opts.sent).toEqual([{ type: 'menu', command: 'agreement' }]);
  });

  it('Help › About', () => {
    const help = submenu(top(buildMenuTemplate(options()), 'Help'));
    expect(find(help, 'about')?.role).toBe('about');
  });

  it('installApplicationMenu sets the built menu, with the recent list as it is now', () => {
    let names = ['one.txt'];
    const opts = options({ recentFiles: () => names.map((fileName, i) => ({ id: `id${i}`, fileName })) });
    installApplicationMenu(opts);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const labels = () =>
      submenu(find(submenu(top(Menu.current!.template as MenuItemConstructorOptions[], 'File')), 'open-recent')).map((item) => item.label);
    expect(labels()).toEqual(['one.txt']);
    names = ['two.txt', 'one.txt'];
    installApplicationMenu(opts);
    expect(labels()).toEqual(['two.txt', 'one.txt']);
  });
});
