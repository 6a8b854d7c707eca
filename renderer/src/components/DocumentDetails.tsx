// What the workspace knows of the open document: where it came from, how it was read, and the
// ways to fix that (another encoding, the file's new place, a transcript's speakers as quotes).
import { TEXT_ENCODINGS, TRANSCRIPT_FORMATS, type DocumentFormat, type DocumentSummary, type SourceState, type TextEncoding } from '../../../electron/contract/api';

export const FORMAT_NAMES: Record<DocumentFormat, string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  html: 'Web page',
  docx: 'Word document',
  srt: 'Subtitles (SubRip)',
  vtt: 'Subtitles (WebVTT)',
  transcript: 'Transcript',
};

export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
};

interface Props {
  document: DocumentSummary;
  source: SourceState;
  onChangeEncoding(encoding: TextEncoding): void;
  onLocate(): void;
  onTagTranscript(): void;
  onOpenLink(url: string): void;
}

export function DocumentDetails({ document: doc, source, onChangeEncoding, onLocate, onTagTranscript, onOpenLink }: Props) {
  const added = new Date(doc.addedAt);
  return (
    <section className="document-details" aria-label="About this document">
      <dl>
        <dt>Title</dt>
        <dd>{doc.title}</dd>
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[doc.format]}</dd>
        {doc.format !== 'docx' && (
          <>
            <dt>
              <label htmlFor="document-encoding">Encoding</label>
            </dt>
            <dd>
              <select id="document-encoding" value={doc.encoding} onChange={(event) => onChangeEncoding(event.target.value as TextEncoding)} title="If the text shows odd characters, read it again in another encoding">
                {TEXT_ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {ENCODING_NAMES[encoding]}
                    {encoding === doc.encoding && doc.encodingDetected ? ' (detected)' : ''}
                  </option>
                ))}
              </select>
            </dd>
          </>
        )}
        {doc.sourceUrl && (
          <>
            <dt>Source</dt>
            <dd className="document-url">
              <button type="button" className="link-button" onClick={() => onOpenLink(doc.sourceUrl!)} title="Open the page (you will be asked first)">
                {doc.sourceUrl}
              </button>
            </dd>
          </>
        )}
        <dt>File</dt>
        <dd className="document-path" title={doc.filePath ?? undefined}>
          {doc.filePath ?? `${doc.fileName} (opened in the window; its folder is not known)`}
          {source.state === 'missing' && <strong className="source-missing"> — missing</strong>}
        </dd>
        <dt>Added</dt>
        <dd>
          <time dateTime={doc.addedAt}>{Number.isNaN(added.getTime()) ? doc.addedAt : added.toLocaleString()}</time>
        </dd>
      </dl>
      <div className="document-actions">
        <button type="button" onClick={onLocate} title="Point this document at its file again; highlights are re-anchored if the text differs">
          Locate file…
        </button>
        {TRANSCRIPT_FORMATS.includes(doc.format) && (
          <button type="button" onClick={onTagTranscript} title="Tag each speaker’s lines as Quotes attributed to them">
            Tag speakers’ lines
          </button>
        )}
      </div>
    </section>
  );
}
