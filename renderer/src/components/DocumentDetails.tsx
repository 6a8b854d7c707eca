// What the workspace knows of the open document: where it came from, how it was read, and the
// ways to fix that (another encoding, the file's new place, a transcript's speakers as quotes).
import { useState } from 'react';
import { ENCODING_NAMES, TEXT_ENCODINGS, TRANSCRIPT_FORMATS, UNENCODED_FORMATS, type DocumentFormat, type DocumentSummary, type SourceState, type TextEncoding } from '../../../electron/contract/window-api';

export const FORMAT_NAMES: Record<DocumentFormat, string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  html: 'Web page',
  docx: 'Word document',
  srt: 'Subtitles (SubRip)',
  vtt: 'Subtitles (WebVTT)',
  transcript: 'Transcript',
  pdf: 'PDF',
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
  // Choosing is not reading: arrow keys may walk the list, and each read re-anchors every highlight.
  const [encoding, setEncoding] = useState<TextEncoding>(doc.encoding);
  return (
    <section className="document-details" aria-label="About this document">
      <dl>
        <dt>Title</dt>
        <dd>{doc.title}</dd>
        {doc.headline && (
          <>
            <dt>Headline</dt>
            <dd>{doc.headline}</dd>
          </>
        )}
        {doc.outlet && (
          <>
            <dt>Outlet</dt>
            <dd>{doc.outlet}</dd>
          </>
        )}
        {doc.byline && (
          <>
            <dt>Byline</dt>
            <dd>{doc.byline}</dd>
          </>
        )}
        {doc.publishedOn && (
          <>
            <dt>Published</dt>
            <dd>
              <time dateTime={doc.publishedOn}>{doc.publishedOn}</time>
            </dd>
          </>
        )}
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[doc.format]}</dd>
        {doc.pageStarts && (
          <>
            <dt>Pages</dt>
            <dd>{doc.pageStarts.length}</dd>
          </>
        )}
        {!UNENCODED_FORMATS.includes(doc.format) && (
          <>
            <dt>
              <label htmlFor="document-encoding">Encoding</label>
            </dt>
            <dd>
              <select id="document-encoding" value={encoding} onChange={(event) => setEncoding(event.target.value as TextEncoding)} title="If the text shows odd characters, choose another encoding and read it again">
                {TEXT_ENCODINGS.map((name) => (
                  <option key={name} value={name}>
                    {ENCODING_NAMES[name]}
                    {name === doc.encoding && doc.encodingDetected ? ' (detected)' : ''}
                  </option>
                ))}
              </select>
              {encoding !== doc.encoding && (
                <button type="button" className="read-again" onClick={() => onChangeEncoding(encoding)}>
                  Read again as {ENCODING_NAMES[encoding]}
                </button>
              )}
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
        {/* Only a file that is gone needs finding: a linked one is there, an upload never had a place on disk. */}
        {source.state === 'missing' && (
          <button type="button" onClick={onLocate} title="Point this document at its file again; highlights are re-anchored if the text differs">
            Locate file…
          </button>
        )}
        {TRANSCRIPT_FORMATS.includes(doc.format) && (
          <button type="button" onClick={onTagTranscript} title="Tag each speaker’s lines as Quotes attributed to them">
            Tag speakers’ lines
          </button>
        )}
      </div>
    </section>
  );
}
