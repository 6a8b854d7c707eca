// Hugging Face token classification, checked against what `datasets` reads: rows with tokens and
// ner_tags (indexes into a BIO label list), and a README.md whose YAML header declares the
// features as load_dataset on a folder reads them (huggingface/datasets, load.py:
// LocalDatasetModuleFactory reads README.md; info.py: DatasetInfosDict.from_dataset_card_data;
// features.py: Features._from_yaml_list, where class_label names are keyed '0', '1', ...).
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { hfLabelList, toHfTokens } from '../../../../electron/services/exports/hf-tokens.js';
import JSZip from 'jszip';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { exportSplitParts } from '../../../../electron/services/handlers/workspace-tasks.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';
import { tokenDataset } from './token-dataset.js';

const ws = useWorkspaces();

interface Row {
  id: string;
  document_id: string;
  title: string;
  annotator: string;
  tokens: string[];
  ner_tags: number[];
}

const TEXT = 'Wood said: "sanctions work\nand will go on." 田中花子さんは東京に行った。';

function dataset() {
  return tokenDataset([
    { id: 'doc-1', title: 'Sanctions', text: TEXT, marks: [
      { words: 'sanctions work\nand will go on', label: 'quote', author: 'Ana Reyes' },
      { words: 'Wood', label: 'speaker', author: 'Ana Reyes' },
      { words: 'sanctions work', label: 'claim', author: '田中花子' },
      { words: '田中花子', label: 'speaker', author: '田中花子' },
    ] },
    { id: 'doc-2', text: 'Nothing here.', marks: [] },
  ]);
}

const rowsOf = (content: string): Row[] => content.trimEnd().split('\n').map((line) => JSON.parse(line));

describe('Hugging Face token classification', () => {
  it('is a folder: the rows, the label list, and the dataset card', () => {
    const result = runExport('hf', dataset());
    expect(result.folder).toBe(true);
    expect(result.files.map((f) => f.name)).toEqual(['hf-tokens.jsonl', 'labels.json', 'README.md']);
  });

  it('has one row per document and author; ner_tags index the label list, B- once over a line break', () => {
    const { files, warnings } = toHfTokens(dataset());
    expect(warnings).toEqual([]);
    const labels: string[] = JSON.parse(files[1]!.content);
    expect(labels).toEqual(['O', 'B-Quote', 'I-Quote', 'B-Speaker', 'I-Speaker', 'B-Claim', 'I-Claim']);
    const rows = rowsOf(files[0]!.content);
    expect(rows.map((r) => [r.id, r.document_id, r.annotator])).toEqual([
      ['doc-1:Ana_Reyes', 'doc-1', 'Ana Reyes'],
      ['doc-1:田中花子', 'doc-1', '田中花子'],
      ['doc-2', 'doc-2', ''],
    ]);
    const tagged = (row: Row) => row.tokens.map((t, k) => `${t}/${labels[row.ner_tags[k]!]}`).filter((t) => !t.endsWith('/O'));
    expect(tagged(rows[0]!)).toEqual(['Wood/B-Speaker', 'sanctions/B-Quote', 'work/I-Quote', 'and/I-Quote', 'will/I-Quote', 'go/I-Quote', 'on/I-Quote']);
    expect(tagged(rows[1]!)).toEqual(['sanctions/B-Claim', 'work/I-Claim', '田中/B-Speaker', '花子/I-Speaker']);
    for (const row of rows) {
      expect(row.ner_tags).toHaveLength(row.tokens.length);
      expect(row.ner_tags.every((tag) => Number.isInteger(tag) && tag >= 0 && tag < labels.length)).toBe(true);
    }
    expect(rows[2]!.ner_tags.every((tag) => tag === 0)).toBe(true);
  });

  it('keeps the label list the same whatever labels a part uses, so train, dev and test agree', () => {
    const empty = tokenDataset([{ id: 'd', text: 'No highlights.', marks: [] }]);
    expect(hfLabelList(empty)).toEqual(hfLabelList(dataset()));
  });

  it('declares every column in README.md as datasets reads it, ner_tags a sequence of class_label', () => {
    const { files } = toHfTokens(dataset());
    const card = files[2]!.content;
    // Written by hand in the form the Hub's dataset cards carry (Features._to_yaml_list output).
    expect(card.split('\n---\n')[0]).toBe(
      [
        '---',
        'dataset_info:',
        '  features:',
        '  - name: id',
        '    dtype: string',
        '  - name: document_id',
        '    dtype: string',
        '  - name: title',
        '    dtype: string',
        '  - name: annotator',
        '    dtype: string',
        '  - name: tokens',
        '    sequence: string',
        '  - name: ner_tags',
        '    sequence:',
        '      class_label:',
        '        names:',
        '          "0": "O"',
        '          "1": "B-Quote"',
        '          "2": "I-Quote"',
        '          "3": "B-Speaker"',
        '          "4": "I-Speaker"',
        '          "5": "B-Claim"',
        '          "6": "I-Claim"',
        'configs:',
        '- config_name: default',
        '  data_files:',
        '  - split: train',
        '    path: hf-tokens.jsonl',
      ].join('\n'),
    );
    // The JSON reader casts each row to the declared features: every key must be declared.
    const declared = [...card.matchAll(/^ {2}- name: (\w+)$/gm)].map((m) => m[1]);
    for (const row of rowsOf(files[0]!.content)) expect(Object.keys(row)).toEqual(declared);
  });

  it('downloads from the browser host as one hf-tokens.zip with the three files', async () => {
    const service = await ws.openService();
    const doc = await importText(service, 'h.txt', TEXT);
    await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'w', labelId: 'speaker', start: 0, end: 4 }]);
    const result = await createApiHandlers(service, browserHostOnlyMethods).exportDataset({ format: 'hf' });
    expect(result.files.map((f) => f.name)).toEqual(['hf-tokens.zip']);
    const zip = await JSZip.loadAsync(Buffer.from(result.files[0]!.content, 'base64'));
    expect(Object.keys(zip.files).sort()).toEqual(['README.md', 'hf-tokens.jsonl', 'labels.json']);
    const [row] = rowsOf(await zip.file('hf-tokens.jsonl')!.async('string'));
    expect([row!.tokens[0], row!.ner_tags[0]]).toEqual(['Wood', 3]);
  });

  it('writes a label name with spaces or quotes so the YAML still reads', () => {
    const data = dataset();
    data.labels.set('odd', { id: 'odd', name: 'Said "off" record', color: '#000000', hotkey: 'o' });
    const { files } = toHfTokens(data);
    expect(JSON.parse(files[1]!.content)).toContain('B-Said_"off"_record');
    expect(files[2]!.content).toContain('"7": "B-Said_\\"off\\"_record"');
  });
});

describe('a split of the Hugging Face export', () => {
  it("names each part's split after the part in its dataset card, so load_dataset on dev/ gives a \"dev\" split", async () => {
    const service = await ws.openService();
    for (const [k, text] of ['One story here.', 'Another story there.', 'A third story.'].entries()) await importText(service, `story-${k}.txt`, text);
    const { parts } = await exportSplitParts(service, 'hf', undefined, [1, 1, 1], 5);
    for (const part of parts) {
      const card = part.files.find((f) => f.name === `${part.part}/README.md`)!.content;
      expect(card).toContain(`  - split: ${part.part}\n    path: hf-tokens.jsonl`);
      expect(card).toContain(`names = ds["${part.part}"].features["ner_tags"].feature.names`);
    }
  });
});
