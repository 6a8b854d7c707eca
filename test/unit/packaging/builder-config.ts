// electron-builder.yml as electron-builder itself reads it: its own loader (the one the CLI
// uses), then its schema check.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const requireFromRoot = createRequire(path.join(root, 'package.json'));

export interface FileAssociation {
  ext: string | string[];
  name?: string;
  role?: string;
  rank?: string;
  mimeType?: string;
}
export interface BuilderConfig {
  files: Array<string | { filter: string[] }>;
  fileAssociations?: FileAssociation[];
  linux: { mimeTypes: string[]; executableArgs?: string[]; fileAssociations?: FileAssociation[]; executableName: string };
  deb: { executableArgs?: string[] };
  appImage: { executableArgs?: string[] };
  win: { fileAssociations?: FileAssociation[] };
  nsis: { include?: string; perMachine?: boolean };
  mac: {
    fileAssociations: FileAssociation[];
    hardenedRuntime?: boolean;
    notarize?: boolean;
    identity?: string | null;
    entitlements?: string;
    entitlementsInherit?: string;
  };
}

export async function loadBuilderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}
