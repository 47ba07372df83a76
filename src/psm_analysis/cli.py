"""The ``psm-analysis`` command.

Start-up stays light: each subcommand imports what it needs when it runs.
Exit codes: 0 success, 1 invalid input or failed step (every problem printed, no
traceback), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

#: argparse's own messages in Indonesian (its gettext message ids, Python 3.10-3.13).
_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak dikenal: %(value)r (pilih salah satu: %(choices)s)"
    ),
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi ambigu: %(option)s bisa berarti %(matches)s"
    ),
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
}


class _Indonesian:
    """While active, argparse speaks Indonesian (its messages go through the module's
    ``_``); restored afterwards, so no other code in the process is affected."""

    def __enter__(self):
        self._saved = argparse._
        argparse._ = lambda text: _ARGPARSE_ID.get(text, self._saved(text))
        return self

    def __exit__(self, *exc):
        argparse._ = self._saved
        return False


def _say(text: str) -> None:
    """Print a progress line with the decimal comma in times ("12,3 s").

    >>> _say("[1/4] clean: 3 berkas (12.3 s); selesai dalam 0.5 s")
    [1/4] clean: 3 berkas (12,3 s); selesai dalam 0,5 s
    """
    import re

    print(re.sub(r"(\d)\.(\d+) s\b", r"\1,\2 s", text))


def _print_problems(problems, header: str) -> None:
    print(header, file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)


def _cmd_clean(args) -> int:
    from psm_analysis import pipeline

    result = pipeline.clean(progress=_say)
    _say(result.summary())
    return 0


def _cmd_reproduce(args) -> int:
    from psm_analysis import pipeline

    ok = pipeline.reproduce(force=args.force, jobs=args.jobs, progress=_say)
    return 0 if ok else 1


def _cmd_validate(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"psm-analysis: berkas tidak ditemukan: {path}", file=sys.stderr)
        return 2
    if args.kind == "register":
        return _validate_register(path)
    if args.kind == "survey":
        from psm_analysis.survey import validate_file
    else:
        from psm_analysis.interviews import validate_file
    kwargs = {}
    if args.codebook:
        kwargs["codebook"] = Path(args.codebook)
    if getattr(args, "roster", None):
        kwargs["roster"] = Path(args.roster)
    problems = validate_file(path, **kwargs)
    if problems:
        _print_problems(problems, f"{path}: {len(problems)} masalah ditemukan")
        return 1
    print(f"{path}: valid, tidak ada masalah.")
    return 0


def _cmd_export(args) -> int:
    from psm_analysis.interviews.qdpx_export import export_qdpx

    n = export_qdpx(Path(args.out))
    print(f"{args.out}: {n} kodean ditulis sebagai proyek REFI-QDA.")
    return 0


def _validate_register(path: Path) -> int:
    from psm_analysis.register.build import check_file

    problems, findings = check_file(path)
    if problems:
        _print_problems(problems, f"{path}: {len(problems)} masalah ditemukan")
        return 1
    print(f"{path}: valid, tidak ada masalah.")
    if findings:
        print("Temuan (bukan kesalahan): jumlah PSM per kecamatan berbeda dari Tabel I.2")
        for f in findings:
            print(f"  - {f}")
    return 0


def _cmd_template(args) -> int:
    if args.kind == "register":
        from psm_analysis.register.template import write_template as write_register

        print(f"Templat ditulis: {write_register(Path(args.out))}")
        return 0
    from psm_analysis.survey.template import write_template

    kwargs = {"codebook": Path(args.codebook)} if args.codebook else {}
    out = write_template(Path(args.out), **kwargs)
    print(f"Templat ditulis: {out}")
    return 0


def _cmd_instrument(args) -> int:
    from psm_analysis import instruments

    kwargs = {"codebook": Path(args.codebook)} if args.codebook else {}
    if args.kind == "kuesioner":
        out = instruments.write_questionnaire(Path(args.out), **kwargs)
    else:
        out = instruments.write_interview_guide(Path(args.out), **kwargs)
    print(f"Instrumen ditulis: {out}")
    return 0


def _cmd_demo(args) -> int:
    from psm_analysis.demo import write_demo

    written = write_demo(Path(args.out))
    for p in written:
        print(f"  {p}")
    print(f"{len(written)} berkas data contoh ditulis ke {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    with _Indonesian():
        parser = argparse.ArgumentParser(
            prog="psm-analysis",
            description="Kompendium penelitian: peranan Dinas Sosial Kabupaten Pelalawan "
            "dan kinerja PSM (Kecamatan Bunut).",
        )
        parser.add_argument(
            "--version",
            action="version",
            version=_version(),
            help="tampilkan versi program lalu keluar",
        )
        sub = parser.add_subparsers(
            dest="command", required=True, metavar="PERINTAH", title="perintah"
        )

        p = sub.add_parser("clean", help="bersihkan data/raw menjadi data/processed")
        p.set_defaults(func=_cmd_clean)

        p = sub.add_parser(
            "reproduce",
            help="clean, jalankan notebook, tulis reports/ (hanya yang berubah)",
        )
        p.add_argument("--force", action="store_true", help="bangun ulang semuanya")
        p.add_argument(
            "--jobs",
            type=int,
            default=None,
            metavar="N",
            help="jumlah notebook dan penulis berkas yang berjalan sekaligus (bawaan: jumlah inti)",
        )
        p.set_defaults(func=_cmd_reproduce)

        p = sub.add_parser("validate", help="periksa berkas masukan dan laporkan semua masalah")
        p.add_argument(
            "kind",
            choices=["survey", "interviews", "register"],
            metavar="jenis",
            help="survey, interviews, atau register",
        )
        p.add_argument("file", metavar="berkas", help="berkas yang diperiksa")
        p.add_argument("--codebook", help="berkas buku kode (bawaan: milik proyek)")
        p.add_argument("--roster", help="daftar informan (khusus interviews)")
        p.set_defaults(func=_cmd_validate)

        p = sub.add_parser("template", help="tulis buku kerja Excel untuk entri data")
        p.add_argument(
            "kind", choices=["survey", "register"], metavar="jenis", help="survey atau register"
        )
        p.add_argument("--out", required=True, help="berkas .xlsx yang ditulis")
        p.add_argument("--codebook", help="berkas buku kode (bawaan: milik proyek)")
        p.set_defaults(func=_cmd_template)

        p = sub.add_parser("export", help="ekspor kodean wawancara untuk perangkat QDA")
        p.add_argument(
            "kind",
            choices=["qdpx"],
            metavar="format",
            help="qdpx (proyek REFI-QDA untuk QualCoder, NVivo, ATLAS.ti, MAXQDA)",
        )
        p.add_argument("--out", required=True, help="berkas .qdpx yang ditulis")
        p.set_defaults(func=_cmd_export)

        p = sub.add_parser(
            "instrumen", help="tulis kuesioner atau pedoman wawancara (.docx) dari buku kode"
        )
        p.add_argument(
            "kind",
            choices=["kuesioner", "wawancara"],
            metavar="jenis",
            help="kuesioner atau wawancara",
        )
        p.add_argument("--out", required=True, help="berkas .docx yang ditulis")
        p.add_argument("--codebook", help="berkas buku kode (bawaan: milik proyek)")
        p.set_defaults(func=_cmd_instrument)

        p = sub.add_parser("demo", help="tulis masukan data contoh sintetis")
        p.add_argument("--out", required=True, help="folder tujuan")
        p.set_defaults(func=_cmd_demo)
    return parser


def _version() -> str:
    from psm_analysis import __version__

    return f"psm-analysis {__version__}"


def _written_note(written: list[str], shown: int = 10) -> str:
    """What a failed command had already written, in Indonesian.

    >>> _written_note([])
    'Tidak ada berkas yang ditulis.'
    >>> _written_note(["data/processed/a.csv", "reports/index.html"])
    'Sudah ditulis sebelum masalah ditemukan (2 berkas): data/processed/a.csv, reports/index.html'
    """
    if not written:
        return "Tidak ada berkas yang ditulis."
    head = ", ".join(written[:shown])
    more = f", dan {len(written) - shown} berkas lain" if len(written) > shown else ""
    return f"Sudah ditulis sebelum masalah ditemukan ({len(written)} berkas): {head}{more}"


def use_selector_event_loop_on_windows() -> None:
    """On Windows, make asyncio's default loop the selector loop, as Jupyter does.

    Python's default loop on Windows (Proactor) has no ``add_reader``, which pyzmq needs
    for the kernels' sockets: without this, every ``reproduce`` printed pyzmq's English
    ``RuntimeWarning: Proactor event loop does not implement add_reader``. The same
    patch as jupyter_server's ``ServerApp._init_asyncio_patch``: only when the policy is
    still the Proactor default; nothing happens elsewhere.
    """
    if not sys.platform.startswith("win"):
        return
    import asyncio

    proactor = getattr(asyncio, "WindowsProactorEventLoopPolicy", None)
    selector = getattr(asyncio, "WindowsSelectorEventLoopPolicy", None)
    if proactor is not None and type(asyncio.get_event_loop_policy()) is proactor:
        asyncio.set_event_loop_policy(selector())


def main(argv: list[str] | None = None) -> int:
    use_selector_event_loop_on_windows()
    parser = build_parser()
    with _Indonesian():
        args = parser.parse_args(argv)  # exits 2 on a usage error, in Indonesian
    from psm_analysis.errors import DataError

    try:
        return args.func(args)
    except DataError as err:
        _print_problems(err.problems, f"psm-analysis {args.command}: {len(err.problems)} masalah")
        print(_written_note(err.written), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dihentikan.", file=sys.stderr)
        return 130
    except Exception:  # a bug, not the user's data: one line here, the traceback in a log
        log = _bug_log(args.command)
        print(
            f"psm-analysis {args.command}: terjadi kesalahan program (bukan kesalahan data "
            f"Anda); rinciannya ditulis di {log}. Kirim berkas itu kepada pengembang.",
            file=sys.stderr,
        )
        return 1
    finally:
        if argv is None:  # run as the command: the process ends with this function
            _skip_the_last_collections()


def _bug_log(command: str) -> Path:
    """Write the traceback of the exception being handled to a log file; return its path.

    The file is ``psm-analysis-galat-<command>.log`` in the system's temporary folder
    (``%TEMP%`` on Windows), overwritten by the next failure of the same command, with
    the version and the Python that ran it.
    """
    import platform
    import tempfile
    import traceback

    path = Path(tempfile.gettempdir()) / f"psm-analysis-galat-{command}.log"
    path.write_text(
        f"{_version()}\nPython {platform.python_version()} on {platform.platform()}\n"
        f"argv: {sys.argv}\n\n{traceback.format_exc()}",
        encoding="utf-8",
    )
    return path


def _skip_the_last_collections() -> None:
    """Let the process end without its garbage collector walking every object once more:
    Python's shutdown collects after clearing each module, and with pandas, matplotlib,
    nbconvert and jupyter_client loaded that took 0,8-0,9 s after ``reproduce`` had said
    "Selesai" (seen with py-spy: ``gc_collect_main``). ``gc.freeze()`` puts every object
    in the permanent generation, which no collection walks; the operating system takes
    back the memory. Objects are still freed as their references go, and atexit
    handlers still run."""
    import gc

    gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
