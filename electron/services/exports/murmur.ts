// MurmurHash64A, the 64-bit hash spaCy gives every string (spacy/strings.pyx: hash_utf8 is
// murmurhash's hash64(utf8, length, seed 1), and murmurhash/mrmr.pyx's hash64 is MurmurHash64A).
// Written from the algorithm's description (Austin Appleby's MurmurHash2, 64-bit version A):
// h = seed ^ (length * m); each little-endian 8-byte block k is mixed (k *= m; k ^= k >> 47;
// k *= m) into h (h ^= k; h *= m); the 1 to 7 bytes left are xored in, lowest first, and
// multiplied once; then h ^= h >> 47; h *= m; h ^= h >> 47. All arithmetic is modulo 2^64.
// Test vector: spaCy's docs (usage/spacy-101.mdx) give "coffee" → 3197928453018144401.

const M = 0xc6a4a7935bd1e995n;
const MASK = 0xffffffffffffffffn;
const R = 47n;

export function murmurHash64A(bytes: Uint8Array, seed = 1n): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.byteLength;
  let h = (seed ^ ((BigInt(length) * M) & MASK)) & MASK;
  const blocks = length - (length % 8);
  for (let i = 0; i < blocks; i += 8) {
    let k = view.getBigUint64(i, true);
    k = (k * M) & MASK;
    k ^= k >> R;
    k = (k * M) & MASK;
    h ^= k;
    h = (h * M) & MASK;
  }
  const rest = length % 8;
  if (rest) {
    for (let i = rest - 1; i >= 0; i--) h ^= BigInt(bytes[blocks + i]!) << BigInt(8 * i);
    h = (h * M) & MASK;
  }
  h ^= h >> R;
  h = (h * M) & MASK;
  h ^= h >> R;
  return h;
}
