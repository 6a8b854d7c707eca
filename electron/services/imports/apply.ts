// Carries out an import: planned in full first (import-plan.ts), so a bad file imports nothing
// and a dry run reports exactly what would happen, writing nothing. Then the documents are added
// (or brought back by the same id), and labels, speakers, highlights and conflicting verdicts go
// through the change path like any edit. The report lists what one undo takes back.
import type { Caller, Change, ChangeRefusal, DocumentSummary, ImportReport, Person } from '../../contract/api.js';
import type { ReadDocument } from '../documents/index.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { planImport } from './import-plan.js';
import { ImportProblem, type PlannedDocument } from './plan.js';

export type { ImportReport };
export { importedLabelId, importedSpeakerId } from './import-plan.js';

/** What an import needs of the service: its store, adding a read file, applying changes. */
export interface ImportTarget {
  readonly store: WorkspaceStore;
  addReadDocument(fileName: string, read: ReadDocument, filePath: string | null): Promise<DocumentSummary>;
  applyChanges(changes: readonly unknown[], caller?: Caller): Promise<{ refused: ChangeRefusal[] }>;
}

export interface ImportOptions {
  /** Count what the import would do and write nothing. */
  dryRun?: boolean;
  /** Who imports (the window's person): a span whose file names nobody is theirs. */
  person?: Person | null;
}

/** What the file read says of the story, else what the annotation files say (a W3C target's terms). */
function withStory(read: ReadDocument, story: PlannedDocument['story']): ReadDocument {
  if (!story) return read;
  return { ...read, headline: read.headline ?? story.headline, outlet: read.outlet ?? story.outlet, byline: read.byline ?? story.byline, publishedOn: read.publishedOn ?? story.publishedOn };
}

export async function applyImport(service: ImportTarget, plans: PlannedDocument[], author?: string, options: ImportOptions = {}): Promise<ImportReport> {
  const store = service.store;
  // Everything that can be refused is refused here, before anything is written.
  const caller = { person: options.person ?? null };
  // A span whose file names nobody is the importer's (the workspace's name for the CLI).
  const importer = options.person?.name ?? store.data.settings.annotatorName ?? '';
  const planned = await planImport(store, plans, author, undefined, importer);
  if (options.dryRun) return planned.report;

  // The files' speakers first: a transcript added below then finds them by name, keeping their ids.
  const fileSpeakers = planned.changes.filter((c): c is Extract<Change, { kind: 'createSpeaker' }> => c.kind === 'createSpeaker');
  if (fileSpeakers.length) {
    const { refused } = await service.applyChanges(fileSpeakers, caller);
    if (refused.length) throw new ImportProblem('import', null, refused.map((r) => r.message).join(' '));
  }
  const speakersBefore = new Set(store.data.speakers.map((s) => s.id));
  for (const { plan } of planned.documents) {
    // A document file goes in as the window's Open does (metadata, a transcript's speakers); one
    // an undone import took out comes back by the same id.
    if (plan.read) await service.addReadDocument(plan.fileName, withStory(plan.read, plan.story), plan.filePath ?? null);
    else await store.addDocument(plan.fileName, plan.title, plan.text, { ...(plan.sourceUrl && { sourceUrl: plan.sourceUrl }), ...plan.story });
  }
  // A transcript's speakers were made as it was added: the highlights are planned again with them.
  const transcriptSpeakers = store.data.speakers.filter((s) => !speakersBefore.has(s.id));
  const replanned = transcriptSpeakers.length > 0;
  const { report, changes } = replanned ? await planImport(store, plans, author, undefined, importer) : planned;
  const madeFirst = new Set(fileSpeakers.map((c) => c.speakerId));
  const rest = changes.filter((c) => c.kind !== 'createSpeaker' || !madeFirst.has(c.speakerId));
  for (let i = 0; i < rest.length; i += 5000) {
    const { refused } = await service.applyChanges(rest.slice(i, i + 5000), caller);
    if (refused.length) throw new ImportProblem('import', null, refused.map((r) => r.message).join(' '));
  }
  // Planned again, the files' speakers were already there: they are still this import's.
  const fileSpeakerNames = replanned ? fileSpeakers.map((c) => c.name) : [];
  const fileSpeakerIds = replanned ? [...madeFirst] : [];
  return {
    ...report,
    written: true,
    documentsAdded: planned.report.documentsAdded,
    speakersAdded: [...fileSpeakerNames, ...transcriptSpeakers.map((s) => s.name), ...report.speakersAdded],
    undo: { ...report.undo, speakerIds: [...fileSpeakerIds, ...transcriptSpeakers.map((s) => s.id), ...report.undo.speakerIds], documentIds: planned.report.undo.documentIds },
  };
}
