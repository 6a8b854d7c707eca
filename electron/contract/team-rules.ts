// The engine's view of the address rule (team-address.ts, the one the Team view checks with):
// a refusal in words, or the warning a forced plain-http link carries.
import { insecureAddressWarning, remoteAddressProblem as addressProblem } from './team-address.js';

export type RemoteAddressCheck = { problem: string } | { problem: null; warning: string | null };

/** Why `url` cannot be linked (null when it can), with a warning for forced plain http. */
export function remoteAddressProblem(url: string, options: { allowInsecure?: boolean } = {}): RemoteAddressCheck {
  const problem = addressProblem(url, options);
  return problem ? { problem } : { problem: null, warning: insecureAddressWarning(url) };
}

/** The address without any user name or password, for saving and showing. */
export function addressWithoutCredentials(url: string): string {
  const parsed = new URL(url.trim());
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/+$/, '');
}
