// The hidden file choosers behind Open…, Import… and Locate file… where the host has no native
// dialog (the browser): the window clicks them, the files chosen come back here.
import type { RefObject } from 'react';
import { ANNOTATION_EXTENSIONS, OPENABLE_EXTENSIONS } from '../files';

interface Props {
  openRef: RefObject<HTMLInputElement | null>;
  importRef: RefObject<HTMLInputElement | null>;
  relinkRef: RefObject<HTMLInputElement | null>;
  onOpen(files: File[]): void;
  onImport(files: File[]): void;
  onRelink(file: File): void;
}

/** The files chosen, and the input emptied so choosing the same file again is a change too. */
const taken = (input: HTMLInputElement): File[] => {
  const files = [...(input.files ?? [])];
  input.value = '';
  return files;
};

export function FileInputs({ openRef, importRef, relinkRef, onOpen, onImport, onRelink }: Props) {
  return (
    <>
      <input
        ref={importRef}
        type="file"
        hidden
        multiple
        accept={[...ANNOTATION_EXTENSIONS, ...OPENABLE_EXTENSIONS].join(',')}
        data-testid="import-input"
        onChange={(event) => {
          const files = taken(event.target);
          if (files.length) onImport(files);
        }}
      />
      <input
        ref={relinkRef}
        type="file"
        hidden
        accept={OPENABLE_EXTENSIONS.join(',')}
        data-testid="relink-input"
        onChange={(event) => {
          const [file] = taken(event.target);
          if (file) onRelink(file);
        }}
      />
      <input
        ref={openRef}
        type="file"
        hidden
        multiple
        accept={[...OPENABLE_EXTENSIONS, 'text/plain', 'text/markdown'].join(',')}
        data-testid="file-input"
        onChange={(event) => {
          const files = taken(event.target);
          if (files.length) onOpen(files);
        }}
      />
    </>
  );
}
