// The trainers' side of the window: import annotations, export a dataset, and see how well
// annotators agree.
import { useEffect, useState } from 'react';
import { BLIND_AGREEMENT_NOTICE, EXPORT_FORMATS, VERSIONS_DISAGREE_REASON, versionsDisagreeLine, type AnnotatorCount, type ExportFormat } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';
import { Dialog } from './Dialog';
import { DisagreementList, type HighlightTarget } from './DisagreementList';

const FORMAT_NAMES: Record<ExportFormat, string> = {
  jsonl: 'JSONL, doccano style',
  spacy: 'JSONL, spaCy style',
  conll: 'CoNLL-2003 BIO',
  brat: 'brat standoff (.txt and .ann per document)',
  labelstudio: 'Label Studio JSON tasks',
  w3c: 'W3C Web Annotation (JSON-LD)',
  csv: 'CSV, one row per highlight',
  claimreview: 'ClaimReview JSON-LD (claims with a verdict)',
  'claims-csv': 'Claims table, CSV for spreadsheets',
  prodigy: 'Prodigy JSONL (tokens and spans, a line per annotator)',
  hf: 'Hugging Face token classification (tokens, ner_tags, labels)',
  docbin: 'spaCy DocBin (.spacy), a span group per annotator',
  webanno: 'WebAnno TSV 3.3 for INCEpTION (a .tsv per document and annotator)',
};

/** What a warning means, by format (each warning says why). */
const SPANS_LEFT_OUT: Partial<Record<ExportFormat, string>> = {
  conll: 'left out of the BIO tags',
  docbin: 'left out of the spaCy spans',
  webanno: 'shortened or left out',
  prodigy: 'left out of the Prodigy spans',
  hf: 'left out of the ner_tags',
};

/** A file the browser host handed back (a zip comes as base64), saved as a download. */
function download({ name, content, encoding }: { name: string; content: string; encoding?: 'base64' }) {
  const body = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
  const url = URL.createObjectURL(new Blob([body], { type: name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportDialog({ client, currentDocumentId, initialFormat = 'jsonl', onClose }: { client: AnnotatorClient; currentDocumentId: string | null; initialFormat?: ExportFormat; onClose(): void }) {
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  /** The review desk's formats: no training splits, no offsets, and warnings about claims. */
  const forEditors = format === 'claimreview' || format === 'claims-csv';
  const [scope, setScope] = useState<'all' | 'current'>('all');
  const [split, setSplit] = useState({ on: false, ratios: '80,10,10', seed: '1' });
  const [state, setState] = useState<{ busy: boolean; message: string | null; warnings: string[]; disagreeing?: number }>({ busy: false, message: null, warnings: [] });
  const { annotators, left, setLeft, authors } = useAnnotatorChoice(client);
  const run = async () => {
    setState({ busy: true, message: 'Exporting…', warnings: [] });
    try {
      const ratios = split.ratios.split(',').map(Number);
      if (split.on && (ratios.length !== 3 || ratios.some((r) => !Number.isFinite(r) || r < 0) || !Number.isInteger(Number(split.seed)))) {
        throw new Error('Ratios are three numbers such as 80,10,10, and the seed a whole number.');
      }
      const result = await client.exportDataset({
        format,
        ...(scope === 'current' && currentDocumentId && { documentIds: [currentDocumentId] }),
        ...(authors && { authors }),
        ...(split.on && !forEditors && { split: { ratios: ratios as [number, number, number], seed: Number(split.seed) } }),
      });
      for (const file of result.files) download(file);
      const where = result.savedTo ? `Saved to ${result.savedTo}.` : result.files.length ? `Downloaded ${result.files.length === 1 ? result.files[0]!.name : `${result.files.length} files`}.` : 'Not saved.';
      const disagreeing = result.warnings.filter((w) => w.reason === VERSIONS_DISAGREE_REASON).length;
      setState({ busy: false, message: where, warnings: result.warnings.map((w) => `“${w.text}” (${w.label}) ${w.reason}`), disagreeing });
    } catch (error) {
      setState({ busy: false, message: (error as Error).message, warnings: [] });
    }
  };
  return (
    <Dialog title="Export a dataset" onClose={onClose}>
      <div className="field">
        <label htmlFor="export-format">Format</label>
        <select id="export-format" value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="export-scope">
        <legend>Documents</legend>
        <label className="check">
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Every document in the workspace
        </label>
        <label className="check">
          <input type="radio" name="scope" checked={scope === 'current'} disabled={!currentDocumentId} onChange={() => setScope('current')} /> The open document
        </label>
      </fieldset>
      {annotators.length > 0 && <AnnotatorChoice annotators={annotators} left={left} onChange={setLeft} />}
      {!forEditors && (
      <fieldset className="export-scope">
        <legend>Train, dev and test</legend>
        <label className="check">
          <input type="checkbox" checked={split.on} onChange={(event) => setSplit({ ...split, on: event.target.checked })} /> Split by document
        </label>
        {split.on && (
          <div className="field-row">
            <div className="field">
              <label htmlFor="split-ratios">Ratios</label>
              <input id="split-ratios" value={split.ratios} onChange={(event) => setSplit({ ...split, ratios: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="split-seed">Seed (same seed, same split)</label>
              <input id="split-seed" inputMode="numeric" value={split.seed} onChange={(event) => setSplit({ ...split, seed: event.target.value })} />
            </div>
          </div>
        )}
      </fieldset>
      )}
      {!forEditors && <p className="empty-hint">Offsets in every format but CSV count Unicode code points, as Python tools do.</p>}
      <button type="button" className="primary" disabled={state.busy || authors?.length === 0} onClick={() => void run()}>
        Export
      </button>
      {state.message && (
        <p role="status" className="export-status">
          {state.message}
        </p>
      )}
      {!!state.disagreeing && (
        <p role="alert" className="field-error">
          {versionsDisagreeLine(state.disagreeing)}
        </p>
      )}
      {state.warnings.length > 0 && (
        <details open>
          <summary>
            {forEditors
              ? `${state.warnings.length === 1 ? '1 claim' : `${state.warnings.length} claims`} left out or incomplete`
              : `${state.warnings.length === 1 ? '1 span' : `${state.warnings.length} spans`} ${SPANS_LEFT_OUT[format] ?? 'left out'}`}
          </summary>
          <ul className="export-warnings">
            {state.warnings.slice(0, 200).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </Dialog>
  );
}

/**
 * Whose highlights an export holds: the workspace's annotators (listAnnotators), all checked at
 * first. `authors` is what the export sends: undefined while every one is checked (everyone's,
 * as before), else the names still checked ('' is the highlights made before a name was set).
 */
function useAnnotatorChoice(client: AnnotatorClient) {
  const [annotators, setAnnotators] = useState<AnnotatorCount[]>([]);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    // Without the list the choice is not offered, and the export holds everyone's highlights.
    client.listAnnotators({}).then((list) => live && setAnnotators(list), () => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  const authors = left.size === 0 ? undefined : annotators.filter((a) => !left.has(a.name)).map((a) => a.name);
  return { annotators, left, setLeft, authors };
}

function AnnotatorChoice({ annotators, left, onChange }: { annotators: AnnotatorCount[]; left: ReadonlySet<string>; onChange(left: ReadonlySet<string>): void }) {
  const toggle = (name: string, checked: boolean) => {
    const next = new Set(left);
    if (checked) next.delete(name);
    else next.add(name);
    onChange(next);
  };
  return (
    <fieldset className="export-scope export-annotators">
      <legend>Only these annotators</legend>
      {annotators.map((a) => (
        <label key={a.name} className="check">
          <input type="checkbox" checked={!left.has(a.name)} onChange={(event) => toggle(a.name, event.target.checked)} /> {a.name === '' ? 'No name set' : a.name}{' '}
          <span className="empty-hint">
            ({a.highlights} {a.highlights === 1 ? 'highlight' : 'highlights'})
          </span>
        </label>
      ))}
      {left.size === annotators.length && <p className="empty-hint">Choose at least one annotator.</p>}
    </fieldset>
  );
}

/**
 * Import… from the desktop menu. A menu command is not a user gesture, and Chromium opens a file
 * chooser only for one: the click on this sheet's button is.
 */
export function ImportDialog({ onChoose, onClose }: { onChoose(): void; onClose(): void }) {
  return (
    <Dialog title="Import annotations" onClose={onClose}>
      <p>
        Highlights made in other tools, with the documents they annotate: doccano or spaCy JSONL (.jsonl), Label Studio tasks (.json), W3C Web Annotation (.jsonld), or brat (an .ann
        chosen together with its .txt).
      </p>
      <button type="button" className="primary" onClick={() => (onClose(), onChoose())}>
        Choose files…
      </button>
    </Dialog>
  );
}

type Report = Awaited<ReturnType<AnnotatorClient['measureAgreement']>>;
const f = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(3));

/** onOpen: a disagreement chosen, to be shown in its document (the dialog is closed by the window). */
export function AgreementDialog({ client, blind = false, onClose, onOpen }: { client: AnnotatorClient; blind?: boolean; onClose(): void; onOpen(target: HighlightTarget): void }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client.measureAgreement({}).then(setReport, (e: Error) => setError(e.message));
  }, [client]);
  return (
    <Dialog title="Agreement between annotators" onClose={onClose}>
      {/* Its disagreements would show the others' spans: it keeps to what this window's person sees. */}
      {blind && (
        <p className="editor-view-notice" role="note">
          {BLIND_AGREEMENT_NOTICE}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {!report && !error && <p className="empty-hint">Measuring…</p>}
      {report && report.pairs.length === 0 && <p className="empty-hint">No document has highlights by two or more annotators yet. Merge a colleague’s workspace, or annotate under another name.</p>}
      {report?.pairs.map((pair) => (
        <section key={pair.annotators.join('|')} className="agreement-pair">
          <h3>
            {pair.annotators[0]} and {pair.annotators[1]} · {pair.documents} {pair.documents === 1 ? 'document' : 'documents'} · Cohen’s kappa {f(pair.kappa)}
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">F1 exact</th>
                <th scope="col">F1 overlapping</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(pair.byLabel).map(([label, scores]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{f(scores.exact?.f1)}</td>
                  <td>{f(scores.overlap?.f1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {report && report.alpha !== null && (
        <p>
          Krippendorff’s alpha over {report.annotators.length} annotators: <strong>{f(report.alpha)}</strong>
        </p>
      )}
      {report && report.pairs.length > 0 && <DisagreementList client={client} onOpen={onOpen} />}
    </Dialog>
  );
}
