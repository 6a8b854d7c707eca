// The Electron security checklist in one place: locked-down webPreferences, no navigation
// away from our own page, no new windows, no webviews, no permissions, and a CSP header.
import { shell, type App, type Session, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy.js';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window is handled by the page, never navigated to.
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The bundle's compiled code is cached on first use, not after several (see APP_SCHEME_PRIVILEGES).
    v8CacheOptions: 'bypassHeatCheck',
  };
}

/** True for the app's own page; a #fragment or ?query on it does not matter. */
export function isAppPageUrl(raw: string | null | undefined, appUrl: string): boolean {
  if (typeof raw !== 'string' || raw.length === 0) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const expected = new URL(appUrl);
  return url.protocol === expected.protocol && url.host === expected.host && url.pathname === expected.pathname && url.username === '' && url.password === '';
}

/** Only ordinary web links may leave the app, and only to the user's browser. */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.hostname.length === 0) return false;
  // user:password@host links are a phishing trick, never something a newsroom needs.
  if (url.username !== '' || url.password !== '') return false;
  return true;
}

/** Navigation lock-down for one webContents (windows, and anything else that gets created). */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAppPageUrl(event.url, appUrl)) {
      event.preventDefault();
      console.warn(`[annotator] blocked navigation to ${event.url}`);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppPageUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPageUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => console.error(`[annotator] could not open ${url}:`, error));
    }
    return { action: 'deny' };
  });
}

/** Sets the Content-Security-Policy header on every response, replacing any other. */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** No camera, microphone, notifications, clipboard reads, geolocation, HID, USB, serial... */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
}

/** Guards every webContents the app will ever create; call before the first window. */
export function installAppSecurity(app: App, session: Session, appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl));
  lockDownSession(session);
}
