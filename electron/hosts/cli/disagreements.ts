// `annotator agreement --disagreements`: where annotators disagree, per document, as lines a
// person reads (or the report as --json).
import { DISAGREEMENT_KINDS, DISAGREEMENT_KIND_NAMES, DISAGREEMENT_LIMITS, parseArgs, type DisagreementReport } from '../../contract/api.js';
import type { ApiHandlers } from '../../services/handlers/api-handlers.js';
import { counted, type Io } from './command.js';

const excerpt = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

export async function printDisagreements(handlers: ApiHandlers, io: Io, options: { authors?: string[]; documentIds?: string[]; json?: boolean }): Promise<number> {
  // Checked as a window's call is: the CLI calls the handlers directly.
  const args = parseArgs('listDisagreements', { ...(options.authors && { authors: options.authors }), ...(options.documentIds && { documentIds: options.documentIds }), limit: DISAGREEMENT_LIMITS.max });
  const report = await handlers.listDisagreements(args);
  if (options.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  io.out(disagreementLines(report));
  return 0;
}

/** A heading per document with its counts by kind, then one line per disagreement with each layer's version. */
export function disagreementLines(report: DisagreementReport): string {
  if (report.documents.length === 0) return 'No disagreements: every span is marked alike by every annotator of its document.\n';
  const byKind = (counts: DisagreementReport['counts']) =>
    DISAGREEMENT_KINDS.filter((k) => counts[k] > 0)
      .map((k) => `${DISAGREEMENT_KIND_NAMES[k]} ${counts[k]}`)
      .join(', ');
  const total = DISAGREEMENT_KINDS.reduce((sum, k) => sum + report.counts[k], 0);
  let out = `${counted(total, 'disagreement')} among ${report.layers.join(', ')} (${byKind(report.counts)}):\n`;
  for (const doc of report.documents) {
    const rows = report.disagreements.filter((d) => d.documentId === doc.documentId);
    out += `\n${doc.title} (${doc.documentId}): ${byKind(doc.counts)}\n`;
    for (const d of rows) {
      const versions = d.versions.map((v) => `${v.layer}: ${v.annotationId === null ? 'not marked' : (v.value ?? (d.kind === 'speaker' ? 'no speaker' : '–'))}`).join(' | ');
      out += `  ${d.start}-${d.end} ${DISAGREEMENT_KIND_NAMES[d.kind]}${d.label ? ` (${d.label})` : ''} ${excerpt(d.text)}: ${versions}\n`;
    }
  }
  if (report.more > 0) out += `\nand ${report.more.toLocaleString('en')} more, not listed (at most ${DISAGREEMENT_LIMITS.max.toLocaleString('en')}); --documents ID narrows the list.\n`;
  return out;
}
