"""A reference figure file: the national, county or last year's figure a survey's results are compared with.

Two layouts, CSV or Excel (.xlsx), recognised by their column names (case and spacing ignored):

- **A simple table**, one row per reference figure: ``spørsmål`` (or ``question``, ``indeks``, ``index``: a
  question's column name or text, or an index's name), ``verdi`` (``value``, ``referanse``), and optionally
  ``gruppe`` (``group``; blank: every group), ``statistikk`` (``statistic``: ``snitt``/``mean`` or
  ``topp2``/``top2``; blank: ``snitt``), ``skala`` (``scale``: the mean's range as ``1-5``), ``n``
  (``antall``), ``sd`` (``standardavvik``), ``etikett`` (``label``), ``kilde`` (``source``).
- **Udir's statistikkbank** (Elevundersøkelsen – Læringsmiljø): title and filter lines above a header with
  ``Indikator og spørsmål`` (or ``Indikator``/``Spørsmål``) and ``Snitt`` (``Gjennomsnitt``), optionally
  ``Standardavvik`` and ``Antall`` (``Antall besvarelser``/``Antall svar``), and filter columns such as
  ``Enhetsnavn``, ``Skoleår``, ``Trinn``, ``Kjønn``, ``Eierform``. The mean is on the 1–5 scale (Udir: "beregnes
  ut fra elevenes svar på en 5-punktsskala"). A filter column with one value goes into the label ("Nasjonalt,
  2025-26, 7. trinn"); one with several values names the group each row is for.

Missing-value rule: a cell with Udir's ``*`` (or ``.``, ``:``, ``..``) is **suppressed** at the source, one with
the lightning symbol (⚡) marks a **broken series** (not comparable), a blank cell is **missing**; none of them
ever becomes a number. A share is in per cent (0–100). Numbers may have a decimal comma ("4,21") and spaces as
thousands separators ("12 345"). Anything else that is not a number is refused with a :class:`SurveyError`
naming the file, the column, the row and the value.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from lmp_core.base.errors import SurveyError
from lmp_core.read.sniff import inspect_text, looks_binary

#: Udir's and SSB's symbols for a figure withheld at the source (statistikkportalen.udir.no, "Ofte stilte spørsmål")
SUPPRESSED_SYMBOLS = ("*", ".", ":", "..")
#: the lightning Udir prints for a break in the time series (and look-alikes a copy may turn it into)
BROKEN_SYMBOLS = ("⚡", "ϟ", "↯")
STATISTICS = {"snitt": "mean", "gjennomsnitt": "mean", "mean": "mean", "average": "mean",
              "topp2": "top2", "topp-2": "top2", "top2": "top2", "top-2": "top2", "andel": "top2", "share": "top2"}
#: the simple table's columns: role -> the names it may have
SIMPLE_COLUMNS = {
    "target": ("spørsmål", "question", "indeks", "index", "kolonne", "column"),
    "group": ("gruppe", "group"),
    "statistic": ("statistikk", "statistic"),
    "value": ("verdi", "value", "referanse", "reference"),
    "scale": ("skala", "scale"),
    "n": ("n", "antall"),
    "sd": ("sd", "standardavvik"),
    "label": ("etikett", "label"),
    "source": ("kilde", "source"),
}
#: the statistikkbank's columns (Udir, "Om statistikken: Elevundersøkelsen – Læringsmiljø")
BANK_COLUMNS = {
    "target": ("indikator og spørsmål", "indikator", "spørsmål", "indikator/spørsmål"),
    "value": ("snitt", "gjennomsnitt", "gjennomsnittsskår"),
    "n": ("antall", "antall besvarelser", "antall svar"),
    "sd": ("standardavvik",),
}
BANK_FILTERS = ("enhetsnavn", "enhet", "nivå", "skoleår", "år", "trinn", "kjønn", "eierform")
BANK_SCALE = (1.0, 5.0)


@dataclass(frozen=True)
class ReferenceValue:
    """One reference figure. ``status``: ``ok``, ``suppressed`` (withheld at the source), ``broken`` (a break in
    the series: not comparable) or ``missing`` (blank); ``value`` is None unless a number was given."""

    target: str
    group: str | None  # None: every group
    statistic: str  # "mean" or "top2"
    value: float | None
    status: str = "ok"
    n: int | None = None
    sd: float | None = None
    scale: tuple[float, float] | None = None
    label: str = ""
    source: str = ""
    symbol: str = ""  # the cell's symbol as the file has it (``*``, ⚡)

    def to_dict(self) -> dict[str, object]:
        """The reference as the JSON's ``reference`` block lists it."""
        return {"target": self.target, "group": self.group, "statistic": self.statistic, "value": self.value,
                "status": self.status, "n": self.n, "sd": self.sd,
                "scale": list(self.scale) if self.scale else None, "label": self.label, "source": self.source}


@dataclass(frozen=True)
class References:
    """The reference figures of one file (or typed by hand), in file order."""

    values: tuple[ReferenceValue, ...]
    name: str = ""
    layout: str = "simple"  # "simple" or "statistikkbank"


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def _rows(data: bytes, name: str) -> list[list[str]]:
    """Every row of the first sheet or of the text file as stripped strings, title lines included."""
    if data.startswith(b"PK\x03\x04"):
        import pandas as pd

        from lmp_core.read.excel import check_unpacked_size

        check_unpacked_size(data, name)
        try:
            frame = pd.read_excel(io.BytesIO(data), header=None, dtype=str, engine="calamine")
        except Exception as err:  # noqa: BLE001  calamine raises many kinds for a broken file
            raise SurveyError("unreadable_excel", file=name, detail=type(err).__name__) from None
        return [["" if not isinstance(c, str) else c.strip() for c in row] for row in frame.itertuples(index=False)]
    if looks_binary(data):
        raise SurveyError("binary_as_csv", file=name)
    layout = inspect_text(data, name, force_decode=True)
    text = layout.data.decode("utf-8", errors="replace").lstrip("\ufeff")
    try:
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text, newline=""),
                                                                delimiter=layout.separator)]
    except csv.Error as err:
        raise SurveyError("unreadable_csv", file=name, detail=str(err)) from None


def _find(header: Sequence[str], names: dict[str, tuple[str, ...]]) -> dict[str, int]:
    folded = [_fold(h) for h in header]
    return {role: folded.index(n) for role, options in names.items() for n in options if n in folded}


def parse_number(cell: str, *, file: str, column: str, row: int) -> tuple[float | None, str, str]:
    """A cell as (number, status, symbol): ``4,21`` -> (4.21, "ok", ""), ``*`` -> (None, "suppressed", "*"),
    ``4,1 ⚡`` -> (4.1, "broken", "⚡"), blank -> (None, "missing", "").

    >>> parse_number("12 345", file="f", column="n", row=2)
    (12345.0, 'ok', '')
    >>> parse_number("*", file="f", column="Snitt", row=3)
    (None, 'suppressed', '*')
    """
    text = cell.strip()
    broken = next((s for s in BROKEN_SYMBOLS if s in text), "")
    text = text.replace(broken, "").strip() if broken else text
    if text in SUPPRESSED_SYMBOLS:
        return None, "suppressed", text
    if not text:
        return None, ("broken" if broken else "missing"), broken
    plain = re.sub(r"[\s\u00a0\u202f]", "", text).rstrip("%").replace("−", "-").replace(",", ".")
    try:
        value = float(plain)
    except ValueError:
        raise SurveyError("reference_bad_number", file=file, column=column, row=row, value=cell[:40]) from None
    if not math.isfinite(value):
        raise SurveyError("reference_bad_number", file=file, column=column, row=row, value=cell[:40])
    return value, ("broken" if broken else "ok"), broken


def _scale(cell: str, *, file: str, column: str, row: int) -> tuple[float, float] | None:
    if not cell.strip():
        return None
    match = re.fullmatch(r"\s*(-?\d+(?:[.,]\d+)?)\s*[-–—]\s*(-?\d+(?:[.,]\d+)?)\s*", cell)
    if not match:
        raise SurveyError("reference_bad_scale", file=file, column=column, row=row, value=cell[:40])
    low, high = (float(x.replace(",", ".")) for x in match.groups())
    if low >= high:
        raise SurveyError("reference_bad_scale", file=file, column=column, row=row, value=cell[:40])
    return low, high


def read_reference(data: bytes, name: str) -> References:
    """Read a reference file in either layout (module docstring); refuse one with neither header."""
    rows = [r for r in _rows(data, name) if any(r)]
    if not rows:
        raise SurveyError("empty_file", file=name)
    for i, header in enumerate(rows[:30]):  # title and filter lines above the header
        simple = _find(header, SIMPLE_COLUMNS)
        if {"target", "value"} <= simple.keys():
            return References(tuple(_simple_values(header, rows[i + 1:], simple, name, i + 2)), name, "simple")
        bank = _find(header, BANK_COLUMNS)
        if {"target", "value"} <= bank.keys():
            return References(tuple(_bank_values(header, rows[i + 1:], bank, name, i + 2)), name, "statistikkbank")
    raise SurveyError("reference_no_header", file=name, columns=", ".join(rows[0][:8]))


def _cell(row: Sequence[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _checked(value: ReferenceValue, *, file: str, row: int, columns: Sequence[str]) -> ReferenceValue:
    """Refuse a figure that cannot be what its statistic says: a mean outside its scale, a share outside
    0–100, a negative SD or an n that is not a positive whole number."""
    def bad(column: str, shown: object) -> SurveyError:
        return SurveyError("reference_bad_value", file=file, column=column, row=row, value=shown)

    v = value.value
    if v is not None and value.statistic == "top2" and not 0 <= v <= 100:
        raise bad(columns[0], v)
    if v is not None and value.statistic == "mean" and value.scale and not value.scale[0] <= v <= value.scale[1]:
        raise bad(columns[0], v)
    if value.sd is not None and value.sd < 0:
        raise bad(columns[2], value.sd)
    return value


def _count(cell: str, *, file: str, column: str, row: int) -> int | None:
    number, _, _ = parse_number(cell, file=file, column=column, row=row)
    if number is None:
        return None
    if number != int(number) or number < 1:
        raise SurveyError("reference_bad_value", file=file, column=column, row=row, value=cell[:40])
    return int(number)


def _collect(header: Sequence[str], rows: list[list[str]], at: dict[str, int], name: str, first: int,
             build: Callable[[list[str], int, ReferenceValue], ReferenceValue]) -> list[ReferenceValue]:
    """Every row with a question: its value, SD and n read, ``build`` adding what the layout says, then checked
    (:func:`_checked`) and refused when a question, group and statistic come twice."""
    out: list[ReferenceValue] = []
    seen: dict[tuple[str, str | None, str], int] = {}
    for offset, row in enumerate(rows):
        line = first + offset
        target = _cell(row, at["target"])
        if not target:
            continue
        value, status, symbol = parse_number(_cell(row, at["value"]), file=name, column=header[at["value"]], row=line)
        sd = parse_number(_cell(row, at.get("sd")), file=name, column=_name(header, at, "sd"), row=line)[0]
        n = _count(_cell(row, at.get("n")), file=name, column=_name(header, at, "n"), row=line)
        made = build(row, line, ReferenceValue(target, None, "mean", value, status, n, sd, symbol=symbol))
        out.append(_checked(made, file=name, row=line, columns=[header[at["value"]], "", _name(header, at, "sd")]))
        key = (_fold(target), _fold(made.group) if made.group else None, made.statistic)
        if key in seen:
            raise SurveyError("reference_duplicate", file=name, row=line, first=seen[key], target=key[0])
        seen[key] = line
    return out


def _simple_values(header: Sequence[str], rows: list[list[str]], at: dict[str, int], name: str,
                   first: int) -> list[ReferenceValue]:
    def build(row: list[str], line: int, value: ReferenceValue) -> ReferenceValue:
        statistic = _fold(_cell(row, at.get("statistic"))) or "snitt"
        if statistic not in STATISTICS:
            raise SurveyError("reference_bad_statistic", file=name, column=header[at["statistic"]], row=line,
                              value=statistic[:40], choices="snitt, topp2")
        return replace(value, group=_cell(row, at.get("group")) or None, statistic=STATISTICS[statistic],
                       scale=_scale(_cell(row, at.get("scale")), file=name, column=_name(header, at, "scale"), row=line),
                       label=_cell(row, at.get("label")), source=_cell(row, at.get("source")) or name)

    return _collect(header, rows, at, name, first, build)


def _name(header: Sequence[str], at: dict[str, int], role: str) -> str:
    return header[at[role]] if role in at else role


def _bank_values(header: Sequence[str], rows: list[list[str]], at: dict[str, int], name: str,
                 first: int) -> list[ReferenceValue]:
    folded = [_fold(h) for h in header]
    filters = [i for i, h in enumerate(folded) if h in BANK_FILTERS]
    data_rows = [r for r in rows if _cell(r, at["target"])]
    varying = [i for i in filters if len({_cell(r, i) for r in data_rows}) > 1]
    fixed = [i for i in filters if i not in varying]
    label = ", ".join(_cell(data_rows[0], i) for i in fixed if _cell(data_rows[0], i)) if data_rows else ""

    def build(row: list[str], line: int, value: ReferenceValue) -> ReferenceValue:
        return replace(value, group=", ".join(_cell(row, i) for i in varying if _cell(row, i)) or None,
                       scale=BANK_SCALE, label=label or name, source=f"Udir statistikkbanken ({name})")

    return _collect(header, rows, at, name, first, build)


def typed_reference(rows: Sequence[dict[str, object]], name: str = "") -> References:
    """References typed by hand (the Data page's table): each row a dict with the simple table's roles
    (``target``, ``value``, optionally ``group``, ``statistic``, ``scale``, ``n``, ``sd``, ``label``, ``source``),
    cells as the user typed them; checked as a file's are, the row counted from 1."""
    header = list(SIMPLE_COLUMNS)
    table = [[("" if r.get(role) is None else str(r.get(role))) for role in header] for r in rows]
    at = {role: i for i, role in enumerate(header)}
    return References(tuple(_simple_values(header, table, at, name or "referanse", 1)), name, "typed")


#: the columns of a typed reference, in the order a line gives them when it has no header
TYPED_ORDER = ("spørsmål", "gruppe", "statistikk", "verdi", "skala", "n", "sd", "etikett", "kilde")


def typed_text_reference(typed: str, name: str = "referanse") -> References:
    """References typed as lines (the Data page's box): ``spørsmål; gruppe; statistikk; verdi; skala; n; sd; etikett;
    kilde`` separated by ``;`` (or tabs, as pasted from a spreadsheet), trailing fields optional, or the same with a
    header line of the simple table's column names in any order. Checked as a file's rows are.

    >>> typed_text_reference("trivsel;;snitt;4,2;1-5;;;Nasjonalt 2025").values[0].value
    4.2
    """
    lines = [line for line in typed.splitlines() if line.strip()]
    if not lines:
        raise SurveyError("empty_file", file=name)
    separator = "\t" if "\t" in lines[0] else ";"
    rows = [[c.strip() for c in row] for row in csv.reader(lines, delimiter=separator)]
    at = _find(rows[0], SIMPLE_COLUMNS)
    if {"target", "value"} <= at.keys():
        return References(tuple(_simple_values(rows[0], rows[1:], at, name, 2)), name, "typed")
    header = list(TYPED_ORDER)
    return References(tuple(_simple_values(header, rows, _find(header, SIMPLE_COLUMNS), name, 1)), name, "typed")
