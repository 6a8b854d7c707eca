// How alike two short strings are: used for a highlight's prefix and suffix (32 code units
// each), so a plain edit-distance table is quick enough and easy to trust.

let row = new Int32Array(80);

/** Levenshtein distance (insertions, deletions, substitutions of UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // What both share at either end costs nothing; only the middle needs the table.
  let from = 0;
  const shorter = Math.min(a.length, b.length);
  while (from < shorter && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > from && bEnd > from && a.charCodeAt(aEnd - 1) === b.charCodeAt(bEnd - 1)) {
    aEnd--;
    bEnd--;
  }
  const n = aEnd - from;
  const m = bEnd - from;
  if (n === 0) return m;
  if (m === 0) return n;
  if (row.length < m + 1) row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) row[j] = j;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(from + i - 1);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= m; j++) {
      const above = row[j]!;
      const cost = ca === b.charCodeAt(from + j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[m]!;
}

/** 1 for equal strings, 0 for nothing in common: 1 - distance / the longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}
