#!/usr/bin/env python
"""Time :func:`psm_analysis.interviews.refi.read_qdpx` on a 2 MB ``.qdpx`` with 300 coded
selections (issue 23: under 2 s). By hand, not a timed test.

The project is built the way NVivo writes one (see ``tests/qdpx_fixtures.py``): 10 text
sources of about 620 000 characters each (Indonesian words and random syllables from a
fixed seed, so that the archive does not compress below 2 MB; UTF-8 with a BOM, CRLF line
ends, one character above U+FFFF per paragraph, so that the reader has to tell the UTF-16
convention from the others), 30 selections per source with positions in UTF-16 code
units, each coded with one of 12 codes by one of two users.
Usage: ``python scripts/benchmark_qdpx.py [--repeat N]``;
prints the archive size, the segments read and the best and median time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from psm_analysis.interviews.refi import read_qdpx

NS = "urn:QDA-XML:project:1.0"
WORDS = (
    "dinas sosial rapat koordinasi psm desa kecamatan bunut anggaran honor pelatihan "
    "bimtek pembinaan jarak pompong sungai kampar relawan kegiatan laporan bantuan warga "
    "lansia anak terlantar kepala seksi tahun bulan sering jarang belum sudah masih"
).split()
QUOTE = "Dinas Sosial mengadakan rapat koordinasi"
SYLLABLES = [c + v for c in "bcdghjklmnprstw" for v in "aiueo"]


def _word(rng: random.Random) -> str:
    """A real word one time in two, else two or three random syllables (the names and
    dialect words of a transcript, which do not compress)."""
    if rng.random() < 0.5:
        return rng.choice(WORDS)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def _guid(n: int) -> str:
    return str(uuid.UUID(int=n + (1 << 100))).upper()


def _text(rng: random.Random, chars: int, quotes: int) -> tuple[str, list[int]]:
    """A transcript of about ``chars`` characters and the UTF-16 offsets of ``quotes``
    occurrences of :data:`QUOTE`, one paragraph each."""
    paras, starts, units = [], [], 0
    per = chars // quotes
    for _ in range(quotes):
        body = " ".join(_word(rng) for _ in range(per // 7))
        head = "Informan: "
        starts.append(units + len(head))
        para = f"{head}{QUOTE} {body} \U0001f600 {body[:40]}.\r\n"
        paras.append(para)
        units += len(para.encode("utf-16-le")) // 2
    return "".join(paras), starts


def build(path: Path, sources: int = 10, per_source: int = 30, chars: int = 620_000) -> Path:
    rng = random.Random(23)
    users = [(_guid(1), "Rina"), (_guid(2), "Dedi")]
    codes = [_guid(10 + i) for i in range(12)]
    xml = [f'<?xml version="1.0" encoding="utf-8"?>\n<Project name="bench" xmlns="{NS}">']
    xml.append("<Users>" + "".join(f'<User guid="{g}" name="{n}"/>' for g, n in users))
    xml.append("</Users><CodeBook><Codes>")
    xml += [f'<Code guid="{c}" name="kode {i}" isCodable="true"/>' for i, c in enumerate(codes)]
    xml.append("</Codes></CodeBook><Sources>")
    entries = {}
    n = 1000
    for s in range(sources):
        text, starts = _text(rng, chars, per_source)
        txt = _guid(n := n + 1)
        entries[f"Sources/{txt}.txt"] = b"\xef\xbb\xbf" + text.encode("utf-8")
        xml.append(f'<TextSource guid="{_guid(n := n + 1)}" name="Wawancara {s + 1:02d}" ')
        xml.append(f'plainTextPath="internal://{txt}.txt">')
        for k in range(per_source):
            start = starts[k]
            end = start + len(QUOTE)
            g, _ = users[k % 2]
            xml.append(
                f'<PlainTextSelection guid="{_guid(n := n + 1)}" name="Referensi {k + 1}" '
                f'startPosition="{start}" endPosition="{end}" creatingUser="{g}">'
                f'<Coding guid="{_guid(n := n + 1)}" creatingUser="{g}">'
                f'<CodeRef targetGUID="{codes[k % len(codes)]}"/></Coding></PlainTextSelection>'
            )
        xml.append("</TextSource>")
    xml.append("</Sources></Project>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", "".join(xml).encode("utf-8"))
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        f = build(Path(tmp) / "bench.qdpx")
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            project = read_qdpx(f)
            times.append(time.perf_counter() - t0)
        assert not project.problems, project.problems
        assert {s.convention for s in project.sources} == {"utf16"}
        assert all(
            s["kutipan"] == "Dinas Sosial mengadakan rapat koordinasi" for s in project.segments
        )
        print(
            f"{f.stat().st_size / 1e6:.2f} MB .qdpx, {len(project.segments)} segmen, "
            f"{sum(len(s.text) for s in project.sources) / 1e6:.1f} juta karakter teks: "
            f"terbaik {min(times):.3f} s, median {statistics.median(times):.3f} s "
            f"({args.repeat} kali)"
        )


if __name__ == "__main__":
    main()
