// brat standoff by brat's own rules. The fixtures are written by hand from brat's standoff page
// (https://brat.nlplab.org/standoff.html) and from how brat's reader behaves (issue 13); each
// test names the rule it leans on.
import { describe, expect, it } from 'vitest';
import { toBrat } from '../../../../electron/services/exports/brat.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { planBrat } from '../../../../electron/services/imports/brat.js';
import { planFiles } from '../../../../electron/services/imports/plan-files.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const NBSP = '\u00a0';
const FRENCH = `Le ministre a répondu : «${NBSP}C'est très sérieux${NBSP}» hier soir.`;
const TAB = 'The euro rose and\tthe yen fell.';
const ASTRAL = `𠮷野家の社長 👩🏽‍💻 dit «${NBSP}oui${NBSP}» ce matin.`;
const TWO_LINES = 'He said: Hello there\nworld, and left.';
const texts = [FRENCH, TAB, ASTRAL, TWO_LINES];

/** What brat's reader demands of a T line (standoff page): the text field is the characters
 * (code points) of each fragment of the .txt, fragments joined by one space. */
function bratRefusals(txt: string, ann: string): string[] {
  const chars = [...txt];
  return ann
    .split('\n')
    .filter((line) => line.startsWith('T'))
    .filter((line) => {
      const [, typeAndOffsets, ...rest] = line.split('\t');
      const fragments = typeAndOffsets!.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
      const expected = fragments.map(([from, to]) => chars.slice(from, to).join('')).join(' ');
      return rest.join('\t') !== expected;
    });
}

/** A planned span's words in the planned text. */
const words = (plan: { text: string; spans: { start: number; end: number }[] }) => plan.spans.map((s) => plan.text.slice(s.start, s.end));

describe('brat export', () => {
  async function exported(text: string, quote: string) {
    const service = await ws.openService(await ws.tempDir());
    const doc = await importText(service, 'story.txt', text);
    const start = text.indexOf(quote);
    const { refused } = await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'q', labelId: 'quote', start, end: start + quote.length }]);
    expect(refused).toEqual([]);
    const [txt, ann] = toBrat(await collectDataset(service.store));
    // The T line; the # lines after it carry the highlight's id and times.
    return { txt: txt!.content, ann: `${ann!.content.split('\n')[0]}\n` };
  }

  it('writes no-break spaces as they are: brat requires the exact characters', async () => {
    const { txt, ann } = await exported(FRENCH, `«${NBSP}C'est très sérieux${NBSP}»`);
    expect(ann.split('\t')[2]).toBe(`«${NBSP}C'est très sérieux${NBSP}»\n`);
    expect(bratRefusals(txt, ann)).toEqual([]);
  });

  it('cuts a span at a tab into fragments joined by a space (brat joins fragments so), offsets exact', async () => {
    const { txt, ann } = await exported(TAB, 'and\tthe yen');
    const at = TAB.indexOf('and');
    expect(ann).toBe(`T1\tQuote ${at} ${at + 3};${at + 4} ${at + 11}\tand the yen\n`);
    expect(bratRefusals(txt, ann)).toEqual([]);
  });

  it('counts code points after an astral CJK character and an emoji sequence', async () => {
    const { txt, ann } = await exported(ASTRAL, `«${NBSP}oui${NBSP}»`);
    expect(bratRefusals(txt, ann)).toEqual([]);
    const [start] = ann.split('\t')[1]!.split(' ').slice(1).map(Number);
    expect(start).toBe([...ASTRAL.slice(0, ASTRAL.indexOf('«'))].length);
  });
});

describe('brat import', () => {
  it('accepts no-break spaces and a literal tab in the text field, exactly as in the .txt', () => {
    // Standoff page: the text field is the text spanned; brat's reader keeps the rest of the line, tabs too.
    const from = FRENCH.indexOf('«');
    const quote = `«${NBSP}C'est très sérieux${NBSP}»`;
    const nbsp = planBrat('fr.ann', `T1\tQuote ${from} ${from + quote.length}\t${quote}\n`, 'fr.txt', FRENCH);
    expect(words(nbsp)).toEqual([`«${NBSP}C'est très sérieux${NBSP}»`]);
    const at = TAB.indexOf('and');
    const tab = planBrat('tab.ann', `T1\tClaim ${at} ${at + 11}\tand\tthe yen\n`, 'tab.txt', TAB);
    expect(words(tab)).toEqual(['and\tthe yen']);
  });

  it('counts a BOM as brat does: one character, offset 0', async () => {
    // brat decodes the .txt as UTF-8 without removing a BOM, so "Sony" starts at 1 (issue 13).
    const service = await ws.openService(await ws.tempDir());
    const txt = new TextEncoder().encode('\ufeffSony formed a joint venture.');
    const ann = new TextEncoder().encode('T1\tOrganization 1 5\tSony\n');
    const [plan] = await planFiles([{ name: 'sony.ann', bytes: ann }, { name: 'sony.txt', bytes: txt }], service.store);
    expect(plan!.text.startsWith('Sony')).toBe(true);
    expect(words(plan!)).toEqual(['Sony']);
  });

  it('reads CRLF as brat does: each \\r\\n is one character', () => {
    // brat opens the .txt with universal newlines, so a \r is not counted (issue 13).
    const plan = planBrat('crlf.ann', 'T1\tOrganization 12 16\tSony\r\n', 'crlf.txt', 'First line.\r\nSony said it.');
    expect(words(plan)).toEqual(['Sony']);
  });

  it('counts code points before the span: 𠮷 and an emoji with a skin tone and ZWJ', () => {
    // Standoff page: character offsets; brat is Python, whose characters are code points.
    const from = [...ASTRAL.slice(0, ASTRAL.indexOf('«'))].length;
    const plan = planBrat('a.ann', `T1\tQuote ${from} ${from + 7}\t«${NBSP}oui${NBSP}»\n`, 'a.txt', ASTRAL);
    expect(words(plan)).toEqual([`«${NBSP}oui${NBSP}»`]);
  });

  it('joins discontinuous fragments with only white space between them into one highlight, over CRLF', () => {
    // Standoff page: fragments "START END;START END", their texts joined by one space; the
    // \r\n between them is one character to brat (universal newlines, issue 13).
    const at = TWO_LINES.indexOf('Hello');
    const plan = planBrat('two.ann', `T1\tQuote ${at} ${at + 11};${at + 12} ${at + 17}\tHello there world\n`, 'two.txt', TWO_LINES.replace('\n', '\r\n'));
    expect(words(plan)).toEqual(['Hello there\nworld']);
  });

  it('refuses a discontinuous span whose fragment does not match, naming the line and fragment', () => {
    const at = TWO_LINES.indexOf('Hello');
    const ann = `T1\tQuote 0 2\tHe\nT2\tQuote ${at} ${at + 11};${at + 18} ${at + 23}\tHello there world\n`;
    expect(() => planBrat('two.ann', ann, 'two.txt', TWO_LINES)).toThrow(`two.ann:2: T2 says "Hello there world", but two.txt has " and " there (fragment 2 of 2, ${at + 18} ${at + 23}).`);
  });

  it('refuses, never stretches, fragments with words between them', () => {
    // The standoff page's own example: "North America" over "North and South America".
    const text = 'North and South America';
    expect(() => planBrat('na.ann', 'T1\tLocation 0 5;16 23\tNorth America\n', 'na.txt', text)).toThrow(
      'na.ann:1: T1 marks 0 5;16 23: pieces of text with " and South " between them. A highlight here is one run of text',
    );
  });

  it('round-trips export → import over no-break spaces, tabs, astral characters and a line break', async () => {
    const service = await ws.openService(await ws.tempDir());
    const spans: [string, string][] = [
      [FRENCH, `«${NBSP}C'est très sérieux${NBSP}»`],
      [TAB, 'and\tthe yen'],
      [ASTRAL, `𠮷野家の社長 👩🏽‍💻 dit «${NBSP}oui`],
      [TWO_LINES, 'Hello there\nworld'],
    ];
    for (const [k, [text, quote]] of spans.entries()) {
      const doc = await importText(service, `story-${k}.txt`, text);
      const start = text.indexOf(quote);
      await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: `q${k}`, labelId: 'quote', start, end: start + quote.length }]);
    }
    const files = toBrat(await collectDataset(service.store));
    for (const [k, text] of texts.entries()) {
      const txt = files[2 * k]!.content;
      const ann = files[2 * k + 1]!.content;
      expect(txt).toBe(text);
      expect(bratRefusals(txt, ann)).toEqual([]);
      expect(words(planBrat('x.ann', ann, 'x.txt', txt))).toEqual([spans[k]![1]]);
    }
  });
});
