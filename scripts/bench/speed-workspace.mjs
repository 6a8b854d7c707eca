// The speed benchmark's workspace: the 5 MB document with 50,000 highlights (opened on load)
// and a typical article, with a few ranges of each to label again from Node.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleSpans, checkAnnotations, generateCorpus, normalizeText, writeWorkspace } from './generate.mjs';
import { log, ms } from './stats.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIG_FILE = 'hearings-and-wires-2024.txt';

/** Checks the generated files against the real contract (the zod schemas in electron/contract/api.ts). */
async function checkAgainstContract(tmp, workspace, written) {
  const { build } = await import('esbuild');
  const outfile = path.join(tmp, 'contract.mjs');
  await build({ entryPoints: [path.join(ROOT, 'electron/contract/api.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  const contract = await import(pathToFileURL(outfile).href);
  contract.labelSchema.array().parse(workspace.labels);
  contract.speakerSchema.array().parse(workspace.speakers);
  contract.documentSummarySchema.array().parse(workspace.documents);
  for (const doc of written) contract.annotationSchema.array().parse(doc.annotations);
}

export async function makeWorkspace(tmp, articlePath) {
  const t0 = performance.now();
  const corpus = generateCorpus({ seed: 20240628, targetChars: 5_000_000, annotationCount: 50_000 });
  const articleText = normalizeText(await fs.readFile(articlePath, 'utf8'));
  const articleName = path.basename(articlePath);
  const docs = [
    { fileName: BIG_FILE, title: BIG_FILE.replace(/\.txt$/, ''), text: corpus.text, spans: corpus.spans },
    { fileName: articleName, title: articleName.replace(/\.(txt|md)$/i, ''), text: articleText, spans: articleSpans(articleText, 30) },
  ];
  const dir = path.join(tmp, 'workspace');
  const { workspace, written } = await writeWorkspace(dir, docs, corpus.speakers);
  for (const [i, doc] of docs.entries()) checkAnnotations(doc.text, written[i].annotations);
  await checkAgainstContract(tmp, workspace, written);
  const bigBytes = Buffer.byteLength(corpus.text);
  const annBytes = (await fs.stat(path.join(dir, 'annotations', `${written[0].id}.json`))).size;
  log(
    `workspace: ${(bigBytes / 1e6).toFixed(2)} MB text, ${written[0].annotations.length} highlights ` +
      `(annotations file ${(annBytes / 1e6).toFixed(1)} MB); article ${articleText.length} chars, ${written[1].annotations.length} highlights ` +
      `— generated in ${ms(performance.now() - t0)}`,
  );
  // A few ranges to label again from Node (a duplicate range is a new highlight, as in the UI).
  const sampleRanges = (annotations) => annotations.filter((_, i) => i % Math.ceil(annotations.length / 5) === 0).slice(0, 5);
  return {
    dir,
    big: { ...workspace.documents[0], bytes: bigBytes, annBytes, ranges: sampleRanges(written[0].annotations) },
    article: { ...workspace.documents[1], ranges: sampleRanges(written[1].annotations) },
  };
}
