// A workspace with every kind of highlight the format tests need: two authors marking the same
// words, overlapping and nested spans, an emoji sequence, 𠮷 (astral CJK), a combining accent, a
// speaker the mention calls only "Hwang" (with other names), a claim with a verdict, sources and
// tags, and a highlight made before any annotator name was set.
import { expect } from 'vitest';
import type { WorkspaceHarness } from '../../../helpers/workspace.js';

const bytes = (content: string) => new TextEncoder().encode(content);

export const STORY =
  'Seoul 👩🏽‍💻 update. “We will not raise rates,” said Hwang at the briefing. ' +
  '𠮷野家の「賛成です」と田中花子。 Jose\u0301 Álvarez: “Ça va.” Joonkook Hwang took questions.';
export const PAGE = `<html><head><title>Rates</title><link rel="canonical" href="https://news.example/rates"></head><body><article><p>${STORY}</p></article></body></html>`;

const at = (text: string, words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length });

/** A workspace with every kind of highlight; `html` makes the document a web page with a canonical URL. */
export async function richWorkspace(ws: WorkspaceHarness, html = false) {
  const service = await ws.openService();
  const doc = html ? await service.importBytes('rates.html', bytes(PAGE)) : await service.importBytes('rates.txt', bytes(STORY));
  const text = (await service.openDocument(doc.id)).text;
  const t0 = '2026-03-01T09:00:00.000Z';
  const t1 = '2026-03-02T10:30:00.000Z';
  const base = { kind: 'createAnnotation' as const, documentId: doc.id, createdAt: t0, updatedAt: t1 };
  const { refused } = await service.applyChanges([
    { kind: 'createSpeaker', speakerId: 'spk-hwang', name: 'Joonkook Hwang', aliases: ['Hwang', 'J. Hwang'] },
    { kind: 'createSpeaker', speakerId: 'spk-tanaka', name: '田中花子' },
    // No annotator name was set for this one.
    { ...base, annotationId: 'early', labelId: 'claim', ...at(text, 'Seoul 👩🏽‍💻 update'), author: '' },
    // The same words by two authors: two highlights.
    { ...base, annotationId: 'q-ana', labelId: 'quote', ...at(text, 'We will not raise rates'), speakerId: 'spk-hwang', author: 'Ana María', note: 'on the record', quoteKind: 'direct' },
    { ...base, annotationId: 'q-ben', labelId: 'quote', ...at(text, 'We will not raise rates'), speakerId: 'spk-hwang', author: 'Ben Okafor', quoteKind: 'partial' },
    // The mention says only "Hwang".
    { ...base, annotationId: 'm-ana', labelId: 'speaker', ...at(text, 'Hwang at'), end: at(text, 'Hwang at').start + 5, speakerId: 'spk-hwang', author: 'Ana María' },
    // Overlapping the quote, with a verdict.
    { ...base, annotationId: 'c-ben', labelId: 'claim', ...at(text, 'raise rates,” said Hwang'), speakerId: 'spk-hwang', author: 'Ben Okafor' },
    // Nested: 賛成です inside the claim over 𠮷野家の「賛成です」.
    { ...base, annotationId: 'c-ana', labelId: 'claim', ...at(text, '𠮷野家の「賛成です」'), author: 'Ana María' },
    { ...base, annotationId: 'q-tanaka', labelId: 'quote', ...at(text, '賛成です'), speakerId: 'spk-tanaka', author: 'Ana María' },
    { ...base, annotationId: 'm-alvarez', labelId: 'speaker', ...at(text, 'Jose\u0301 Álvarez'), author: 'Ben Okafor', note: 'accent written as a combining mark' },
    { ...base, annotationId: 'q-ca', labelId: 'quote', ...at(text, 'Ça va.'), author: 'Ben Okafor' },
    {
      kind: 'updateAnnotation',
      documentId: doc.id,
      annotationId: 'c-ben',
      claim: { status: 'mostly-false', checkWorthiness: 'high', tags: ['economy'], sources: [{ title: 'Bank minutes', url: 'https://bank.example/minutes', note: 'p. 4' }], reviewerNote: 'Rates rose in May.' },
    },
  ]);
  expect(refused).toEqual([]);
  return { service, doc, text, annotations: await service.store.annotations((await service.getSession()).documents[0]!) };
}

