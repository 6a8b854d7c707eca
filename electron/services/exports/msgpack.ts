// A MessagePack encoder for what spaCy's DocBin holds: nil, booleans, integers, strings,
// binary, arrays and maps (string-keyed objects, or a Map for binary keys). Written from the
// MessagePack specification (github.com/msgpack/msgpack/blob/master/spec.md): strings as str
// (UTF-8) and bytes as bin, as msgpack-python writes them with use_bin_type (the default since
// 1.0, which srsly.msgpack_dumps uses); each value in the smallest form that holds it.

export type MsgpackValue = null | boolean | number | bigint | string | Uint8Array | MsgpackValue[] | Map<MsgpackValue, MsgpackValue> | { [key: string]: MsgpackValue };

export function encodeMsgpack(value: MsgpackValue): Uint8Array {
  const writer = new Writer();
  writer.value(value);
  return writer.bytes();
}

/** One for every writer: a docbin makes thousands of writers. */
const encoder = new TextEncoder();

class Writer {
  private buffer = new Uint8Array(1024);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private room(n: number) {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }

  private u8(n: number) {
    this.room(1);
    this.view.setUint8(this.length++, n);
  }
  private u16(n: number) {
    this.room(2);
    this.view.setUint16(this.length, n);
    this.length += 2;
  }
  private u32(n: number) {
    this.room(4);
    this.view.setUint32(this.length, n);
    this.length += 4;
  }
  private raw(bytes: Uint8Array) {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A type byte, then the length in 8, 16 or 32 bits (a fix form when given and it fits). */
  private header(n: number, fix: { base: number; max: number } | null, [t8, t16, t32]: [number | null, number, number]) {
    if (fix && n <= fix.max) this.u8(fix.base | n);
    else if (t8 !== null && n < 0x100) (this.u8(t8), this.u8(n));
    else if (n < 0x10000) (this.u8(t16), this.u16(n));
    else (this.u8(t32), this.u32(n));
  }

  value(value: MsgpackValue): void {
    if (value === null) return this.u8(0xc0);
    if (value === false) return this.u8(0xc2);
    if (value === true) return this.u8(0xc3);
    // A small whole number needs no BigInt: the same bytes, without one made for each.
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 0x100000000) return this.unsigned(value);
    if (typeof value === 'number' || typeof value === 'bigint') return this.integer(BigInt(value));
    if (typeof value === 'string') {
      if (value.length <= 31 && isAscii(value)) {
        // Its UTF-8 is its characters: written straight in, no encoder's array made.
        this.room(1 + value.length);
        this.buffer[this.length++] = 0xa0 | value.length;
        for (let i = 0; i < value.length; i++) this.buffer[this.length++] = value.charCodeAt(i);
        return;
      }
      const utf8 = encoder.encode(value);
      this.header(utf8.length, { base: 0xa0, max: 31 }, [0xd9, 0xda, 0xdb]);
      return this.raw(utf8);
    }
    if (value instanceof Uint8Array) {
      this.header(value.length, null, [0xc4, 0xc5, 0xc6]);
      return this.raw(value);
    }
    if (Array.isArray(value)) {
      this.header(value.length, { base: 0x90, max: 15 }, [null, 0xdc, 0xdd]);
      for (const item of value) this.value(item);
      return;
    }
    const entries: [MsgpackValue, MsgpackValue][] = value instanceof Map ? [...value] : Object.entries(value);
    this.header(entries.length, { base: 0x80, max: 15 }, [null, 0xde, 0xdf]);
    for (const [key, item] of entries) {
      this.value(key);
      this.value(item);
    }
  }

  /** As integer() writes a whole number from 0 to 2³² − 1. */
  private unsigned(n: number) {
    if (n < 0x80) return this.u8(n);
    if (n < 0x100) return (this.u8(0xcc), this.u8(n));
    if (n < 0x10000) return (this.u8(0xcd), this.u16(n));
    return (this.u8(0xce), this.u32(n));
  }

  private integer(n: bigint) {
    if (n >= 0n) {
      if (n < 0x80n) return this.u8(Number(n));
      if (n < 0x100n) return (this.u8(0xcc), this.u8(Number(n)));
      if (n < 0x10000n) return (this.u8(0xcd), this.u16(Number(n)));
      if (n < 0x100000000n) return (this.u8(0xce), this.u32(Number(n)));
      if (n > 0xffffffffffffffffn) throw new RangeError(`${n} does not fit MessagePack's 64 bits`);
      this.u8(0xcf);
      this.room(8);
      this.view.setBigUint64(this.length, n);
      this.length += 8;
      return;
    }
    if (n >= -32n) return this.u8(Number(n) & 0xff);
    if (n >= -0x80n) return (this.u8(0xd0), this.u8(Number(n) & 0xff));
    if (n >= -0x8000n) return (this.u8(0xd1), this.u16(Number(n) & 0xffff));
    if (n >= -0x80000000n) return (this.u8(0xd2), this.u32(Number(n) >>> 0));
    if (n < -0x8000000000000000n) throw new RangeError(`${n} does not fit MessagePack's 64 bits`);
    this.u8(0xd3);
    this.room(8);
    this.view.setBigInt64(this.length, n);
    this.length += 8;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}
