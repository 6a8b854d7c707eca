// The window over the in-memory workspace, for screens taken in Chromium without a host: two
// stories, a claim whose verdict an import found in conflict, and annotation files to import
// (see ImportPlan). Bundled by window-screens.e2e.test.ts.
import { createRoot } from 'react-dom/client';
import { DEFAULT_LABELS } from '../../../electron/contract/api';
import { App } from '../../../renderer/src/App';
import '../../../renderer/src/styles.css';
import { createMemoryClient } from '../../helpers/memory-client';
import { BUDGET, HOMES, TWO_STORIES, span } from '../../helpers/two-stories';

const RATES = 'Rates rose again, the bank said. 田中花子 disagreed.';
const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ana' });

void (async () => {
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', labelId: 'claim', ...span(BUDGET, 'crime fell by half') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-rents', labelId: 'claim', ...span(BUDGET, 'Rents doubled') },
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', claim: { status: 'false' } },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  client.planImport({
    documents: [{ id: 'doc-rates', title: 'rates', text: RATES }],
    speakers: [
      { id: 'spk-tanaka', name: '田中花子' },
      { id: 'spk-yamada', name: '山田太郎' },
    ],
    highlights: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'q-critics', labelId: 'quote', speakerId: 'spk-yamada', ...span(HOMES, 'Critics called it a fantasy') },
      { kind: 'createAnnotation', documentId: 'doc-rates', annotationId: 'q-rates', labelId: 'quote', speakerId: 'spk-tanaka', ...span(RATES, 'Rates rose again') },
    ],
    verdicts: [{ documentId: 'doc-budget', annotationId: 'c-crime', status: 'true', by: 'Bo', from: 'budget.ann' }],
  });
  createRoot(document.getElementById('root')!).render(<App client={client} />);
})();
