// Asking the team's server before a link is saved, and keeping credentials out of every message.
// The engine never creates the database: who may create one is the server admin's decision, so a
// missing one is reported with what to do.
export type RemoteCheck = { ok: true } | { ok: false; state: 'offline' | 'error'; message: string };

export interface RemoteTarget {
  /** https://host[:port]/database, without credentials. */
  url: string;
  username: string;
  password: string;
}

export const basicAuth = (t: RemoteTarget) => `Basic ${Buffer.from(`${t.username}:${t.password}`).toString('base64')}`;

/** Takes the password (and any user:password@ in an address) out of a message. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text.replace(/\/\/[^/@\s]*:[^/@\s]*@/g, '//');
  for (const secret of secrets) if (secret) clean = clean.split(secret).join('•••');
  return clean;
}

export async function checkRemote(target: RemoteTarget): Promise<RemoteCheck> {
  const parsed = new URL(target.url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\/+|\/+$/g, ''));
  const headers = { authorization: basicAuth(target), accept: 'application/json' };
  let welcome: Response;
  try {
    welcome = await fetch(`${parsed.origin}/`, { headers, signal: AbortSignal.timeout(10_000) });
  } catch {
    return { ok: false, state: 'offline', message: `The server at ${parsed.host} cannot be reached; check the address and the network. Local changes wait and go out once it answers.` };
  }
  const notCouch = { ok: false as const, state: 'error' as const, message: `That address is not a CouchDB server (${parsed.host} does not answer as CouchDB does); check the address.` };
  if (welcome.status === 401) return refused();
  let greeting: Record<string, unknown>;
  try {
    greeting = (await welcome.json()) as Record<string, unknown>;
  } catch {
    return notCouch;
  }
  // CouchDB says {"couchdb":"Welcome"}; pouchdb-server (the same protocol) {"express-pouchdb":"Welcome!"}.
  if (greeting.couchdb !== 'Welcome' && greeting['express-pouchdb'] !== 'Welcome!') return notCouch;
  let db: Response;
  try {
    db = await fetch(`${parsed.origin}/${encodeURIComponent(database)}`, { headers, signal: AbortSignal.timeout(10_000) });
  } catch {
    return { ok: false, state: 'offline', message: `The server at ${parsed.host} stopped answering; try again.` };
  }
  if (db.status === 401 || db.status === 403) return refused();
  if (db.status === 404) return { ok: false, state: 'error', message: `No database ${database} on that server; create it (or ask the server's admin to), then link again.` };
  if (!db.ok) return { ok: false, state: 'error', message: `The server answered ${db.status} for the database ${database}; try again, or ask its admin.` };
  return { ok: true };
}

function refused(): RemoteCheck {
  return { ok: false, state: 'error', message: 'The server refused that user name or password; check them and link again.' };
}
