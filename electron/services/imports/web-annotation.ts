// W3C Web Annotation (JSON-LD): a collection (or a list, or one annotation) whose targets carry a
// TextQuoteSelector and a TextPositionSelector. The text itself is not in the annotations, so the
// document must be in the workspace already (matched by the target's urn:sha256 source) or
// imported in the same run.
import type { ClaimFields, QuoteKind } from '../../contract/api.js';
import { ImportProblem, parseImportJson, type PlannedSpan } from './plan.js';

export interface PlannedAnnotationsForText {
  /** The text's SHA-256, from the target's urn:sha256: source. */
  textHash: string;
  /** Positions in code points; `exact` (from the TextQuoteSelector) must be what they select. */
  spans: (PlannedSpan & { codePoints: true; exact?: string })[];
}

export function planWebAnnotation(file: string, content: string): PlannedAnnotationsForText[] {
  const json = parseImportJson(file, content);
  const root = json as { type?: unknown; first?: { items?: unknown }; items?: unknown };
  const items: unknown[] = Array.isArray(json) ? json : root?.type === 'Annotation' ? [json] : Array.isArray(root?.first?.items) ? (root.first!.items as unknown[]) : Array.isArray(root?.items) ? (root.items as unknown[]) : [];
  if (items.length === 0) throw new ImportProblem(file, null, 'there is no Annotation in it (expected an AnnotationCollection, a list, or an Annotation).');
  const byText = new Map<string, PlannedAnnotationsForText>();
  items.forEach((item, index) => {
    const where = `annotation ${index + 1}`;
    const annotation = item as { target?: { source?: unknown; selector?: unknown }; body?: unknown };
    const source = annotation?.target?.source;
    const hash = typeof source === 'string' ? /^urn:sha256:([0-9a-f]{64})$/.exec(source)?.[1] : undefined;
    if (!hash) throw new ImportProblem(file, null, `${where}: target.source must be urn:sha256:<the text's hash>, so the text can be found.`);
    const selectors = Array.isArray(annotation.target!.selector) ? (annotation.target!.selector as { type?: unknown; start?: unknown; end?: unknown }[]) : [annotation.target!.selector as { type?: unknown; start?: unknown; end?: unknown }];
    const position = selectors.find((s) => s?.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s?.type === 'TextQuoteSelector') as { exact?: unknown } | undefined;
    if (!position || typeof position.start !== 'number' || typeof position.end !== 'number') throw new ImportProblem(file, null, `${where} has no TextPositionSelector with a start and end.`);
    const bodies = (Array.isArray(annotation.body) ? annotation.body : [annotation.body]) as { purpose?: unknown; value?: unknown }[];
    const value = (purpose: string) => bodies.find((b) => b?.purpose === purpose && typeof b.value === 'string')?.value as string | undefined;
    const label = value('tagging');
    if (!label) throw new ImportProblem(file, null, `${where} has no tagging body naming its label.`);
    const entry = byText.get(hash) ?? { textHash: hash, spans: [] };
    const fields = (annotation as { 'newsroom:fields'?: { quoteKind?: QuoteKind; claim?: Partial<ClaimFields> } })['newsroom:fields'];
    entry.spans.push({
      start: position.start,
      end: position.end,
      label,
      codePoints: true,
      ...(typeof quote?.exact === 'string' && { exact: quote.exact }),
      ...(value('identifying') && { speaker: value('identifying') }),
      ...(value('commenting') && { note: value('commenting') }),
      ...(fields?.quoteKind && { quoteKind: fields.quoteKind }),
      ...(fields?.claim && { claim: fields.claim }),
    });
    byText.set(hash, entry);
  });
  return [...byText.values()];
}
