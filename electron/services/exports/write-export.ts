// An export's files, written where the host said: the desktop app's dialog, the CLI's --out.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { syncDirectory, writeFileDurably } from '../store/durable-json-file.js';
import { fileBody } from './brat.js';
import type { ExportResult } from './formats.js';
import { eachInFlight } from './in-flight.js';

/** brat's 2,000 files: enough writes under way to keep the disk busy, few enough file handles. */
const WRITES_IN_FLIGHT = 16;

/** A folder for folder formats (brat, a split's parts), else the one file's path. */
export async function writeExport(result: Pick<ExportResult, 'files' | 'folder'>, destination: string): Promise<void> {
  if (!result.folder) {
    await fs.mkdir(path.dirname(destination), { recursive: true });
    await writeFileDurably(destination, fileBody(result.files[0]!));
    return;
  }
  await fs.mkdir(destination, { recursive: true });
  // Split exports hold train/, dev/ and test/ parts.
  const folders = [...new Set(result.files.map((file) => path.dirname(path.join(destination, file.name))))];
  for (const folder of folders) await fs.mkdir(folder, { recursive: true });
  // Each file durable as it lands; each folder's renames made durable once, after its files.
  await eachInFlight(result.files, WRITES_IN_FLIGHT, (file) => writeFileDurably(path.join(destination, file.name), fileBody(file), { syncFolder: false }));
  await eachInFlight(folders, WRITES_IN_FLIGHT, syncDirectory);
}
