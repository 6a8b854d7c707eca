// @vitest-environment happy-dom
// A verdict an import found in conflict is shown on the review desk, never settled silently:
// the row says "In conflict" in words, the focused claim's panel shows each version with who set
// it and where from, and the editor picks one (setting the status settles it; Ctrl+Z brings the
// conflict back).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { BUDGET, HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let app: MountedApp;
let host: HTMLElement;
let client: MemoryClient;

const grid = () => host.querySelector<HTMLElement>('[role=grid]')!;
const cells = (column: string) => [...host.querySelectorAll(`.desk-body [role=row] .col-${column}`)].map((cell) => cell.textContent);
const panel = () => host.querySelector<HTMLElement>('[aria-label="Verdicts in conflict"]');
const button = (name: string, root: ParentNode = host) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const saved = (documentId: string, annotationId: string) => client.documents().get(documentId)!.annotations.find((a) => a.id === annotationId)!.claim!;
const CONFLICT = { status: 'true', by: 'Bo', at: '2026-11-30T09:15:00.000Z', from: 'budget.ann' };

beforeEach(async () => {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ana' });
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', labelId: 'claim', ...span(BUDGET, 'crime fell by half') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-rents', labelId: 'claim', ...span(BUDGET, 'Rents doubled') },
      // Ana's desk decision.
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', claim: { status: 'false' }, deskDecision: true },
      // What an import leaves: the file's verdict kept beside the workspace's.
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', claim: { conflicts: [CONFLICT] } },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  app = await mountApp(client);
  host = app.host;
  press('R', { ctrlKey: true, shiftKey: true });
  await settle();
});

afterEach(() => app.unmount());

describe('verdicts in conflict on the review desk', () => {
  it('marks the claim “In conflict” in its row, in words, and counts them', () => {
    expect(cells('status')).toEqual(['Unreviewed', 'False In conflict', 'Unreviewed']);
    expect(button('1 in conflict')).toBeDefined();
  });

  it('filters to the claims in conflict', async () => {
    act(() => button('1 in conflict')!.click());
    await settle();
    expect(cells('text')).toEqual(['crime fell by half']);
    act(() => button('1 in conflict · show all')!.click());
    await settle();
    expect(cells('text')).toHaveLength(3);
  });

  it('shows each version with who set it and where from, and the editor picks one; Ctrl+Z brings the conflict back', async () => {
    // The first claim has no conflict: no panel.
    expect(panel()).toBeNull();
    press('j', {}, grid());
    await settle();
    const versions = [...panel()!.querySelectorAll('li')].map((li) => li.querySelector('.conflict-version')!.textContent);
    expect(versions[0]).toBe('False here, set by Ana');
    expect(versions[1]).toMatch(/^True, set by Bo · from budget\.ann · 2026-11-30 \d\d:15$/);
    // A button per version: reachable by Tab, pressed with Enter or Space.
    const take = button('Take True', panel()!)!;
    expect(take.tagName).toBe('BUTTON');
    expect(button('Keep False', panel()!)?.tagName).toBe('BUTTON');

    act(() => take.click());
    await settle();
    expect(saved('doc-budget', 'c-crime').status).toBe('true');
    expect(saved('doc-budget', 'c-crime').conflicts).toBeUndefined();
    expect(cells('status')).toEqual(['Unreviewed', 'True', 'Unreviewed']);
    expect(panel()).toBeNull();
    expect(button('1 in conflict')).toBeUndefined();

    press('z', { ctrlKey: true }, grid());
    await settle();
    expect(saved('doc-budget', 'c-crime').status).toBe('false');
    expect(saved('doc-budget', 'c-crime').conflicts).toEqual([CONFLICT]);
    expect(cells('status')).toEqual(['Unreviewed', 'False In conflict', 'Unreviewed']);
  });

  it('keeps the verdict here when the editor picks it, and the conflict is settled', async () => {
    press('j', {}, grid());
    await settle();
    act(() => button('Keep False', panel()!)!.click());
    await settle();
    expect(saved('doc-budget', 'c-crime').status).toBe('false');
    expect(saved('doc-budget', 'c-crime').conflicts).toBeUndefined();
    expect(cells('status')).toEqual(['Unreviewed', 'False', 'Unreviewed']);
  });
});
