// W3C Web Annotation (JSON-LD): a collection (or a list, or one annotation) whose targets carry a
// TextQuoteSelector and a TextPositionSelector (the model's rules, with their sources, head
// ../exports/web-annotation.ts). The text itself is not in the annotations, so the document must
// be in the workspace already or imported in the same run: it is found by the text's SHA-256 (a
// urn:sha256: source, or "newsroom:textHash" beside a web address), or else by the web address.
// What our export writes comes back: the annotation's id (urn:newsroom-annotator:annotation:<id>),
// its creator's name as the author (our Software creator stands for "no name set"), "created" and
// "modified", the speaker body's id and other names, the note, quote kind and claim fields.
import type { ClaimFields, QuoteKind } from '../../contract/api.js';
import { SOFTWARE_CREATOR } from '../exports/web-annotation.js';
import { ImportProblem, parseImportJson, type PlannedSpan } from './plan.js';
import { isRecordId, readSpanFields, settleIds } from './span-fields.js';
import { plannedStory, type PlannedStory } from './story-fields.js';

export interface PlannedAnnotationsForText {
  /** The text's SHA-256, from a urn:sha256: source or the target's newsroom:textHash. */
  textHash?: string;
  /** The target's web address, when its source is one (used when no hash is given). */
  sourceUrl?: string;
  /** The story's fields, from a source described with Dublin Core terms (our export writes them). */
  story?: PlannedStory;
  /** Positions in code points; `exact` (from the TextQuoteSelector) must be what they select. */
  spans: (PlannedSpan & { codePoints: true; exact?: string })[];
}

const ANNOTATION_IRI = /^urn:newsroom-annotator:annotation:(.+)$/;
const SPEAKER_IRI = /^urn:newsroom-annotator:speaker:(.+)$/;
const HASH = /^[0-9a-f]{64}$/;

interface Agent {
  type?: unknown;
  name?: unknown;
  nickname?: unknown;
}

/** The creator's name; '' for this app's own Software creator (no annotator name was set). */
function authorOf(creator: unknown): string | undefined {
  const agents = (Array.isArray(creator) ? creator : [creator]) as Agent[];
  for (const agent of agents) {
    if (!agent || typeof agent !== 'object') continue;
    if (agent.type === SOFTWARE_CREATOR.type && agent.name === SOFTWARE_CREATOR.name) return '';
    const name = typeof agent.name === 'string' && agent.name.trim() ? agent.name : typeof agent.nickname === 'string' ? agent.nickname : undefined;
    if (name?.trim()) return name.trim();
  }
  return undefined;
}

export function planWebAnnotation(file: string, content: string): PlannedAnnotationsForText[] {
  const json = parseImportJson(file, content);
  const root = json as { type?: unknown; first?: { items?: unknown }; items?: unknown };
  const items: unknown[] = Array.isArray(json) ? json : root?.type === 'Annotation' ? [json] : Array.isArray(root?.first?.items) ? (root.first!.items as unknown[]) : Array.isArray(root?.items) ? (root.items as unknown[]) : [];
  if (items.length === 0) throw new ImportProblem(file, null, 'there is no Annotation in it (expected an AnnotationCollection, a list, or an Annotation).');
  const byText = new Map<string, PlannedAnnotationsForText>();
  items.forEach((item, index) => {
    const where = `annotation ${index + 1}`;
    const annotation = item as { id?: unknown; target?: { source?: unknown; selector?: unknown; 'newsroom:textHash'?: unknown }; body?: unknown; creator?: unknown; created?: unknown; modified?: unknown };
    // A source described as a resource (with its story's Dublin Core terms) is named by its id.
    const described = annotation?.target?.source;
    const source = described && typeof described === 'object' ? (described as { id?: unknown }).id : described;
    const written = annotation?.target?.['newsroom:textHash'];
    const hash = typeof source === 'string' ? /^urn:sha256:([0-9a-f]{64})$/.exec(source)?.[1] : undefined;
    const textHash = hash ?? (typeof written === 'string' && HASH.test(written) ? written : undefined);
    const sourceUrl = !hash && typeof source === 'string' && /^https?:\/\//i.test(source) ? source : undefined;
    if (!textHash && !sourceUrl) {
      throw new ImportProblem(file, null, `${where}: target.source must be urn:sha256:<the text's hash> or the document's web address (http or https), so the text can be found.`);
    }
    const selectors = Array.isArray(annotation.target!.selector) ? (annotation.target!.selector as { type?: unknown; start?: unknown; end?: unknown }[]) : [annotation.target!.selector as { type?: unknown; start?: unknown; end?: unknown }];
    const position = selectors.find((s) => s?.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s?.type === 'TextQuoteSelector') as { exact?: unknown } | undefined;
    if (!position || typeof position.start !== 'number' || typeof position.end !== 'number') throw new ImportProblem(file, null, `${where} has no TextPositionSelector with a start and end.`);
    const bodies = (Array.isArray(annotation.body) ? annotation.body : [annotation.body]) as { id?: unknown; purpose?: unknown; value?: unknown; 'newsroom:otherNames'?: unknown }[];
    const body = (purpose: string) => bodies.find((b) => b?.purpose === purpose && typeof b.value === 'string');
    const value = (purpose: string) => body(purpose)?.value as string | undefined;
    const label = value('tagging');
    if (!label) throw new ImportProblem(file, null, `${where} has no tagging body naming its label.`);
    const identifying = body('identifying');
    const speakerId = typeof identifying?.id === 'string' ? SPEAKER_IRI.exec(identifying.id)?.[1] : undefined;
    const annotationId = typeof annotation.id === 'string' ? ANNOTATION_IRI.exec(annotation.id)?.[1] : undefined;
    const fields = (annotation as { 'newsroom:fields'?: { quoteKind?: QuoteKind; claim?: Partial<ClaimFields> } })['newsroom:fields'];
    const author = authorOf(annotation.creator);
    const checked = readSpanFields(
      { file, line: null, where },
      {
        ...(annotationId !== undefined && isRecordId(annotationId) && { id: annotationId }),
        ...(author !== undefined && { author }),
        ...(identifying && { speaker: { name: identifying.value, ...(speakerId !== undefined && { id: speakerId }), ...(identifying['newsroom:otherNames'] !== undefined && { otherNames: identifying['newsroom:otherNames'] }) } }),
        ...(value('commenting') && { note: value('commenting') }),
        ...(fields?.quoteKind && { quoteKind: fields.quoteKind }),
        ...(fields?.claim && { claim: fields.claim }),
        ...(typeof annotation.created === 'string' && { createdAt: annotation.created }),
        ...(typeof annotation.modified === 'string' && { updatedAt: annotation.modified }),
      },
    );
    const key = textHash ?? sourceUrl!;
    const dc = described && typeof described === 'object' ? (described as Record<string, unknown>) : {};
    const story = plannedStory({ headline: dc['dcterms:title'], outlet: dc['dcterms:publisher'], byline: dc['dcterms:creator'], published: dc['dcterms:issued'] });
    const entry = byText.get(key) ?? { ...(textHash ? { textHash } : { sourceUrl }), ...story, spans: [] };
    entry.spans.push({ ...checked, start: position.start, end: position.end, label, codePoints: true, ...(typeof quote?.exact === 'string' && { exact: quote.exact }) });
    byText.set(key, entry);
  });
  settleIds([...byText.values()].flatMap((entry) => entry.spans));
  return [...byText.values()];
}
