// The benchmarks' one way into the app's own TypeScript. They build their workspaces with the
// real service and store (so the store's format has a single writer) and time the real
// re-anchoring; every path into electron/ is here (their test's too), so a move there is mended
// in this file alone.
export { AnnotatorService } from '../../electron/services/annotator-service.js';
export { WorkspaceStore } from '../../electron/services/store/workspace-store.js';
export { readTextDocument, type ReadDocument } from '../../electron/services/documents/index.js';
export { reanchorAnnotations } from '../../electron/services/anchoring/reanchor.js';
export { fromAnnotationColumns } from '../../electron/contract/spans.js';
export type { Annotation, DocumentSummary } from '../../electron/contract/api.js';
