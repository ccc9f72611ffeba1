"""The interface's words in bokmål (default) and English."""

from __future__ import annotations

from typing import Any

import streamlit as st

from lmp_app.state import Keys

UI: dict[str, dict[str, str]] = {
    "app_title": {"nb": "LMP Explorer", "en": "LMP Explorer"},
    "language": {"nb": "Språk / Language", "en": "Språk / Language"},
    "page_data": {"nb": "Data", "en": "Data"},
    "page_results": {"nb": "Resultater", "en": "Results"},
    "page_comments": {"nb": "Kommentarer", "en": "Comments"},
    "page_report": {"nb": "Rapport", "en": "Report"},
    "page_fieldwork": {"nb": "Feltarbeid", "en": "Fieldwork"},
    "page_method": {"nb": "Metode", "en": "Method"},
    "data_title": {"nb": "Data", "en": "Data"},
    "data_intro": {"nb": "Last opp en svarfil (CSV, Excel, SPSS) eller en frekvenstabell. Eksempeldata fra "
                         "Læringsmiljøprosjektet (kapittel 2–3 i notatet fra 2016) er lastet inn fra start.",
                   "en": "Upload a response file (CSV, Excel, SPSS) or a frequency table. Example data from "
                         "Læringsmiljøprosjektet (chapters 2–3 of the 2016 note) is loaded at start."},
    "upload": {"nb": "Svarfil", "en": "Response file"},
    "upload_codebook": {"nb": "Kodebok (valgfri, CSV)", "en": "Codebook (optional, CSV)"},
    "sheet": {"nb": "Ark", "en": "Sheet"},
    "sheet_auto": {"nb": "(første ark med spørsmål)", "en": "(first sheet with questions)"},
    "reading": {"nb": "Leser {file} …", "en": "Reading {file} …"},
    "loaded": {"nb": "Lest: {file} — {rows} respondenter, {items} spørsmål.",
               "en": "Read: {file} — {rows} respondents, {items} questions."},
    "loaded_freq": {"nb": "Lest frekvenstabell: {file} — {items} spørsmål, {groups} grupper.",
                    "en": "Read frequency table: {file} — {items} questions, {groups} groups."},
    "demo_loaded": {"nb": "Eksempeldata er lastet inn.", "en": "Example data is loaded."},
    "back_to_demo": {"nb": "Bruk eksempeldata igjen", "en": "Use the example data again"},
    "items_heading": {"nb": "Spørsmål etter tema", "en": "Questions by theme"},
    "skipped_heading": {"nb": "Kolonner som ikke er spørsmål", "en": "Columns that are not questions"},
    "notes_heading": {"nb": "Merknader fra innlesingen", "en": "Notes from reading the file"},
    "col_theme": {"nb": "Tema", "en": "Theme"},
    "col_column": {"nb": "Kolonne", "en": "Column"},
    "col_question": {"nb": "Spørsmål", "en": "Question"},
    "col_scale": {"nb": "Skala (lav → høy)", "en": "Scale (low → high)"},
    "col_other": {"nb": "Ikke-substansielle svar", "en": "Non-substantive answers"},
    "col_reason": {"nb": "Hvorfor", "en": "Why"},
    "group_column": {"nb": "Gruppevariabel", "en": "Group variable"},
    "groupings": {"nb": "Variabler som kan brukes til gruppering og filter", "en": "Columns that may group and filter"},
    "groupings_help": {"nb": "Disse vernes sammen: svar i en kombinasjon av verdiene med færre enn minste "
                             "gruppestørrelse holdes tilbake i alle visninger, så ingen kan regne dem ut ved å "
                             "trekke tall fra hverandre. Færre variabler gir færre svar som holdes tilbake.",
                       "en": "These are protected together: answers in a combination of their values with fewer "
                             "than the smallest group size are held back in every view, so that nobody can work "
                             "them out by subtracting figures. Fewer columns hold back fewer answers."},
    "held_back_note": {"nb": "Noen svar holdes tilbake: en kombinasjon av variablene over har færre enn {min_n} "
                             "svar. Velg færre variabler for å vise mer.",
                       "en": "Some answers are held back: a combination of the columns above has fewer than "
                             "{min_n} answers. Choose fewer columns to show more."},
    "fpc": {"nb": "Korriger intervallene for endelig populasjon", "en": "Correct the intervals for a finite population"},
    "fpc_help": {"nb": "Når hele populasjonen ble invitert, kan intervallene korrigeres med √((N−n)/(N−1)). "
                       "Korreksjonen forutsetter at de som ikke svarte, ville svart som de som svarte; ved lav "
                       "svarprosent gjør den intervallene for smale.",
                 "en": "When the whole population was invited, the intervals can be corrected by √((N−n)/(N−1)). "
                       "The correction assumes the non-respondents would answer like the respondents; with a low "
                       "response rate it makes the intervals too narrow."},
    "group_hidden_n": {"nb": "færre enn {min_n} – skjult", "en": "fewer than {min_n} – hidden"},
    "no_group": {"nb": "(ingen – alle samlet)", "en": "(none – everyone together)"},
    "population_heading": {"nb": "Inviterte per gruppe (gir svarprosent)", "en": "Invited per group (gives response rates)"},
    "population_of": {"nb": "Inviterte {group}", "en": "Invited {group}"},
    "response_rate_line": {"nb": "{group}: {respondents} av {population} svarte ({rate})",
                           "en": "{group}: {respondents} of {population} answered ({rate})"},
    "fix_heading": {"nb": "Rett opp det som ble feil", "en": "Fix what detection got wrong"},
    "exclude_items": {"nb": "Ta ut spørsmål", "en": "Exclude questions"},
    "extra_dk": {"nb": "Svar som betyr «vet ikke»", "en": "Answers that mean 'don't know'"},
    "scale_override_col": {"nb": "Sett skala for kolonne", "en": "Set the scale of column"},
    "scale_override": {"nb": "Skala", "en": "Scale"},
    "apply_fixes": {"nb": "Les fila på nytt med rettingene", "en": "Read the file again with the fixes"},
    "min_group": {"nb": "Minste gruppestørrelse som vises", "en": "Smallest group size shown"},
    "results_title": {"nb": "Resultater", "en": "Results"},
    "themes": {"nb": "Tema", "en": "Themes"},
    "questions": {"nb": "Spørsmål", "en": "Questions"},
    "filter_column": {"nb": "Filter", "en": "Filter"},
    "filter_values": {"nb": "Ta med", "en": "Include"},
    "no_filter": {"nb": "(ingen)", "en": "(none)"},
    "effect_size": {"nb": "Effektstørrelse", "en": "Effect size"},
    "effect_d": {"nb": "Cohens d (rapportens formel)", "en": "Cohen's d (the report's formula)"},
    "effect_d_pooled": {"nb": "Cohens d (samlet SA)", "en": "Cohen's d (pooled SD)"},
    "effect_hedges_g": {"nb": "Hedges' g", "en": "Hedges' g"},
    "sort_by": {"nb": "Sorter etter", "en": "Sort by"},
    "sort_file": {"nb": "Rekkefølgen i fila", "en": "File order"},
    "sort_top2": {"nb": "Andel topp 2", "en": "Top-2 share"},
    "sort_mean": {"nb": "Snitt", "en": "Mean"},
    "show_ci": {"nb": "Vis 95 % konfidensintervall", "en": "Show 95 % confidence intervals"},
    "diverging": {"nb": "Divergerende søyler (midtstilt)", "en": "Diverging bars (centred)"},
    "top2_heading": {"nb": "Andel i de to øverste kategoriene", "en": "Share in the top two categories"},
    "dist_heading": {"nb": "Svarfordeling", "en": "Answer distribution"},
    "table_heading": {"nb": "Snitt, standardavvik og effektstørrelse", "en": "Mean, standard deviation and effect size"},
    "caveats": {"nb": "Forbehold", "en": "Caveats"},
    "no_caveats": {"nb": "Ingen særskilte forbehold.", "en": "No particular caveats."},
    "caveat_more": {"nb": "{first} (og {more} til av samme slag)", "en": "{first} (and {more} more of the same kind)"},
    "caveat_all": {"nb": "Vis alle {count}", "en": "Show all {count}"},
    "reading_notes": {"nb": "Merknader fra innlesingen ({count})", "en": "Notes from reading the file ({count})"},
    "download_png": {"nb": "Last ned PNG", "en": "Download PNG"},
    "download_svg": {"nb": "Last ned SVG", "en": "Download SVG"},
    "download_csv": {"nb": "Last ned CSV", "en": "Download CSV"},
    "download_xlsx": {"nb": "Last ned Excel", "en": "Download Excel"},
    "formula_d": {"nb": "d = (snitt₁ − snitt₂) / √((SA₁² + SA₂²)/2), som i rapporten. Tabellen viser |d|; "
                        "kolonnen «Høyest» sier hvilken gruppe som har høyest snitt.",
                  "en": "d = (mean₁ − mean₂) / √((SD₁² + SD₂²)/2), as in the report. The table shows |d|; "
                        "the column 'Higher' says which group has the higher mean."},
    "formula_d_pooled": {"nb": "d = (snitt₁ − snitt₂) / samlet SA, samlet SA = √(((n₁−1)SA₁² + (n₂−1)SA₂²)/(n₁+n₂−2)).",
                         "en": "d = (mean₁ − mean₂) / pooled SD, pooled SD = √(((n₁−1)SD₁² + (n₂−1)SD₂²)/(n₁+n₂−2))."},
    "formula_hedges_g": {"nb": "g = d (samlet SA) · J, med eksakt småutvalgskorreksjon J.",
                         "en": "g = d (pooled SD) · J, with the exact small-sample correction J."},
    "select_something": {"nb": "Velg minst ett spørsmål.", "en": "Choose at least one question."},
    "no_data": {"nb": "Ingen data er lastet inn. Gå til Data-siden.", "en": "No data is loaded. Go to the Data page."},
    "comments_title": {"nb": "Kommentarer", "en": "Comments"},
    "comment_column": {"nb": "Kommentarfelt", "en": "Comment field"},
    "search": {"nb": "Søk", "en": "Search"},
    "groups": {"nb": "Grupper", "en": "Groups"},
    "comment_count": {"nb": "{shown} av {total} kommentarer vises.", "en": "{shown} of {total} comments shown."},
    "no_comments": {"nb": "Fila har ingen fritekstkolonner.", "en": "The file has no free-text columns."},
    "comments_hidden": {"nb": "{count} kommentarer er skjult: de kommer fra en gruppe med færre enn {min_n} "
                              "respondenter (under en av gruppevariablene).",
                        "en": "{count} comments are hidden: they come from a group of fewer than {min_n} "
                              "respondents (under one of the group variables)."},
    "col_group": {"nb": "Gruppe", "en": "Group"},
    "col_comment": {"nb": "Kommentar", "en": "Comment"},
    "method_title": {"nb": "Metode", "en": "Method"},
    "report_title": {"nb": "Rapport", "en": "Report"},
    "fw_title": {"nb": "Feltarbeid", "en": "Fieldwork"},
    "fw_intro": {"nb": "Følg med på hvem som har svart, lag lista til neste påminnelse, og sjekk om de som svarte ligner "
                        "dem som ble invitert. Last opp invitasjonslista: én rad per invitert enhet med id og kjente "
                        "kjennetegn (f.eks. rolle, pulje, fylke).",
                 "en": "Follow who has answered, make the list for the next reminder, and check whether the respondents "
                       "resemble the invited. Upload the invitation list: one row per invited unit with an id and known "
                       "characteristics (e.g. role, round, county)."},
    "fw_upload": {"nb": "Invitasjonsliste (CSV eller Excel)", "en": "Invitation list (CSV or Excel)"},
    "fw_without": {"nb": "Uten invitasjonsliste gir antall inviterte per gruppe (Data-siden) bare svarprosenter. Med lista "
                          "ser du også hvem som ikke har svart, svar over tid og om svarene er representative.",
                   "en": "Without an invitation list, the invited numbers per group (Data page) give response rates only. "
                         "The list adds who has not answered, responses over time and representativeness."},
    "fw_invited_id": {"nb": "Id-kolonne i invitasjonslista", "en": "Id column of the invitation list"},
    "fw_response_id": {"nb": "Id-kolonne i svarfila", "en": "Id column of the response file"},
    "fw_group": {"nb": "Gruppe (fra invitasjonslista)", "en": "Group (from the invitation list)"},
    "fw_time": {"nb": "Tidspunkt for innsending (svarfila)", "en": "Submission time (response file)"},
    "fw_none": {"nb": "(ingen)", "en": "(none)"},
    "fw_reminders": {"nb": "Påminnelser (datoer, f.eks. 05.09.2016, 19.09.2016)",
                     "en": "Reminders (dates, e.g. 2016-09-05, 2016-09-19)"},
    "fw_bad_reminders": {"nb": "Disse påminnelsesdatoene kunne ikke leses: {values}", "en": "These reminder dates could not be read: {values}"},
    "fw_progress": {"nb": "Framdrift", "en": "Progress"},
    "fw_nonrespondents": {"nb": "Ikke svart – til neste påminnelse", "en": "Not answered – for the next reminder"},
    "fw_filter": {"nb": "Vis bare", "en": "Show only"},
    "fw_representation": {"nb": "Ligner de som svarte de inviterte?", "en": "Do the respondents resemble the invited?"},
    "fw_test": {"nb": "Test: {test}", "en": "Test: {test}"},
    "fw_rates_only": {"nb": "Svarprosent fra antall inviterte:", "en": "Response rates from the invited numbers:"},
    "report_intro": {"nb": "Lag en redigerbar rapport i samme struktur som notatet fra 2016: datagrunnlag, ett kapittel "
                            "per tema med figur, tabell, tekst og kommentarer, og en metodedel.",
                     "en": "Make an editable report in the structure of the 2016 note: the data, one chapter per "
                           "theme with figure, table, text and comments, and a method section."},
    "report_themes": {"nb": "Kapitler (tema)", "en": "Chapters (themes)"},
    "report_quotes": {"nb": "Kommentarer som tas med", "en": "Comments to include"},
    "report_leading_zero": {"nb": "Skriv 0,61 (ikke ,61)", "en": "Write 0.61 (not .61)"},
    "report_preview": {"nb": "Forhåndsvisning", "en": "Preview"},
    "report_make": {"nb": "Lag rapporten", "en": "Make the report"},
    "report_making": {"nb": "Lager rapporten …", "en": "Making the report …"},
    "report_download": {"nb": "Last ned {fmt}", "en": "Download {fmt}"},
    "report_done": {"nb": "Rapporten er klar.", "en": "The report is ready."},
    "bad_file": {"nb": "Fila kunne ikke leses: {message}", "en": "The file could not be read: {message}"},
    "freq_no_group": {"nb": "En frekvenstabell har faste grupper; gruppe og filter kan ikke endres.",
                      "en": "A frequency table has fixed groups; group and filter cannot be changed."},
}


def lang() -> str:
    """The language chosen in this session (bokmål by default)."""
    return st.session_state.get(Keys.LANG, "nb")


def t(key: str, **params: Any) -> str:
    """The UI text for ``key`` in the session's language."""
    entry = UI[key]
    template = entry.get(lang(), entry["en"])
    return template.format(**params) if params else template
