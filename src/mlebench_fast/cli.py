"""The ``mlebench-fast`` command: the reference's ``grade`` / ``grade-sample`` plus more."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from mlebench_fast.paths import default_data_dir

EXIT_USAGE = 2


def _add_data_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"The prepared data (as `mlebench prepare` leaves it). Default: {default_data_dir()}",
    )
    parser.add_argument(
        "--leaderboards",
        type=Path,
        default=None,
        help="A folder holding <competition-id>/leaderboard.csv (default: "
        "$MLEBENCH_FAST_LEADERBOARDS, then an installed mle-bench checkout).",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mlebench-fast",
        description="Grade MLE-bench submissions with the reference's scores, medals and reports.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    grade = sub.add_parser(
        "grade", help="Grade a JSONL of submissions and write a grading report (as `mlebench grade`)."
    )
    grade.add_argument("--submission", required=True, type=Path,
                       help="JSONL with one {competition_id, submission_path} per line, or a "
                       "run-group folder holding metadata.json.")
    grade.add_argument("--output-dir", required=True, type=Path,
                       help="Where <timestamp>_grading_report.json (and .parquet) is written.")
    _add_data_args(grade)
    grade.add_argument("--workers", type=int, default=None,
                       help="Grading processes (default: every core).")
    grade.add_argument("--timeout", type=float, default=1800.0,
                       help="Seconds one submission may take before it is killed and reported.")
    grade.add_argument("--memory-limit-mb", type=int, default=None,
                       help="Address-space limit of each grading process (default: none).")
    grade.add_argument("--max-submission-mb", type=float, default=2048.0,
                       help="Larger submission files are reported, not graded.")
    grade.add_argument("--cache-dir", type=Path, default=None,
                       help="Answers cache and results store (default: $MLEBENCH_FAST_CACHE_DIR, "
                       "then the user cache dir).")
    grade.add_argument("--no-resume", action="store_true",
                       help="Regrade everything instead of reusing stored results.")
    grade.add_argument("--dask-scheduler", default=None, metavar="ADDRESS",
                       help="Grade on this Dask cluster (pip install 'mlebench-fast[dask]').")
    grade.add_argument("--dask-send-answers", action="store_true",
                       help="Send the cached answers to the Dask workers instead of letting "
                       "them read the cache dir (for workers without the shared file system).")
    grade.add_argument("--split-file", type=Path, action="append", default=[], metavar="PATH",
                       help="Also summarise this split: a file of competition ids, one per line "
                       "(as experiments/splits/*.txt); repeatable.")
    grade.add_argument("--pad-missing", action="store_true",
                       help="In the summary, count a competition missing from a seed as no "
                       "submission over the whole split (the reference's --pad-missing).")

    sample = sub.add_parser(
        "grade-sample", help="Grade one submission CSV; print its report as JSON on stdout."
    )
    sample.add_argument("submission", type=Path, help="The submission CSV.")
    sample.add_argument("competition_id", help="The competition (see `mlebench-fast list`).")
    _add_data_args(sample)

    validate = sub.add_parser(
        "validate", help="Say whether a submission CSV would be graded, and if not why."
    )
    validate.add_argument("submission", type=Path)
    validate.add_argument("competition_id")
    _add_data_args(validate)

    listing = sub.add_parser("list", help="List the competitions: split, metric, implemented.")
    listing.add_argument("--split", default=None,
                         help="Only this split: low, medium, high, dev or all.")
    listing.add_argument("--implemented", action="store_true",
                         help="Only competitions whose grader is built.")

    aggregate = sub.add_parser(
        "aggregate",
        help="Medal and validity rates per seed with mean, SEM and 95%% CI "
        "(as experiments/aggregate_grading_reports.py).",
    )
    aggregate.add_argument("--grading-reports", nargs="+", required=True, type=Path)
    aggregate.add_argument("--split", default="all",
                           help="low, medium, high, dev, all, or a file of competition ids.")
    aggregate.add_argument("--num-seeds", type=int, default=-1,
                           help="Seeds to average; -1 for every complete seed.")
    aggregate.add_argument("--pad-missing", action="store_true",
                           help="Fill missing competitions with zero reports instead of "
                           "dropping incomplete seeds.")

    demo = sub.add_parser(
        "demo", help="Build the embedded synthetic suite, grade it, print the summary per split."
    )
    demo.add_argument("--output-dir", type=Path, default=None,
                      help="Where the suite and the report go (default: a temporary folder).")
    demo.add_argument("--seeds", type=int, default=3)
    demo.add_argument("--max-rows", type=int, default=20_000,
                      help="Cap on each competition's synthetic test set (0: real sizes).")
    return parser


def _grade(args: argparse.Namespace) -> int:
    from mlebench_fast.bulk import grade_many, read_jobs
    from mlebench_fast.bulk.run import slowest_competitions, write_outputs
    from mlebench_fast.summary import default_splits, format_table, summarize

    splits = default_splits()
    for path in args.split_file:
        splits[path.stem] = _split_ids(str(path))
    result = grade_many(
        read_jobs(args.submission),
        data_dir=args.data_dir,
        leaderboards=args.leaderboards,
        cache_dir=args.cache_dir,
        workers=args.workers,
        timeout=args.timeout,
        memory_limit_mb=args.memory_limit_mb,
        max_submission_bytes=int(args.max_submission_mb * 1024 * 1024),
        resume=not args.no_resume,
        dask_client=args.dask_scheduler,
        dask_send_answers=args.dask_send_answers,
    )
    save_path, parquet_path, summary = write_outputs(result.reports, args.output_dir)
    totals = {k: v for k, v in summary.items() if k != "competition_reports"}
    print(json.dumps(totals, indent=4))
    if result.reports:
        print(format_table(summarize(result.reports, splits, pad_missing=args.pad_missing)),
              file=sys.stderr)
        print(slowest_competitions(result.reports), file=sys.stderr)
    print(f"graded {result.graded}, reused {result.reused} from the results store, "
          f"failures {result.failures or 'none'}", file=sys.stderr)
    print(f"Saved summary report to {save_path} (rows also in {parquet_path})", file=sys.stderr)
    return 0


def _grade_sample(args: argparse.Namespace) -> int:
    from mlebench_fast.grading import grade_csv

    report = grade_csv(
        args.submission, args.competition_id, data_dir=args.data_dir,
        leaderboards=args.leaderboards,
    )
    print(json.dumps(report.to_dict(), indent=4))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from mlebench_fast.grading import validate_submission

    valid, message = validate_submission(
        args.submission, args.competition_id, data_dir=args.data_dir
    )
    print(message)
    return 0 if valid else 1


def _list(args: argparse.Namespace) -> int:
    from mlebench_fast.registry import get_competition, list_competition_ids, split_competition_ids

    ids = split_competition_ids(args.split) if args.split else list_competition_ids()
    for competition_id in ids:
        competition = get_competition(competition_id)
        if args.implemented and not competition.is_implemented:
            continue
        built = "implemented" if competition.is_implemented else "not yet"
        print(f"{competition_id}\t{competition.split}\t{competition.metric.name}\t{built}")
    return 0


def _split_ids(split: str) -> list[str]:
    from mlebench_fast.registry import split_competition_ids

    path = Path(split)
    if path.suffix or path.is_file():
        return [line.strip() for line in path.read_text().splitlines() if line.strip()]
    return split_competition_ids(split)


def _aggregate(args: argparse.Namespace) -> int:
    from mlebench_fast.aggregate import aggregate_split, load_grading_reports

    reports = load_grading_reports(args.grading_reports)
    result = aggregate_split(
        reports, _split_ids(args.split), num_seeds=args.num_seeds, pad_missing=args.pad_missing
    )
    print(json.dumps(result, indent=2))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from mlebench_fast.demo import run_demo

    max_rows = args.max_rows or None
    if args.output_dir is not None:
        return run_demo(args.output_dir, seeds=args.seeds, max_rows=max_rows)
    with tempfile.TemporaryDirectory(prefix="mlebench-fast-demo-") as folder:
        return run_demo(Path(folder), seeds=args.seeds, max_rows=max_rows)


_COMMANDS = {
    "grade": _grade,
    "grade-sample": _grade_sample,
    "validate": _validate,
    "list": _list,
    "aggregate": _aggregate,
    "demo": _demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    from mlebench_fast.exceptions import MlebenchFastError

    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return _COMMANDS[args.command](args)
    except (MlebenchFastError, FileNotFoundError, ValueError) as exc:
        print(f"mlebench-fast {args.command}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
