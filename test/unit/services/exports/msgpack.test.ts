// Our MessagePack encoder, read back by msgpack-python (Debian's python3-msgpack, the library
// srsly.msgpack_loads calls for spaCy): every width of every type DocBin can hold.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeMsgpack } from '../../../../electron/services/exports/msgpack.js';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : null;

/** msgpack.loads(raw=False) as spaCy's srsly calls it; bytes come back as {"bin": hex}, keys of a bytes-keyed map as "bin:hex". */
const DECODE = `
import json, sys, msgpack
def plain(v):
    if isinstance(v, bytes): return {"bin": v.hex()}
    if isinstance(v, dict): return {("bin:" + k.hex() if isinstance(k, bytes) else k): plain(x) for k, x in v.items()}
    if isinstance(v, list): return [plain(x) for x in v]
    if isinstance(v, int) and abs(v) > 2**53: return {"int": str(v)}
    return v
print(json.dumps(plain(msgpack.loads(sys.stdin.buffer.read(), raw=False))))
`;

const decode = (bytes: Uint8Array) => JSON.parse(execFileSync(PYTHON!, ['-c', DECODE], { input: bytes, encoding: 'utf8' }));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.skipIf(!PYTHON)('MessagePack as msgpack-python reads it', () => {
  it('holds integers of every width, strings and binary of every length, nested arrays and maps', () => {
    const ints = [0, 1, 127, 128, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, -1, -32, -33, -128, -129, -32768, -32769, -(2 ** 31), -(2 ** 31) - 1];
    const strings = ['', 'a', 'é'.repeat(15), 'x'.repeat(31), 'x'.repeat(32), '田中花子'.repeat(30), 'y'.repeat(70000), '𠮷👩🏽‍💻'];
    const bins = [new Uint8Array(0), new Uint8Array(255).fill(7), new Uint8Array(256).fill(8), new Uint8Array(70000).fill(9)];
    const many = Array.from({ length: 70000 }, (_, i) => i % 3);
    const bigMap = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    const byBytes = new Map([[new Uint8Array([1, 2, 3]), ['a', 'b']]]);
    const value = { ints, strings, bins, many, bigMap, byBytes, flags: [true, false, null], u64: 0xffffffffffffffffn, i64: -(2n ** 63n) };
    const got = decode(encodeMsgpack(value));
    expect(got.ints).toEqual(ints);
    expect(got.strings).toEqual(strings);
    expect(got.bins).toEqual(bins.map((b) => ({ bin: hex(b) })));
    expect(got.many).toEqual(many);
    expect(got.bigMap).toEqual(bigMap);
    expect(got.byBytes).toEqual({ 'bin:010203': ['a', 'b'] });
    expect(got.flags).toEqual([true, false, null]);
    expect(got.u64).toEqual({ int: '18446744073709551615' });
    expect(got.i64).toEqual({ int: String(-(2n ** 63n)) });
  });

  it('writes each value in its smallest form, as msgpack-python does', () => {
    expect(hex(encodeMsgpack({ a: [1, -1, 'x', new Uint8Array([0xff])] }))).toBe('81a16194' + '01' + 'ff' + 'a178' + 'c401ff');
    expect(hex(encodeMsgpack(200))).toBe('ccc8');
    expect(hex(encodeMsgpack('x'.repeat(32))).slice(0, 4)).toBe('d920');
  });
});
