// F6 / Shift+F6: focus moves region by region, as in desktop apps, instead of Tab by Tab; and
// F2 jumps to the first field of the selected highlight. Regions not on screen are skipped.

export interface Region {
  name: string;
  /** The region's element: the first selector with an element on screen, in this order. */
  selector: string | readonly string[];
  /** What takes focus inside it: the region itself when it is focusable, else this, else its first control. */
  focus?: string;
}

const FOCUSABLE = 'input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The document view's regions, in F6 order. */
export const DOCUMENT_REGIONS: readonly Region[] = [
  { name: 'Text', selector: '.reader .cm-content' },
  // The selected highlight's (or speaker's) panel; with neither, the name asked for above it.
  { name: 'Side panel', selector: ['.sidebar-right .annotation-panel', '.sidebar-right .speaker-panel', '.sidebar-right .name-reminder', '.sidebar-right .annotator-form'] },
  // The suggestions list stands in for the highlight list while it is shown.
  { name: 'Highlight list', selector: ['.sidebar-right .annotation-list', '.sidebar-right .suggestion-list', '.sidebar-right .suggestions-bar button'] },
  { name: 'Documents', selector: '[aria-label="Documents in this workspace"]', focus: '[aria-current="page"], button' },
  { name: 'Speakers', selector: '[aria-label="Speakers in this workspace"]', focus: '[aria-current="true"], button' },
];

/** The review desk's regions, in F6 order. */
export const DESK_REGIONS: readonly Region[] = [
  { name: 'Claims', selector: '.desk-grid' },
  { name: 'Focused claim', selector: '.desk-side' },
  { name: 'Filters', selector: '.desk-filters' },
  { name: 'Desk tools', selector: '.desk-toolbar' },
];

function shown(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && !element.closest('[hidden]') && element.getClientRects().length > 0;
}

function regionElement(region: Region, root: ParentNode): HTMLElement | null {
  for (const selector of typeof region.selector === 'string' ? [region.selector] : region.selector) {
    const found = [...root.querySelectorAll(selector)].find(shown);
    if (found) return found;
  }
  return null;
}

function focusTarget(region: Region, element: HTMLElement): HTMLElement | null {
  if (element.matches(FOCUSABLE) || element.tabIndex >= 0) return element;
  const preferred = region.focus ? [...element.querySelectorAll(region.focus)].find(shown) : undefined;
  return preferred ?? [...element.querySelectorAll(FOCUSABLE)].find(shown) ?? null;
}

/**
 * Focus the next (or previous) region after the one holding focus, around the end; from outside
 * every region, the first (or last). Returns the region's name, or null when none can take focus.
 */
export function moveRegion(regions: readonly Region[], forward: boolean, root: Document = document): string | null {
  const elements = regions.map((region) => regionElement(region, root));
  const active = root.activeElement;
  const at = elements.findIndex((element) => element && active && element.contains(active));
  for (let step = 1; step <= regions.length; step++) {
    const index = at < 0 ? (forward ? step - 1 : regions.length - step) : (at + (forward ? step : -step) + regions.length) % regions.length;
    const element = elements[index];
    const target = element && focusTarget(regions[index]!, element);
    if (target) {
      target.focus();
      return regions[index]!.name;
    }
  }
  return null;
}

/** F2: the selected highlight's first field (its label). False when no highlight panel is shown. */
export function focusFirstField(root: Document = document): boolean {
  const panel = root.querySelector<HTMLElement>('.sidebar-right .annotation-panel');
  const field = panel?.querySelector<HTMLElement>('input, select, textarea');
  field?.focus();
  return !!field;
}
