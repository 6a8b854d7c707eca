// Reads an NSIS script statically: expands one of its macros (with its !defines and the
// macros it inserts) and collects the registry commands it would run. NSIS itself only runs on
// Windows, or under Wine (test/packaging/nsis-open-with.test.ts).

export interface RegistryOp {
  command: string;
  key: string;
  /** The value's name ('' for the key's default value). */
  value?: string;
  data?: string;
  /** The macros it was expanded from, outermost first. */
  via: string[];
}

/** Splits an NSIS line into words, honouring "...", '...' and `...` quoting. */
export function nsisWords(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+)/g;
  for (const m of line.matchAll(re)) {
    if (m[4]?.startsWith(';') || m[4]?.startsWith('#')) break;
    words.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return words;
}

/** Expands a macro of the script with its !defines and arguments, collecting the registry commands. */
export function expandMacro(script: string, name: string, defines: Record<string, string>): { ops: RegistryOp[]; lines: string[] } {
  const macros = new Map<string, { params: string[]; body: string[] }>();
  const allDefines = { ...defines };
  let current: { name: string; params: string[]; body: string[] } | null = null;
  for (const raw of script.split(/\r?\n/)) {
    const line = raw.trim();
    const words = nsisWords(line);
    if (words[0] === '!macro') current = { name: words[1]!, params: words.slice(2), body: [] };
    else if (words[0] === '!macroend' && current) {
      macros.set(current.name, current);
      current = null;
    } else if (current) current.body.push(line);
    else if (words[0] === '!define') allDefines[words[1]!] = words[2] ?? '';
  }
  const substitute = (text: string, vars: Record<string, string>): string => {
    let out = text;
    for (let i = 0; i < 10 && /\$\{\w+\}/.test(out); i++) out = out.replace(/\$\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);
    return out;
  };
  const ops: RegistryOp[] = [];
  const lines: string[] = [];
  const run = (macroName: string, args: string[], via: string[]): void => {
    const macro = macros.get(macroName);
    if (!macro) throw new Error(`installer.nsh: no macro ${macroName}`);
    const vars = { ...allDefines, ...Object.fromEntries(macro.params.map((p, i) => [p, args[i] ?? ''])) };
    for (const bodyLine of macro.body) {
      const words = nsisWords(substitute(bodyLine, vars));
      if (words.length === 0) continue;
      lines.push(words.join(' '));
      if (words[0] === '!insertmacro') run(words[1]!, words.slice(2), [...via, macroName]);
      else if (/^(WriteReg|DeleteReg)/.test(words[0]!)) {
        const flagless = words.filter((w) => !w.startsWith('/'));
        ops.push({ command: flagless[0]!, key: `${flagless[1]}\\${flagless[2]}`, value: flagless[3], data: flagless[4], via: [...via, macroName] });
      }
    }
  };
  run(name, [], []);
  return { ops, lines };
}
