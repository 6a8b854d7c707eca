// Shared documents: what goes out comes back the same, nothing local travels, and what fails
// is quarantined with a reason in words.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/contract/api.js';
import { checkSharedDoc, documentDoc, entityOf, highlightDoc, historyDoc, sharedId, speakerDoc } from '../../../../electron/services/sync/shared-docs.js';
import type { StoredDocument } from '../../../../electron/services/store/workspace-store.js';

const annotation: Annotation = { id: 'h1', documentId: 'doc-1', labelId: 'quote', start: 0, end: 3, text: 'The', prefix: '', suffix: ' mayor', speakerId: null, note: '', author: 'Ann', createdAt: 't', updatedAt: 't', quoteKind: 'direct' };
const stored: StoredDocument = {
  id: 'doc-1', title: 'Story', fileName: 'story.txt', textHash: 'a'.repeat(64), length: 10, addedAt: 't', annotationCount: 4, format: 'text', encoding: 'windows-1252', encodingDetected: true, sourceUrl: null, filePath: '/home/ann/private/story.txt', headline: 'Budget',
};

describe('shared documents', () => {
  it('a highlight goes out and comes back as it was', () => {
    const checked = checkSharedDoc({ _id: sharedId.highlight('doc-1', 'h1'), _rev: '1-x', ...highlightDoc(annotation) });
    expect(checked.ok).toBe(true);
    expect(entityOf(checked.ok ? (checked.body as never) : ({} as never))).toEqual(annotation);
  });

  it('a document carries its story, never its path, encoding or count', () => {
    const body = documentDoc(stored, false);
    expect(body).not.toHaveProperty('filePath');
    expect(body).not.toHaveProperty('encoding');
    expect(body).not.toHaveProperty('encodingDetected');
    expect(body).not.toHaveProperty('annotationCount');
    expect(body).toMatchObject({ title: 'Story', headline: 'Budget', removed: false, schemaVersion: 1 });
    expect(checkSharedDoc({ _id: 'document:doc-1', ...body }).ok).toBe(true);
  });

  it('a history line has an id from its hash; a merged speaker names its survivor', () => {
    const entry = { documentId: 'doc-1', annotationId: 'h1', at: 't', by: 'Ann', field: 'status' as const, from: 'a', to: 'b' };
    expect(sharedId.history(entry)).toBe(sharedId.history({ ...entry }));
    expect(sharedId.history(entry)).not.toBe(sharedId.history({ ...entry, to: 'c' }));
    expect(checkSharedDoc({ _id: sharedId.history(entry), ...historyDoc(entry) }).ok).toBe(true);
    const speaker = speakerDoc({ id: 's1', name: 'Jo', aliases: [], role: '', organisation: '', notes: '', createdAt: 't' }, 's2');
    expect(checkSharedDoc({ _id: 'speaker:s1', ...speaker })).toMatchObject({ ok: true, body: { mergedInto: 's2' } });
  });

  it('quarantines a newer schema, a failed check, a wrong id and an unknown type, saying why', () => {
    const reason = (raw: Record<string, unknown>) => {
      const checked = checkSharedDoc(raw);
      return checked.ok ? null : checked.reason;
    };
    expect(reason({ _id: 'highlight:doc-1:h1', ...highlightDoc(annotation), schemaVersion: 3 })).toMatch(/newer version of Newsroom Annotator \(schema 3/);
    expect(reason({ _id: 'highlight:doc-1:h1', ...highlightDoc(annotation), start: -1 })).toMatch(/failed the contract's checks at start/);
    expect(reason({ _id: 'highlight:doc-1:h2', ...highlightDoc(annotation) })).toMatch(/does not match what it holds/);
    expect(reason({ _id: 'widget:1', type: 'widget', schemaVersion: 1 })).toMatch(/not one Newsroom Annotator shares/);
    expect(reason({ _id: 'label:x', type: 'label' })).toMatch(/no schema version/);
  });
});
