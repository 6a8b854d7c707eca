import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_PAGE_URL } from '../../../../electron/hosts/desktop/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/hosts/content-security-policy.js';
import {
  guardWebContents,
  installAppSecurity,
  isAppPageUrl,
  isSafeExternalUrl,
  secureWebPreferences,
} from '../../../../electron/hosts/desktop/security.js';
import { app, FakeSession, FakeWebContents, fakeEvent, shell } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

const APP_URL = APP_PAGE_URL;

beforeEach(() => {
  shell.openExternal.mockClear();
  app.removeAllListeners();
});

describe('secureWebPreferences', () => {
  it('turns on isolation and the sandbox and turns off Node', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('has V8 cache the window’s compiled code on first use, so later launches skip compiling the bundle', () => {
    expect(secureWebPreferences('/p.cjs').v8CacheOptions).toBe('bypassHeatCheck');
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://x.org', 'http://x.org/a?b=c#d', 'https://www.reuters.com/world/', 'https://x.org:8443/path'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file://server/share/x.txt',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://host/share',
    'zoommtg://zoom.us/join',
    'mailto:someone@example.org',
    'slack://open',
    'https://user:pass@x.org/',
    'https://',
    'http://',
    'https://[::1',
    'x.org',
    '/relative/path',
    '',
  ])('rejects %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('rejects things that are not strings', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl({ href: 'https://x.org' })).toBe(false);
  });
});

describe('isAppPageUrl', () => {
  it('matches only our index.html, with or without a fragment', () => {
    expect(isAppPageUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppPageUrl(`${APP_URL}#/claims`, APP_URL)).toBe(true);
    expect(isAppPageUrl(pathToFileURL('/etc/passwd').href, APP_URL)).toBe(false);
    expect(isAppPageUrl(APP_URL.replace('index.html', 'other.html'), APP_URL)).toBe(false);
    expect(isAppPageUrl('https://evil.example/index.html', APP_URL)).toBe(false);
    expect(isAppPageUrl('not a url', APP_URL)).toBe(false);
    expect(isAppPageUrl(null, APP_URL)).toBe(false);
  });

  it('refuses the same page from file:// or another app:// host, and user:password look-alikes', () => {
    expect(isAppPageUrl(pathToFileURL(path.resolve('dist', 'renderer', 'index.html')).href, APP_URL)).toBe(false);
    expect(isAppPageUrl('app://evil/index.html', APP_URL)).toBe(false);
    expect(isAppPageUrl('app://x@annotator/index.html', APP_URL)).toBe(false);
    expect(isAppPageUrl('app://annotator/index.html?from=menu', APP_URL)).toBe(true);
  });
});

describe('guardWebContents', () => {
  function guarded(): FakeWebContents {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents, APP_URL);
    return contents;
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to a foreign URL is prevented', (eventName) => {
    const contents = guarded();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', `${APP_URL}.html`]) {
      const event = fakeEvent({ url, isMainFrame: true });
      contents.emit(eventName, event);
      expect(event.preventDefault, `${eventName} ${url}`).toHaveBeenCalled();
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('will-navigate to the app page itself (a reload) is allowed', () => {
    const contents = guarded();
    const event = fakeEvent({ url: APP_URL, isMainFrame: true });
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('will-attach-webview is always prevented', () => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, { preload: '/evil.js', nodeIntegration: true }, { src: APP_URL });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('window.open is denied; a safe web link goes to the browser instead', () => {
    const contents = guarded();
    const handler = contents.windowOpenHandler!;
    expect(handler).toBeTypeOf('function');

    expect(handler({ url: 'https://www.example.org/story' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.example.org/story');

    shell.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', APP_URL, 'ms-settings:', 'data:text/html,hi']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('installAppSecurity', () => {
  it('guards every webContents created later', () => {
    const session = new FakeSession();
    installAppSecurity(app as unknown as App, session as unknown as Session, APP_URL);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    const event = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('refuses every permission request and check', () => {
    const session = new FakeSession();
    installAppSecurity(app as unknown as App, session as unknown as Session, APP_URL);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback, { requestingUrl: APP_URL });
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({}, permission, 'file://', {})).toBe(false);
    }
    expect(session.devicePermissionHandler!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('sets our Content-Security-Policy header on responses, replacing a looser one', () => {
    const session = new FakeSession();
    installAppSecurity(app as unknown as App, session as unknown as Session, APP_URL);
    const callback = vi.fn();
    session.headersListener!(
      { url: APP_URL, responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledTimes(1);
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");

    const bare = vi.fn();
    session.headersListener!({ url: APP_URL }, bare);
    expect(bare.mock.calls[0]![0].responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
