"""The variable setup (issue 12): shown with its reasons, saved as a codebook file, and reproducing the same
results on the next file in one step; reverse-keyed questions scored the other way round.

References: the report's fixture (../shared/fixtures, Tabell 2.1: Skoleleder 4,44 on «å forebygge og stoppe
mobbing») and EFC (../shared/data/external/efc); a reversed item's numbers by hand: on a 1..k scale the
reversed mean is k + 1 − mean, its top-2 share the original bottom-2 share.
"""

from __future__ import annotations

import json

import pytest

from lmp_core.compute.stats import summarize
from lmp_core.counting.counts import count
from lmp_core.load import read_codebook, read_file
from lmp_core.present.tables import to_csv_bytes
from lmp_core.setup.codebook import with_setup
from lmp_core.setup.table import setup_codebook, setup_rows, setup_table
from tests.conftest import EXTERNAL, FIXTURES


def _numbers(survey, group=None):
    summary = summarize(count(survey, group=group), min_group_size=1)
    return {(it.item.column, s.group): (s.n, s.mean, s.sd, s.top2_pct, tuple(s.counts.values()))
            for it in summary.items for s in it.stats}


@pytest.mark.parametrize(("path", "group"), [(FIXTURES / "lmp_ch2_3.csv", "rolle"),
                                             (EXTERNAL / "efc" / "EFC.sav", "c161sex"),
                                             (EXTERNAL / "ess_norway_bst290" / "ess_labels.csv", "gndr")])
def test_a_saved_setup_reproduces_the_reading(path, group):
    data = path.read_bytes()
    first = read_file(data, path.name)
    setup = read_codebook(to_csv_bytes(setup_codebook(first)), "oppsett.csv")  # as the Data page saves it
    again = read_file(data, path.name, codebook=setup)
    assert [it.column for it in again.items] == [it.column for it in first.items]
    assert [it.scale.labels for it in again.items] == [it.scale.labels for it in first.items]
    assert [it.theme for it in again.items] == [it.theme for it in first.items]
    assert _numbers(again, group) == _numbers(first, group)


def test_choices_made_on_one_file_carry_to_the_next_in_one_step():
    fixture = (FIXTURES / "lmp_ch2_3.csv").read_bytes()
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes())
    chosen = with_setup(codebook, reverse=frozenset({"kunnskap_mobbing"}))
    first = read_file(fixture, "bolge1.csv", codebook=chosen, exclude=frozenset({"praksis_mobbing"}))
    saved = to_csv_bytes(setup_codebook(first, chosen))
    # the next wave: the same survey, another file (here the first 30 respondents), with only the setup
    rows = fixture.decode("utf-8").splitlines()
    wave2 = ("\n".join(rows[:31]) + "\n").encode("utf-8")
    second = read_file(wave2, "bolge2.csv", codebook=read_codebook(saved, "oppsett.csv"))
    assert "praksis_mobbing" not in [it.column for it in second.items]
    assert "praksis_mobbing" in second.background.columns  # a background variable: a group or filter
    assert second.item("kunnskap_mobbing").reversed
    assert second.item("kunnskap_laeringsmiljo").question == first.item("kunnskap_laeringsmiljo").question
    reference = read_file(wave2, "bolge2.csv", codebook=chosen, exclude=frozenset({"praksis_mobbing"}))
    assert _numbers(second, "rolle") == _numbers(reference, "rolle")


def test_a_reversed_question_is_scored_the_other_way_round():
    fixture = (FIXTURES / "lmp_ch2_3.csv").read_bytes()
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes())
    plain = summarize(count(read_file(fixture, "x.csv", codebook=codebook), group="rolle"))
    turned = summarize(count(read_file(fixture, "x.csv", codebook=with_setup(codebook,
                                                                             reverse=frozenset({"kunnskap_mobbing"}))),
                             group="rolle"))
    before, after = plain.item("kunnskap_mobbing").group("Skoleleder"), turned.item("kunnskap_mobbing").group("Skoleleder")
    assert round(before.mean, 2) == 4.44  # Tabell 2.1
    assert after.mean == pytest.approx(6 - before.mean) and after.sd == pytest.approx(before.sd)
    assert after.top2_pct == pytest.approx(before.bottom2_pct)
    assert after.n == before.n
    # marked wherever the question is named
    from lmp_core.present.tables import stats_table

    assert any("(R)" in str(v) for v in stats_table(turned).iloc[:, 0])


def test_the_setup_table_gives_each_columns_role_and_reason_and_asks_where_it_worked_something_out():
    survey = read_file((EXTERNAL / "efc" / "EFC.sav").read_bytes(), "EFC.sav")
    rows = {r.column: r for r in setup_rows(survey)}
    assert rows["c82cop1"].role == "question" and not rows["c82cop1"].uncertain
    assert rows["e42dep"].uncertain  # ordered by its codes: the user confirms
    assert rows["c161sex"].role == "background"
    table = setup_table(survey, "nb").set_index("Kolonne")
    assert "bekreft" in table.loc["e42dep", "Grunnlag"]
    assert table.loc["c82cop1", "Skala (lav < høy)"] == "Never < Sometimes < Often < Always"


def test_a_bad_role_is_named():
    from lmp_core.base.errors import SurveyError

    with pytest.raises(SurveyError, match="kanskje"):
        read_codebook(b"column,role\nq1,kanskje\n", "oppsett.csv")


def test_the_command_line_writes_the_setup_and_reads_it_back(tmp_path, capsys):
    from lmp_core.cli import main

    sav = tmp_path / "EFC.sav"
    sav.write_bytes((EXTERNAL / "efc" / "EFC.sav").read_bytes())
    assert main(["setup", str(sav)]) == 0
    captured = capsys.readouterr()
    assert "e42dep" in captured.err and "bekreft" in captured.err  # roles and reasons, what to confirm
    setup = tmp_path / "oppsett.csv"
    setup.write_text(captured.out, encoding="utf-8")
    args = ["summarize", str(sav), "--group", "c161sex", "--format", "json", "--min-group-size", "1"]
    assert main(args) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main([*args, "--codebook", str(setup)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["items"] == plain["items"]
