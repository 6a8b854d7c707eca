// Labels brought in by an import: a name in any script stays its own label, as speakers do.
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../electron/services/handlers/workspace-tasks.js';
import type { ImportInput } from '../../../../electron/services/imports/plan-files.js';
import { useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const cp = (text: string, words: string) => [...text.slice(0, text.indexOf(words))].length;

/** A Label Studio task file as its docs describe it: "labels" results with code-point offsets. */
function tasks(text: string, spans: [words: string, label: string][]): ImportInput {
  const result = spans.map(([words, label], i) => ({
    id: `r${i}`,
    type: 'labels',
    from_name: 'label',
    to_name: 'text',
    value: { start: cp(text, words), end: cp(text, words) + [...words].length, labels: [label] },
  }));
  return { name: 'tasks.json', bytes: new TextEncoder().encode(JSON.stringify([{ data: { text, title: 'story' }, annotations: [{ result }] }])) };
}

const STORY = '«Мы согласны», — сказал министр. Бюджет сбалансирован, 税収が増えた。';
const SPANS: [string, string][] = [
  ['Мы согласны', 'Цитата'],
  ['Бюджет сбалансирован', 'Утверждение'],
  ['税収が増えた', '主張'],
];

async function labelled(service: Awaited<ReturnType<typeof ws.openService>>) {
  const session = await service.getSession();
  const names = new Map(session.labels.map((l) => [l.id, l.name]));
  const byText: Record<string, string | undefined> = {};
  for (const doc of session.documents) for (const a of await service.store.annotations(doc)) byText[a.text] = names.get(a.labelId);
  return { byText, labels: session.labels };
}

describe('imported labels', () => {
  it('keeps labels named in other scripts apart, each on its own highlights', async () => {
    const service = await ws.openService();
    const report = await importFiles(service, [tasks(STORY, SPANS)]);
    expect(report.labelsAdded).toEqual(['Цитата', 'Утверждение', '主張']);
    const { byText, labels } = await labelled(service);
    expect(byText).toEqual(Object.fromEntries(SPANS));
    const added = labels.filter((l) => report.labelsAdded.includes(l.name));
    expect(new Set(added.map((l) => l.id)).size).toBe(3);
    for (const l of added) expect(l.id).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it('gives a label the same id in any workspace, keeps its ASCII words readable, and adds none on a second import', async () => {
    const first = await ws.openService();
    const second = await ws.openService();
    const file = tasks('The mayor said the budget is balanced.', [['the budget is balanced', 'Budget claim']]);
    await importFiles(first, [file]);
    await importFiles(second, [file]);
    const idOf = async (service: typeof first) => (await service.getSession()).labels.find((l) => l.name === 'Budget claim')!.id;
    expect(await idOf(first)).toBe(await idOf(second));
    expect(await idOf(first)).toMatch(/^label-budget-claim-[0-9a-f]{12}$/);

    const again = await importFiles(first, [file]);
    expect(again.labelsAdded).toEqual([]);
    expect((await first.getSession()).labels.filter((l) => l.name === 'Budget claim')).toHaveLength(1);
  });
});
