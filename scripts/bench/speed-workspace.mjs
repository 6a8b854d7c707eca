// The speed benchmark's workspace: a large document (5 MB with 50,000 highlights unless asked
// for another size; opened on load) and a typical article, with a few ranges of each to label again from Node. The app's own
// service writes it (see workspace-writer.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { articleSpans, generateCorpus } from './generate.mjs';
import { importTypeScript } from './load-ts.mjs';
import { log, ms } from './stats.mjs';

const BIG_FILE = 'hearings-and-wires-2024.txt';

/** `mb` million characters with `mb` × 10,000 highlights, in `tmp`/workspace-<mb>mb. */
export async function makeWorkspace(tmp, articlePath, mb = 5) {
  const t0 = performance.now();
  const { readAsTheAppDoes, writeWorkspace } = await importTypeScript('workspace-writer.ts');
  const corpus = generateCorpus({ seed: 20240628, targetChars: mb * 1_000_000, annotationCount: mb * 10_000 });
  const article = await readAsTheAppDoes(articlePath);
  const docs = [
    { fileName: BIG_FILE, title: BIG_FILE.replace(/\.txt$/, ''), text: corpus.text, spans: corpus.spans },
    { ...article, spans: articleSpans(article.text, 30) },
  ];
  const dir = path.join(tmp, `workspace-${mb}mb`);
  const { workspace, written } = await writeWorkspace(dir, docs, corpus.speakers);
  const bigBytes = Buffer.byteLength(corpus.text);
  const annBytes = (await fs.stat(path.join(dir, 'annotations', `${written[0].id}.json`))).size;
  log(
    `workspace: ${(bigBytes / 1e6).toFixed(2)} MB text, ${written[0].annotations.length} highlights ` +
      `(annotations file ${(annBytes / 1e6).toFixed(1)} MB); article ${article.text.length} chars, ${written[1].annotations.length} highlights ` +
      `— generated in ${ms(performance.now() - t0)}`,
  );
  // A few ranges to label again from Node (a duplicate range is a new highlight, as in the UI).
  const sampleRanges = (annotations) => annotations.filter((_, i) => i % Math.ceil(annotations.length / 5) === 0).slice(0, 5);
  return {
    dir,
    mb,
    corpus,
    big: { ...workspace.documents[0], bytes: bigBytes, annBytes, ranges: sampleRanges(written[0].annotations) },
    article: { ...workspace.documents[1], ranges: sampleRanges(written[1].annotations) },
  };
}
