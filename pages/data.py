"""Data page: upload, what was understood, group column, invited populations, fixes."""

from functools import partial
from itertools import pairwise
from pathlib import Path

import pandas as pd
import streamlit as st

from lmp_app.access import host_secrets, page_guard
from lmp_app.i18n import lang, t
from lmp_app.reference import includes_group, references, set_references, use_typed, use_upload
from lmp_app.render import download, md_escape, plain_table, show_error
from lmp_app.state import (
    Keys,
    Loaded,
    analysis_for,
    checks_later,
    checks_made,
    confirm,
    confirmed,
    databases,
    decisions,
    digest,
    ensure_data,
    groupings,
    held_for,
    load,
    load_database,
    load_demo,
    min_group_size,
    populations,
    quality_changes,
    quality_choice,
    set_populations,
    set_quality_choice,
    set_weights,
    start_checks,
    sync_quality,
    view_request,
    weights,
)
from lmp_core.base.errors import SurveyError
from lmp_core.base.fmt import Pct, percent, whole
from lmp_core.compute.quality import CHECKS, QualityChoice, Thresholds
from lmp_core.compute.stats import note_text
from lmp_core.compute.weights import from_column, weight_candidates
from lmp_core.counting.counts import Counts
from lmp_core.counting.disclosure import shown
from lmp_core.load import excel_sheets, is_excel, read_codebook
from lmp_core.present.quality import change_table, quality_chart, quality_table
from lmp_core.present.reference import references_table
from lmp_core.present.report.sentences import weighting_sentences
from lmp_core.present.tables import to_csv_bytes
from lmp_core.setup.codebook import protection, with_order, with_scale, with_setup
from lmp_core.setup.scales import KNOWN_SCALES
from lmp_core.setup.survey import Survey
from lmp_core.setup.table import column_use, setup_codebook, setup_rows, setup_table

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py

#: Up to this many columns the setup is a static table that shows every reason in full.
STATIC_ROWS = 60
#: seconds between the looks for a large file's data-quality checks (:func:`quality_later`)
CHECKS_EVERY = 0.25
#: The thresholds' inputs: (smallest, largest, step) of each
THRESHOLD_INPUTS = {"speed_ratio": (0.05, 1.0, 0.05), "min_grid": (2, 100, 1), "longstring_share": (0.1, 1.0, 0.05),
                    "irv_below": (0.0, 10.0, 0.1), "nonresponse_share": (0.0, 1.0, 0.05),
                    "duplicate_min_answered": (1, 1000, 1)}


def upload_section(loaded: Loaded) -> Loaded:
    """The upload of a response file (and a setup file): read once per upload, a sheet chosen for a workbook of
    several; or back to the demo. The data in use after it."""
    left, right = st.columns(2)
    uploaded = left.file_uploader(t("upload"), type=["csv", "tsv", "txt", "xlsx", "xlsm", "sav", "zsav", "parquet"],
                                 key="upload")
    codebook_file = right.file_uploader(t("upload_codebook"), type=["csv", "txt"], key="codebook_upload")

    if uploaded is not None:
        data = uploaded.getvalue()
        codebook_bytes = codebook_file.getvalue() if codebook_file is not None else b""
        # each upload has its own id: a rerun of this page neither hashes nor copies the file to notice it is the same
        fingerprint = f"{uploaded.file_id}|{codebook_file.file_id if codebook_file is not None else ''}"
        sheet = None
        if is_excel(data):
            try:
                sheets = excel_sheets(data, uploaded.name)
            except SurveyError as err:
                show_error(err, reading=True)
                st.stop()
            if len(sheets) > 1:
                # default: the core takes the first sheet that holds questions
                sheet = st.selectbox(t("sheet"), [None, *sheets], key="sheet",
                                     format_func=lambda v: t("sheet_auto") if v is None else v, placeholder=t("choose_one"))
                fingerprint += f"|{sheet}"
        if st.session_state.get("upload_fingerprint") != fingerprint:
            try:
                with st.spinner(t("reading", file=uploaded.name), show_time=True):
                    codebook = read_codebook(codebook_bytes, codebook_file.name) if codebook_file is not None else None
                    loaded = load(data, uploaded.name, codebook=codebook,
                                  codebook_name=codebook_file.name if codebook_file else "", sheet=sheet)
                st.session_state["upload_fingerprint"] = fingerprint
            except SurveyError as err:
                show_error(err, reading=True)
                st.stop()
    elif not loaded.is_demo and st.button(t("back_to_demo"), key="demo_button"):
        loaded = load_demo()
        st.session_state.pop("upload_fingerprint", None)
    return loaded


def database_section(loaded: Loaded) -> Loaded:
    """Counting in a database the host named (its protected columns from its setup), when it names one."""
    connections = databases(host_secrets())
    if connections:
        with st.expander(t("db_heading"), expanded=loaded.database is not None, icon=":material/database:"):
            st.caption(t("db_intro"))
            chosen_db = st.selectbox(t("db_choose"), list(connections), key="db_choice", index=None,
                                     format_func=lambda name: connections[name].label, placeholder=t("choose_one"))
            if chosen_db is not None:
                try:
                    protected = protection(connections[chosen_db].codebook)[0]
                except SurveyError as err:
                    show_error(err)
                    protected = ()
                if protected:
                    db_group = st.selectbox(t("db_group"), list(protected), key="db_group", placeholder=t("choose_one"))
                    if st.button(t("db_count"), key="db_count", type="primary"):
                        try:
                            with st.spinner(t("db_counting", label=connections[chosen_db].label), show_time=True):
                                loaded = load_database(connections[chosen_db], db_group)
                        except SurveyError as err:
                            show_error(err)
                else:
                    st.warning(t("db_no_protection"))
    return loaded


def loaded_message(loaded: Loaded) -> None:
    """What was read: rows, questions and groups (a database's counts, a frequency table, a response file)."""
    source = loaded.source
    if loaded.database is not None and isinstance(source, Counts):
        st.success(md_escape(t("loaded_db", label=loaded.name, rows=sum(source.respondents) + source.no_group,
                               items=len(source.items), groups=len(source.groups))))
    elif isinstance(source, Counts):
        st.success(md_escape(t("loaded_freq", file=loaded.name, items=len(source.items), groups=len(source.groups))))
    else:
        read_rows = (loaded.full or source).n_rows  # the file's rows, with any the data-quality choice leaves out
        if source.other_questions:
            st.success(md_escape(t("loaded_kinds", file=loaded.name, rows=read_rows,
                                   items=len(source.items) + source.other_questions, scales=len(source.items),
                                   others=source.other_questions)))
        else:
            st.success(md_escape(t("loaded", file=loaded.name, rows=read_rows, items=len(source.items))))
        if loaded.is_demo:
            st.caption(t("demo_loaded"))
        if st.session_state.pop("fixes_applied", False):
            st.success(t("fixes_applied"))


def reverse_columns(loaded: Loaded, columns: set[str], key: str) -> None:
    """Read the file again with ``columns`` turned round (those reversed already turned back), the decision
    ``key`` confirmed: the user has looked at the scale and said which way it goes."""
    codebook = loaded.codebook or {}
    now = {c for c, e in codebook.items() if e.reverse}
    try:
        load(loaded.data, loaded.name, codebook=with_setup(codebook, reverse=frozenset(now ^ columns)),
             codebook_name=loaded.codebook_name, sheet=loaded.sheet, dont_know=loaded.dont_know,
             exclude=loaded.exclude, is_demo=loaded.is_demo)
    except SurveyError as err:
        show_error(err, reading=True)
        return
    confirm(key)
    st.session_state["fixes_applied"] = True
    st.rerun()


def _read_with(loaded: Loaded, codebook: dict) -> None:
    """Read the file again with the setup ``codebook`` (a decision on the Data page), or say why not."""
    try:
        load(loaded.data, loaded.name, codebook=codebook, codebook_name=loaded.codebook_name, sheet=loaded.sheet,
             dont_know=loaded.dont_know, exclude=loaded.exclude, is_demo=loaded.is_demo)
    except SurveyError as err:
        show_error(err, reading=True)
        return
    st.session_state["fixes_applied"] = True
    st.rerun()


def _as_choice(loaded: Loaded, survey: Survey, column: str) -> dict:
    """The setup with ``column`` a single-choice question (every answer counts), the other choices kept."""
    return with_setup(loaded.codebook, choice=frozenset(it.column for it in survey.others if it.kind == "choice")
                      | {column})


def _place_outside(i: int, params: dict) -> list[str] | None:
    """Where each answer outside the scale goes: a position among the scale's steps, chosen per answer; the
    scale's labels in the chosen order, or None until every answer has a place."""
    steps = list(params["steps"])
    places = [t("outside_first", step=steps[0]), *(t("outside_between", low=a, high=b) for a, b in
                                                    pairwise(steps)), t("outside_last", step=steps[-1])]
    order: list[tuple[float, str]] = [(float(k), step) for k, step in enumerate(steps)]
    for j, value in enumerate(params["values"]):
        where = st.selectbox(md_escape(t("outside_place", label=value)), range(len(places)), index=None,
                             format_func=places.__getitem__, key=f"outside_place_{i}_{j}",
                             placeholder=t("choose_placeholder"))
        if where is None:
            return None
        order.append((where - 0.5 + j / 100, value))  # between step where-1 and step where
    return [label for _, label in sorted(order)]


def outside_scale_decisions(loaded: Loaded, survey: Survey) -> None:
    """A question with answers outside its scale ("Somewhat satisfied", 7 of 28) is a decision. Until it is made
    (``scale_pending``) the question is single choice with every answer counted; the user places the answers in
    the scale, keeps it single choice, or keeps the scale without them (their count then in every figure's
    caveat, ``labels_outside_scale``)."""
    done = confirmed()
    notes = [n for n in survey.notes if n[0] in ("scale_pending", "labels_outside_scale")]
    for i, (key, params) in enumerate(notes):
        column, decision = str(params["column"]), f"outside_scale:{params['column']}"
        with st.container(border=True, key=f"outside_{i}"):
            message = t("outside_pending" if key == "scale_pending" else "outside_decision", column=column,
                        labels=params["labels"], count=params["count"], rows=survey.n_rows, scale=params["scale"])
            (st.success if decision in done else st.warning)(md_escape(message), icon=":material/help:")
            order = _place_outside(i, params) if key == "scale_pending" else None
            c1, c2, c3 = st.columns(3)
            if key == "scale_pending" and c1.button(t("outside_into_scale"), key=f"outside_scale_{i}",
                                                    type="primary", disabled=order is None):
                confirm(decision)
                _read_with(loaded, with_order(loaded.codebook, column, order))
            if key == "scale_pending" and c2.button(t("outside_keep_choice"), key=f"outside_choice_{i}"):
                confirm(decision)
                _read_with(loaded, _as_choice(loaded, survey, column))
            if key == "scale_pending" and c3.button(t("outside_keep"), key=f"outside_keep_{i}"):
                confirm(decision)
                _read_with(loaded, with_order(loaded.codebook, column, None))
            if key != "scale_pending" and c1.button(t("outside_as_choice"), key=f"outside_choice_{i}",
                                                    type="primary"):
                _read_with(loaded, _as_choice(loaded, survey, column))
            if key != "scale_pending" and c2.button(t("outside_keep"), key=f"outside_keep_{i}",
                                                    disabled=decision in done):
                confirm(decision)
                st.rerun()


def scale_decisions(loaded: Loaded) -> None:
    """One decision per worked-out scale, not one per column ("62 questions have the scale …: the right way?"):
    confirm it, turn the whole scale round, or turn the questions that look reverse-keyed."""
    done = confirmed()
    for i, decision in enumerate(decisions()):
        with st.container(border=True, key=f"decision_{i}"):
            text = t("decision_scale", count=len(decision.columns), labels=" < ".join(decision.scale),
                     basis=t(decision.basis))
            if decision.key in done:
                st.success(md_escape(t("decision_done", text=text)), icon=":material/check:")
            else:
                st.warning(md_escape(text), icon=":material/help:")
            st.text(t("decision_columns", columns=", ".join(decision.columns)))
            if decision.reverse_candidates:
                st.text(t("decision_reverse", columns=", ".join(
                    f"{c} ({t(why)})" for c, why in decision.reverse_candidates)))
            c1, c2, c3 = st.columns(3)
            if c1.button(t("decision_confirm"), key=f"decision_ok_{i}", type="primary",
                         disabled=decision.key in done):
                confirm(decision.key)
                st.rerun()
            if c2.button(t("decision_turn"), key=f"decision_turn_{i}"):
                # the whole scale the other way round: every question of the decision changes direction
                reverse_columns(loaded, set(decision.columns), decision.key)
            if decision.reverse_candidates and c3.button(t("decision_turn_candidates"), key=f"decision_cand_{i}"):
                reverse_columns(loaded, {c for c, _ in decision.reverse_candidates}, decision.key)


def setup_section(loaded: Loaded, source: Survey) -> None:
    """The setup: every column's role, scale and the reason for it (lmp_core.setup.table); what the reader worked
    out rather than read is marked for the user to confirm, and can be changed under the fixes below."""
    scale_decisions(loaded)
    outside_scale_decisions(loaded, source)
    use = column_use(source)  # how much of the file became questions, and where that is changed
    (st.warning if use.few_questions else st.caption)(t("column_use", **{k: whole(v, lang())
                                                                          for k, v in vars(use).items()}))
    if use.few_questions:
        st.caption(t("column_use_few"))
    background = [r.column for r in setup_rows(source) if r.role == "background"]
    if background:
        st.caption(md_escape(t("decision_background", columns=", ".join(background))))
    setup = setup_table(source, lang(), may_show=partial(shown, min_group_size=min_group_size()))
    # a static table wraps the long reasons (a grid cuts them short); a file of many columns gets the grid
    plain_table(setup, static=len(setup) <= STATIC_ROWS)
    # the protection as this run shows it (the file is made on the click, where no session state is at hand)
    protected, minimum, quality_now = groupings(), min_group_size(), quality_choice().spec()
    download(t("setup_download"), lambda: to_csv_bytes(setup_codebook(
        loaded.full or source, loaded.codebook, groupings=protected, min_group_size=minimum, quality=quality_now)),
             f"{Path(loaded.name).stem}_oppsett.csv", "text/csv", "setup_csv")
    st.caption(t("setup_help"))


def understood_section(loaded: Loaded) -> None:
    """What was understood: the setup of a response file, or the questions of counts; the reader's notes."""
    source = loaded.source
    st.subheader(t("items_heading"))
    if isinstance(source, Survey):
        setup_section(loaded, source)
    else:
        plain_table(pd.DataFrame([
            {t("col_theme"): it.theme, t("col_column"): it.column, t("col_question"): it.question,
             t("col_scale"): " → ".join(it.scale.labels), t("col_other"): ", ".join(it.other_labels)}
            for it in source.items]))
    if isinstance(source, Survey) and source.notes:
        with st.expander(t("notes_heading") + f" ({len(source.notes)})", expanded=True):
            for key, params in source.notes:
                st.text(note_text(key, params, lang()))


def grouping_section(loaded: Loaded, source: Survey) -> str | None:
    """The columns protected together (the user chooses them) and the group column among them."""
    # the columns that may group or filter are protected together (lmp_core.counting.disclosure): the user chooses them
    # any column can group: background columns first, then questions with few enough answers (an age group
    # or education level read as a question)
    options = list(source.groupable)
    offered = st.multiselect(t("groupings"), options, default=[c for c in groupings() if c in options],
                             # a new file is a new widget: the browser must not send the last file's choice
                             key=f"groupings_{loaded.digest[:12]}", help=t("groupings_help"), placeholder=t("choose_placeholder"), select_all=False)
    st.session_state[Keys.GROUPINGS] = tuple(offered)
    if held_for(min_group_size()).any:
        st.caption(t("held_back_note", min_n=min_group_size()))
    options = [None, *offered]
    current = st.session_state.get(Keys.GROUP)
    group = st.selectbox(t("group_column"), options, index=options.index(current) if current in options else 0,
                         format_func=lambda v: t("no_group") if v is None else v, key="data_group", placeholder=t("choose_one"))
    if group != current:
        st.session_state[Keys.GROUP] = group
    return group


def populations_section(loaded: Loaded, group: str | None) -> None:
    """The invited number of each shown group, the finite population correction, the response rates and the
    minimum group size."""
    st.subheader(t("population_heading"))
    # group sizes come from the protected view: a hidden group's size is never printed
    shown = {g.name: g for g in analysis_for(view_request(group=group), lang()).summary.groups}
    entered = populations(group)
    columns = st.columns(max(1, min(4, len(shown))))
    for i, info in enumerate(shown.values()):
        column = columns[i % len(columns)]
        value = column.number_input(
            md_escape(t("population_of", group=info.name)), min_value=0, step=1, value=int(entered.get(info.name, 0)),
            key=f"population_{loaded.digest[:8]}_{digest(info.name.encode())[:8]}",
            help=t("group_hidden_n", min_n=min_group_size()) if info.suppressed else f"n = {info.respondents}")
        if value and not info.suppressed and value < info.respondents:
            column.error(md_escape(SurveyError("bad_population", group=info.name, respondents=info.respondents,
                                               value=value).message(lang())))
            entered.pop(info.name, None)
        elif value:
            entered[info.name] = int(value)
        else:
            entered.pop(info.name, None)
    set_populations(group, entered)
    st.checkbox(t("fpc"), value=bool(st.session_state.get(Keys.FPC)), key="fpc_widget", help=t("fpc_help"),
                on_change=lambda: st.session_state.__setitem__(Keys.FPC, st.session_state["fpc_widget"]))
    # the response rates as the statistics compute them (one place: lmp_core.compute.stats)
    rated = analysis_for(view_request(group=group, populations=entered), lang()).summary
    for info in rated.groups:
        if info.response_rate is not None and not info.suppressed:
            st.caption(md_escape(t("response_rate_line", group=info.name, respondents=info.respondents,
                                   population=info.population, rate=percent(Pct(info.response_rate), 0, lang()))))
    st.number_input(t("min_group"), min_value=1, max_value=100, step=1, key="min_n_widget",
                    value=min_group_size(),
                    on_change=lambda: st.session_state.__setitem__(Keys.MIN_N, st.session_state["min_n_widget"]))


def weights_section(loaded: Loaded, source: Survey) -> None:
    """A weight column, the user's choice (never guessed), and how the figures are weighted."""
    # a weight column is the user's choice, never guessed from a name ("weight" may be body weight)
    st.subheader(t("weights_heading"))
    numeric = weight_candidates(source)
    current = weights()
    options = [None, *numeric]
    chosen_now = current.variables[0] if current is not None and current.method == "column" else None
    weight_column = st.selectbox(t("weight_column"), options, index=options.index(chosen_now) if chosen_now in options else 0,
                                 format_func=lambda v: t("weight_none") if v is None else v,
                                 key=f"weight_column_{loaded.digest[:12]}", help=t("weight_column_help"), placeholder=t("choose_one"))
    if weight_column is not None and weight_column != chosen_now:
        try:
            set_weights(from_column(source, weight_column))
        except SurveyError as err:
            show_error(err)
    elif weight_column is None and chosen_now is not None:
        set_weights(None)
    current = weights()
    if current is not None:
        for sentence in weighting_sentences(current, lang()):
            st.text(sentence)
    else:
        st.caption(t("weights_none_yet"))


def reference_section() -> None:
    """Reference figures, uploaded or typed, and whether they include this survey's groups."""
    st.subheader(t("ref_heading"))
    st.caption(t("ref_intro"))
    reference_file = st.file_uploader(t("ref_upload"), type=["csv", "txt", "xlsx"], key="reference_upload")
    if reference_file is not None and st.session_state.get("reference_read") != digest(reference_file.getvalue()):
        try:
            use_upload(reference_file.getvalue(), reference_file.name)
            st.session_state["reference_read"] = digest(reference_file.getvalue())
        except SurveyError as err:
            show_error(err)
    typed = st.text_area(t("ref_typed"), key="reference_typed", help=t("ref_typed_help"))
    if st.button(t("ref_use_typed"), key="reference_use_typed") and typed.strip():
        try:
            use_typed(typed, t("ref_heading").lower())
        except SurveyError as err:
            show_error(err)
    st.checkbox(t("ref_includes"), value=includes_group(), key="reference_includes_widget",
                on_change=lambda: st.session_state.__setitem__(Keys.REFERENCE_INCLUDES,
                                                               st.session_state["reference_includes_widget"]))
    in_use = references()
    if in_use is not None:
        st.caption(md_escape(t("ref_loaded", count=len(in_use.values), name=in_use.name,
                               suppressed=sum(v.status == "suppressed" for v in in_use.values),
                               broken=sum(v.status == "broken" for v in in_use.values))))
        plain_table(references_table(in_use, lang=lang()), static=True)
        if st.button(t("ref_clear"), key="reference_clear"):
            set_references(None)  # the same upload is not read again ("reference_read" keeps its digest)
            st.rerun()


def thresholds_widgets(loaded: Loaded, current: Thresholds) -> Thresholds:
    """The thresholds, each visible and editable with its default from the sources (the user guide names them)."""
    values = {}
    with st.expander(t("quality_thresholds")):
        cols = st.columns(3)
        for i, (name, value) in enumerate(current.to_dict().items()):
            low, high, step = THRESHOLD_INPUTS[name]
            values[name] = cols[i % 3].number_input(t("quality_t_" + name), min_value=low, max_value=high, step=step,
                                                    value=type(low)(value), key=f"quality_{name}_{loaded.digest[:12]}")
    return Thresholds(**values)


def quality_section(loaded: Loaded) -> None:
    """How many respondents each check flags (counts, never a list of respondents), the choice to leave the
    flagged out (saved with the setup), and what that changes, per question."""
    if sync_quality():  # the protection changed above: the pages' data changes with it
        st.rerun()
    st.subheader(t("quality_heading"))
    st.caption(t("quality_intro"))
    choice = quality_choice()
    thresholds = thresholds_widgets(loaded, choice.thresholds)
    # the time column is found by its name; the user may name another (kept with the setup)
    chosen_time = dict(choice.columns).get("duration")
    options = [None, *loaded.source.background.columns]
    time_column = st.selectbox(t("quality_time_column"), options,
                               index=options.index(chosen_time) if chosen_time in options else 0,
                               format_func=lambda v: t("quality_time_auto") if v is None else v,
                               key=f"quality_time_{loaded.digest[:12]}", placeholder=t("choose_one"))
    columns = tuple((k, c) for k, c in choice.columns if k != "duration") + \
        ((("duration", time_column),) if time_column else ())
    if set_quality_choice(QualityChoice(choice.leave_out, thresholds, columns)):
        st.rerun()
    found = loaded.chosen.quality
    plain_table(quality_table(found, lang=lang()), static=True)
    st.altair_chart(quality_chart(found, lang=lang()))
    st.caption(t("quality_summary", any=found.at_least(1), n=found.n_rows, two=found.at_least(2)))
    used = [c for c in (found.columns.duration, found.columns.start, found.columns.end, found.columns.finished,
                        found.columns.lastpage, found.columns.id) if c]
    st.caption(md_escape(t("quality_columns_used", columns=", ".join(used) if used else t("quality_no_columns"))))
    for key, params in found.notes:
        st.caption(note_text(key, params, lang()))
    leave = st.multiselect(t("quality_leave_out"), [c for c in CHECKS if c in found.available],
                           default=[c for c in choice.leave_out if c in found.available],
                           format_func=lambda c: t("quality_name_" + c), key=f"quality_leave_{loaded.digest[:12]}",
                           help=t("quality_leave_out_help"), placeholder=t("choose_placeholder"), select_all=False)
    if set_quality_choice(QualityChoice(tuple(leave), thresholds, columns)):
        st.rerun()
    for key, params in loaded.chosen.notes:
        st.info(note_text(key, params, lang()), icon=":material/filter_alt:")
    st.markdown(f"**{t('quality_compare_heading')}**")
    changes = quality_changes(lang())
    if changes:
        plain_table(change_table(changes, lang=lang()))
    else:
        st.caption(t("quality_compare_none"))


def quality_later(loaded: Loaded) -> None:
    """The quality section of a large file on the run that read it (``lmp_app.state.checks_later``): said to come.
    The checks start here, once the rest of the page is drawn, on their thread; the run ends without waiting for
    them, so the other pages are a click away. A fragment looks every :data:`CHECKS_EVERY` seconds and, once they
    are made, runs the page again, which draws the section (one full run more, the same for every large file: the
    browser tests count on it)."""
    st.subheader(t("quality_heading"))
    st.caption(t("quality_intro"))
    st.session_state[Keys.CHECKS_LOOKS] = 0

    @st.fragment(run_every=CHECKS_EVERY)
    def waiting() -> None:
        st.session_state[Keys.CHECKS_LOOKS] += 1
        # the page's own run draws the note; each later look (the fragment's runs) reruns the page once they are made
        if st.session_state[Keys.CHECKS_LOOKS] > 1 and checks_made(ensure_data()):
            st.rerun()
        st.info(t("quality_later", rows=loaded.source.n_rows), icon=":material/hourglass_top:")

    waiting()
    start_checks(loaded)  # the rest of the page is drawn: the checks take no processor from it


def fixes_section(loaded: Loaded, source: Survey) -> None:
    """Fixes: questions left out, turned round, read as single choice, more "don't know" words, a scale chosen."""
    with st.expander(t("fix_heading")):
        # questions, and numeric columns read as scores (a school number with 16 codes may be a group)
        scores = [c.column for c in source.skipped if c.key == "score_column"]
        all_items = [it.column for it in source.items] + sorted(set(loaded.exclude) | set(scores))
        exclude = st.multiselect(t("exclude_items"), all_items, default=sorted(loaded.exclude), key="fix_exclude", placeholder=t("choose_placeholder"), select_all=False)
        reversed_now = sorted(c for c, e in (loaded.codebook or {}).items() if e.reverse)
        reverse = st.multiselect(t("reverse_items"), [it.column for it in source.items],
                                 default=[c for c in reversed_now if c in {it.column for it in source.items}],
                                 key="fix_reverse", help=t("reverse_help"), placeholder=t("choose_placeholder"), select_all=False)
        # a background column can be a single-choice question ("Hvor hørte du om tilbudet", without a "?")
        choices_now = sorted(it.column for it in source.others if it.kind == "choice")
        choice = st.multiselect(t("choice_items"), sorted(set(source.group_candidates) | set(choices_now)),
                                default=choices_now, key="fix_choice", help=t("choice_items_help"),
                                placeholder=t("choose_placeholder"), select_all=False)
        labels = sorted({lab for it in source.items for lab in it.categories} | set(loaded.dont_know))
        extra_dk = st.multiselect(t("extra_dk"), labels, default=sorted(loaded.dont_know), key="fix_dk", placeholder=t("choose_placeholder"), select_all=False)
        c1, c2 = st.columns(2)
        scale_col = c1.selectbox(t("scale_override_col"), [None, *[it.column for it in source.items],
                                                           *[s.column for s in source.skipped]],
                                 key="fix_scale_col", format_func=lambda v: "–" if v is None else v, placeholder=t("choose_one"))
        # a scale is shown by its ends in its own words ("I svært liten grad … I svært stor grad"), not its id
        scale_name = c2.selectbox(t("scale_override"), sorted(KNOWN_SCALES), key="fix_scale",
                                  format_func=lambda name: KNOWN_SCALES[name].span, placeholder=t("choose_one"))
        if st.button(t("apply_fixes"), key="apply_fixes", type="primary"):
            codebook = with_scale(loaded.codebook, scale_col, scale_name) if scale_col else loaded.codebook
            codebook = with_setup(codebook, reverse=frozenset(reverse), choice=frozenset(choice))
            try:
                load(loaded.data, loaded.name, codebook=codebook, codebook_name=loaded.codebook_name,
                     sheet=loaded.sheet, dont_know=frozenset(extra_dk), exclude=frozenset(exclude),
                     is_demo=loaded.is_demo)
                st.session_state["fixes_applied"] = True  # said once on the run that shows the new reading
                st.rerun()
            except SurveyError as err:
                show_error(err, reading=True)


def main() -> None:
    """The Data page, top to bottom: the upload, what was understood, the group and the invited numbers, weights,
    reference figures, data quality and fixes."""
    st.title(t("data_title"))
    st.caption(t("data_intro"))
    if st.session_state.get(Keys.ACCESS) == "open":
        st.info(t("access_open"), icon=":material/lock_open:")
    before = ensure_data()
    loaded = database_section(upload_section(before))
    loaded_message(loaded)
    understood_section(loaded)
    source = loaded.source
    group = grouping_section(loaded, source) if isinstance(source, Survey) else None
    populations_section(loaded, group)
    if isinstance(source, Survey):
        weights_section(loaded, source)
    reference_section()
    if isinstance(source, Survey) and loaded is not before and checks_later(loaded):
        quality_later(loaded)  # a large file just read: its checks follow by themselves
    elif isinstance(source, Survey) and loaded.full is not None:
        try:
            quality_section(loaded)
        except SurveyError as err:
            show_error(err)
    if isinstance(source, Survey) and loaded.data:
        fixes_section(loaded, source)


main()
