// Dialogs (answered from the test's script), menus (clicked by id), shell, and the renderer-only
// names that Electron's main-process module also has.
import { BrowserWindow } from './windows.mjs';
import { app } from './app.mjs';
import { dialogAnswers, report } from './control.mjs';

// ---------------------------------------------------------------------------------------------
// Dialogs answer from the test's script, and every one is reported.

function nextAnswer(kind, options) {
  const index = dialogAnswers.findIndex((answer) => answer.kind === kind);
  const answer = index >= 0 ? dialogAnswers.splice(index, 1)[0] : null;
  report({ type: 'dialog', kind, options: JSON.parse(JSON.stringify(options ?? {})), scripted: Boolean(answer) });
  return answer;
}

function splitWindowArg(first, second) {
  return first instanceof BrowserWindow ? second : first;
}

export const dialog = {
  async showOpenDialog(first, second) {
    const answer = nextAnswer('open', splitWindowArg(first, second));
    return answer ? { canceled: Boolean(answer.canceled), filePaths: answer.filePaths ?? [] } : { canceled: true, filePaths: [] };
  },
  async showSaveDialog(first, second) {
    const answer = nextAnswer('save', splitWindowArg(first, second));
    return answer?.filePath ? { canceled: false, filePath: answer.filePath } : { canceled: true, filePath: '' };
  },
  async showMessageBox(first, second) {
    const answer = nextAnswer('message', splitWindowArg(first, second));
    return { response: answer?.response ?? 0, checkboxChecked: false };
  },
  showErrorBox(title, content) {
    nextAnswer('error', { title, content });
    console.error(`[stand-in] error box: ${title}\n${content}`);
  },
};

// ---------------------------------------------------------------------------------------------
// Menus: kept as built, clicked by id on the test's request.

class MenuItem {
  constructor(options) {
    Object.assign(this, options);
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.submenu = options.submenu ? (options.submenu instanceof Menu ? options.submenu : Menu.buildFromTemplate(options.submenu)) : null;
  }
}

export class Menu {
  static current = null;

  static buildFromTemplate(template) {
    const menu = new Menu();
    menu.items = template.map((options) => new MenuItem(options));
    return menu;
  }

  static setApplicationMenu(menu) {
    Menu.current = menu;
    report({ type: 'menu-set' });
  }

  static getApplicationMenu() {
    return Menu.current;
  }

  items = [];

  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }
}

export function describeMenu(menu) {
  return (menu?.items ?? []).map((item) => ({
    id: item.id ?? null,
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? 'normal',
    accelerator: item.accelerator ?? null,
    enabled: item.enabled,
    clickable: typeof item.click === 'function',
    submenu: item.submenu ? describeMenu(item.submenu) : null,
  }));
}

export function performRole(role, win) {
  const contents = win?.webContents;
  switch (String(role).toLowerCase()) {
    case 'quit':
      return app.quit();
    case 'close':
      return win?.close();
    case 'reload':
    case 'forcereload':
      return contents?.reload();
    case 'undo':
    case 'redo':
    case 'cut':
    case 'copy':
    case 'paste':
    case 'selectall':
      return contents?.[String(role) === 'selectAll' ? 'selectAll' : String(role).toLowerCase()]?.();
    default:
      // about, zoom, full screen, dev tools, services...: nothing a page test can see.
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Shell.

export const shell = {
  async openExternal(url) {
    report({ type: 'open-external', url });
  },
  showItemInFolder(fullPath) {
    report({ type: 'show-item-in-folder', path: fullPath });
  },
  async openPath(fullPath) {
    report({ type: 'open-path', path: fullPath });
    return '';
  },
};

/** The system clipboard, as a test sets it (set-clipboard); main reads it for File › New from Clipboard. */
let clipboardText = '';
export const clipboard = {
  readText() {
    return clipboardText;
  },
  writeText(text) {
    clipboardText = String(text);
  },
};

// Renderer-side modules exist in Electron's main-process module too, as undefined-ish stubs;
// the real ones for the page live in page-side.js.
export const contextBridge = undefined;
export const ipcRenderer = undefined;
export const webUtils = {
  getPathForFile() {
    throw new Error('webUtils.getPathForFile runs in the renderer');
  },
};

/**
 * Electron's safeStorage, faked reversibly: its output is marked, so a test can tell ciphertext
 * from a plain password on disk. A test may turn it off (no keychain) with set-safe-storage.
 */
let encryptionAvailable = process.env.ANNOTATOR_STAND_IN_NO_KEYCHAIN !== '1';
const MARK = 'stand-in-safeStorage:';
export const safeStorage = {
  isEncryptionAvailable: () => encryptionAvailable,
  getSelectedStorageBackend: () => (encryptionAvailable ? 'gnome_libsecret' : 'basic_text'),
  encryptString(plain) {
    if (!encryptionAvailable) throw new Error('Encryption is not available.');
    return Buffer.from(MARK + Buffer.from(String(plain), 'utf8').reverse().toString('base64'), 'latin1');
  },
  decryptString(cipher) {
    const text = Buffer.from(cipher).toString('latin1');
    if (!text.startsWith(MARK)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(MARK.length), 'base64').reverse().toString('utf8');
  },
  setAvailable(value) {
    encryptionAvailable = Boolean(value);
  },
};
