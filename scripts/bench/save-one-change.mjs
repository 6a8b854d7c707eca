// node scripts/bench/save-one-change.mjs [runs] [--whole]: see save-one-change.ts.
import { importTypeScript } from './load-ts.mjs';

const { measure } = await importTypeScript('save-one-change.ts');
const whole = process.argv.includes('--whole');
const times = (await measure(Number(process.argv[2] ?? 20), whole)).sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(`save of one change, 50,000 highlights${whole ? ' (whole file, as before the journal)' : ''}: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms (${times.length} runs)`);
