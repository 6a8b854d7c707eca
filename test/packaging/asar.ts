// Reads an app.asar without Electron. The format: an 8-byte pickle holding the header size,
// then a pickle holding the header JSON (uint32 payload size, uint32 string length, UTF-8
// string), then the file data; each file's `offset` is relative to the end of the header.
import fs from 'node:fs';
import path from 'node:path';
import { requireFromRoot } from './project.js';

interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  link?: string;
}

export class AsarArchive {
  readonly entries = new Map<string, AsarNode>();
  private readonly dataStart: number;

  constructor(readonly file: string) {
    const fd = fs.openSync(file, 'r');
    try {
      const sizePickle = Buffer.alloc(8);
      fs.readSync(fd, sizePickle, 0, 8, 0);
      if (sizePickle.readUInt32LE(0) !== 4) throw new Error(`${file}: not an asar archive`);
      const headerSize = sizePickle.readUInt32LE(4);
      const headerPickle = Buffer.alloc(headerSize);
      fs.readSync(fd, headerPickle, 0, headerSize, 8);
      const length = headerPickle.readUInt32LE(4);
      const header = JSON.parse(headerPickle.toString('utf8', 8, 8 + length)) as AsarNode;
      this.dataStart = 8 + headerSize;
      this.walk(header, '');
    } finally {
      fs.closeSync(fd);
    }
  }

  private walk(node: AsarNode, prefix: string): void {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const p = prefix ? `${prefix}/${name}` : name;
      this.entries.set(p, child);
      if (child.files) this.walk(child, p);
    }
  }

  /** Every path (files and directories), relative, with forward slashes. */
  get paths(): string[] {
    return [...this.entries.keys()];
  }

  get filePaths(): string[] {
    return this.paths.filter((p) => !this.entries.get(p)?.files);
  }

  has(p: string): boolean {
    return this.entries.has(p);
  }

  read(p: string): Buffer {
    const entry = this.entries.get(p);
    if (!entry || entry.files || entry.link) throw new Error(`${p} is not a regular file in ${this.file}`);
    if (entry.unpacked) return fs.readFileSync(path.join(`${this.file}.unpacked`, p));
    const buf = Buffer.alloc(entry.size ?? 0);
    const fd = fs.openSync(this.file, 'r');
    try {
      fs.readSync(fd, buf, 0, buf.length, this.dataStart + Number(entry.offset));
    } finally {
      fs.closeSync(fd);
    }
    return buf;
  }
}

/** Lists the archive with @electron/asar (a dependency of electron-builder), when present. */
export function listWithElectronAsar(file: string): string[] | null {
  try {
    const asar = requireFromRoot('@electron/asar') as {
      listPackage(archive: string, options: { isPack: boolean }): string[];
    };
    return asar
      .listPackage(file, { isPack: false })
      .map((p) => p.split(path.sep).join('/').replace(/^\/+/, ''));
  } catch {
    return null;
  }
}
