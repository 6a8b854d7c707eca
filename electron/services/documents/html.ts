// A saved web page to the article a reporter would read: Readability picks the article out of
// the navigation, banners and ads, on a DOM that linkedom builds without running any script.
import { createRequire } from 'node:module';
import { ApiError, DOCUMENT_FIELD_LIMITS, MAX_SOURCE_URL_LENGTH, publicationDateFrom } from '../../contract/api.js';

type Readers = { parseHTML: typeof import('linkedom').parseHTML; Readability: typeof import('@mozilla/readability').Readability };
let readers: Readers | null = null;
/** Loaded with the first page read: at start they cost every command of the CLI a fifth of a second. */
function pageReaders(): Readers {
  if (!readers) {
    const load = createRequire(import.meta.url);
    readers = { parseHTML: (load('linkedom') as typeof import('linkedom')).parseHTML, Readability: (load('@mozilla/readability') as typeof import('@mozilla/readability')).Readability };
  }
  return readers;
}

export interface WebPage {
  title: string | null;
  text: string;
  sourceUrl: string | null;
  /** What the page's meta tags say of the story (Open Graph, article:, author), when they do. */
  headline: string | null;
  outlet: string | null;
  byline: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
}

/** A meta tag's content by its property or name (Open Graph uses property; many sites use name). */
function metaContent(document: { querySelectorAll(selector: string): Iterable<unknown> }, ...keys: string[]): string | null {
  const metas = Array.from(document.querySelectorAll('meta') as Iterable<Element>);
  for (const key of keys) {
    const meta = metas.find((m) => (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase() === key);
    const content = meta?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (content) return content;
  }
  return null;
}

/** A byline, not a profile link (article:author is often a URL). */
const bylineOf = (value: string | null | undefined) => {
  const text = value?.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  return text && !/^https?:\/\//i.test(text) ? text : null;
};
const capped = (value: string | null, max: number) => (value && value.length <= max ? value : null);

/** The charset a page declares in its first 1024 bytes (<meta charset> or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(meta[0]);
    if (charset) return charset[1]!;
  }
  return null;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'MATH']);
/** Page furniture, not story. Readability's article keeps its own <header> and <aside> (headline, pull quote); the whole body does not. */
const FURNITURE_IN_ARTICLE = new Set(['NAV', 'FORM', 'DIALOG']);
const FURNITURE_IN_BODY = new Set(['NAV', 'FORM', 'DIALOG', 'ASIDE', 'FOOTER', 'HEADER']);
const FURNITURE_ROLES = /^(navigation|banner|contentinfo|complementary|dialog|alertdialog|search)$/;
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Block elements' text as paragraphs; inline text joins with collapsed spaces, <br> keeps a line break. */
function paragraphsOf(root: Node, furniture: Set<string>): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current
      .replace(/[ \t\n\r\f]+/g, ' ')
      .split('\u0000')
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return;
    if (furniture.has(tag) || FURNITURE_ROLES.test(element.getAttribute('role') ?? '')) return;
    if (tag === 'BR') {
      current += '\u0000';
      return;
    }
    if (tag === 'PRE') {
      flush();
      const pre = (element.textContent ?? '').replace(/^\n|\s+$/g, '');
      if (pre.trim()) paragraphs.push(pre);
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

/**
 * Only absolute http(s) addresses: a page saved from the web, not a local or script link. One
 * too long for the workspace to keep is passed over (the page is still worth reading).
 */
function webAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    if (url.href.length > MAX_SOURCE_URL_LENGTH) return null;
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Real pages nest 20 to 60 elements deep and rarely pass 150. Readability's time grows much faster
 * than the depth (0.2 s at 100 levels, 0.9 s at 400, 78 s at 2,000) and the walk below recurses,
 * so past this a page is refused before either runs.
 */
export const MAX_HTML_DEPTH = 256;

/** The deepest element's depth, counted without recursing (linkedom builds deep trees without it). */
function nestingDepth(document: { querySelectorAll(selector: string): Iterable<unknown> }): number {
  const depths = new Map<unknown, number>();
  let deepest = 0;
  // Document order: a parent always comes before its children.
  for (const element of document.querySelectorAll('*') as Iterable<Element>) {
    const depth = (depths.get(element.parentNode) ?? 0) + 1;
    depths.set(element, depth);
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** The refusal for a page nested too deep to read (also used when reading runs out of stack). */
export const tooDeeplyNestedMessage = (fileName: string): string =>
  `"${fileName}": this page is too deeply nested to read; save it as text (in the browser: Save Page As, "Text Files") and open that.`;

/** `source` is the decoded page. */
export function readWebPage(fileName: string, source: string): WebPage {
  // linkedom makes a bare fragment's first element the root; give it a body to live in.
  const html = /<html[\s>]/i.test(source) ? source : `<!doctype html><html><body>${source}</body></html>`;
  const { parseHTML, Readability } = pageReaders();
  const { document } = parseHTML(html);
  if (nestingDepth(document) > MAX_HTML_DEPTH) throw new ApiError('unsupported', tooDeeplyNestedMessage(fileName));
  const canonical = Array.from(document.querySelectorAll('link[rel]')).find((link) => (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const ogUrl = Array.from(document.querySelectorAll('meta')).find((meta) => (meta.getAttribute('property') ?? meta.getAttribute('name')) === 'og:url');
  const sourceUrl = webAddress(canonical?.getAttribute('href')) ?? webAddress(ogUrl?.getAttribute('content'));
  // Read before Readability takes the document apart.
  const story = {
    headline: metaContent(document, 'og:title', 'twitter:title'),
    outlet: metaContent(document, 'og:site_name', 'application-name'),
    byline: metaContent(document, 'author', 'article:author', 'byl'),
    publishedOn: publicationDateFrom(metaContent(document, 'article:published_time', 'datepublished', 'date', 'pubdate', 'dc.date')),
  };
  const pageTitle = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim() || null;

  // Readability takes the document apart, so the fallback reads a fresh copy.
  let article: ReturnType<InstanceType<Readers['Readability']>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document).parse();
  } catch {
    article = null;
  }
  let paragraphs: string[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    paragraphs = paragraphsOf(content.body as unknown as Node, FURNITURE_IN_ARTICLE);
  }
  if (paragraphs.length === 0) {
    const { document: fresh } = parseHTML(html);
    paragraphs = paragraphsOf((fresh.body ?? fresh.documentElement) as unknown as Node, FURNITURE_IN_BODY);
  }
  const title = article?.title?.replace(/\s+/g, ' ').trim() || pageTitle;
  return {
    title,
    text: paragraphs.join('\n\n'),
    sourceUrl,
    headline: capped(story.headline, DOCUMENT_FIELD_LIMITS.headline),
    outlet: capped(story.outlet, DOCUMENT_FIELD_LIMITS.outlet),
    byline: capped(bylineOf(story.byline) ?? bylineOf(article?.byline), DOCUMENT_FIELD_LIMITS.byline),
    publishedOn: story.publishedOn,
  };
}
