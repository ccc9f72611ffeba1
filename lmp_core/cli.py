"""Command line: ``python -m lmp_core summarize|report|fieldwork ...``.

Results go to stdout; bad input exits with status 2 and one line ``error: ...`` on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lmp_core.base.errors import SurveyError
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.base.spelling import MAX_OPTION_NUMBER, whole_number

if TYPE_CHECKING:  # the libraries are imported where a command uses them: --help starts in a blink
    from lmp_core.analysis.analyse import Analysis, Invitation
    from lmp_core.compute.quality import Chosen
    from lmp_core.compute.stats import Summary
    from lmp_core.compute.view import View, ViewRequest
    from lmp_core.counting.counts import Counts
    from lmp_core.counting.database import Counted
    from lmp_core.read.reference import References
    from lmp_core.setup.codebook import CodebookEntry
    from lmp_core.setup.survey import Item, Survey


def _read_path(path: str) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise SurveyError("file_not_found", file=path)
    return p.read_bytes()


#: The whole-number options: their smallest and largest value. They are parsed as text and checked after
#: argparse, so that a bad value gets the tool's own sentence in the user's language.
NUMBER_OPTIONS = {"top": (1, 1000), "min_group_size": (1, MAX_OPTION_NUMBER)}


def check_numbers(args: argparse.Namespace) -> None:
    """Replace each whole-number option given as text by its number, or raise naming the option and value."""
    for name, (low, high) in NUMBER_OPTIONS.items():
        value = getattr(args, name, None)
        if isinstance(value, str):
            number = whole_number(value, low=low, high=high)
            if number is None:
                raise SurveyError("bad_number_option", option="--" + name.replace("_", "-"), value=value,
                                  low=low, high=high)
            setattr(args, name, number)


class _Parser(argparse.ArgumentParser):
    """argparse with one line for a usage error, as every other error has (``error: …``)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        """As argparse's, with an option of one value given ``--`` said as a usage error: argparse takes
        ``--top=--`` as an empty list, which no type conversion sees (a traceback later)."""
        namespace, extras = super().parse_known_args(args, namespace)
        for action in self._actions:
            if isinstance(action, argparse._StoreAction) and action.nargs is None \
                    and isinstance(getattr(namespace, action.dest, None), list):
                self.error(f"argument {'/'.join(action.option_strings) or action.dest}: expected one value")
        return namespace, extras


def parse_populations(values: Sequence[str]) -> dict[str, int]:
    """``["Skoleleder=63", ...]`` -> ``{"Skoleleder": 63}``.

    >>> parse_populations(["Skoleleder=63", "Skoleeier = 24"])
    {'Skoleleder': 63, 'Skoleeier': 24}
    """
    from lmp_core.base.fmt import Fixed

    out: dict[str, int] = {}
    for value in values:
        group, sep, number = value.rpartition("=")
        count = whole_number(number, low=1)
        if not sep or not group.strip() or count is None:
            raise SurveyError("bad_population_arg", value=value, limit=Fixed(MAX_OPTION_NUMBER, 0))
        out[group.strip()] = count
    return out


def check_output(path: str) -> Path:
    """The report's output path, checked before any work: its folder exists and can be written to, and the path
    is not a folder. (The write itself can still fail, e.g. a full disk: :func:`write_output`.)"""
    import os

    out = Path(path)
    folder = out.parent if str(out.parent) else Path(".")
    if not path.strip() or out.name in ("", ".", ".."):
        raise SurveyError("out_bad_path", path=path)
    if out.is_dir():
        raise SurveyError("out_is_folder", path=path)
    if not folder.is_dir():
        raise SurveyError("out_no_folder", path=path, folder=str(folder))
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise SurveyError("out_not_writable", path=path, reason="permission denied")
    return out


def write_output(out: Path, data: bytes) -> None:
    """Write the report, every failure of the system (a full disk, a path that vanished) as one message."""
    try:
        out.write_bytes(data)
    except OSError as err:
        raise SurveyError("out_not_writable", path=str(out), reason=err.strerror or type(err).__name__) from None


def codebook_of(args: argparse.Namespace) -> dict[str, CodebookEntry] | None:
    """The codebook or saved setup named by ``--codebook`` (None without one), read once per call."""
    if not getattr(args, "codebook", None):
        return None
    if getattr(args, "_codebook", None) is None:
        from lmp_core.load import read_codebook

        args._codebook = read_codebook(_read_path(args.codebook), Path(args.codebook).name)
    return args._codebook


def load(args: argparse.Namespace, *, choose: bool = True) -> Survey | Counts:
    """Read the file (and codebook) named on the command line, with the coding frames of ``--coding`` applied to
    its comments (in place of a saved setup's frame for the same comment column); with ``choose``, the
    respondents the setup's data-quality choice keeps (:func:`chosen_of`)."""
    from lmp_core.load import read_file
    from lmp_core.setup.codebook import quality_spec
    from lmp_core.setup.survey import Survey

    source = read_file(_read_path(args.file), Path(args.file).name, codebook=codebook_of(args), sheet=args.sheet)
    column = getattr(args, "coding_column", None) or ""
    source = with_coding(source, getattr(args, "coding", None) or [], column)
    if getattr(args, "coded", None):
        from lmp_core.counting.coding import read_coded_table

        if not isinstance(source, Survey):
            raise SurveyError("coding_no_comments", file=Path(args.coded).name)

        if not column:
            raise SurveyError("coding_no_column", choices=", ".join(source.text_columns) or "–")
        source = read_coded_table(_read_path(args.coded), Path(args.coded).name, source, column)
    if not choose or not isinstance(source, Survey):
        return source
    args._full = source
    if not quality_spec(codebook_of(args)):  # nothing to leave out: the checks' libraries stay unloaded
        return source
    return chosen_of(args, source).survey


def chosen_of(args: argparse.Namespace, survey: Survey) -> Chosen:
    """The setup's data-quality choice (``quality`` in ``--codebook``) applied to ``survey``, once per call: every
    view, the report and the JSON then hold the same respondents (:func:`lmp_core.compute.quality.apply_choice`,
    with this call's protected grouping columns and minimum, as :func:`protection_of` decides them)."""
    from lmp_core.compute.quality import QualityChoice, apply_choice
    from lmp_core.setup.codebook import quality_spec

    if getattr(args, "_chosen", None) is None:
        choice = QualityChoice.parse(quality_spec(codebook_of(args)), file=Path(args.codebook or "").name)
        groupings, minimum = protection_of(args)
        if groupings is None:  # neither given nor in the setup: the call's own group column
            groupings = (args.group,) if getattr(args, "group", None) else ()
        args._chosen = apply_choice(survey, choice, min_group_size=minimum, groupings=groupings)
    return args._chosen


def with_coding(source: Survey | Counts, paths: list[str], column: str) -> Survey | Counts:
    """``source`` with the coding frames read from ``paths`` (a frame table names its comment column, else
    ``column``) added to the setup's, as multiple-response sets (:func:`lmp_core.counting.coding.coded_survey`)."""
    if not paths:
        return source
    from lmp_core.counting.coding import coded_survey
    from lmp_core.setup.coding import read_frame
    from lmp_core.setup.survey import Survey

    if not isinstance(source, Survey):
        raise SurveyError("coding_no_comments", file=Path(paths[0]).name)
    frames = {f.column: f for f in source.coding}
    for path in paths:
        frame = read_frame(_read_path(path), Path(path).name, column=column)
        frames[frame.column] = frame
    return coded_survey(source, list(frames.values()))


def protection_of(args: argparse.Namespace) -> tuple[tuple[str, ...] | None, int]:
    """The grouping columns protected together and the minimum group size of this call.

    ``--groupings`` and ``--min-group-size`` when given; else what the setup (``--codebook``) records, so that
    every call with one setup protects alike; else the call's own group column and the default minimum. A
    ``--group`` outside the setup's protected columns is refused: protecting it only in this call would let
    this call's figures be subtracted from another's.
    """
    from lmp_core.setup.codebook import protection

    given = [c.strip() for c in args.groupings.split(",") if c.strip()] if args.groupings else None
    protected, setup_min = protection(codebook_of(args))
    minimum = args.min_group_size if args.min_group_size is not None else setup_min or MIN_GROUP_SIZE
    if given is not None or not protected:
        return (tuple(given) if given is not None else None), minimum
    if args.group and args.group not in protected:
        raise SurveyError("group_not_in_setup", column=args.group, columns=", ".join(protected),
                          file=Path(args.codebook).name)
    return protected, minimum


def warn_unprotected(args: argparse.Namespace, source: Survey | Counts, request: ViewRequest) -> None:
    """A warning on standard error when this call protects only its own group column while the file has other
    columns that can group: numbers from two calls with different ``--group`` can then be subtracted."""
    from lmp_core.compute.stats import note_text
    from lmp_core.setup.survey import Survey

    if args.groupings or not isinstance(source, Survey) or protection_of(args)[0]:
        return
    protected = set(request.own_groupings)
    open_ = [c for c in source.group_candidates if c not in protected]
    if open_:
        print("warning: " + note_text("cli_unprotected", {"columns": ", ".join(open_),
                                                           "all": ",".join(source.group_candidates)}, args.lang),
              file=sys.stderr)


def request_of(args: argparse.Namespace, **change: object) -> ViewRequest:
    """The view the options ask for (``change``: options to set otherwise, e.g. ``group=None``)."""
    from lmp_core.compute.view import ViewRequest

    items = [c.strip() for c in args.items.split(",") if c.strip()] if args.items else None
    groupings, minimum = protection_of(args)
    return ViewRequest.of(group=change.get("group", args.group), items=items,
                          populations=parse_populations(args.population),
                          groupings=groupings,
                          min_group_size=minimum, top_k=args.top,
                          dont_know_in_base=args.dont_know_in_base, reference=getattr(args, "reference", None),
                          fpc=args.fpc)


def view_of(args: argparse.Namespace) -> tuple[Survey | Counts, View, tuple[str, ...] | None]:
    """The source read, the view the options ask for, and the questions of other kinds ``--items`` names (None:
    all of them)."""
    from lmp_core.analysis.analyse import protected_view
    from lmp_core.setup.survey import Survey

    request = request_of(args)
    if getattr(args, "database", None) or getattr(args, "stream", False):
        counted, view, kind_items = _database_view(args, request)
        return counted.counts, view, kind_items
    source = load(args)
    kind_items = None
    if request.items is not None and isinstance(source, Survey):
        request, kind_items = _scale_items(source.items, (*source.others, *source.numbers), request)
    view = protected_view(source, request, notes=source.notes if isinstance(source, Survey) else (), lang=args.lang)
    return source, view, kind_items


def _database_view(args: argparse.Namespace, request: ViewRequest, themes: Sequence[str] = (),
                   custom: Mapping[str, Sequence[str]] | None = None, max_items: int | None = None
                   ) -> tuple[Counted, View, tuple[str, ...] | None]:
    """Count in the database (``--database``, ``--table``), or in a file as DuckDB reads it (``--stream``), with the
    setup's questions and protection, and the sums of the indices of ``themes`` and ``custom``
    (:func:`lmp_core.compute.indices.index_sets`); only counts and sums come back
    (:mod:`lmp_core.counting.database`, :mod:`lmp_core.counting.stream`)."""
    from lmp_core.analysis.analyse import protected_view
    from lmp_core.compute.indices import index_sets
    from lmp_core.counting.database import count_in_database
    from lmp_core.counting.stream import stream_counts

    stream = getattr(args, "stream", False)
    if stream and not args.codebook:
        raise SurveyError("stream_needs_codebook", file=Path(args.file).name)
    if stream and not Path(args.file).is_file():
        raise SurveyError("file_not_found", file=args.file)
    codebook = codebook_of(args)
    if not codebook:
        raise SurveyError("db_needs_setup")
    if not args.table and not stream:
        raise SurveyError("db_needs_table")
    groupings = request.groupings if request.groupings is not None else request.own_groupings
    # a multiple-response set named by --items is counted by its columns (the setup names their set)
    columns = None if request.items is None else [
        c for name in request.items
        for c in ([name] if name in codebook else [k for k, e in codebook.items() if e.set_name == name] or [name])]
    options = {"group": request.group, "groupings": groupings, "min_group_size": request.min_group_size,
               "items": columns, "lang": args.lang,
               "index_sets": (lambda items: index_sets(items, themes, custom, max_items)) if themes or custom else None}
    counted = stream_counts(Path(args.file), codebook, **options) if stream else \
        count_in_database(args.database, args.table, codebook, **options)
    if request.items is not None:  # --items may name questions of other kinds, as for a file
        others = (*(counted.others.items if counted.others is not None else ()), *(n.item for n in counted.numbers))
        request, kind_items = _scale_items(counted.counts.items, others, request)
        return counted, protected_view(counted.counts, request, counted=counted), kind_items
    return counted, protected_view(counted.counts, request, counted=counted), None


def _custom_index(args: argparse.Namespace) -> dict[str, list[str]]:
    """The index of questions the user picked (``--index-items``, named by ``--index-name``), if any."""
    items = getattr(args, "index_items", None)
    return {args.index_name: [c.strip() for c in items.split(",") if c.strip()]} if items else {}


def _check_source(args: argparse.Namespace) -> None:
    """A call reads a file or a database table, never both, never neither; weights need a file."""
    database = getattr(args, "database", None)
    if bool(database) == bool(args.file):
        raise SurveyError("db_file_or_database")
    if database and (getattr(args, "stream", False) or args.weight or args.weight_by or args.invited):
        raise SurveyError("db_no_weights")


def _scale_items(scales: Sequence[Item], others: Sequence[Item], request: ViewRequest
                 ) -> tuple[ViewRequest, tuple[str, ...]]:
    """``--items`` may name scale questions and questions of other kinds (a column, or a multiple-response set's
    name): the request with the scales as its items, and the others (for the analysis's other kinds); a name that
    is neither is refused with every question named."""
    from dataclasses import replace

    scale = {it.column for it in scales}
    other = {it.column for it in others} | {it.set_name for it in others if it.set_name}
    unknown = [c for c in request.items or () if c not in scale and c not in other]
    if unknown:
        choices = [it.column for it in scales] + sorted(other)
        raise SurveyError("unknown_item", column=unknown[0], choices=", ".join(choices))
    kinds = tuple(c for c in request.items or () if c in other)
    return replace(request, items=tuple(c for c in request.items or () if c in scale)), kinds


def _weighting(args: argparse.Namespace, source: Survey | Counts) -> dict[str, Any]:
    """What the options ask to weight by, as :class:`~lmp_core.analysis.analyse.Request` fields: a weight column's
    weights (``--weight``), or the invitation list to rake to on ``--weight-by``."""
    from lmp_core.setup.survey import Survey

    if not (args.weight or args.weight_by or args.invited):
        return {}
    if not isinstance(source, Survey):
        raise SurveyError("freq_no_weights", file=Path(args.file).name)
    if args.weight:
        if args.invited or args.weight_by:
            raise SurveyError("weight_one_source")
        from lmp_core.compute.weights import from_column

        return {"weights": from_column(source, args.weight)}
    if not (args.invited and args.weight_by):
        raise SurveyError("weight_needs_list")
    return {"invitation": _invitation(args), "rake_by": tuple(c.strip() for c in args.weight_by.split(",") if c.strip())}


def _invitation(args: argparse.Namespace, *, group: str | None = None, time: str | None = None) -> Invitation:
    """The invitation list ``--invited`` names, with the id columns the options give."""
    from lmp_core.analysis.analyse import Invitation
    from lmp_core.read.invitations import read_table

    name = Path(args.invited).name
    return Invitation(read_table(_read_path(args.invited), name), source=name, key=name, response_id=args.id,
                      invited_id=args.invited_id, group=group, time=time)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="response file: CSV, Excel .xlsx, SPSS .sav, or a frequency table "
                                           "(or --database and --table instead)")
    p.add_argument("--database", metavar="URL",
                   help="count in a database instead of a file, bringing back only counts: postgresql://…, "
                        "duckdb:///file.duckdb (or duckdb: with --table file.parquet), sqlite:///file.db; "
                        "needs --table and the setup (--codebook)")
    p.add_argument("--table", help="the table (schema.table) with one row per respondent, for --database")
    p.add_argument("--group", help="group column, e.g. rolle")
    p.add_argument("--codebook", help="codebook CSV (column, question_text, theme, scale[, labels])")
    p.add_argument("--population", action="append", default=[], metavar="GROUP=N",
                   help="invited population of a group; repeat per group")
    p.add_argument("--items", help="comma-separated question columns (default: all)")
    p.add_argument("--sheet", help="Excel sheet name")
    p.add_argument("--top", default=2, help="top-k categories for the share (default 2)")
    p.add_argument("--dont-know-in-base", action="store_true", help="count 'don't know' in percentage bases")
    p.add_argument("--min-group-size", default=None,
                   help=f"hide groups smaller than this (default: the setup's, else {MIN_GROUP_SIZE})")
    p.add_argument("--groupings", metavar="A,B",
                   help="the columns that may group, protected together (default: the setup's protected columns, "
                        "else the --group column); answers in a combination of their values with fewer than "
                        "--min-group-size are held back in every view")
    p.add_argument("--fpc", action="store_true",
                   help="finite population correction from --population (assumes non-response is random)")
    p.add_argument("--lang", choices=("nb", "en"), default="nb", help="language of texts (default nb)")
    p.add_argument("--reference", help="compare every group with this one (default: all pairs)")
    p.add_argument("--reference-file", metavar="F",
                   help="reference figures to compare each group with (a statistikkbank export or a table of "
                        "question, group, value, n, SD, label; CSV or Excel); see docs/referanse/kommandolinje.md")
    p.add_argument("--reference-includes-group", action="store_true",
                   help="the reference figures include this survey's groups (compare with the rest of the "
                        "reference; needs the reference's n)")
    _coding_options(p)


def _coding_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--coding", action="append", default=[], metavar="FRAME.csv",
                   help="a coding frame (code, words, word_starts, phrases, exclusions, column): the comments coded "
                        "into themes as a multiple-response question; repeat per comment column")
    p.add_argument("--coding-column", metavar="COL", help="the comment column a --coding frame codes, when the "
                                                           "frame's table names none, or that --coded codes")
    p.add_argument("--coded", metavar="TABLE.csv", help="coding done elsewhere: the respondent id and one 0/1 column "
                                                        "per code (QualtricsTools' and Displayr's layout), for the "
                                                        "comment column --coding-column")


def _weight_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--weight", metavar="COL", help="weight column of the file (design or post-stratification "
                                                    "weights); weighted figures beside the unweighted")
    p.add_argument("--invited", metavar="LIST", help="invitation list (CSV or Excel) to weight to, with --weight-by")
    p.add_argument("--weight-by", metavar="A,B", help="characteristics of the invitation list to weight by "
                                                     "(one: post-stratification, more: raking)")
    p.add_argument("--id", help="id column of the response file, to match the invitation list (default: detected)")
    p.add_argument("--invited-id", help="id column of the invitation list (default: detected)")


def _table(summary: Summary, lang: str) -> str:
    from lmp_core.present.tables import stats_table

    frame = stats_table(summary, lang=lang)
    return frame.to_string(index=False)


def analysis_of(args: argparse.Namespace, *, for_json: bool = True) -> Analysis:
    """The analysis the options ask for (:func:`lmp_core.analysis.analyse.analyse`): the file, stream or database
    read and counted with the call's protection, the weights, reference figures and coding frames the options
    name; ``for_json``: with the parts only the JSON shows (``--quality``, ``--banner``)."""
    from lmp_core.analysis.analyse import Request, analyse
    from lmp_core.setup.survey import Survey

    _check_source(args)
    if getattr(args, "stream", False) and (args.weight or args.weight_by or args.invited):
        raise SurveyError("stream_no_weights", file=Path(args.file).name)
    custom = tuple((name, tuple(columns)) for name, columns in _custom_index(args).items())
    counted = None
    if args.database or args.stream:  # the indices' sums and the other kinds are counted in the same visit
        counted, view, kind_items = _database_view(args, request_of(args), args.index, dict(custom))
        source = counted.counts
    else:
        source, view, kind_items = view_of(args)
    request = Request(view.request, kind_items=kind_items, index_themes=tuple(args.index),
                      custom_index=custom, omnibus=args.omnibus, lang=args.lang, **_weighting(args, source),
                      references=references_of(args), reference_includes_group=args.reference_includes_group,
                      banner=args.banner if for_json else None)
    quality = {}
    if for_json and args.quality:
        if getattr(args, "_full", None) is None:  # a frequency table, a database or --stream: no rows to judge
            raise SurveyError("quality_needs_rows", file=Path(args.file or args.table or "").name)
        from lmp_core.setup.codebook import quality_spec

        quality = {"quality": chosen_of(args, args._full), "full": args._full,
                   "quality_choice": quality_spec(codebook_of(args))}
    if args.banner and for_json and not isinstance(source, Survey):
        raise SurveyError("freq_no_filter", file=Path(args.file).name)
    return analyse(source, request, view=view, counted=counted, **quality).complete()  # every bad option says so


def cmd_summarize(args: argparse.Namespace) -> int:
    analysis = analysis_of(args, for_json=args.format == "json")
    if args.format == "json":
        json.dump(analysis.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        from lmp_core.present.tables import stats_table, to_csv_bytes

        sys.stdout.write(to_csv_bytes(stats_table(analysis.summary, lang=args.lang, formatted=False)).decode("utf-8"))
    else:
        _write_tables(analysis, args.lang)
    warn_unprotected(args, analysis.source, analysis.view.request)  # after the output: an error above stays the one line
    return 0


def _write_tables(analysis: Analysis, lang: str) -> None:
    """``--format table``: the scales' table, one table per question of another kind, the warnings, the
    comparisons with reference figures and the weighted figures beside the unweighted."""
    summary = analysis.summary
    if summary.items:
        sys.stdout.write(_table(summary, lang) + "\n")
    if analysis.kinds:  # the other kinds of question, one table each
        from lmp_core.present.tables import kind_table

        for result in analysis.kinds:
            sys.stdout.write(f"\n{result.question}\n{kind_table(result, lang=lang).to_string(index=False)}\n")
    for w in summary.warning_texts(lang):
        sys.stdout.write(f"! {w}\n")
    reference = analysis.reference
    for line in [c.sentence(lang) for c in reference.comparisons] + reference.note_texts(lang) \
            if reference is not None else []:
        sys.stdout.write(f"= {line}\n")
    if analysis.weights is not None:
        from lmp_core.present.tables import weighted_table

        sys.stdout.write(weighted_table(summary, analysis.weighted or {}, analysis.weights,
                                        lang=lang).to_string(index=False) + "\n")


def references_of(args: argparse.Namespace) -> References | None:
    """The figures of ``--reference-file`` (:mod:`lmp_core.read.reference`), None without one."""
    if not getattr(args, "reference_file", None):
        return None
    from lmp_core.read.reference import read_reference

    return read_reference(_read_path(args.reference_file), Path(args.reference_file).name)


def _iso_date(value: str) -> str:
    """A date as YYYY-MM-DD (argparse's type: a bad date is a usage error, not a traceback)."""
    from datetime import date

    if not value:
        return ""  # no date (argparse passes the default through this too)
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date as YYYY-MM-DD") from None


def cmd_report(args: argparse.Namespace) -> int:
    from lmp_core.analysis.analyse import report_analysis
    from lmp_core.present.report import build_report, render

    _check_source(args)
    out = check_output(args.out)
    themes = [t.strip() for t in args.themes.split(",") if t.strip()] if args.themes else None
    request = request_of(args)
    counted = None
    if args.database:  # each theme's index and the other kinds, counted in the same visit to the database
        from lmp_core.compute.indices import MAX_INDEX_ITEMS

        counted, view, _ = _database_view(args, request, ["all"], max_items=MAX_INDEX_ITEMS)
        source = counted.counts
    else:  # the reader's caveats (a base of those who ticked something …) in the data section, as summarize gives them
        source, view, _ = view_of(args)
    known = list(dict.fromkeys(it.theme for it in source.items if it.theme))
    unknown = [t for t in themes or () if t not in known]
    if unknown:
        raise SurveyError("unknown_themes", themes=", ".join(unknown), choices=", ".join(known))
    analysis = report_analysis(source, request, themes=themes, lang=args.lang, view=view,
                               counted=counted, references=references_of(args), **_weighting(args, source),
                               reference_includes_group=args.reference_includes_group)
    report = build_report(analysis, themes=themes, leading_zero=not args.no_leading_zero, title=args.title,
                          subtitle=args.subtitle, author=args.author, date=args.date)
    data = render(report, args.out)
    write_output(out, data)
    print(f"{args.out}: {len(data) // 1024} KB", file=sys.stderr)
    warn_unprotected(args, source, request)
    return 0


def cmd_fieldwork(args: argparse.Namespace) -> int:
    from lmp_core.analysis.analyse import Request, analyse
    from lmp_core.compute.stats import note_text
    from lmp_core.compute.view import ViewRequest
    from lmp_core.load import read_file
    from lmp_core.setup.survey import Survey

    source = read_file(_read_path(args.file), Path(args.file).name)
    if not isinstance(source, Survey):
        raise SurveyError("fw_no_id", file=Path(args.file).name, columns="")
    request = Request(ViewRequest(items=(), min_group_size=args.min_group_size), kind_items=(), lang=args.lang,
                      invitation=_invitation(args, group=args.group, time=args.time))
    result = analyse(source, request).fieldwork
    assert result is not None  # the request asks for it
    for key, params in result.notes:
        print(f"! {note_text(key, params, args.lang)}", file=sys.stderr)
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        from lmp_core.present.tables import to_csv_bytes

        sys.stdout.write(to_csv_bytes(result.non_respondents).decode("utf-8"))
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    """The variable setup as a codebook CSV on standard output; the reader's notes and every column's role
    and basis on standard error (what to confirm is marked)."""
    from lmp_core.compute.stats import note_text
    from lmp_core.present.tables import to_csv_bytes
    from lmp_core.setup.codebook import protection, quality_spec
    from lmp_core.setup.survey import Survey
    from lmp_core.setup.table import setup_codebook, setup_table

    source = load(args, choose=False)  # the setup describes the whole file
    if not isinstance(source, Survey):
        raise SurveyError("freq_no_setup", file=Path(args.file).name)
    for key, params in source.notes:
        print(f"! {note_text(key, params, args.lang)}", file=sys.stderr)
    codebook = codebook_of(args)
    protected, setup_min = protection(codebook)
    minimum = args.min_group_size if args.min_group_size is not None else setup_min
    from lmp_core.counting.disclosure import shown

    may_show = partial(shown, min_group_size=minimum or MIN_GROUP_SIZE)
    print(setup_table(source, args.lang, may_show=may_show).to_string(index=False),
          file=sys.stderr)
    groupings = tuple(c.strip() for c in args.groupings.split(",") if c.strip()) if args.groupings else protected
    unknown = [c for c in groupings if c not in source.groupable]
    if unknown:
        raise SurveyError("unknown_groupings", columns=", ".join(unknown), choices=", ".join(source.groupable))
    setup = setup_codebook(source, codebook, groupings=groupings, min_group_size=minimum,
                           quality=quality_spec(codebook))
    sys.stdout.write(to_csv_bytes(setup, excel=False).decode("utf-8"))
    return 0


def cmd_counts_sql(args: argparse.Namespace) -> int:
    """The SQL that counts the codebook's questions per group in a warehouse table (:mod:`lmp_core.counting.sql`).

    A setup that protects columns is refused: the query's table would hold every cell, the small ones too, and
    the rule (:mod:`lmp_core.counting.disclosure`) cannot run inside it; ``summarize --database`` applies it."""
    from lmp_core.counting.sql import counts_sql
    from lmp_core.load import read_codebook
    from lmp_core.setup.codebook import protection

    codebook = read_codebook(_read_path(args.codebook), Path(args.codebook).name)
    protected, minimum = protection(codebook)
    if protected:
        raise SurveyError("sql_protected_setup", file=Path(args.codebook).name, columns=", ".join(protected),
                          min_n=minimum or MIN_GROUP_SIZE, table=args.table)
    items = [c.strip() for c in args.items.split(",") if c.strip()] if args.items else None
    sys.stdout.write(counts_sql(codebook, args.table, group=args.group, items=items))
    return 0


def _trend_protection(args: argparse.Namespace, books: Sequence[Mapping[str, CodebookEntry]]
                      ) -> tuple[list[str] | None, int]:
    """The columns a trend protects together and its minimum: ``--groupings`` and ``--min-group-size`` when given,
    else what the setups record (every wave's protected columns, their smallest minimum), as every other call with
    the setup protects (:func:`protection_of`). A ``--group`` outside the setup's protected columns is refused."""
    from lmp_core.setup.codebook import protection

    setups = [protection(book) for book in books]
    protected = list(dict.fromkeys(c for columns, _ in setups for c in columns))
    minimums = [size for _, size in setups if size is not None]
    minimum = args.min_group_size if args.min_group_size is not None else min(minimums, default=MIN_GROUP_SIZE)
    if args.groupings:
        return [c.strip() for c in args.groupings.split(",") if c.strip()], minimum
    if protected and args.group and args.group not in protected:
        raise SurveyError("group_not_in_setup", column=args.group, columns=", ".join(protected),
                          file=Path(args.codebook[0]).name)
    if protected and args.wave_column and args.wave_column not in protected:
        protected.append(args.wave_column)  # the waves are groups of their own: protected with the setup's columns
    return protected or None, minimum


def cmd_trend(args: argparse.Namespace) -> int:
    from lmp_core.analysis.analyse import Request, analyse
    from lmp_core.compute.stats import note_text
    from lmp_core.compute.view import ViewRequest
    from lmp_core.load import read_codebook, read_file
    from lmp_core.setup.survey import Survey

    if args.codebook and len(args.codebook) not in (1, len(args.files)):
        raise SurveyError("waves_codebooks", files=len(args.files), codebooks=len(args.codebook))
    books = [read_codebook(_read_path(c), Path(c).name) for c in args.codebook]
    names = [n.strip() for n in args.names.split(",")] if args.names else [Path(f).stem for f in args.files]
    if len(names) != len(args.files) and not args.wave_column:
        raise SurveyError("waves_names", files=len(args.files), names=len(names))
    waves = []
    if args.wave_column:
        from lmp_core.compute.waves import waves_from_column

        if len(args.files) != 1:
            raise SurveyError("waves_column_one_file", files=len(args.files))
        source = read_file(_read_path(args.files[0]), Path(args.files[0]).name, codebook=books[0] if books else None)
        if not isinstance(source, Survey):
            raise SurveyError("freq_no_trend", file=Path(args.files[0]).name)
        waves = waves_from_column(source, args.wave_column, _trend_protection(args, books)[0] or [args.wave_column])
        names = [name for name, _ in waves]
    for i, (name, path) in enumerate(zip(names, args.files if not args.wave_column else [])):
        book = books[i] if len(books) > 1 else (books[0] if books else None)
        source = read_file(_read_path(path), Path(path).name, codebook=book)
        if not isinstance(source, Survey):
            raise SurveyError("freq_no_trend", file=Path(path).name)
        waves.append((name, source))
    groupings, minimum = _trend_protection(args, books)
    request = Request(ViewRequest(group=args.group, items=(), min_group_size=minimum,
                                  groupings=tuple(groupings) if groupings is not None else None),
                      kind_items=(), lang=args.lang, waves=tuple(waves), confirmed=tuple(args.confirm))
    trend = analyse(waves[0][1], request).trend
    assert trend is not None  # the request asks for it
    for key, params in trend.notes:
        print(f"! {note_text(key, params, args.lang)}", file=sys.stderr)
    if args.format == "json":
        json.dump(trend.to_dict(args.lang), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from lmp_core.present.tables import to_csv_bytes, trend_table

        sys.stdout.write(to_csv_bytes(trend_table(trend, lang=args.lang, formatted=False)).decode("utf-8"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m lmp_core", description="LMP Explorer: survey statistics")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("summarize", help="statistics per question and group")
    _common(p)
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.add_argument("--index", action="append", default=[], metavar="THEME",
                   help="an index of a theme's questions with Cronbach's alpha (repeat; 'all' for every theme); "
                        "in the JSON under 'indices'")
    p.add_argument("--quality", action="store_true",
                   help="add the data-quality flags' counts, the setup's choice and what leaving out changes to the "
                        "JSON, under 'quality'")
    p.add_argument("--omnibus", choices=("kruskal", "chi2"), default="kruskal",
                   help="with three or more groups, the test across them: Kruskal-Wallis (default) or chi-square")
    p.add_argument("--index-items", metavar="A,B,C", help="an index of any questions you pick (with --index-name)")
    p.add_argument("--index-name", default="index", help="the name of the --index-items index (default 'index')")
    _weight_options(p)
    p.add_argument("--banner", metavar="COL", help="cross the group with a second grouping column (a banner "
                                                   "table); in the JSON under 'banner'")
    p.add_argument("--stream", action="store_true",
                   help="count the file (CSV or Parquet) as DuckDB reads it, for files larger than memory; "
                        "needs --codebook")
    p.set_defaults(func=cmd_summarize)
    r = sub.add_parser("report", help="a report in the seed report's structure (.docx, .html, .xlsx, .pptx)")
    _common(r)
    r.add_argument("--themes", help="comma-separated themes (default: all)")
    r.add_argument("--out", required=True, help="output file; the format follows its ending")
    r.add_argument("--no-leading-zero", action="store_true", help="write ,61 instead of 0,61")
    r.add_argument("--title", help="the title (default: 'Resultater fra spørreundersøkelsen')")
    r.add_argument("--subtitle", help="the subtitle (default: the file's name)")
    r.add_argument("--author", default="", help="the author, on the title page and in the file's properties")
    r.add_argument("--date", default="", type=_iso_date, help="the report's date, YYYY-MM-DD")
    _weight_options(r)
    r.set_defaults(func=cmd_report)
    v = sub.add_parser("setup", help="the variable setup (roles, scales, reasons) as a codebook for the next wave")
    v.add_argument("file", help="response file: CSV, Excel .xlsx or SPSS .sav")
    v.add_argument("--codebook", help="a codebook or an earlier setup to start from")
    _coding_options(v)
    v.add_argument("--sheet", help="Excel sheet name")
    v.add_argument("--groupings", metavar="A,B", help="the grouping columns the setup protects together "
                                                      "(every call with the setup protects them)")
    v.add_argument("--min-group-size", default=None, help="the setup's smallest group shown")
    v.add_argument("--lang", choices=("nb", "en"), default="nb")
    v.set_defaults(func=cmd_setup)
    q = sub.add_parser("counts-sql", help="the SQL that counts the answers in a warehouse: run it there, then "
                                          "read its result (a frequency table) here")
    q.add_argument("--codebook", required=True, help="the codebook: which columns are questions, their labels")
    q.add_argument("--table", required=True,
                   help="the table as SQL writes it: a name, or e.g. read_parquet('svar.parquet') in DuckDB")
    q.add_argument("--group", help="group column, e.g. rolle")
    q.add_argument("--items", help="comma-separated question columns (default: all in the codebook)")
    q.set_defaults(func=cmd_counts_sql)
    w = sub.add_parser("trend", help="the same survey over two or more waves: each question's trend per group")
    w.add_argument("files", nargs="+", help="the waves' response files, oldest first")
    w.add_argument("--codebook", action="append", default=[],
                   help="a codebook or setup: once for every wave, or once per file in the same order")
    w.add_argument("--names", metavar="A,B", help="the waves' names (default: the file names)")
    w.add_argument("--group", help="group column, e.g. rolle")
    w.add_argument("--wave-column", metavar="COL", help="one file whose column COL tells the waves apart")
    w.add_argument("--groupings", metavar="A,B",
                   help="the columns protected together (default: the setup's protected columns, else the group and "
                        "the wave column)")
    w.add_argument("--confirm", action="append", default=[], metavar="COL",
                   help="keep a question whose wording, scale or answer order changed in the trend (repeat)")
    w.add_argument("--min-group-size", default=None,
                   help=f"hide groups smaller than this (default: the setup's, else {MIN_GROUP_SIZE})")
    w.add_argument("--format", choices=("json", "csv"), default="json")
    w.add_argument("--lang", choices=("nb", "en"), default="nb")
    w.set_defaults(func=cmd_trend)
    f = sub.add_parser("fieldwork", help="who has answered, who to remind, representativeness")
    f.add_argument("file", help="response file")
    f.add_argument("--invited", required=True, help="invitation list (CSV or Excel), one row per invited unit")
    f.add_argument("--id", help="id column of the response file (default: detected)")
    f.add_argument("--invited-id", help="id column of the invitation list (default: detected)")
    f.add_argument("--group", help="group column of the invitation list, e.g. rolle")
    f.add_argument("--time", help="submission time column of the response file (default: detected)")
    f.add_argument("--format", choices=("json", "csv"), default="json",
                   help="json: everything; csv: the non-respondents (for the next reminder)")
    f.add_argument("--min-group-size", default=MIN_GROUP_SIZE,
                   help=f"groups with fewer respondents show no count or rate (default {MIN_GROUP_SIZE})")
    f.add_argument("--lang", choices=("nb", "en"), default="nb")
    f.set_defaults(func=cmd_fieldwork)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_numbers(args)
        return int(args.func(args))
    except SurveyError as err:
        print(f"error: {err.message(getattr(args, 'lang', 'en'))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and closed early
        return 0
    except MemoryError:
        print("error: the file is too large for this machine's memory", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
