// The window over the in-memory workspace, for screens taken in Chromium without a host: two
// stories, a claim whose verdict an import found in conflict, and annotation files to import
// (see ImportPlan). Bundled by window-screens.e2e.test.ts.
import { createRoot } from 'react-dom/client';
import { DEFAULT_LABELS } from '../../../electron/contract/api';
import { App } from '../../../renderer/src/App';
import '../../../renderer/src/styles.css';
import { createMemoryClient } from '../../helpers/memory-client';
import { BUDGET, HOMES, IMPORT_OVER_TWO_STORIES, TWO_STORIES, span } from '../../helpers/two-stories';

const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ana' });

void (async () => {
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', labelId: 'claim', ...span(BUDGET, 'crime fell by half') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-rents', labelId: 'claim', ...span(BUDGET, 'Rents doubled') },
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', claim: { status: 'false' }, deskDecision: true },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  client.planImport(IMPORT_OVER_TWO_STORIES);
  createRoot(document.getElementById('root')!).render(<App client={client} />);
})();
