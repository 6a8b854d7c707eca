import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../../electron/contract/api.js';
import { readDocument } from '../../../../electron/services/documents/index.js';
import { ACTION, bytes, concat, pseudoRandomBytes, refused, utf8 } from './helpers.js';

const encode = (text: string, encoding: string): Uint8Array => Uint8Array.from(iconv.encode(text, encoding));
const LE_BOM = bytes(0xff, 0xfe);
const BE_BOM = bytes(0xfe, 0xff);
const UTF8_BOM = bytes(0xef, 0xbb, 0xbf);

const STORY = 'The minister said “we will not back down” on Tuesday.\nCafé owners called the €12 levy “unfair” — again.';

describe('readDocument: UTF-8', () => {
  it('reads UTF-8 without a BOM as detected UTF-8', async () => {
    const read = await readDocument('story.txt', utf8(STORY));
    expect(read).toMatchObject({ text: STORY, encoding: 'utf-8', encodingDetected: true, format: 'text', title: 'story', sourceUrl: null });
  });

  it('removes a UTF-8 BOM and says the encoding was declared, not guessed', async () => {
    const read = await readDocument('bom.txt', concat(UTF8_BOM, utf8('First line\r\nSecond')));
    expect(read.text).toBe('First line\nSecond');
    expect(read).toMatchObject({ encoding: 'utf-8', encodingDetected: false });
  });

  it('refuses a BOM-marked UTF-8 file with a bad byte, naming its position', async () => {
    const content = concat(UTF8_BOM, utf8('He said '), bytes(0x93), utf8('yes'));
    const error = await refused(() => readDocument('bom.txt', content), 'not-utf8');
    expect(error.message).toContain('position 11');
    expect(error.message).toContain('byte order mark');
    expect(error.message).toMatch(ACTION);
  });

  it('keeps the real news article as detected UTF-8 text', async () => {
    const sample = readFileSync(new URL('../../../fixtures/un-security-council.txt', import.meta.url));
    const read = await readDocument('un-security-council.txt', sample);
    expect(read).toMatchObject({ format: 'text', encoding: 'utf-8', encodingDetected: true });
    expect(read.text).toBe(new TextDecoder().decode(sample).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  });
});

describe('readDocument: UTF-16', () => {
  const text = 'Anna Ruiz: “We will win” 😀\r\nBen Ode: ¿Qué? €5';
  const normalized = text.replace(/\r\n/g, '\n');

  it.each([
    ['LE', LE_BOM, 'utf-16le'],
    ['BE', BE_BOM, 'utf-16be'],
  ] as const)('reads UTF-16%s with a BOM (emoji, CRLF) and drops the BOM', async (_name, bom, encoding) => {
    const read = await readDocument('notes.txt', concat(bom, encode(text, encoding)));
    expect(read.text).toBe(normalized);
    expect(read).toMatchObject({ encoding, encodingDetected: false });
  });

  it.each(['utf-16le', 'utf-16be'] as const)('recognises %s without a BOM by its NUL pattern, not as binary', async (encoding) => {
    const read = await readDocument('notes.txt', encode(text, encoding));
    expect(read.text).toBe(normalized);
    expect(read).toMatchObject({ encoding, encodingDetected: true });
  });

  it('recognises Cyrillic UTF-16LE without a BOM, whose only NULs are in spaces and punctuation', async () => {
    const russian = 'Президент заявил, что переговоры продолжатся на следующей неделе.';
    expect(await readDocument('ru.txt', encode(russian, 'utf-16le'))).toMatchObject({ text: russian, encoding: 'utf-16le', encodingDetected: true });
  });

  it('refuses UTF-16 with an odd number of bytes, naming the last byte', async () => {
    const content = concat(LE_BOM, encode('Hello', 'utf-16le'), bytes(0x41));
    const error = await refused(() => readDocument('cut.txt', content), 'bad-encoding');
    expect(error.message).toContain('odd number of bytes (13)');
    expect(error.message).toContain('position 12');
    expect(error.message).toMatch(ACTION);
  });

  it('refuses UTF-16 with an unpaired surrogate, naming its position', async () => {
    // "Hi", then a high surrogate followed by "!" instead of its low half.
    const content = concat(LE_BOM, encode('Hi', 'utf-16le'), bytes(0x3d, 0xd8), encode('!', 'utf-16le'));
    const error = await refused(() => readDocument('half.txt', content), 'bad-encoding');
    expect(error.message).toContain('position 6');
    expect(error.message).toContain('unpaired surrogate');
  });

  it('refuses binary content behind a UTF-16 BOM', async () => {
    const content = concat(LE_BOM, Uint8Array.from({ length: 400 }, (_, i) => (i % 2 ? 0 : 1 + (i % 7))));
    await refused(() => readDocument('fake.txt', content), 'binary-file');
  });
});

describe('readDocument: Windows-1252 and ISO-8859-1', () => {
  it('detects Windows-1252 from its 0x80–0x9F bytes and decodes curly quotes, dashes and €', async () => {
    const content = encode(STORY, 'windows-1252');
    expect([...content]).toContain(0x93); // “
    expect([...content]).toContain(0x80); // €
    const read = await readDocument('letter.txt', content);
    expect(read.text).toBe(STORY);
    expect(read).toMatchObject({ encoding: 'windows-1252', encodingDetected: true });
  });

  it('detects ISO-8859-1 when there are no 0x80–0x9F bytes', async () => {
    const text = 'Café au lait, crème brûlée, à la carte. Größe: 3 × 4 ½.';
    const read = await readDocument('menu.txt', encode(text, 'iso-8859-1'));
    expect(read.text).toBe(text);
    expect(read).toMatchObject({ encoding: 'iso-8859-1', encodingDetected: true });
  });

  it('reads a Latin-1 file that ends in é as Latin-1, not as cut-off UTF-8', async () => {
    const read = await readDocument('cafe.txt', encode('Meet me at the café', 'iso-8859-1'));
    expect(read.text).toBe('Meet me at the café');
  });

  it('refuses bytes undefined in Windows-1252 found while detecting, naming both positions', async () => {
    const content = concat(utf8('He said '), bytes(0x93), utf8('yes'), bytes(0x94), utf8(' '), bytes(0x81));
    const error = await refused(() => readDocument('odd.txt', content), 'bad-encoding');
    expect(error.message).toContain('not UTF-8 is at position 8');
    expect(error.message).toContain('position 14, 0x81');
    expect(error.message).toMatch(ACTION);
  });
});

describe('readDocument: encodings we do not read', () => {
  it('refuses Shift_JIS, naming the guess, the encodings we read and the first non-UTF-8 byte', async () => {
    const content = concat(utf8('Tokyo: '), encode('東京都は月曜日、新しい規則を発表しました。記者会見で知事が説明した。', 'shift_jis'));
    const error = await refused(() => readDocument('tokyo.txt', content), 'bad-encoding');
    expect(error.message).toContain('"tokyo.txt" looks like Shift_JIS text');
    expect(error.message).toContain('position 7');
    expect(error.message).toContain('UTF-8, UTF-16 (LE or BE), Windows-1252 and ISO-8859-1');
    expect(error.message).toMatch(ACTION);
  });

  it('does not take short Western text for Shift_JIS, nor a long accented French text for anything but Latin', async () => {
    // chardet alone calls this line Shift_JIS.
    const short = concat(utf8('JOS'), bytes(0xc9), utf8(': '), bytes(0x93), utf8('S'), bytes(0xed), bytes(0x94));
    expect(await readDocument('es.txt', short)).toMatchObject({ text: 'JOSÉ: “Sí”', encoding: 'windows-1252' });
    const french = 'À l’école, élèves et professeurs ont débattu de la réforme — « une étape décisive », a déclaré la ministre. '.repeat(20);
    expect(await readDocument('fr.txt', encode(french, 'windows-1252'))).toMatchObject({ text: french, encoding: 'windows-1252' });
  });

  it('refuses KOI8-R, naming it', async () => {
    const content = encode('Президент заявил, что переговоры продолжатся на следующей неделе в Москве.', 'koi8-r');
    const error = await refused(() => readDocument('moscow.txt', content), 'bad-encoding');
    expect(error.message).toContain('KOI8-R');
    expect(error.message).toContain('position 0');
  });
});

describe('readDocument: truncated UTF-8', () => {
  it('says the file was cut off mid-character, with the byte position', async () => {
    const whole = utf8('Grüße aus Köln: 5 €');
    const cut = whole.subarray(0, whole.length - 1); // € is E2 82 AC; AC is gone
    const error = await refused(() => readDocument('cut.txt', cut), 'not-utf8');
    expect(error.message).toContain('ends in the middle of a UTF-8 character');
    expect(error.message).toContain(`from position ${whole.length - 3}`);
    expect(error.message).toContain('last 2 bytes');
    expect(error.message).toMatch(ACTION);
  });

  it('says the same when UTF-8 was chosen, even for a lone lead byte at the end', async () => {
    const error = await refused(() => readDocument('cut.txt', concat(utf8('abc'), bytes(0xc3)), { encoding: 'utf-8' }), 'not-utf8');
    expect(error.message).toContain('ends in the middle of a UTF-8 character');
    expect(error.message).toContain('position 3');
  });
});

describe('readDocument: the encoding the user chose', () => {
  const cp1252 = encode('He said “yes” for €5.', 'windows-1252');

  it('decodes as asked and says the encoding was chosen, not guessed', async () => {
    const read = await readDocument('letter.txt', cp1252, { encoding: 'windows-1252' });
    expect(read.text).toBe('He said “yes” for €5.');
    expect(read).toMatchObject({ encoding: 'windows-1252', encodingDetected: false });
    // ISO-8859-1 as asked: é from UTF-8 bytes reads as two characters, nothing dropped.
    const latin = await readDocument('x.txt', utf8('café'), { encoding: 'iso-8859-1' });
    expect(latin.text).toBe('cafÃ©');
  });

  it('refuses UTF-8 when the bytes are not, naming the position and suggesting Windows-1252', async () => {
    const error = await refused(() => readDocument('letter.txt', cp1252, { encoding: 'utf-8' }), 'not-utf8');
    expect(error.message).toContain('position 8 (0x93)');
    expect(error.message).toContain('Windows-1252');
    expect(error.message).toMatch(ACTION);
  });

  it.each(['81', '8D', '8F', '90', '9D'])('refuses Windows-1252 with its undefined byte 0x%s, naming the position', async (undefinedHex) => {
    const content = concat(utf8('Price: '), bytes(parseInt(undefinedHex, 16)), utf8(' 5'));
    const error = await refused(() => readDocument('price.txt', content, { encoding: 'windows-1252' }), 'bad-encoding');
    expect(error.message).toContain(`position 7 (0x${undefinedHex})`);
    expect(error.message).toContain('ISO-8859-1');
  });

  it('refuses UTF-16 read as UTF-8, saying what it really is', async () => {
    const content = concat(LE_BOM, encode('Hello there', 'utf-16le'));
    const error = await refused(() => readDocument('wide.txt', content, { encoding: 'utf-8' }), 'bad-encoding');
    expect(error.message).toContain('UTF-16 LE text, not UTF-8');
    expect(error.message).toContain('Choose UTF-16 LE');
  });

  it('reads UTF-16BE without a BOM when asked', async () => {
    const read = await readDocument('wide.txt', encode('Hi there', 'utf-16be'), { encoding: 'utf-16be' });
    expect(read).toMatchObject({ text: 'Hi there', encoding: 'utf-16be', encodingDetected: false });
  });
});

describe('readDocument: not text at all', () => {
  it('refuses a NUL-heavy file that is not UTF-16 as binary', async () => {
    const content = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 0 : 0x41 + (i % 20)));
    const error = await refused(() => readDocument('data.txt', content), 'binary-file');
    expect(error.message).toContain('"data.txt" looks like a binary file');
    expect(error.message).toMatch(ACTION);
  });

  it('refuses text with one stray NUL as binary, not as UTF-16 that happens to decode', async () => {
    await refused(() => readDocument('notes.txt', utf8('looks like text\u0000but is not')), 'binary-file');
  });

  it('refuses random bytes as binary', async () => {
    await refused(() => readDocument('noise.txt', pseudoRandomBytes(8192)), 'binary-file');
    await refused(() => readDocument('noise.txt', pseudoRandomBytes(8192), { encoding: 'windows-1252' }), 'binary-file');
  });

  it('refuses an empty file, a blank one and a blank UTF-16 one', async () => {
    expect((await refused(() => readDocument('empty.txt', new Uint8Array(0)), 'empty-file')).message).toContain('"empty.txt" is empty');
    expect((await refused(() => readDocument('blank.md', utf8(' \r\n\t\n')), 'empty-file')).message).toContain('only blank space');
    await refused(() => readDocument('blank.txt', concat(LE_BOM, encode('  \r\n ', 'utf-16le'))), 'empty-file');
  });

  it('refuses a file over 50 MB before looking at its bytes', async () => {
    const error = await refused(() => readDocument('huge.txt', new Uint8Array(MAX_DOCUMENT_BYTES + 1)), 'too-large');
    expect(error.message).toContain('"huge.txt" is 50.1 MB; the limit is 50.0 MB');
  });
});

describe('readDocument: UTF-16 lookalikes', () => {
  it('calls a few NUL-patterned bytes that are not text binary, not UTF-16', async () => {
    const content = Uint8Array.of(0, 1, 2, 3);
    await refused(() => readDocument('tiny.txt', content), 'binary-file');
    await refused(() => readDocument('tiny.txt', content, { encoding: 'utf-8' }), 'binary-file');
  });
});

describe('UTF-8 with one damaged byte', () => {
  it('is refused with the byte’s position, not read as Latin-1 with every accent garbled', async () => {
    const damaged = Buffer.concat([Buffer.from('Le café crème était froid, dit Anne. '), Buffer.from([0xc3, 0x28]), Buffer.from(' Fin.')]);
    const error = await refused(() => readDocument('note.txt', damaged), 'not-utf8');
    expect(error.message).toContain('"note.txt" is UTF-8 text with a damaged byte: the byte at position 40 (0xC3)');
  });

  it('still reads a Latin-1 file whose first accent is not UTF-8', async () => {
    const latin = Buffer.from('Le caf\xe9 cr\xe8me \xe9tait froid.', 'latin1');
    expect((await readDocument('note.txt', latin)).text).toBe('Le café crème était froid.');
  });
});
