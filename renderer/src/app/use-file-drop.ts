// Files dropped anywhere on the window: documents are opened; annotation files (with the texts
// they annotate, for brat) are imported, after a preview.
import { useState, type DragEvent } from 'react';
import { isAnnotationFile } from '../files';

interface Deps {
  dropFiles(files: File[]): Promise<unknown>;
  importAnnotationFiles(files: File[]): Promise<unknown>;
}

export function useFileDrop({ dropFiles, importAnnotationFiles }: Deps) {
  const [dragging, setDragging] = useState(false);
  const handlers = {
    onDragOver: (event: DragEvent) => {
      if ([...event.dataTransfer.types].includes('Files')) {
        event.preventDefault();
        setDragging(true);
      }
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.some((file) => isAnnotationFile(file.name))) void importAnnotationFiles(files);
      else if (files.length) void dropFiles(files);
    },
  };
  return { dragging, handlers };
}
