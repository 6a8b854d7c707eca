// Custom protocols and the session (permissions, response headers), as main.js uses them.
import { appState } from './app.mjs';
import { report } from './control.mjs';

// ---------------------------------------------------------------------------------------------
// Custom protocols: Chromium here knows no app:// scheme, so app://HOST/PATH is shown at
// http://HOST.SCHEME.localhost/PATH (a secure context, like a `secure` privileged scheme) and
// every request there is answered by the handler main.js registered with protocol.handle.

export const privilegedSchemes = new Map();
export const protocolHandlers = new Map();
const PAGE_SUFFIX = '.localhost';

export function toPageUrl(url) {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (!protocolHandlers.has(scheme)) return url;
  return `http://${parsed.host}.${scheme}${PAGE_SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The URL Electron would report for a page URL of ours. */
export function fromPageUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' || !parsed.hostname.endsWith(PAGE_SUFFIX)) return url;
  const labels = parsed.hostname.slice(0, -PAGE_SUFFIX.length).split('.');
  const scheme = labels.pop();
  if (!scheme || !protocolHandlers.has(scheme)) return url;
  return `${scheme}://${labels.join('.')}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

export function isProtocolUrl(url) {
  return fromPageUrl(url) !== url;
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (appState.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const entry of schemes) privilegedSchemes.set(entry.scheme, entry.privileges ?? {});
    report({ type: 'privileged-schemes', schemes });
  },
  handle(scheme, handler) {
    if (protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    protocolHandlers.set(scheme, handler);
  },
  unhandle(scheme) {
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    return protocolHandlers.has(scheme);
  },
};

// ---------------------------------------------------------------------------------------------
// Session: permissions and response headers.

export const headerListeners = [];
export const defaultSession = {
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  devicePermissionHandler: null,
  setPermissionRequestHandler(handler) {
    this.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler) {
    this.permissionCheckHandler = handler;
  },
  setDevicePermissionHandler(handler) {
    this.devicePermissionHandler = handler;
  },
  webRequest: {
    onHeadersReceived(listener) {
      headerListeners.push(listener);
    },
  },
  protocol,
};
export const session = { defaultSession };

export function applyHeaderListeners(url, responseHeaders) {
  let headers = responseHeaders;
  for (const listener of headerListeners) {
    listener({ url, responseHeaders: headers }, (answer) => {
      if (answer?.responseHeaders) headers = answer.responseHeaders;
    });
  }
  return headers;
}
