"""Write the bad-input corpus: files that break naive readers (run once; the files are committed).

    .venv/bin/python tests/corpus/make_corpus.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd
import pyreadstat

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parents[1].parent / "shared" / "fixtures" / "lmp_ch2_3.csv"
GRAD = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]


def fixture() -> pd.DataFrame:
    return pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def main() -> int:
    df = fixture()
    csv = df.to_csv(index=False)
    write("empty.csv", b"")
    write("only_header.csv", (",".join(df.columns) + "\n").encode())
    write("binary_junk.csv", bytes(range(256)) * 8)
    excel = io.BytesIO()
    df.to_excel(excel, index=False)
    write("excel_renamed.csv", excel.getvalue())  # a real .xlsx with the wrong ending: read as Excel
    write("csv_named.xlsx", csv.encode())  # a CSV with an Excel ending: read as the CSV it is
    write("truncated.sav", (FIXTURE.parents[1] / "data" / "external" / "efc" / "EFC.sav").read_bytes()[:300])
    lines = csv.splitlines()
    lines[5] = lines[5] + ",extra,fields"
    write("ragged_rows.csv", ("\n".join(lines) + "\n").encode())
    dup = csv.replace("praksis_mobbing", "kunnskap_mobbing", 1)
    write("duplicate_columns.csv", dup.encode())
    head, rest = csv.split("\n", 1)
    mixed = b"\xef\xbb\xbf" + (head + "\n").encode() + rest[:3000].encode("utf-8") + rest[3000:].encode("cp1252")
    write("bom_mixed_encodings.csv", mixed)
    semi = df.copy()
    semi["vekt"] = ["1,25"] * len(semi)
    write("semicolon_decimal_comma.csv", semi.to_csv(index=False, sep=";").encode("cp1252"))
    book = io.BytesIO()
    with pd.ExcelWriter(book, engine="openpyxl") as writer:
        pd.DataFrame({"Om fila": ["Eksport fra Questback", "Se arket Svar"]}).to_excel(writer, sheet_name="Forside", index=False)
        body = pd.concat([df.iloc[:10], pd.DataFrame([[None] * len(df.columns)], columns=df.columns), df.iloc[10:]])
        body.to_excel(writer, sheet_name="Svar", index=False, startrow=2)
        writer.sheets["Svar"]["A1"] = "Læringsmiljøprosjektet – skoleledere og skoleeiere"
        writer.sheets["Svar"].merge_cells("A1:F1")
    write("excel_sheets_merged_blank_rows.xlsx", book.getvalue())
    coded = pd.read_csv(FIXTURE.with_name("lmp_ch2_3_coded.csv"))
    items = [c for c in coded.columns if c.startswith(("kunnskap", "praksis"))]
    spss = coded[["rolle", *items]].copy()
    spss["rolle"] = spss["rolle"].map({"Skoleleder": 1, "Skoleeier": 2})
    spss.loc[0:2, items[0]] = 8  # "Ønsker ikke å svare", inside a declared missing range 7-9
    labels = {c: {1: GRAD[0], 2: GRAD[1], 3: GRAD[2], 4: GRAD[3], 5: GRAD[4], 8: "Ønsker ikke å svare", 9: "Vet ikke"}
              for c in items}
    labels["rolle"] = {1: "Skoleleder", 2: "Skoleeier"}
    path = HERE / "spss_missing_range.sav"
    pyreadstat.write_sav(spss, str(path), variable_value_labels=labels,
                         missing_ranges={c: [{"lo": 7, "hi": 9}] for c in items})
    one = df.copy()
    one["rolle"] = "Skoleleder"
    write("group_one_level.csv", one.to_csv(index=False).encode())
    many = df.copy()
    many["skole"] = [f"Skole {i:03d}" for i in range(len(many))]
    write("group_hundreds.csv", pd.concat([many] * 8).assign(skole=[f"Skole {i:03d}" for i in range(368)])
          .to_csv(index=False).encode())
    empty_item = df.copy()
    empty_item["praksis_mobbing"] = ""
    write("item_all_missing.csv", empty_item.to_csv(index=False).encode())
    single = df.copy()
    single.loc[0, "rolle"] = "Rektor"
    write("group_of_one.csv", single.to_csv(index=False).encode())
    same = df.copy()
    for c in items:
        same[c] = "I stor grad"
    write("identical_answers.csv", same.to_csv(index=False).encode())
    unknown = df.copy()
    unknown["kunnskap_mobbing"] = ["Ja", "Nei", "Kanskje"] * 15 + ["Ja"]
    write("labels_fit_no_scale.csv", unknown.to_csv(index=False).encode())
    odd = coded.copy()
    odd.loc[0, items[0]] = 99
    odd.loc[1, items[1]] = -2
    odd.loc[2, items[2]] = 7
    write("codes_outside_scale.csv", odd.to_csv(index=False).encode())
    wide = pd.DataFrame({"rolle": df["rolle"], **{f"q{i}": df[items[i % 8]] for i in range(3000)}})
    write("thousands_of_columns.csv", wide.to_csv(index=False).encode())
    html = df.copy()
    long_name = "<img src=x onerror=alert(1)> " + "Veldig langt kolonnenavn " * 20
    html = html.rename(columns={"kunnskap_mobbing": long_name})
    html.loc[0, "kommentar_kunnskap"] = "<script>alert('x')</script> **fet** [lenke](http://example.invalid) =SUM(A1)"
    write("html_names_and_comments.csv", html.to_csv(index=False).encode())
    print(f"wrote {len(list(HERE.glob('*.*'))) - 1} files to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
