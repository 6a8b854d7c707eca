// Agreement measures against small examples worked out by hand (the sums are in the comments).
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/contract/api.js';
import { cohensKappa, krippendorffAlpha, measureAgreement, spanF1 } from '../../../../electron/services/exports/agreement.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const span = (start: number, end: number, labelId: string, author = 'A'): Annotation => ({
  id: `${author}-${start}-${labelId}`,
  documentId: 'doc-1',
  labelId,
  start,
  end,
  text: '',
  prefix: '',
  suffix: '',
  speakerId: null,
  note: '',
  author,
  createdAt: '',
  updatedAt: '',
});

describe('span F1', () => {
  // Reference: Quote 0-5. Predicted: Quote 0-5 and Quote 20-25.
  // Exact: precision 1/2, recall 1/1, F1 = 2 * 0.5 * 1 / 1.5 = 0.6667.
  it('exact: same start, end and label', () => {
    const result = spanF1([{ reference: [span(0, 5, 'quote')], predicted: [span(0, 5, 'quote', 'B'), span(20, 25, 'quote', 'B')] }], 'exact')!;
    expect(result.precision).toBeCloseTo(0.5);
    expect(result.recall).toBeCloseTo(1);
    expect(result.f1).toBeCloseTo(2 / 3);
  });

  // Reference Claim 10-15, predicted Claim 11-15: exact F1 0, overlapping F1 1.
  it('overlapping: same label, ranges overlap', () => {
    const per = [{ reference: [span(10, 15, 'claim')], predicted: [span(11, 15, 'claim', 'B')] }];
    expect(spanF1(per, 'exact')!.f1).toBe(0);
    expect(spanF1(per, 'overlap')!.f1).toBe(1);
  });

  it('spans in different documents never match, and no spans at all give no score', () => {
    const per = [
      { reference: [span(0, 5, 'quote')], predicted: [] },
      { reference: [], predicted: [span(0, 5, 'quote', 'B')] },
    ];
    expect(spanF1(per, 'exact')!.f1).toBe(0);
    expect(spanF1([{ reference: [], predicted: [] }], 'exact')).toBeNull();
  });
});

describe("Cohen's kappa", () => {
  // 10 tokens; they agree on 8 (po = 0.8). Marginals both Q2 C2 O6:
  // pe = (2*2 + 2*2 + 6*6) / 100 = 0.44; kappa = (0.8 - 0.44) / 0.56 = 0.642857.
  it('matches the hand computation', () => {
    const a = ['Q', 'Q', 'O', 'O', 'O', 'O', 'C', 'C', 'O', 'O'];
    const b = ['Q', 'O', 'O', 'O', 'O', 'O', 'C', 'C', 'O', 'Q'];
    expect(cohensKappa(a, b)).toBeCloseTo(0.642857, 5);
    expect(cohensKappa(a, a)).toBe(1);
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  // Units (three coders): aaa, aba, bbb, abb. Coincidences o_aa = 3+1 = 4, o_bb = 3+1 = 4,
  // o_ab = o_ba = 1+1 = 2; n_a = n_b = 6, n = 12. alpha = 1 - (n-1) * 4 / (6*6*2) = 1 - 44/72 = 0.388889.
  it('matches the hand computation', () => {
    expect(krippendorffAlpha([['a', 'a', 'a'], ['a', 'b', 'a'], ['b', 'b', 'b'], ['a', 'b', 'b']])).toBeCloseTo(0.388889, 5);
    expect(krippendorffAlpha([['a', 'a'], ['b', 'b']])).toBe(1);
  });
});

describe('measureAgreement over a workspace', () => {
  it('groups highlights by author, on documents two or more annotated, and reports pairs and alpha', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    // Four one-word tokens: "aa bb cc dd".
    const doc = await importText(service, 'shared.txt', 'aa bb cc dd');
    await importText(service, 'solo.txt', 'only one annotator here');
    const q = (id: string, start: number, end: number) => ({ kind: 'createAnnotation' as const, documentId: doc.id, annotationId: id, labelId: 'quote', start, end });
    // Ana: tokens 1 and 2 (aa bb); Ben: token 1 (aa); Cal: tokens 1 and 2, as Ana.
    await service.applyChanges([{ kind: 'setAnnotatorName', name: 'Ana' }, q('ana-1', 0, 5)]);
    await service.applyChanges([{ kind: 'setAnnotatorName', name: 'Ben' }, q('ben-1', 0, 2)]);
    await service.applyChanges([{ kind: 'setAnnotatorName', name: 'Cal' }, q('cal-1', 0, 5)]);
    const report = measureAgreement(await collectDataset(service.store));
    expect(report.annotators).toEqual(['Ana', 'Ben', 'Cal']);
    const anaCal = report.pairs.find((p) => p.annotators.join() === 'Ana,Cal')!;
    expect(anaCal.byLabel.Quote!.exact!.f1).toBe(1);
    expect(anaCal.kappa).toBe(1);
    const anaBen = report.pairs.find((p) => p.annotators.join() === 'Ana,Ben')!;
    expect(anaBen.byLabel.Quote!.exact!.f1).toBe(0);
    expect(anaBen.byLabel.Quote!.overlap!.f1).toBe(1);
    // Tokens: Ana Q Q O O, Ben Q O O O. po = 3/4; pe = (2/4*1/4) + (2/4*3/4) = 0.5; kappa = 0.25/0.5 = 0.5.
    expect(anaBen.kappa).toBeCloseTo(0.5);
    // Units: (Q,Q,Q), (Q,O,Q), (O,O,O), (O,O,O) -> o_QQ = 3+1 = 4, o_QO = o_OQ = 1, o_OO = 6;
    // n_Q = 5, n_O = 7, n = 12; alpha = 1 - 11 * 2 / (5*7*2) = 1 - 22/70 = 0.685714.
    expect(report.alpha).toBeCloseTo(0.685714, 5);
  });
});
