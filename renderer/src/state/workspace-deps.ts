// What the workspace's hooks share: the client, the state as it is now, and how to change it.
import { ApiError } from '../../../electron/contract/errors';
import type { AnnotatorClient } from '../api/client';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

export interface WorkspaceDeps {
  client: AnnotatorClient;
  /** The state as it is now (not as it was when a callback was made). */
  state(): WorkspaceState;
  dispatch(action: WorkspaceAction): void;
  report(error: unknown): void;
  setBusy(busy: string | null): void;
}

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}
