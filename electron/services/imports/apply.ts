// Carries out an import plan: labels and speakers matched by name (or made), documents added
// (or found by their text), highlights created with stable ids so a second import adds none.
import { createHash } from 'node:crypto';
import { parseChange, type Change, type ChangeRefusal, type DocumentSummary, type ImportReport } from '../../contract/api.js';
import { findSpeakerByName, speakerNameKey } from '../../contract/speaker-names.js';
import type { ReadDocument } from '../documents/index.js';
import { documentIdFor, sha256, type WorkspaceStore } from '../store/workspace-store.js';
import { ImportProblem, importedId, type PlannedDocument } from './plan.js';

export type { ImportReport };

const KEYS = 'bdfghijklmoprtuvwxyz0123456789';
const COLOURS = ['#7b61ff', '#2e7d32', '#00838f', '#ad1457', '#6d4c41', '#5c6bc0'];
const key = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, ' ');

/**
 * A new speaker's id from the hash of the compared form of the name, never from the name cut to
 * ASCII (田中花子 and 山田太郎 would both be "spk-imp-"): names in any script stay apart, and the
 * same name imported twice gets the same id.
 */
export const importedSpeakerId = (name: string): string =>
  `spk-imp-${createHash('sha256').update(speakerNameKey(name)).digest('hex').slice(0, 24)}`;

/**
 * A new label's id: its name's ASCII letters for a reader of the file, then the hash of the
 * compared name, so "Цитата" and "Утверждение" (both "label-" cut to ASCII) stay two labels.
 */
export function importedLabelId(name: string): string {
  const compared = key(name);
  const ascii = compared.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `label-${ascii ? `${ascii}-` : ''}${createHash('sha256').update(compared).digest('hex').slice(0, 12)}`;
}

/** What an import needs of the service: its store, adding a read file, applying changes. */
export interface ImportTarget {
  readonly store: WorkspaceStore;
  addReadDocument(fileName: string, read: ReadDocument, filePath: string | null): Promise<DocumentSummary>;
  applyChanges(changes: readonly unknown[]): Promise<{ refused: ChangeRefusal[] }>;
}

export async function applyImport(service: ImportTarget, plans: PlannedDocument[], author?: string): Promise<ImportReport> {
  const data = service.store.data;
  // Everything that can be refused is checked before anything is written.
  const statuses = new Set(data.statuses.map((s) => s.id));
  for (const plan of plans) {
    for (const span of plan.spans) {
      if (span.claim?.status && !statuses.has(span.claim.status)) {
        throw new ImportProblem(plan.fileName, null, `the status "${span.claim.status}" is not on this workspace's scale (${[...statuses].join(', ')}).`);
      }
    }
  }
  const changes: Change[] = [];
  const report: ImportReport = { written: true, documents: 0, documentsAdded: 0, highlights: 0, alreadyPresent: 0, conflicts: [], labelsAdded: [], speakersAdded: [], undo: { annotations: [], speakerIds: [], labelIds: [], documentIds: [] } };
  const labelIds = new Map(data.labels.map((l) => [key(l.name), l.id]));
  const takenKeys = new Set(data.labels.map((l) => l.hotkey));
  // By the contract's name key, as createSpeaker matches: "TANAKA  Hanako" is Tanaka Hanako.
  const speakerIds = new Map<string, string>();
  const speakerId = (name: string): string => {
    const nameKey = speakerNameKey(name);
    let id = speakerIds.get(nameKey);
    if (id) return id;
    id = findSpeakerByName(data.speakers, name)?.id;
    if (!id) {
      id = importedSpeakerId(name);
      // Imported before and renamed since: the id is still that speaker's.
      if (!data.speakers.some((s) => s.id === id)) {
        changes.push({ kind: 'createSpeaker', speakerId: id, name: name.trim() });
        report.speakersAdded.push(name.trim());
      }
    }
    speakerIds.set(nameKey, id);
    return id;
  };

  for (const plan of plans) {
    for (const span of plan.spans) {
      if (!labelIds.has(key(span.label))) {
        const id = importedLabelId(span.label);
        const hotkey = [...KEYS].find((k) => !takenKeys.has(k)) ?? 'z';
        takenKeys.add(hotkey);
        changes.push({ kind: 'saveLabel', label: { id, name: span.label.trim(), color: COLOURS[report.labelsAdded.length % COLOURS.length]!, hotkey } });
        labelIds.set(key(span.label), id);
        report.labelsAdded.push(span.label.trim());
      }
      if (span.speaker?.trim()) speakerId(span.speaker);
    }
  }

  // Every highlight as a change, checked against the contract before anything is written.
  const creates: Change[] = [];
  const seen = new Set<string>();
  for (const plan of plans) {
    // A document whose file changed keeps its first id; a new one gets the id of its text.
    const textHash = sha256(plan.text);
    const documentId = service.store.data.documents.find((d) => d.textHash === textHash)?.id ?? documentIdFor(textHash);
    for (const span of plan.spans) {
      const change: Change = {
        kind: 'createAnnotation',
        documentId,
        annotationId: importedId(plan.text, span, author),
        labelId: labelIds.get(key(span.label))!,
        start: span.start,
        end: span.end,
        speakerId: span.speaker?.trim() ? speakerId(span.speaker) : null,
        note: span.note ?? '',
        ...(span.quoteKind && { quoteKind: span.quoteKind }),
        ...(span.claim && { claim: { checkWorthiness: null, status: data.statuses[0]?.id ?? 'unreviewed', sources: [], tags: [], ...span.claim } }),
        ...(author && { author }),
      };
      try {
        parseChange(change);
      } catch (error) {
        throw new ImportProblem(plan.fileName, null, `a highlight at ${span.start}–${span.end} cannot be kept: ${(error as Error).message}`);
      }
      if (seen.has(change.annotationId)) continue;
      seen.add(change.annotationId);
      creates.push(change);
    }
  }
  for (const change of changes) parseChange(change);

  const counted = new Set<string>();
  for (const plan of plans) {
    // A document file goes in as the window's Open does (metadata, a transcript's speakers).
    const document = plan.read
      ? await service.addReadDocument(plan.fileName, plan.read, plan.filePath ?? null)
      : (await service.store.addDocument(plan.fileName, plan.title, plan.text)).document;
    if (counted.has(document.id)) continue;
    counted.add(document.id);
    report.documents++;
    const existing = new Set((await service.store.annotations(document)).map((a) => a.id));
    report.highlights += creates.filter((c) => c.kind === 'createAnnotation' && c.documentId === document.id && !existing.has(c.annotationId)).length;
  }
  const all = [...changes, ...creates];
  for (let i = 0; i < all.length; i += 5000) {
    const { refused } = await service.applyChanges(all.slice(i, i + 5000));
    if (refused.length) throw new ImportProblem('import', null, refused.map((r) => r.message).join(' '));
  }
  return report;
}
