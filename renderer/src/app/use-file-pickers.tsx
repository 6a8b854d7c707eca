// Open…, Import… and Locate file…: the host's own dialog where it has one (the desktop), else the
// window's hidden file inputs (FileInputs.tsx). The browser host knows no paths, so relinking, or
// reading a file again in another encoding, asks for the file itself.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { TextEncoding } from '../../../electron/contract/window-api';
import { FileInputs } from '../components/FileInputs';
import type { DocumentView } from '../state/workspace-state';

interface Deps {
  nativeDialog: boolean;
  current: DocumentView | null;
  openWithDialog(): Promise<unknown>;
  locateFile(file?: File): Promise<unknown>;
  rereadAs(encoding: TextEncoding, file?: File): Promise<unknown>;
  dropFiles(files: File[]): Promise<unknown>;
  importAnnotationFiles(files: File[]): Promise<unknown>;
}

export function useFilePickers({ nativeDialog, current, openWithDialog, locateFile, rereadAs, dropFiles, importAnnotationFiles }: Deps): {
  open(): void;
  chooseImportFiles(): void;
  locate(): void;
  changeEncoding(encoding: TextEncoding): void;
  inputs: ReactNode;
} {
  const fileInputRef = useRef<HTMLInputElement>(null);
  const importInputRef = useRef<HTMLInputElement>(null);
  const relinkInputRef = useRef<HTMLInputElement>(null);
  const [rereadEncoding, setRereadEncoding] = useState<TextEncoding | null>(null);

  const open = useCallback(() => {
    if (nativeDialog) void openWithDialog();
    else fileInputRef.current?.click();
  }, [openWithDialog, nativeDialog]);
  const chooseImportFiles = () => importInputRef.current?.click();
  const locate = () => {
    setRereadEncoding(null);
    if (nativeDialog) void locateFile();
    else relinkInputRef.current?.click();
  };
  const changeEncoding = (encoding: TextEncoding) => {
    if (current?.document.filePath) return void rereadAs(encoding);
    setRereadEncoding(encoding);
    relinkInputRef.current?.click();
  };

  const inputs = (
    <FileInputs
      openRef={fileInputRef}
      importRef={importInputRef}
      relinkRef={relinkInputRef}
      onOpen={(files) => void dropFiles(files)}
      onImport={(files) => void importAnnotationFiles(files)}
      onRelink={(file) => {
        if (rereadEncoding) void rereadAs(rereadEncoding, file);
        else void locateFile(file);
        setRereadEncoding(null);
      }}
    />
  );
  return { open, chooseImportFiles, locate, changeEncoding, inputs };
}
