// Imported speakers: one per name in any script, the workspace's own reused, none added twice,
// and a speaker exported by his full name comes back by it.
import { describe, expect, it } from 'vitest';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { exportDataset, importFiles } from '../../../../electron/services/handlers/workspace-tasks.js';
import type { ImportInput } from '../../../../electron/services/imports/plan-files.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const bytes = (content: string) => new TextEncoder().encode(content);
const cp = (text: string, words: string) => [...text.slice(0, text.indexOf(words))].length;

/**
 * A Label Studio task file as its docs describe it ("labels" results with code-point start and
 * end, "relation" results from_id → to_id): each quote to the mention of who said it.
 */
function tasks(text: string, said: [quote: string, speaker: string][]): ImportInput {
  const result: unknown[] = [];
  said.forEach(([quote, speaker], i) => {
    for (const [id, words, label] of [[`q${i}`, quote, 'Quote'], [`s${i}`, speaker, 'Speaker']] as const) {
      result.push({ id, type: 'labels', from_name: 'label', to_name: 'text', value: { start: cp(text, words), end: cp(text, words) + [...words].length, labels: [label] } });
    }
    result.push({ type: 'relation', from_id: `q${i}`, to_id: `s${i}`, labels: ['Attribution'] });
  });
  return { name: 'tasks.json', bytes: bytes(JSON.stringify([{ data: { text, title: 'story' }, annotations: [{ result }] }])) };
}

/** Each quote's words with the name of its speaker, and the workspace's speakers. */
async function attributed(service: AnnotatorService) {
  const session = await service.getSession();
  const names = new Map(session.speakers.map((s) => [s.id, s.name]));
  const quotes: Record<string, string | undefined> = {};
  for (const doc of session.documents) {
    for (const a of await service.store.annotations(doc)) if (a.labelId === 'quote') quotes[a.text] = a.speakerId ? names.get(a.speakerId) : undefined;
  }
  return { quotes, speakers: session.speakers.map((s) => s.name).sort() };
}

describe('imported speakers', () => {
  it.each([
    ['Japanese', '田中花子', '山田太郎', '「賛成です」と田中花子は述べた。「反対だ」と山田太郎は答えた。', '賛成です', '反対だ'],
    ['Cyrillic', 'Иван Петров', 'Пётр Иванов', '«Мы согласны», — сказал Иван Петров. «Мы против», — ответил Пётр Иванов.', 'Мы согласны', 'Мы против'],
    ['Arabic', 'محمد علي', 'علي محمد', '"نحن موافقون" قال محمد علي. "نحن نرفض" رد علي محمد.', 'نحن موافقون', 'نحن نرفض'],
  ])('keeps two %s names two speakers, each with his own quotes', async (_script, first, second, text, firstQuote, secondQuote) => {
    const service = await ws.openService();
    const report = await importFiles(service, [tasks(text, [[firstQuote, first], [secondQuote, second]])]);
    expect(report.speakersAdded.sort()).toEqual([first, second].sort());
    const { quotes, speakers } = await attributed(service);
    expect(speakers).toEqual([first, second].sort());
    expect(quotes).toEqual({ [firstQuote]: first, [secondQuote]: second });
    const ids = (await service.getSession()).speakers.map((s) => s.id);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it('reuses a speaker already in the workspace, by name or other name, differently spaced or cased', async () => {
    const service = await ws.openService();
    await service.applyChanges([
      { kind: 'createSpeaker', speakerId: 'spk-tanaka', name: '田中花子' },
      { kind: 'createSpeaker', speakerId: 'spk-lima', name: 'Ana Lima', aliases: ['The Minister'] },
      { kind: 'createSpeaker', speakerId: 'spk-alvarez', name: 'José Álvarez' },
    ]);
    // As speakerNameKey compares: case, runs of spaces, a zero-width space pasted from a web
    // page, accents written as combining marks, full-width letters.
    const alvarez = 'JOSE\u0301 A\u0301LVAREZ';
    const text = `“Yes,” said ANA  LIMA. “No,” said the minister. “Maybe,” said Ana\u200b Lima. “Never,” said ${alvarez}. 「賛成」と田中花子。「はい」とＡＮＡ ＬＩＭＡ。`;
    const said: [string, string][] = [['Yes', 'ANA  LIMA'], ['No', 'the minister'], ['Maybe', 'Ana\u200b Lima'], ['Never', alvarez], ['賛成', '田中花子'], ['はい', 'ＡＮＡ ＬＩＭＡ']];
    const report = await importFiles(service, [tasks(text, said)]);
    expect(report.speakersAdded).toEqual([]);
    const { quotes, speakers } = await attributed(service);
    expect(speakers).toEqual(['Ana Lima', 'José Álvarez', '田中花子'].sort());
    expect(quotes).toEqual({ Yes: 'Ana Lima', No: 'Ana Lima', Maybe: 'Ana Lima', Never: 'José Álvarez', 賛成: '田中花子', はい: 'Ana Lima' });
  });

  it('adds no speaker when the same file is imported twice, and reports none new the second time', async () => {
    const service = await ws.openService();
    const file = tasks('「賛成です」と田中花子は述べた。「反対だ」と山田太郎は答えた。', [['賛成です', '田中花子'], ['反対だ', '山田太郎']]);
    await importFiles(service, [file]);
    const before = (await service.getSession()).speakers;
    const again = await importFiles(service, [file]);
    expect(again.speakersAdded).toEqual([]);
    expect((await service.getSession()).speakers).toEqual(before);
    // The id comes from the name alone: another workspace importing the file gives the same ids.
    const elsewhere = await ws.openService();
    await importFiles(elsewhere, [file]);
    expect((await elsewhere.getSession()).speakers.map((s) => s.id).sort()).toEqual(before.map((s) => s.id).sort());
  });

  it('adds no speaker when a file is imported again after its speaker was renamed', async () => {
    const service = await ws.openService();
    const file = tasks('「賛成です」と田中花子は述べた。', [['賛成です', '田中花子']]);
    await importFiles(service, [file]);
    const [tanaka] = (await service.getSession()).speakers;
    await service.applyChanges([{ kind: 'updateSpeaker', speakerId: tanaka!.id, name: 'Tanaka Hanako' }]);
    const again = await importFiles(service, [file]);
    expect(again.speakersAdded).toEqual([]);
    const { quotes, speakers } = await attributed(service);
    expect(speakers).toEqual(['Tanaka Hanako']);
    expect(quotes).toEqual({ 賛成です: 'Tanaka Hanako' });
  });

  // Label Studio, brat and W3C carry speakers; doccano and spaCy JSONL carry only spans. The
  // mention says only "Hwang": the name must come from what the export wrote of the speaker.
  // (W3C already wrote and read the full name; its case guards that.)
  it.each(['labelstudio', 'brat', 'w3c'] as const)('brings "Joonkook Hwang" back by his full name from a %s export', async (format) => {
    const source = await ws.openService();
    const text = 'Seoul, Monday. “We will not raise rates,” said Hwang at the briefing. Joonkook Hwang took questions.';
    const doc = await importText(source, 'hwang.txt', text);
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    await source.applyChanges([
      { kind: 'createSpeaker', speakerId: 'spk-hwang', name: 'Joonkook Hwang' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q', labelId: 'quote', ...at('We will not raise rates'), speakerId: 'spk-hwang' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'm', labelId: 'speaker', ...at('Hwang at'), end: at('Hwang at').start + 'Hwang'.length, speakerId: 'spk-hwang' },
    ]);
    const { files } = await exportDataset(source, format);
    const inputs: ImportInput[] = files.map((f) => ({ name: f.name, bytes: bytes(f.content) }));
    // W3C annotations do not hold the text: it is imported with them, as a trainer would.
    if (format === 'w3c') inputs.unshift({ name: 'hwang.txt', bytes: bytes(text) });
    const target = await ws.openService();
    const report = await importFiles(target, inputs);
    expect(report.speakersAdded).toEqual(['Joonkook Hwang']);
    const session = await target.getSession();
    expect(session.speakers.map((s) => s.name)).toEqual(['Joonkook Hwang']);
    const imported = await target.store.annotations(session.documents[0]!);
    expect(imported.map((a) => [a.text, a.speakerId]).sort()).toEqual([
      ['Hwang', session.speakers[0]!.id],
      ['We will not raise rates', session.speakers[0]!.id],
    ]);
  });
});
