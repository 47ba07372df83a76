"""The ``psm-analysis`` command.

Start-up stays light: each subcommand imports what it needs when it runs.
Exit codes: 0 success, 1 invalid input or failed step (every problem printed, no
traceback), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _print_problems(problems, header: str) -> None:
    print(header, file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)


def _cmd_clean(args) -> int:
    from psm_analysis import pipeline

    result = pipeline.clean(progress=print)
    print(result.summary())
    return 0


def _cmd_reproduce(args) -> int:
    from psm_analysis import pipeline

    ok = pipeline.reproduce(force=args.force, jobs=args.jobs, progress=print)
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


def _cmd_demo(args) -> int:
    from psm_analysis.demo import write_demo

    written = write_demo(Path(args.out))
    for p in written:
        print(f"  {p}")
    print(f"{len(written)} berkas data contoh ditulis ke {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="psm-analysis",
        description="Research compendium: Dinas Sosial Kabupaten Pelalawan and PSM performance.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("clean", help="clean data/raw into data/processed")
    p.set_defaults(func=_cmd_clean)

    p = sub.add_parser(
        "reproduce", help="clean, execute the notebooks, render reports/ (incremental)"
    )
    p.add_argument("--force", action="store_true", help="rebuild everything")
    p.add_argument(
        "--jobs", type=int, default=None, help="notebooks run at once (default: cores + 1)"
    )
    p.set_defaults(func=_cmd_reproduce)

    p = sub.add_parser("validate", help="check an input file and report every problem")
    p.add_argument("kind", choices=["survey", "interviews", "register"])
    p.add_argument("file")
    p.add_argument("--codebook", help="codebook file (default: the project's)")
    p.add_argument("--roster", help="informant roster (interviews only)")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("template", help="write a data-entry workbook")
    p.add_argument("kind", choices=["survey", "register"])
    p.add_argument("--out", required=True, help="the .xlsx file to write")
    p.add_argument("--codebook", help="codebook file (default: the project's)")
    p.set_defaults(func=_cmd_template)

    p = sub.add_parser("demo", help="write the synthetic demo inputs")
    p.add_argument("--out", required=True, help="folder to write into")
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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
