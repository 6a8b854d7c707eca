// Hugging Face token classification: a folder that `datasets.load_dataset("FOLDER")` reads with
// its labels as a ClassLabel, and that needs no code of ours to train on.
//   hf-tokens.jsonl  one row per document and author:
//                    {"id", "document_id", "title", "annotator", "tokens": [...], "ner_tags": [0, 1, 2, ...]}
//   labels.json      the BIO label list ["O", "B-Quote", "I-Quote", ...]: ner_tags index into it
//   README.md        the dataset card, whose YAML header declares the columns (dataset_info.features)
//                    with ner_tags a sequence of class_label, and hf-tokens.jsonl as the train split
//
// The rules, and where each comes from:
// - Columns "tokens" (a sequence of strings) and "ner_tags" (a sequence of ClassLabel, the tag's
//   index in the label list) are the datasets library's convention for token classification
//   (huggingface/datasets PR 850, "Create ClassLabel for labelling tasks datasets": tokens in
//   `tokens`, NER tags in `ner_tags` as a sequence of ClassLabel; conll2003 and wikiann follow
//   it). Sure.
// - load_dataset on a local folder reads README.md's YAML header: `dataset_info.features` sets the
//   column types (so ner_tags comes back as ClassLabel with its names, and
//   `features["ner_tags"].feature.names` is the label list) and `configs[].data_files` names the
//   split's file (datasets' LocalDatasetModuleFactory, DatasetInfosDict.from_dataset_card_data;
//   the YAML form of a class_label, names keyed "0", "1", ..., is what Features._to_yaml_list
//   writes and the Hub's dataset cards carry). Sure. Every column of the rows is declared, since
//   the JSON reader casts each row to the declared features.
// - labels.json is the same list for those who load the file alone (load_dataset("json", ...))
//   and cast ner_tags with ClassLabel(names=...). Ours.
// - The label list is "O" then B- and I- of every label of the workspace, in its order (not just
//   the labels used), so train, dev and test parts of a split have the same list. Ours.
// - One row per document and author: the whole document, so a highlight over a sentence end or
//   a line break is B- once and I- after, never cut. Highlights that cut a token or overlap one
//   already tagged by the same author are left out and listed in the warnings, as in CoNLL.
//   A document no one highlighted is one row with annotator "" and every tag "O".
import type { Annotation } from '../../contract/api.js';
import { authorFileStems, byAuthor, datasetAuthors } from './authors.js';
import type { ExportFile } from './brat.js';
import { bioTags, tagName, type ConllWarning } from './conll.js';
import { labelName, type Dataset } from './dataset.js';
import { tokenize } from './tokens.js';

export const HF_FILES = { rows: 'hf-tokens.jsonl', labels: 'labels.json', card: 'README.md' } as const;

/** O, then B- and I- of each label: the workspace's labels in order, then any only a highlight names. */
export function hfLabelList(dataset: Dataset): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (labelId: string) => {
    const name = tagName(dataset, labelId);
    if (seen.has(name)) return;
    seen.add(name);
    names.push(name);
  };
  for (const id of dataset.labels.keys()) add(id);
  for (const { annotations } of dataset.documents) for (const a of annotations) add(a.labelId);
  return ['O', ...names.flatMap((name) => [`B-${name}`, `I-${name}`])];
}

export function toHfTokens(dataset: Dataset, split: 'train' | 'dev' | 'test' = 'train'): { files: ExportFile[]; warnings: ConllWarning[] } {
  const labels = hfLabelList(dataset);
  const index = new Map(labels.map((label, i) => [label, i]));
  const stems = authorFileStems(datasetAuthors(dataset));
  const warnings: ConllWarning[] = [];
  const rows: string[] = [];
  for (const { document, text, annotations } of dataset.documents) {
    const tokens = tokenize(text);
    const words = tokens.map((t) => text.slice(t.start, t.end));
    const groups = byAuthor(annotations);
    if (groups.size === 0) groups.set('', []);
    for (const [author, group] of groups) {
      const warn = (a: Annotation, reason: string) => warnings.push({ documentId: document.id, annotationId: a.id, label: labelName(dataset, a.labelId), text: a.text, reason });
      const tags = bioTags(dataset, text, tokens, group, warn);
      const id = group.length ? `${document.id}:${stems.get(author)!}` : document.id;
      rows.push(JSON.stringify({ id, document_id: document.id, title: document.title, annotator: author, tokens: words, ner_tags: tags.map((tag) => index.get(tag)!) }));
    }
  }
  return {
    files: [
      { name: HF_FILES.rows, content: rows.map((row) => `${row}\n`).join('') },
      { name: HF_FILES.labels, content: `${JSON.stringify(labels, null, 2)}\n` },
      { name: HF_FILES.card, content: datasetCard(labels, split) },
    ],
    warnings,
  };
}

/** README.md with the YAML header load_dataset reads. JSON strings are YAML strings too. */
function datasetCard(labels: string[], split: string): string {
  const q = (value: string) => JSON.stringify(value);
  const column = (name: string, type: string) => [`  - name: ${name}`, `    ${type}`];
  return [
    '---',
    'dataset_info:',
    '  features:',
    ...column('id', 'dtype: string'),
    ...column('document_id', 'dtype: string'),
    ...column('title', 'dtype: string'),
    ...column('annotator', 'dtype: string'),
    ...column('tokens', 'sequence: string'),
    '  - name: ner_tags',
    '    sequence:',
    '      class_label:',
    '        names:',
    ...labels.map((label, i) => `          ${q(String(i))}: ${q(label)}`),
    'configs:',
    '- config_name: default',
    '  data_files:',
    `  - split: ${split}`,
    `    path: ${HF_FILES.rows}`,
    '---',
    '',
    '# Token classification data from Newsroom Annotator',
    '',
    `One row per document and annotator in \`${HF_FILES.rows}\`: \`tokens\` and \`ner_tags\`, BIO tags`,
    `indexing the label list (also in \`${HF_FILES.labels}\`). Load it with`,
    '',
    '```python',
    'from datasets import load_dataset',
    'ds = load_dataset("path/to/this/folder")',
    `names = ds["${split}"].features["ner_tags"].feature.names`,
    `one_annotator = ds["${split}"].filter(lambda row: row["annotator"] == "Ana Reyes")`,
    '```',
    '',
  ].join('\n');
}
