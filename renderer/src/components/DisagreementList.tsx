// The Agreement view's list of where annotators disagree, per document: counts by kind, a
// filter by kind, each person's version side by side. Arrows move, Enter or a click opens one
// in its document with the span selected.
import { useEffect, useMemo, useState } from 'react';
import { DISAGREEMENT_KINDS, DISAGREEMENT_KIND_NAMES, type Disagreement, type DisagreementKind, type DisagreementReport, type DisagreementVersion } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';
import { counted as count } from '../../../electron/contract/counted';

export interface HighlightTarget {
  documentId: string;
  annotationId: string;
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

/** What a layer's version says, where it has none: it did not mark the span, or named nobody. */
function shown(kind: DisagreementKind, version: DisagreementVersion): string {
  if (version.annotationId === null) return 'not marked';
  if (version.value !== null) return version.value;
  return kind === 'speaker' ? 'no speaker' : kind === 'verdict' ? 'no verdict' : '–';
}

/** One entry per layer, in order: a layer with two highlights on the span shows both. */
function byLayer(d: Disagreement): { layer: string; values: string[] }[] {
  const layers = new Map<string, string[]>();
  for (const v of d.versions) layers.set(v.layer, [...(layers.get(v.layer) ?? []), shown(d.kind, v)]);
  return [...layers].map(([layer, values]) => ({ layer, values }));
}

/** The highlight a disagreement opens: the first person's version of it. */
export const targetOf = (d: Disagreement): HighlightTarget | null => {
  const version = d.versions.find((v) => v.annotationId !== null);
  return version ? { documentId: d.documentId, annotationId: version.annotationId! } : null;
};

export function DisagreementList({ client, onOpen }: { client: AnnotatorClient; onOpen(target: HighlightTarget): void }) {
  const [kind, setKind] = useState<DisagreementKind | 'all'>('all');
  const [report, setReport] = useState<DisagreementReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  useEffect(() => {
    let live = true;
    client.listDisagreements(kind === 'all' ? {} : { kinds: [kind] }).then(
      (next) => live && (setReport(next), setActive(0)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [client, kind]);
  const rows = report?.disagreements ?? [];
  const groups = useMemo(() => {
    const byDocument = new Map<string, { index: number; d: Disagreement }[]>();
    rows.forEach((d, index) => byDocument.set(d.documentId, [...(byDocument.get(d.documentId) ?? []), { index, d }]));
    return (report?.documents ?? []).filter((doc) => byDocument.has(doc.documentId)).map((doc) => ({ doc, rows: byDocument.get(doc.documentId)! }));
  }, [report, rows]);
  if (error) return <p role="alert">{error}</p>;
  if (!report) return <p className="empty-hint">Looking for disagreements…</p>;
  const total = DISAGREEMENT_KINDS.reduce((sum, k) => sum + report.counts[k], 0);
  if (total === 0) return <p className="empty-hint">No disagreements: every span is marked alike by every annotator of its document.</p>;

  const open = (index: number) => {
    const target = rows[index] && targetOf(rows[index]);
    if (target) onOpen(target);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const last = rows.length - 1;
    const next =
      event.key === 'ArrowDown' ? Math.min(last, active + 1)
      : event.key === 'ArrowUp' ? Math.max(0, active - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    document.getElementById(`disagreement-${next}`)?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <section className="disagreements" aria-label="Disagreements">
      <h3>Disagreements</h3>
      <fieldset className="disagreement-kinds">
        <legend>Show</legend>
        <label className="check">
          <input type="radio" name="disagreement-kind" checked={kind === 'all'} onChange={() => setKind('all')} /> All ({total.toLocaleString('en')})
        </label>
        {DISAGREEMENT_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="radio" name="disagreement-kind" checked={kind === k} disabled={report.counts[k] === 0} onChange={() => setKind(k)} /> {DISAGREEMENT_KIND_NAMES[k]} ({report.counts[k].toLocaleString('en')})
          </label>
        ))}
      </fieldset>
      <p role="status" className="disagreement-summary">
        {count(kind === 'all' ? total : report.counts[kind], 'disagreement')} in {count(groups.length, 'document')}. Arrows move, Enter opens one in its document.
      </p>
      <div
        className="disagreement-list"
        role="listbox"
        aria-label="Disagreements by document"
        tabIndex={0}
        aria-activedescendant={rows.length ? `disagreement-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        {groups.map(({ doc, rows: docRows }) => (
          <div key={doc.documentId} role="group" aria-labelledby={`disagreement-doc-${doc.documentId}`}>
            <div className="disagreement-document" id={`disagreement-doc-${doc.documentId}`}>
              <strong>{doc.title}</strong>{' '}
              <span className="empty-hint">
                {DISAGREEMENT_KINDS.filter((k) => doc.counts[k] > 0)
                  .map((k) => `${DISAGREEMENT_KIND_NAMES[k]} ${doc.counts[k]}`)
                  .join(' · ')}
              </span>
            </div>
            {docRows.map(({ index, d }) => (
              <div
                key={index}
                id={`disagreement-${index}`}
                role="option"
                aria-selected={index === active}
                className="disagreement-row"
                data-kind={d.kind}
                onClick={() => (setActive(index), open(index))}
              >
                <span className="disagreement-kind">
                  {DISAGREEMENT_KIND_NAMES[d.kind]}
                  {d.label && ` (${d.label})`}
                </span>
                <span className="row-text">“{excerpt(d.text)}”</span>
                <span className="disagreement-versions">
                  {byLayer(d).map(({ layer, values }) => (
                    <span key={layer} className="disagreement-version" data-marked={!values.includes('not marked')}>
                      <span className="disagreement-layer">{layer}:</span> {values.join(', ')}
                    </span>
                  ))}
                </span>
              </div>
            ))}
          </div>
        ))}
      </div>
      {report.more > 0 && <p className="empty-hint">and {report.more.toLocaleString('en')} more, not listed: choose one kind to narrow the list.</p>}
    </section>
  );
}
