// What the packaged code depends on: the production dependency closure as npm installed it,
// and the module specifiers a bundled file loads.
import fs from 'node:fs';
import path from 'node:path';
import { readJson, root, type PackageJson } from './project.js';

/**
 * Optional dependencies electron-builder.yml's `files` leaves out on purpose: pdf.js's canvas
 * (native, per platform) only draws pages, and the app only reads their text.
 */
export const LEFT_OUT_PACKAGES: RegExp[] = [/^@napi-rs\//];

/**
 * Production dependency closure as installed (LEFT_OUT_PACKAGES aside): asar-relative package dirs
 * (e.g. "node_modules/lowdb", "node_modules/lowdb/node_modules/x").
 */
export function productionPackages(): string[] {
  const found = new Set<string>();
  const visit = (pkgDir: string, deps: string[]): void => {
    for (const name of deps) {
      if (LEFT_OUT_PACKAGES.some((re) => re.test(name))) continue;
      // Node's lookup: the package's own node_modules, then each ancestor's.
      let dir = pkgDir;
      let hit: string | null = null;
      for (;;) {
        const candidate = path.join(dir, 'node_modules', name);
        if (fs.existsSync(path.join(candidate, 'package.json'))) {
          hit = candidate;
          break;
        }
        if (path.resolve(dir) === root || path.dirname(dir) === dir) break;
        dir = path.dirname(dir);
        while (path.basename(dir) === 'node_modules' || path.basename(dir).startsWith('@')) {
          dir = path.dirname(dir);
        }
      }
      if (!hit) continue; // optional dependency not installed on this platform
      const rel = path.relative(root, hit).split(path.sep).join('/');
      if (found.has(rel)) continue;
      found.add(rel);
      const pkg = readJson<PackageJson>(path.join(hit, 'package.json'));
      visit(hit, [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
    }
  };
  const rootPkg = readJson<PackageJson>(path.join(root, 'package.json'));
  visit(root, Object.keys(rootPkg.dependencies ?? {}));
  return [...found].sort();
}

/** Module specifiers a bundled file loads: static imports/exports, import() and require(). */
export function specifiersOf(code: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const found = new Set<string>();
  for (const re of patterns) for (const m of code.matchAll(re)) if (m[1]) found.add(m[1]);
  return [...found];
}

export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
