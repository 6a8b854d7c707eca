// Uploads arrive as base64 text. The contract refuses bad base64 at the door; decoding checks
// again so a caller that skips the contract (a test, a script) cannot slip junk through either.
import { ApiError, base64Problem } from '../../contract/api.js';

export function decodeBase64(text: string): Buffer {
  const problem = base64Problem(text);
  if (problem !== null) throw new ApiError('bad-request', `${problem}.`);
  return Buffer.from(text, 'base64');
}
