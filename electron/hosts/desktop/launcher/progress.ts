// The lines `npm start` shows while it installs Electron. @electron/get draws its own bar only
// after 30 s and only on a terminal stderr, which we capture to read its errors; so we draw ours.
import type { InstallerProgress } from './electron-installer.js';

export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(0, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function startLine(version: string): string {
  return `Installing Electron ${version} (first start only)…`;
}

export function progressLine(version: string, progress: InstallerProgress): string {
  if (progress.phase === 'unpacking') {
    return `Unpacking Electron ${version} (${formatBytes(progress.transferred)} downloaded in ${seconds(progress.elapsedMs)})…`;
  }
  const amount =
    progress.total !== null
      ? `${formatBytes(progress.transferred)} of ${formatBytes(progress.total)}`
      : formatBytes(progress.transferred);
  return `Downloading Electron ${version}: ${amount}, ${seconds(progress.elapsedMs)} (first start only)`;
}

export function installedLine(version: string, download: { size: number | null } | null, elapsedMs: number): string {
  const how = download
    ? `downloaded${download.size !== null ? ` ${formatBytes(download.size)}` : ''} in ${seconds(elapsedMs)}`
    : 'from the download cache';
  return `Electron ${version} is installed (${how}); opening the window.`;
}
