// A minimal PDF writer for tests, so no binary fixture (and no licence question) is needed:
// pages of text placed at positions in Helvetica, an Info dictionary, optionally a page that is
// only an image (a scan) or an /Encrypt dictionary asking for a password.

/** One run of text drawn at (x, y) in points from the page's bottom-left corner. */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

export interface PdfPage {
  texts?: PdfText[];
  /** Draws a grey image over the page and nothing else: a scan without a text layer. */
  image?: boolean;
}

export interface PdfOptions {
  info?: { Title?: string; Author?: string; CreationDate?: string; Subject?: string };
  /** Adds a standard security handler whose user password is not empty: pdf.js asks for it. */
  encrypted?: boolean;
  /** Page width in points (default: A4, 595). */
  width?: number;
}

/** WinAnsiEncoding's bytes for the typographic characters outside Latin-1. */
const WIN_ANSI: Record<string, string> = { '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94', '–': '\x96', '—': '\x97', '€': '\x80' };

/** A PDF string literal, written in WinAnsiEncoding (Latin-1 and the characters above). */
const literal = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[‘’“”–—€]/g, (c) => WIN_ANSI[c]!)})`;

export function pdfFile(pages: PdfPage[], options: PdfOptions = {}): Uint8Array {
  const width = options.width ?? 595;
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const page of pages) {
    let content = '';
    let resources = `<< /Font << /F1 ${font} 0 R >>`;
    if (page.image) {
      const image = add('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x40\x40\x80\nendstream');
      resources += ` /XObject << /Im1 ${image} 0 R >>`;
      content += `q ${width} 0 0 842 0 0 cm /Im1 Do Q\n`;
    }
    resources += ' >>';
    for (const t of page.texts ?? []) content += `BT /F1 ${t.size ?? 11} Tf ${t.x} ${t.y} Td ${literal(t.text)} Tj ET\n`;
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} 842] /Resources ${resources} /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let info = 0;
  if (options.info) {
    const entries = Object.entries(options.info).map(([key, value]) => `/${key} ${literal(value)}`);
    info = add(`<< ${entries.join(' ')} >>`);
  }
  let encrypt = 0;
  if (options.encrypted) {
    // RC4 40-bit (R2); /U that no empty password produces, so a password is required.
    const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
    encrypt = add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(11)}> /U <${hex(97)}> >>`);
  }

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = '<0123456789abcdef0123456789abcdef>';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Lines of text down a page from `top`, `leading` points apart, starting at x. */
export function lines(texts: string[], options: { x?: number; top?: number; leading?: number; size?: number } = {}): PdfText[] {
  const { x = 72, top = 760, leading = 14, size = 11 } = options;
  return texts.map((text, i) => ({ x, y: top - i * leading, text, size }));
}

/**
 * One line of Japanese in a font the file does not embed (HeiseiMin-W3, Adobe-Japan1, encoded
 * UniJIS-UCS2-H): pdf.js can only turn its codes into text with its character maps (cmaps/).
 */
export function japanesePdf(text: string): Uint8Array {
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F2 12 Tf 72 760 Td <${hex}> Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F2 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 709 /StemV 69 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
