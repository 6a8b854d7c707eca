// What bench/sync.mjs needs of the app, bundled by load-ts.mjs: workspaces filled through the
// service, and the team sync engine on them.
import { AnnotatorService } from '../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../electron/services/store/workspace-store.js';
import { memoryCredentials, TeamSync } from '../../electron/services/sync/team-sync.js';

export async function openWorkspace(dir: string) {
  const store = await WorkspaceStore.open(dir);
  const service = new AnnotatorService(store, 'browser');
  const engine = new TeamSync(service, memoryCredentials());
  return { store, service, engine };
}

/** `documents` stories with `perDocument` quotes each. */
export async function fill(service: AnnotatorService, documents: number, perDocument: number): Promise<string[]> {
  const ids: string[] = [];
  for (let d = 0; d < documents; d++) {
    const text = Array.from({ length: perDocument }, (_, i) => `Story ${d} sentence ${String(i).padStart(4, '0')} said.`).join(' ');
    const doc = await service.addPastedDocument(`Story ${d}`, text);
    const width = text.length / perDocument;
    const changes = Array.from({ length: perDocument }, (_, i) => ({ kind: 'createAnnotation', documentId: doc.id, annotationId: `q${i}`, labelId: 'quote', start: Math.round(i * width), end: Math.round(i * width) + 5 }));
    await service.applyChanges(changes);
    ids.push(doc.id);
  }
  return ids;
}
