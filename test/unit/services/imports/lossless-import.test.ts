// The import itself: idempotent (what the workspace has is "already present"), two authors'
// identical spans kept apart, speakers by id, name or other name, times kept; planned spans made
// by hand as the format modules fill them (id, author, speaker id and other names, times).
import { describe, expect, it } from 'vitest';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { exportDataset, importFiles } from '../../../../electron/services/handlers/workspace-tasks.js';
import { applyImport, importedSpeakerId } from '../../../../electron/services/imports/apply.js';
import type { PlannedDocument, PlannedSpan } from '../../../../electron/services/imports/plan.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const bytes = (content: string) => new TextEncoder().encode(content);
const text = '“We will win,” said Ana Lima. Critics disagreed: “It is over,” said Bo Chen.';
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const planned = (spans: PlannedSpan[], source = 'story.jsonl'): PlannedDocument => ({ fileName: 'story.txt', title: 'story', text, spans, sourceFile: source });

/** Every highlight in the workspace, as [text, label, author], sorted. */
async function highlights(service: AnnotatorService) {
  const rows: string[][] = [];
  for (const doc of (await service.getSession()).documents) for (const a of await service.store.annotations(doc)) rows.push([a.text, a.labelId, a.author]);
  return rows.sort((a, b) => a.join('|').localeCompare(b.join('|')));
}

describe('a lossless import', () => {
  it('refuses, before writing anything, labels past the keys there are to give them', async () => {
    const service = await ws.openService();
    const before = (await service.getSession()).labels.length;
    const many = Array.from({ length: 40 }, (_, k) => ({ ...at('We will win'), label: `Kind ${k}`, author: 'Ana Reyes' }));
    await expect(applyImport(service, [planned(many)])).rejects.toThrow(/its label "Kind \d+" would be new, but every key a label can have is taken \(\d+ labels\)\. .*Nothing was imported\./);
    const session = await service.getSession();
    expect(session.labels).toHaveLength(before);
    expect(session.documents).toEqual([]);
  });

  it("keeps a highlight made before a name was set ('' in the file) apart from someone's on the same span", async () => {
    const service = await ws.openService();
    await applyImport(service, [planned([{ ...at('We will win'), label: 'Quote', author: 'Ana Reyes', id: 'h-ana' }])]);
    const report = await applyImport(service, [planned([{ ...at('We will win'), label: 'Quote', author: '', id: 'h-nobody' }])]);
    expect(report).toMatchObject({ highlights: 1, alreadyPresent: 0 });
    expect(await highlights(service)).toEqual([
      ['We will win', 'quote', ''],
      ['We will win', 'quote', 'Ana Reyes'],
    ]);
  });

  it('keeps two authors’ identical spans as two highlights, each with its author and times', async () => {
    const service = await ws.openService();
    const report = await applyImport(service, [
      planned([
        { ...at('We will win'), label: 'Quote', author: 'Ana Reyes', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-03T03:04:05.000Z' },
        // A time that is not one: the highlight is kept, made now.
        { ...at('We will win'), label: 'Quote', author: 'Bo Berg', createdAt: 'yesterday' },
      ]),
    ]);
    expect(report).toMatchObject({ written: true, documents: 1, documentsAdded: 1, highlights: 2, alreadyPresent: 0 });
    expect(await highlights(service)).toEqual([
      ['We will win', 'quote', 'Ana Reyes'],
      ['We will win', 'quote', 'Bo Berg'],
    ]);
    const [doc] = (await service.getSession()).documents;
    const ana = (await service.store.annotations(doc!)).find((a) => a.author === 'Ana Reyes')!;
    expect([ana.createdAt, ana.updatedAt]).toEqual(['2026-01-02T03:04:05.000Z', '2026-01-03T03:04:05.000Z']);
    const bo = (await service.store.annotations(doc!)).find((a) => a.author === 'Bo Berg')!;
    expect(Number.isFinite(Date.parse(bo.createdAt))).toBe(true);
  });

  it('adds nothing the second time: a span whose id the document has, or the same author, span and label, is already present', async () => {
    const service = await ws.openService();
    const doc = await importText(service, 'story.txt', text);
    await service.applyChanges([{ kind: 'setAnnotatorName', name: 'Ana Reyes' }, { kind: 'createAnnotation', documentId: doc.id, annotationId: 'mine', labelId: 'quote', ...at('It is over') }]);
    const file = planned([
      { ...at('We will win'), label: 'Quote', id: 'ann-1', author: 'Bo Berg' },
      // The workspace's own highlight, by its author: present without an id.
      { ...at('It is over'), label: 'quote', author: 'Ana Reyes' },
      // By id, though the file has it elsewhere, and relabelled (changed since the export): the
      // workspace's is kept, and no label is made for it.
      { ...at('Critics'), label: 'Denial', id: 'mine' },
    ]);
    const first = await applyImport(service, [file]);
    // The one changed since is counted apart: the workspace's is what stays.
    expect(first).toMatchObject({ documents: 1, documentsAdded: 0, highlights: 1, alreadyPresent: 2, differing: 1, labelsAdded: [] });
    expect(first.undo.annotations).toEqual([{ documentId: doc.id, annotationId: 'ann-1' }]);
    const again = await applyImport(service, [file]);
    expect(again).toMatchObject({ documents: 1, documentsAdded: 0, highlights: 0, alreadyPresent: 3, differing: 1, speakersAdded: [], labelsAdded: [] });
    expect(again.undo).toEqual({ annotations: [], speakerIds: [], labelIds: [], documentIds: [], claims: [] });
    expect(await highlights(service)).toEqual([
      ['It is over', 'quote', 'Ana Reyes'],
      ['We will win', 'quote', 'Bo Berg'],
    ]);
  });

  it('gives a span without an id the id of its own author, so another author’s identical span is new', async () => {
    const service = await ws.openService();
    await applyImport(service, [planned([{ ...at('We will win'), label: 'Quote', author: 'Ana Reyes' }])], 'Run Author');
    const report = await applyImport(service, [planned([{ ...at('We will win'), label: 'Quote' }])], 'Bo Berg');
    expect(report.highlights).toBe(1);
    expect(await highlights(service)).toEqual([
      ['We will win', 'quote', 'Ana Reyes'],
      ['We will win', 'quote', 'Bo Berg'],
    ]);
  });

  it.each(['jsonl', 'spacy', 'labelstudio', 'brat', 'w3c'] as const)('adds nothing when a %s export of the same workspace is imported into it', async (format) => {
    const service = await ws.openService();
    const doc = await importText(service, 'story.txt', text);
    await service.applyChanges([
      { kind: 'setAnnotatorName', name: 'Ana Reyes' },
      { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana Lima' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', ...at('We will win'), speakerId: 'spk-ana' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c1', labelId: 'claim', ...at('Critics disagreed') },
    ]);
    const before = await highlights(service);
    const { files } = await exportDataset(service, format);
    const inputs = files.map((f) => ({ name: f.name, bytes: bytes(f.content) }));
    const report = await importFiles(service, inputs);
    expect(report).toMatchObject({ highlights: 0, alreadyPresent: 2, documentsAdded: 0, speakersAdded: [], labelsAdded: [], conflicts: [] });
    expect(await highlights(service)).toEqual(before);
    expect((await service.getSession()).speakers.map((s) => s.name)).toEqual(['Ana Lima']);
  });
});

describe('imported speakers, by id, name or other name', () => {
  it('uses the workspace’s speaker with the file’s id, whatever name the file gives', async () => {
    const service = await ws.openService();
    await service.applyChanges([{ kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana Lima' }]);
    const report = await applyImport(service, [planned([{ ...at('We will win'), label: 'Quote', speaker: 'A. Lima', speakerId: 'spk-ana' }])]);
    expect(report.speakersAdded).toEqual([]);
    const [doc] = (await service.getSession()).documents;
    expect((await service.store.annotations(doc!))[0]!.speakerId).toBe('spk-ana');
  });

  it('keeps apart two people whose name-made ids agree but whose names do not (two newsrooms renamed an imported "Kim" apart)', async () => {
    const service = await ws.openService();
    const kim = importedSpeakerId('Kim');
    await service.applyChanges([{ kind: 'createSpeaker', speakerId: kim, name: 'Kim Jong-un' }]);
    const report = await applyImport(service, [
      planned([
        { ...at('We will win'), label: 'Quote', speaker: 'Kim Yo-jong', speakerId: kim },
        // The same id with the name it was made from: this workspace's speaker, renamed since.
        { ...at('It is over'), label: 'Quote', speaker: 'Kim', speakerId: kim },
      ]),
    ]);
    expect(report.speakersAdded).toEqual(['Kim Yo-jong']);
    const [doc] = (await service.getSession()).documents;
    const bySpeaker = new Map((await service.store.annotations(doc!)).map((a) => [a.text, a.speakerId]));
    expect(bySpeaker.get('We will win')).toBe(importedSpeakerId('Kim Yo-jong'));
    expect(bySpeaker.get('It is over')).toBe(kim);
  });

  it('finds a speaker by one of the file’s other names, and makes a new one with the file’s id and other names', async () => {
    const service = await ws.openService();
    await service.applyChanges([{ kind: 'createSpeaker', speakerId: 'spk-chen', name: 'Bo Chen' }]);
    const report = await applyImport(service, [
      planned([
        { ...at('It is over'), label: 'Quote', speaker: 'The spokesman', speakerOtherNames: ['Bo Chen'], speakerId: 'spk-other-workspace' },
        { ...at('We will win'), label: 'Quote', speaker: 'Ana Lima', speakerId: 'spk-from-file', speakerOtherNames: ['Lima', 'The Minister'] },
        { ...at('Ana Lima'), label: 'Speaker', speaker: '山田太郎', speakerId: 'not an id!' },
      ]),
    ]);
    expect(report.speakersAdded).toEqual(['Ana Lima', '山田太郎']);
    expect(report.undo.speakerIds).toEqual(['spk-from-file', importedSpeakerId('山田太郎')]);
    const session = await service.getSession();
    expect(session.speakers.map((s) => [s.id, s.name, s.aliases])).toEqual([
      ['spk-chen', 'Bo Chen', []],
      ['spk-from-file', 'Ana Lima', ['Lima', 'The Minister']],
      [importedSpeakerId('山田太郎'), '山田太郎', []],
    ]);
    const byText = Object.fromEntries((await service.store.annotations(session.documents[0]!)).map((a) => [a.text, a.speakerId]));
    expect(byText).toEqual({ 'It is over': 'spk-chen', 'We will win': 'spk-from-file', 'Ana Lima': importedSpeakerId('山田太郎') });
  });
});
