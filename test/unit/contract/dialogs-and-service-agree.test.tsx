// @vitest-environment happy-dom
// For the same bad input, the dialog shows (before sending) the very words the service refuses with.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, DEFAULT_STATUSES, type Change, type Label, type Status } from '../../../electron/contract/api.js';
import type { AnnotatorClient } from '../../../renderer/src/api/client.js';
import { LabelsDialog } from '../../../renderer/src/components/LabelsDialog.js';
import { ReviewSettingsDialog, VerdictScaleDialog } from '../../../renderer/src/review/ReviewSetup.js';
import { useWorkspaces } from '../../helpers/workspace.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const { openService } = useWorkspaces();

let root: Root | null = null;
let host: HTMLElement;
function render(element: React.ReactElement): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  host?.remove();
});

/** Types into a field as a person would, so React's onChange runs. */
function type(input: HTMLInputElement, value: string): void {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const field = (label: string) => host.querySelector<HTMLInputElement>(`[aria-label="${label}"]`)!;
const click = (label: string) => act(() => host.querySelector<HTMLButtonElement>(`[aria-label="${label}"]`)!.click());

/** The service's words for one change, refused; a service that takes it fails the test. */
async function serviceRefusal(before: Change[], change: Change): Promise<string> {
  const service = await openService();
  if (before.length) expect((await service.applyChanges(before)).refused).toEqual([]);
  const { refused } = await service.applyChanges([change]);
  expect(refused).toHaveLength(1);
  return refused[0]!.message;
}

/** Nothing is sent in these tests: the problem is shown, and Save is disabled, before that. */
const noClient = {
  applyChanges: async () => {
    throw new Error('the dialog sent a change its own rule refuses');
  },
} as unknown as AnnotatorClient;

describe('the Labels dialog and the service', () => {
  const statistic: Label = { id: 'statistic', name: 'Statistic', color: '#2e7d32', hotkey: 't' };
  const cases: [string, () => void, Label][] = [
    ['a key another label has', () => type(field('Statistic: key'), 'q'), { ...statistic, hotkey: 'q' }],
    ['a key the editor keeps', () => type(field('Statistic: key'), 'e'), { ...statistic, hotkey: 'e' }],
    ['a key that is no letter or digit', () => type(field('Statistic: key'), '!'), { ...statistic, hotkey: '!' }],
    ['a name another label has', () => type(field('Statistic: name'), 'quote'), { ...statistic, name: 'quote' }],
    ['no name', () => type(field('Statistic: name'), '  '), { ...statistic, name: '  ' }],
  ];
  for (const [what, edit, label] of cases) {
    it(`say the same of ${what}`, async () => {
      const saved: Label[] = [];
      render(<LabelsDialog labels={[...DEFAULT_LABELS, statistic]} onSave={(l) => saved.push(l)} onDelete={() => undefined} onClose={() => undefined} />);
      edit();
      const shown = host.querySelector('[aria-label="Label Statistic"] .field-error')?.textContent;
      expect(saved).toEqual([]);
      expect(shown).toBe(await serviceRefusal([{ kind: 'saveLabel', label: statistic }], { kind: 'saveLabel', label }));
    });
  }
});

describe('the Verdict scale dialog and the service', () => {
  const withKey = (id: string, hotkey: string) => DEFAULT_STATUSES.map((s) => (s.id === id ? { ...s, hotkey } : s));
  const cases: [string, () => void, Status[]][] = [
    ['a key the desk uses', () => type(field('True: key'), 'j'), withKey('true', 'j')],
    ['one key for two statuses', () => type(field('False: key'), '1'), withKey('false', '1')],
    ['a key that is no letter or digit', () => type(field('False: key'), '!'), withKey('false', '!')],
    ['two statuses of one name', () => type(field('Mostly true: name'), 'true'), DEFAULT_STATUSES.map((s) => (s.id === 'mostly-true' ? { ...s, name: 'true' } : s))],
    ['a status with no name', () => type(field('Half true: name'), ' '), DEFAULT_STATUSES.map((s) => (s.id === 'half-true' ? { ...s, name: ' ' } : s))],
    [
      'a scale that starts with a verdict',
      () => ['Move True up', 'Move True up', 'Move True up'].forEach(click),
      [DEFAULT_STATUSES[3]!, ...DEFAULT_STATUSES.slice(0, 3), ...DEFAULT_STATUSES.slice(4)],
    ],
    [
      'a scale with no verdict',
      () => DEFAULT_STATUSES.filter((s) => s.kind === 'verdict').forEach((s) => click(`Remove ${s.name}`)),
      DEFAULT_STATUSES.filter((s) => s.kind === 'working'),
    ],
  ];
  for (const [what, edit, statuses] of cases) {
    it(`say the same of ${what}`, async () => {
      render(<VerdictScaleDialog client={noClient} statuses={DEFAULT_STATUSES} claims={[]} whenSaved={async () => undefined} onSaved={() => undefined} onClose={() => undefined} />);
      edit();
      const shown = host.querySelector('[role=alert]')?.textContent;
      expect([...host.querySelectorAll('button')].find((b) => b.textContent === 'Save scale')?.disabled).toBe(true);
      expect(shown).toBe(await serviceRefusal([], { kind: 'saveStatuses', statuses }));
    });
  }
});

describe('the Review settings dialog and the service', () => {
  for (const address of ['javascript:alert(1)', 'https://fact-checks.example%/{id}']) {
    it(`say the same of the fact-check address ${address}`, async () => {
      render(<ReviewSettingsDialog client={noClient} settings={{ organisation: '', claimReviewUrl: '' }} whenSaved={async () => undefined} onSaved={() => undefined} onClose={() => undefined} />);
      type(host.querySelector<HTMLInputElement>('#review-url')!, address);
      const shown = host.querySelector('#review-url-hint')?.textContent;
      expect([...host.querySelectorAll('button')].find((b) => b.textContent === 'Save settings')?.disabled).toBe(true);
      expect(shown).toBe(await serviceRefusal([], { kind: 'setReviewSettings', settings: { organisation: 'x', claimReviewUrl: address } }));
    });
  }
});
