// One document's claims and verdicts, laid out to print (print CSS hides the rest of the window)
// or, in the desktop app, to save as a PDF.
import { useEffect, useRef, useState } from 'react';
import { claimVersionGroups, versionsDisagreeLine, verdictRating, type ClaimFields, type DocumentSummary, type Session, type Speaker } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';
import { Dialog } from '../components/Dialog';
import { shortTime } from './claim-table';

interface Props {
  client: AnnotatorClient;
  session: Session;
  documents: DocumentSummary[];
  speakers: Speaker[];
  documentId: string | null;
  /** A menu command (File › Print Report…): press that button once the claims are laid out. */
  run?: ReportRun;
  onClose(): void;
}

/** `seq` tells one command from the next, so choosing it again with the report open runs again. */
export interface ReportRun {
  action: 'print' | 'pdf';
  seq: number;
}

const WORTHINESS = { low: 'Low', medium: 'Medium', high: 'High' } as const;

interface ReportClaim {
  id: string;
  text: string;
  speakerId: string | null;
  claim: ClaimFields | undefined;
  /** Its versions (other annotators' tags of the same claim) disagree: no verdict is reported. */
  disagree: boolean;
}

export function ReportDialog({ client, session, documents, speakers, documentId, run, onClose }: Props) {
  const [chosen, setChosen] = useState(documentId ?? documents[0]?.id ?? '');
  const [claims, setClaims] = useState<ReportClaim[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const document = documents.find((d) => d.id === chosen);
  useEffect(() => {
    if (!chosen) return;
    let cancelled = false;
    setClaims(null);
    void (async () => {
      try {
        // Read without opening: opening would re-anchor a changed file out of the user's sight.
        const [rows, columns] = await Promise.all([client.listClaims({}), client.listAnnotations({ documentId: chosen, startingFrom: 0 })]);
        if (cancelled) return;
        const fields = new Map(columns.ids.map((id, i) => [id, columns.extras[i]?.claim]));
        // One line per claim, as ClaimReview publishes it: several annotators' versions are one (contract/claim-versions).
        const groups = claimVersionGroups(rows.filter((r) => r.documentId === chosen).map((r) => ({ ...r, end: r.start + r.text.length })));
        setClaims(groups.map(({ lead: r, agree }) => ({ id: r.annotationId, text: r.text, speakerId: r.claimantId, claim: fields.get(r.annotationId), disagree: !agree })));
      } catch (error) {
        if (!cancelled) setMessage((error as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, chosen]);

  const savePdf = async () => {
    try {
      const saved = await client.saveReportPdf({ suggestedName: `${document?.title ?? 'report'} — claims.pdf` });
      setMessage(saved ? `Saved to ${saved.savedTo}.` : 'Not saved.');
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  const ranSeq = useRef(0);
  // Once the claims are in: printed before, the page would say "Loading…".
  useEffect(() => {
    if (!run || run.seq === ranSeq.current || claims === null) return;
    ranSeq.current = run.seq;
    if (claims.length === 0) setMessage(`Nothing to ${run.action === 'print' ? 'print' : 'save'}: this document has no claims.`);
    else if (run.action === 'print') window.print();
    else void savePdf();
  }, [run, claims]);

  const speakerName = (id: string | null) => (id ? speakers.find((s) => s.id === id)?.name ?? '' : '');
  const statusName = (id: string) => session.statuses.find((s) => s.id === id)?.name ?? id;
  // Private to the newsroom unless the editor chose to show them (Review settings).
  const withNotes = session.reviewSettings.reviewerNotesInReport === true;
  const disagreeing = claims?.filter((c) => c.disagree).length ?? 0;
  const story = document && [document.outlet, document.byline && `by ${document.byline}`, document.publishedOn && `published ${document.publishedOn}`].filter(Boolean).join(' · ');

  return (
    <Dialog title="Report" onClose={onClose}>
      <div className="report-controls">
        <label>
          Document{' '}
          <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print…
        </button>
        {session.host === 'electron' && (
          <button type="button" onClick={() => void savePdf()}>
            Save as PDF…
          </button>
        )}
        {message && <span role="status">{message}</span>}
      </div>
      <article className="print-report" aria-label="Printable report">
        <h1>{document?.title ?? ''}</h1>
        {document?.headline && document.headline !== document.title && <p className="report-headline">{document.headline}</p>}
        {story && <p className="report-story">{story}</p>}
        {disagreeing > 0 && (
          <p className="report-versions" role="note">
            {versionsDisagreeLine(disagreeing)}
          </p>
        )}
        <p className="report-meta">
          Claims and verdicts{session.reviewSettings.organisation ? ` — ${session.reviewSettings.organisation}` : ''} · printed {shortTime(new Date().toISOString())}
        </p>
        {claims === null && <p>Loading…</p>}
        {claims?.length === 0 && <p>This document has no claims.</p>}
        {claims && claims.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Claimant</th>
                <th scope="col">Verdict</th>
                <th scope="col">Check-worthiness</th>
                <th scope="col">Verdict by</th>
                <th scope="col">Summary</th>
                {withNotes && <th scope="col">Reviewer note</th>}
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {claims.map((claim) => {
                const fields = claim.claim;
                const rating = fields && !claim.disagree ? verdictRating(session.statuses, fields.status) : null;
                return (
                  <tr key={claim.id}>
                    <td>{claim.text}</td>
                    <td>{speakerName(claim.speakerId) || '—'}</td>
                    <td>
                      {claim.disagree ? 'Versions disagree' : fields ? statusName(fields.status) : '—'}
                      {rating && ` (${rating.ratingValue}/${rating.bestRating})`}
                    </td>
                    <td>{fields?.checkWorthiness ? WORTHINESS[fields.checkWorthiness] : '—'}</td>
                    <td>{(!claim.disagree && fields?.reviewer) || '—'}</td>
                    <td>{(!claim.disagree && fields?.publicSummary) || ''}</td>
                    {withNotes && <td>{fields?.reviewerNote || ''}</td>}
                    <td>
                      {fields?.sources.length ? (
                        <ul>
                          {fields.sources.map((source, i) => (
                            <li key={i}>
                              {source.title || source.url}
                              {source.url && source.title ? ` — ${source.url}` : ''}
                              {source.note ? ` (${source.note})` : ''}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </article>
    </Dialog>
  );
}
