// The renderer's view of the AnnotatorApi: it never knows which host answers.
import type { AnnotatorApi, ApiMethod } from '../../../electron/contract/api';
import { ApiError, type ApiErrorCode } from '../../../electron/contract/errors';
import type { HostEvent } from '../../../electron/contract/channels';

export type { AnnotatorApi };

export interface AnnotatorClient extends AnnotatorApi {
  /** Desktop menu commands and files opened from outside; the browser host has none. */
  onHostEvent(listener: (event: HostEvent) => void): () => void;
  /** Sends a final batch of changes as the page goes away (see ChangeQueue). */
  sendOnUnload?(method: 'applyChanges', args: unknown): void;
}

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: ApiErrorCode; message: string } };

export function unwrap<T>(envelope: Envelope): T {
  if (envelope.ok) return envelope.result as T;
  throw new ApiError(envelope.error.code, envelope.error.message);
}

export function clientFromCaller(
  call: (method: ApiMethod, args: unknown) => Promise<Envelope>,
  extras: Pick<AnnotatorClient, 'onHostEvent' | 'sendOnUnload'>,
): AnnotatorClient {
  const method =
    <M extends ApiMethod>(name: M) =>
    async (args: unknown) =>
      unwrap(await call(name, args ?? {}));
  return {
    getSession: method('getSession'),
    openDocument: method('openDocument'),
    listAnnotations: method('listAnnotations'),
    importFile: method('importFile'),
    openFilesWithDialog: method('openFilesWithDialog'),
    listRecentFiles: method('listRecentFiles'),
    openRecentFile: method('openRecentFile'),
    openExternalLink: method('openExternalLink'),
    listSpeakerAppearances: method('listSpeakerAppearances'),
    exportDataset: method('exportDataset'),
    importAnnotationFiles: method('importAnnotationFiles'),
    mergeWorkspaceWithDialog: method('mergeWorkspaceWithDialog'),
    measureAgreement: method('measureAgreement'),
    applyChanges: method('applyChanges'),
    ...extras,
  } as AnnotatorClient;
}
