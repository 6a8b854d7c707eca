// The window over the in-memory workspace with the things that crowd a screen: a claim with its
// sources, tags and note filled in, a long quote, a claim with 30 lines of history, long speaker
// and document names, a quote said by no one named, and a word the find bar counts. Bundled by side-panel-layout.e2e.test.ts.
import { createRoot } from 'react-dom/client';
import { DEFAULT_LABELS, type ClaimHistoryEntry } from '../../../electron/contract/api';
import { App } from '../../../renderer/src/App';
import '../../../renderer/src/styles.css';
import { browserStorage, keepPerson } from '../../../renderer/src/people/window-person';
import { createMemoryClient } from '../../helpers/memory-client';
import { span } from '../../helpers/two-stories';
import { CLAIM, COUNCIL, LONG_QUOTE, LONG_TITLE, OTHER, RENTS, UNATTRIBUTED } from './layout-story';

const client = createMemoryClient({
  labels: DEFAULT_LABELS,
  documents: [
    { id: 'doc-council', title: 'council-budget', text: COUNCIL },
    { id: 'doc-long', title: LONG_TITLE, text: OTHER },
  ],
  annotatorName: 'Ana Reyes',
});

// The window's person, chosen already (as after first use): the layouts measured are a working window's.
keepPerson(browserStorage(), { id: 'p-ana-reyes', name: 'Ana Reyes' });

/** 30 status changes on the rents claim, as a long-argued verdict leaves them. */
const history: ClaimHistoryEntry[] = Array.from({ length: 30 }, (_, i) => ({
  documentId: 'doc-council',
  annotationId: 'c-rents',
  at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
  by: i % 2 ? 'Bo Lindqvist' : 'Ana Reyes',
  field: 'status',
  from: i % 2 ? 'in-progress' : 'unreviewed',
  to: i % 2 ? 'unreviewed' : 'in-progress',
}));
const withHistory = { ...client, listClaimHistory: async ({ annotationId }: { annotationId: string }) => (annotationId === 'c-rents' ? history : []) };

void (async () => {
  await client.applyChanges({
    changes: [
      { kind: 'createSpeaker', speakerId: 'spk-park', name: 'Lina Park' },
      { kind: 'createSpeaker', speakerId: 'spk-long', name: 'Councillor Thomas Alexander Reed-Montgomery' },
      { kind: 'createAnnotation', documentId: 'doc-council', annotationId: 'c-crime', labelId: 'claim', speakerId: 'spk-park', ...span(COUNCIL, CLAIM) },
      {
        kind: 'updateAnnotation',
        documentId: 'doc-council',
        annotationId: 'c-crime',
        note: 'Police figures for 2024 and 2025 are on the open data portal; the mayor may mean reported crime only.',
        claim: {
          checkWorthiness: 'high',
          tags: ['crime', 'police', 'budget', 'city hall'],
          sources: [
            { title: 'City police annual report 2025', url: 'https://data.example.org/police/annual-report/2025/full-statistics-with-appendices.pdf', note: 'table 4' },
            { title: 'Statistics office', url: 'https://stats.example.org/crime?region=city&from=2024-01-01&to=2025-12-31&measure=reported', note: '' },
          ],
        },
      },
      { kind: 'createAnnotation', documentId: 'doc-council', annotationId: 'q-long', labelId: 'quote', speakerId: 'spk-long', ...span(COUNCIL, LONG_QUOTE) },
      { kind: 'createAnnotation', documentId: 'doc-council', annotationId: 'c-rents', labelId: 'claim', speakerId: 'spk-long', ...span(COUNCIL, RENTS) },
      { kind: 'createAnnotation', documentId: 'doc-council', annotationId: 'q-item', labelId: 'quote', ...span(COUNCIL, UNATTRIBUTED) },
      { kind: 'setLastDocument', documentId: 'doc-council' },
    ],
  });
  createRoot(document.getElementById('root')!).render(<App client={withHistory} />);
})();
