// The command line's options, and the checks every command shares.
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, TEXT_ENCODINGS, type ExportFormat, type TextEncoding } from '../../contract/api.js';

/** A wrong command line: the message, then a hint to the command's --help. Exit code 2. */
export class UsageError extends Error {}

const OPTIONS = {
  store: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  documents: { type: 'string', multiple: true },
  // suggest: the stored document to save pre-annotations for.
  doc: { type: 'string' },
  json: { type: 'boolean' },
  ratios: { type: 'string' },
  // Repeatable for export and split (whose highlights); import takes one (who made them).
  author: { type: 'string', multiple: true },
  seed: { type: 'string' },
  // export and split: the curated layer only, or every layer.
  layer: { type: 'string' },
  encoding: { type: 'string' },
  'dry-run': { type: 'boolean' },
  disagreements: { type: 'boolean' },
  remote: { type: 'string' },
  live: { type: 'boolean' },
  'allow-insecure': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}

export type CliValues = ReturnType<typeof parseOptions>['values'];

/** A 20-character bar for a progress line. */
export function bar(done: number, total: number): string {
  const filled = total ? Math.round((done / total) * 20) : 20;
  return `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}]`;
}

export function need(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`${option} is needed.`);
  return value;
}

export function exportFormat(value: string | undefined): ExportFormat {
  const format = need(value, '--format') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}".`);
  return format;
}

export function textEncoding(value: string | undefined): TextEncoding | undefined {
  if (value === undefined) return undefined;
  const encoding = value.toLowerCase();
  if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}, not "${value}".`);
  return encoding as TextEncoding;
}

export function layerOption(value: string | undefined): 'all' | 'curated' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'all' && value !== 'curated') throw new UsageError(`--layer is curated (the curated layer only) or all, not "${value}".`);
  return value;
}
