"""Read a .spacy file the way spaCy's DocBin.from_bytes and get_docs do, without spaCy.

Written from reading spaCy (commit f69c32f), not from its code:
- spacy/tokens/_serialize.py DocBin.from_bytes: zlib.decompress, then srsly.msgpack_loads
  (msgpack, raw=False); "attrs", "strings", "lengths" (int32), "spaces" (bool), "tokens"
  (uint64, reshaped to one row per token and one column per attr), "cats", "span_groups",
  "flags", "user_data". get_docs: every string is put in the vocab (so each token's ORTH hash
  must be one of them, or spaCy raises E018), Doc(words=ORTH column, spaces=spaces), then
  from_array(attrs) (SENT_START 1 starts a sentence, -1 as uint64 does not), then
  doc.spans.from_bytes.
- spacy/strings.pyx: a string's id is its symbol id (symbols.pyx) or MurmurHash64A(utf8, seed 1).
- spacy/tokens/_dict_proxies.py SpanGroups.from_bytes: b"" or msgpack [] is no groups, else a
  map from each group's bytes to its keys; span_group.pyx SpanGroup.from_bytes: {"name",
  "attrs", "spans"}, each span struct.unpack(">QQQllll"): id, kb_id, label, start, end,
  start_char, end_char.
- Span.text (spacy/tokens/span.pyx) is its tokens' text with their whitespace, less the last
  token's.

Prints JSON: per doc its text, tokens, spaces, sentence starts, span groups and user data.
Usage: python3 read-docbin.py FILE.spacy
"""

import json
import struct
import sys
import zlib

import msgpack
import numpy

ORTH, SENT_START = 65, 80
# The few symbol ids the tests meet (spacy/symbols.pxd enum order); every other string hashes.
SYMBOLS = {"": 0, "ORTH": 65, "X": 101, "PERSON": 380, "number": 432}

MASK = (1 << 64) - 1


def murmurhash64a(data: bytes, seed: int = 1) -> int:
    m, r = 0xC6A4A7935BD1E995, 47
    h = (seed ^ (len(data) * m)) & MASK
    blocks = len(data) // 8
    for i in range(blocks):
        (k,) = struct.unpack_from("<Q", data, i * 8)
        k = (k * m) & MASK
        k ^= k >> r
        k = (k * m) & MASK
        h ^= k
        h = (h * m) & MASK
    tail = data[blocks * 8 :]
    if tail:
        for i in reversed(range(len(tail))):
            h ^= tail[i] << (8 * i)
        h = (h * m) & MASK
    h ^= h >> r
    h = (h * m) & MASK
    h ^= h >> r
    return h


def string_id(s: str) -> int:
    return SYMBOLS[s] if s in SYMBOLS else murmurhash64a(s.encode("utf8"))


def main(path: str) -> None:
    assert murmurhash64a(b"coffee") == 3197928453018144401  # spaCy's docs, usage/spacy-101.mdx
    with open(path, "rb") as f:
        msg = msgpack.loads(zlib.decompress(f.read()), raw=False)
    attrs = msg["attrs"]
    assert attrs[0] == ORTH, attrs
    strings = {string_id(s): s for s in msg["strings"]}
    lengths = numpy.frombuffer(msg["lengths"], dtype="int32")
    spaces = numpy.frombuffer(msg["spaces"], dtype=bool)
    tokens = numpy.frombuffer(msg["tokens"], dtype="uint64")
    tokens = tokens.reshape((tokens.size // len(attrs), len(attrs)))
    assert tokens.shape[0] == spaces.size == int(lengths.sum()), (tokens.shape, spaces.size, lengths)
    empty_groups = msgpack.dumps([])
    docs = []
    at = 0
    for i, length in enumerate(lengths):
        rows = tokens[at : at + length]
        space = spaces[at : at + length]
        at += length
        words = [strings[int(orth)] for orth in rows[:, 0]]  # KeyError here is spaCy's E018
        assert all(words), "spaCy refuses an empty word"
        sent_col = attrs.index(SENT_START) if SENT_START in attrs else None
        starts = [] if sent_col is None else [int(v) for v in rows[:, sent_col]]
        assert all(v in (1, MASK, 0) for v in starts), starts
        with_ws = [w + (" " if s else "") for w, s in zip(words, space)]
        text = "".join(with_ws)
        offsets = []
        pos = 0
        for w in with_ws:
            offsets.append(pos)
            pos += len(w)
        groups = {}
        data = msg["span_groups"][i]
        if data and data != empty_groups:
            for group_bytes, keys in msgpack.loads(data, raw=False).items():
                group = msgpack.loads(group_bytes, raw=False)
                spans = []
                for packed in group["spans"]:
                    sid, kb, label, start, end, start_char, end_char = struct.unpack(">QQQllll", packed)
                    span_text = "".join(with_ws[start:end])
                    span_text = span_text[: len(span_text) - (1 if space[end - 1] else 0)]
                    assert offsets[start] == start_char, (offsets[start], start_char)
                    assert text[start_char:end_char] == span_text, (text[start_char:end_char], span_text)
                    spans.append(
                        {
                            "start": start,
                            "end": end,
                            "start_char": start_char,
                            "end_char": end_char,
                            "label": strings[label],
                            "id": strings[sid] if sid else "",
                            "kb_id": strings[kb] if kb else "",
                            "text": span_text,
                        }
                    )
                for key in keys:
                    groups[key] = {"name": group["name"], "attrs": group["attrs"], "spans": spans}
        user_data = {}
        if "user_data" in msg and msg["user_data"][i] is not None:
            user_data = msgpack.loads(msg["user_data"][i], raw=False)
        docs.append(
            {
                "text": text,
                "words": words,
                "spaces": [bool(s) for s in space],
                "sent_starts": [v == 1 for v in starts],
                "spans": groups,
                "cats": msg["cats"][i],
                "flags": msg["flags"][i],
                "user_data": user_data,
            }
        )
    print(json.dumps({"version": msg["version"], "attrs": attrs, "docs": docs}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
