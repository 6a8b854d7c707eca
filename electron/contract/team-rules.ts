// Which addresses a workspace may be linked to, written once for the Team view and the engine.
// https is required, except for this machine itself (localhost, 127.0.0.1, ::1); plain http to
// another host only when forced (allowInsecure), and then with a warning.

export type RemoteAddressCheck = { problem: string } | { problem: null; warning: string | null };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

/** Why `url` cannot be linked (null when it can), with a warning for forced plain http. */
export function remoteAddressProblem(url: string, options: { allowInsecure?: boolean } = {}): RemoteAddressCheck {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { problem: 'That is not a web address: give the database’s address, for example https://couch.example.org/newsroom.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { problem: 'A team database’s address starts with https:// (or http:// on this machine).' };
  }
  const database = parsed.pathname.replace(/^\/+|\/+$/g, '');
  if (!database) return { problem: 'The address names no database: add its name after the server, for example https://couch.example.org/newsroom.' };
  if (parsed.protocol === 'http:' && !isLocalHost(parsed.hostname)) {
    if (!options.allowInsecure) {
      return { problem: `Plain http to ${parsed.hostname} would send your password unencrypted: use https://, or force it (allow insecure) on a network you trust.` };
    }
    return { problem: null, warning: `Warning: the link to ${parsed.hostname} is plain http; your password and the team's data travel unencrypted.` };
  }
  return { problem: null, warning: null };
}

/** The address without any user name or password, for saving and showing. */
export function addressWithoutCredentials(url: string): string {
  const parsed = new URL(url.trim());
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/+$/, '');
}
