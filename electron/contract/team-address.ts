// Which team database addresses the app will link to, and the words when one will not do. Plain
// functions, so the Team view checks as the engine does (the engine calls these too).

const THIS_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Is this host this machine (where plain http never leaves it)? */
export const isThisMachine = (hostname: string) => THIS_MACHINE.has(hostname.toLowerCase());

function parse(url: string): URL | null {
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/**
 * Why the app will not link to this address, or null when it will. https always; plain http to
 * this machine; plain http elsewhere only when the person allows it (see insecureAddressWarning).
 */
export function remoteAddressProblem(url: string, options: { allowInsecure?: boolean } = {}): string | null {
  const parsed = parse(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname) {
    return 'The database’s address must be a web address such as https://couch.example.org/newsroom.';
  }
  if (parsed.username || parsed.password) return 'The address holds a user name or password: put the user name and password in their own fields.';
  if (parsed.search || parsed.hash) return 'The database’s address has no ? or # part: give it as https://host/database.';
  if (parsed.pathname.replace(/\/+$/, '') === '') return 'The address names no database: add it after the server, as in https://couch.example.org/newsroom.';
  if (parsed.protocol === 'http:' && !isThisMachine(parsed.hostname) && !options.allowInsecure) {
    return `Plain http sends your password and the newsroom’s work unencrypted to ${parsed.hostname}. Use https://, or allow plain http to this server if you know the network is safe.`;
  }
  return null;
}

/** Plain http to another machine: what to warn before (and while) linking; null when the address is safe. */
export function insecureAddressWarning(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'http:' || !parsed.hostname || isThisMachine(parsed.hostname)) return null;
  return `Not safe: plain http to ${parsed.hostname} sends your password and every change unencrypted, readable by anyone on the network.`;
}
