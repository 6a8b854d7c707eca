// The renderer's view of the AnnotatorApi: it never knows which host answers.
import type { AnnotatorApi, ApiMethod, DocumentSummary, Person } from '../../../electron/contract/window-api';
import { ApiError, type ApiErrorCode } from '../../../electron/contract/errors';
import { API_METHOD_NAMES, type HostEvent } from '../../../electron/contract/channels';

export type { AnnotatorApi };

export interface AnnotatorClient extends AnnotatorApi {
  /** Desktop menu commands and files opened from outside; the browser host has none. */
  onHostEvent(listener: (event: HostEvent) => void): () => void;
  /** Sends a final batch of changes as the page goes away (see ChangeQueue). */
  sendOnUnload?(method: 'applyChanges', args: unknown): void;
  /**
   * Desktop only: opens dropped files from their place on disk (so they are watched and listed
   * in Open Recent). Files with no place on disk come back in `withoutPath`, to be read as bytes.
   */
  openDroppedFiles?(files: File[]): Promise<{ documents: DocumentSummary[]; failures: string[]; withoutPath: File[] }>;
}

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: ApiErrorCode; message: string } };

export function unwrap<T>(envelope: Envelope): T {
  if (envelope.ok) return envelope.result as T;
  throw new ApiError(envelope.error.code, envelope.error.message);
}

/**
 * The window's person, sent beside every call's arguments (see electron/contract/schemas/people.ts):
 * a person belongs to a window, so two windows on one workspace each record their own name.
 */
let windowPerson: Person | null = null;
export function setWindowPerson(person: Person | null): void {
  windowPerson = person;
}
export const currentWindowPerson = (): Person | null => windowPerson;

export function clientFromCaller(
  call: (method: ApiMethod, args: unknown, caller: { person: Person | null }) => Promise<Envelope>,
  extras: Pick<AnnotatorClient, 'onHostEvent' | 'sendOnUnload' | 'openDroppedFiles'>,
): AnnotatorClient {
  // Every method the contract names (channels.ts has the names without zod), so none is missed.
  const methods = Object.fromEntries(API_METHOD_NAMES.map((name) => [name, async (args: unknown) => unwrap(await call(name, args ?? {}, { person: windowPerson }))]));
  return {
    ...methods,
    ...extras,
  } as AnnotatorClient;
}
