// The repository the packaging tests build, and how they read its files.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Resolves electron-builder's own modules (and its dependencies) as the CLI would. */
export const requireFromRoot = createRequire(path.join(root, 'package.json'));

export interface PackageJson {
  name?: string;
  main?: string;
  type?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
