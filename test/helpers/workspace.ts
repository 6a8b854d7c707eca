// A real workspace in a temp folder, with the service on top, plus readers for what is on disk.
import path from 'node:path';
import { expect } from 'vitest';
import { ApiError, type ApiErrorCode, type Change } from '../../electron/contract/api.js';
import { AnnotatorService, type HostKind } from '../../electron/services/annotator-service.js';
import {
  ANNOTATIONS_DIR,
  TEXTS_DIR,
  WORKSPACE_FILE,
  WorkspaceStore,
  type AnnotationsFile,
  type WorkspaceFile,
} from '../../electron/services/store/workspace-store.js';
import { readJson, useTempDirs, type MakeTempDir } from './temp-dirs.js';

export interface WorkspaceHarness {
  tempDir: MakeTempDir;
  /** Opens (and remembers, to flush before cleanup) a store on `dir`. */
  openStore(dir: string): Promise<WorkspaceStore>;
  /** A service on a store in `dir` (a fresh temp folder when omitted). */
  openService(dir?: string, host?: HostKind): Promise<AnnotatorService>;
}

/** Call at the top level of a test file. */
export function useWorkspaces(): WorkspaceHarness {
  const stores: WorkspaceStore[] = [];
  const tempDir = useTempDirs(async () => {
    // Let every scheduled write land before the folder goes away.
    await Promise.all(stores.splice(0).map((store) => store.flush().catch(() => undefined)));
  });
  const openStore = async (dir: string) => {
    const store = await WorkspaceStore.open(dir);
    stores.push(store);
    return store;
  };
  return {
    tempDir,
    openStore,
    async openService(dir, host = 'browser') {
      return new AnnotatorService(await openStore(dir ?? (await tempDir('annotator-ws-'))), host);
    },
  };
}

export const workspaceOnDisk = (dir: string) => readJson<WorkspaceFile>(path.join(dir, WORKSPACE_FILE));
export const annotationsOnDisk = (dir: string, documentId: string) =>
  readJson<AnnotationsFile>(path.join(dir, ANNOTATIONS_DIR, `${documentId}.json`));
export const snapshotPath = (dir: string, textHash: string) => path.join(dir, TEXTS_DIR, `${textHash}.txt`);

export async function importText(service: AnnotatorService, fileName: string, text: string) {
  return service.importBytes(fileName, new TextEncoder().encode(text));
}

export function createChange(
  documentId: string,
  annotationId: string,
  start: number,
  end: number,
  extra: Partial<Extract<Change, { kind: 'createAnnotation' }>> = {},
): Change {
  return { kind: 'createAnnotation', documentId, annotationId, labelId: 'quote', start, end, ...extra };
}

/**
 * applyChanges answers refusals instead of failing; this turns the first refusal into the
 * ApiError it stands for, so expectApiError can check it.
 */
export async function firstRefusal(result: Promise<{ refused: { code: string; message: string }[] }>): Promise<unknown> {
  const { refused } = await result;
  if (refused[0]) throw new ApiError(refused[0].code as ApiErrorCode, refused[0].message);
  return result;
}

/** Awaits a promise that must fail with an ApiError of `code`; returns the error for more checks. */
export async function expectApiError(promise: Promise<unknown>, code: ApiErrorCode, message?: RegExp): Promise<ApiError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the call to fail').toBeInstanceOf(ApiError);
  const error = caught as ApiError;
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}
