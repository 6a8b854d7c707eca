import { describe, expect, it } from 'vitest';
import { ApiError, MAX_DOCUMENT_BYTES, type ApiErrorCode } from '../../../../electron/contract/api.js';
import { checkDocumentSize, firstInvalidUtf8Offset, normalizeText, readTextDocument } from '../../../../electron/services/documents/index.js';
import { pseudoRandomBytes } from './helpers.js';

/** These tests are about UTF-8 text: read as UTF-8, as a user who chose it would. */
const readDocumentBytes = (fileName: string, content: Uint8Array) => {
  const { title, text } = readTextDocument(fileName, content, { encoding: 'utf-8' });
  return { title, text };
};

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** A sentence telling the user what to do next. */
const ACTION = /\b(Open|Save|Split|Check|Choose|Pick|Restore|Update|Move)\b/;

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a refusal, but the file was accepted');
}

function expectRefused(fileName: string, content: Uint8Array, code: ApiErrorCode): ApiError {
  const error = refusal(() => readDocumentBytes(fileName, content));
  expect(error.code).toBe(code);
  return error;
}


const PNG_HEADER = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);

describe('readDocumentBytes: which files are accepted', () => {
  it('reads .txt and .md files (any case) and takes the title from the file name', () => {
    expect(readDocumentBytes('story.txt', utf8('Hello, world.'))).toEqual({ title: 'story', text: 'Hello, world.' });
    expect(readDocumentBytes('Notes.MD', utf8('# Heading\n'))).toEqual({ title: 'Notes', text: '# Heading\n' });
    // A path (even a Windows one) is reduced to its last part.
    expect(readDocumentBytes('C:\\Users\\ann\\Desktop\\draft.txt', utf8('x')).title).toBe('draft');
    expect(readDocumentBytes('/home/ann/report.v2.md', utf8('x')).title).toBe('report.v2');
  });

  it.each(['photo.png', 'article.pdf', 'story.docx', 'archive.txt.zip', 'README', 'data.json', '.txt'])(
    'refuses %s as unsupported, telling the user to open a .txt or .md file',
    (fileName) => {
      const error = expectRefused(fileName, utf8('perfectly good text'), 'unsupported');
      expect(error.message).toMatch(/\.txt/);
      expect(error.message).toMatch(ACTION);
    },
  );

  it('refuses an empty file as empty-file', () => {
    const error = expectRefused('empty.txt', new Uint8Array(0), 'empty-file');
    expect(error.message).toContain('empty.txt');
    expect(error.message).toMatch(ACTION);
  });

  it.each([
    ['spaces and newlines', ' \n\t \r\n  '],
    ['only a BOM', '\uFEFF'],
    ['a BOM and blank lines', '\uFEFF\r\n\r\n'],
    ['no-break spaces', '\u00A0\u2003\u3000'],
  ])('refuses a file of %s as empty-file', (_what, content) => {
    expectRefused('blank.txt', utf8(content), 'empty-file');
  });

  it('tells the user what to do about a whitespace-only file', () => {
    const error = expectRefused('blank.txt', utf8('   \n\n  '), 'empty-file');
    expect(error.message).toMatch(ACTION);
  });

  it('refuses a file with a NUL byte as binary-file', () => {
    const error = expectRefused('notes.txt', utf8('looks like text\u0000but is not'), 'binary-file');
    expect(error.message).toContain('notes.txt');
    expect(error.message).toMatch(ACTION);
  });

  it('refuses a PNG renamed to .txt as binary-file', () => {
    const png = concat(PNG_HEADER, pseudoRandomBytes(4096));
    expectRefused('picture.txt', png, 'binary-file');
  });

  it('refuses many control characters even without a NUL byte', () => {
    const junk = Uint8Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41));
    expectRefused('junk.txt', junk, 'binary-file');
  });

  it('accepts tabs, form feeds and a few stray control characters in real text', () => {
    const text = 'Column\tColumn\n\fPage two\n' + 'word '.repeat(200) + '\u0007';
    expect(readDocumentBytes('t.txt', utf8(text)).text).toBe(text);
  });
});

describe('readDocumentBytes: encodings', () => {
  it('refuses Windows-1252 curly quotes as not-utf8 and names the byte position', () => {
    // "He said “yes”." in Windows-1252: 0x93 and 0x94 are the curly quotes.
    const cp1252 = concat(utf8('He said '), bytes(0x93), utf8('yes'), bytes(0x94), utf8('.'));
    const error = expectRefused('letter.txt', cp1252, 'not-utf8');
    expect(error.message).toMatch(/position 8\b/);
    expect(error.message).toContain('UTF-8');
    expect(error.message).toMatch(ACTION);
  });

  it('names the position of a Latin-1 é (0xE9) followed by ASCII', () => {
    const latin1 = concat(utf8('Caf'), bytes(0xe9), utf8(' au lait'));
    expect(expectRefused('menu.txt', latin1, 'not-utf8').message).toMatch(/position 3\b/);
  });

  it.each([
    ['a 2-byte sequence cut off at the end', concat(utf8('abc'), bytes(0xc3)), 3],
    ['a 3-byte sequence cut off at the end', concat(utf8('abc'), bytes(0xe2, 0x80)), 3],
    ['a 4-byte emoji cut off at the end', concat(utf8('abc'), bytes(0xf0, 0x9f, 0x98)), 3],
    ['a lone continuation byte', concat(utf8('ab'), bytes(0x80), utf8('cd')), 2],
    ['an overlong "/" (C0 AF)', concat(utf8('a'), bytes(0xc0, 0xaf)), 1],
    ['an overlong NUL (C1 80)', concat(utf8('a'), bytes(0xc1, 0x80)), 1],
    ['an overlong 3-byte "/" (E0 80 AF)', concat(utf8('ab'), bytes(0xe0, 0x80, 0xaf)), 2],
    ['an overlong 4-byte sequence (F0 82 82 AC)', concat(utf8('x'), bytes(0xf0, 0x82, 0x82, 0xac)), 1],
    ['an encoded surrogate (ED A0 80)', concat(utf8('abc'), bytes(0xed, 0xa0, 0x80), utf8('d')), 3],
    ['an encoded low surrogate (ED BF BF)', concat(bytes(0xed, 0xbf, 0xbf)), 0],
    ['a code point above U+10FFFF (F4 90 80 80)', concat(utf8('a'), bytes(0xf4, 0x90, 0x80, 0x80)), 1],
    ['an F5 lead byte', concat(utf8('a'), bytes(0xf5, 0x80, 0x80, 0x80)), 1],
    ['a lead byte followed by ASCII', concat(utf8('ab'), bytes(0xe2), utf8('xy')), 2],
  ])('refuses %s as not-utf8 at the right byte', (_what, content, position) => {
    expect(firstInvalidUtf8Offset(content)).toBe(position);
    expect(expectRefused('bad.txt', content, 'not-utf8').message).toContain(`position ${position}`);
  });

  it('agrees with a strict decoder for every lead byte followed by a spread of continuation bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (chunk: Uint8Array) => {
      try {
        strict.decode(chunk);
        return true;
      } catch {
        return false;
      }
    };
    const disagreements: string[] = [];
    let accepted = 0;
    for (let lead = 0x80; lead <= 0xff; lead++) {
      for (const second of [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff]) {
        for (const third of [0x41, 0x80, 0xbf, 0xc0]) {
          for (const fourth of [0x41, 0x80, 0xbf]) {
            const chunk = bytes(lead, second, third, fourth);
            const ours = firstInvalidUtf8Offset(chunk) === -1;
            if (ours) accepted++;
            if (ours !== valid(chunk)) disagreements.push([...chunk].map((b) => b.toString(16)).join(' '));
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The sample holds valid sequences too, so the comparison is not vacuous.
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts valid 2-, 3- and 4-byte characters, including emoji and U+10FFFF', () => {
    const text = 'Grüße — “quoted” 😀 👩🏽‍💻 \u{10FFFF} end';
    expect(firstInvalidUtf8Offset(utf8(text))).toBe(-1);
    const read = readDocumentBytes('emoji.txt', utf8(text));
    expect(read.text).toBe(text);
    // Offsets are UTF-16: the emoji takes two code units.
    expect(read.text.indexOf('end') - read.text.indexOf('😀')).toBe('😀 👩🏽‍💻 \u{10FFFF} '.length);
  });

  it('strips a UTF-8 byte order mark', () => {
    const read = readDocumentBytes('bom.txt', concat(bytes(0xef, 0xbb, 0xbf), utf8('First line')));
    expect(read.text).toBe('First line');
    expect(read.text.charCodeAt(0)).toBe('F'.charCodeAt(0));
  });

  it('normalizes CRLF and lone CR to \\n, and leaves a BOM in the middle alone', () => {
    const read = readDocumentBytes('mixed.txt', utf8('one\r\ntwo\rthree\nfour\r\n\r\nfive\uFEFFsix'));
    expect(read.text).toBe('one\ntwo\nthree\nfour\n\nfive\uFEFFsix');
    expect(read.text).not.toMatch(/\r/);
  });

  it('normalizeText is idempotent', () => {
    const once = normalizeText('\uFEFFa\r\nb\rc');
    expect(once).toBe('a\nb\nc');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('checkDocumentSize', () => {
  it('accepts a file of exactly the limit', () => {
    expect(() => checkDocumentSize('big.txt', MAX_DOCUMENT_BYTES)).not.toThrow();
  });

  it('refuses a file over 50 MB as too-large, naming both sizes and saying what to do', () => {
    const error = refusal(() => checkDocumentSize('transcript.txt', 120 * 1024 * 1024));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('transcript.txt');
    expect(error.message).toContain('120.0 MB');
    expect(error.message).toContain('50.0 MB');
    expect(error.message).toMatch(ACTION);
  });

  it('states a size larger than the limit for a file just over it', () => {
    const error = refusal(() => checkDocumentSize('edge.txt', MAX_DOCUMENT_BYTES + 1));
    const [size, limit] = [...error.message.matchAll(/([\d.]+) MB/g)].map((match) => Number(match[1]));
    expect(size).toBeGreaterThan(limit!);
  });

  it('readDocumentBytes checks the size before anything else about the content', () => {
    // A buffer one byte over the limit; zero-filled, so it would otherwise be "binary".
    const error = expectRefused('huge.txt', new Uint8Array(MAX_DOCUMENT_BYTES + 1), 'too-large');
    expect(error.message).toContain('huge.txt');
  });
});
