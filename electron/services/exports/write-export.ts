// An export's files, written where the host said: the desktop app's dialog, the CLI's --out.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../store/durable-json-file.js';
import { fileBody } from './brat.js';
import type { ExportResult } from './formats.js';

/** A folder for folder formats (brat, a split's parts), else the one file's path. */
export async function writeExport(result: Pick<ExportResult, 'files' | 'folder'>, destination: string): Promise<void> {
  if (!result.folder) {
    await fs.mkdir(path.dirname(destination), { recursive: true });
    await writeFileDurably(destination, fileBody(result.files[0]!));
    return;
  }
  await fs.mkdir(destination, { recursive: true });
  for (const file of result.files) {
    // Split exports hold train/, dev/ and test/ parts.
    await fs.mkdir(path.dirname(path.join(destination, file.name)), { recursive: true });
    await writeFileDurably(path.join(destination, file.name), fileBody(file));
  }
}
