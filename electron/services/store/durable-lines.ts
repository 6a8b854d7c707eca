// Append-only line files (a claim's history, a document's journal): each append is fsynced
// before it is acknowledged, and one the disk refuses is cut back, so no half line is left by
// a failure. Only a kill mid-append can leave an unfinished last line; what to do with it is
// the caller's choice (`torn`).
import { promises as fs } from 'node:fs';

/**
 * Appends `lines` (each without its newline) to `file`, made if missing, and fsyncs them.
 * An unfinished last line a kill left: 'keep' starts the new lines on a line of their own (the
 * claim history never removes a byte); 'cut' removes it first (a journal's torn batch was never
 * acknowledged, and its bytes are useless). Resolves with the file's size after the append.
 */
export async function appendLinesDurably(file: string, lines: readonly string[], torn: 'keep' | 'cut'): Promise<number> {
  const handle = await fs.open(file, 'a+');
  try {
    let { size } = await handle.stat();
    let lead = '';
    if (size > 0 && (await byteAt(handle, size - 1)) !== 0x0a) {
      if (torn === 'keep') lead = '\n';
      else {
        size = await endOfLastLine(handle, size);
        await handle.truncate(size);
      }
    }
    const text = lead + lines.map((line) => `${line}\n`).join('');
    try {
      await handle.appendFile(text);
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => undefined);
      throw error;
    }
    return size + Buffer.byteLength(text);
  } finally {
    await handle.close();
  }
}

async function byteAt(handle: fs.FileHandle, position: number): Promise<number> {
  const one = Buffer.alloc(1);
  await handle.read(one, 0, 1, position);
  return one[0]!;
}

/** The size of the file up to and with its last newline (0 when it has none), read backwards. */
async function endOfLastLine(handle: fs.FileHandle, size: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - start, start);
    const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}
