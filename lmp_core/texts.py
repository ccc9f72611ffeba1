"""Every sentence the core can say, in bokmål (``nb``) and English (``en``).

Messages are templates filled with :meth:`str.format`; the keys are stable identifiers used by
:class:`lmp_core.errors.SurveyError`, the warnings of a summary and the report text.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("nb", "en")

_TEXTS: dict[str, dict[str, str]] = {
    # --- reading -----------------------------------------------------------------------------
    "empty_file": {
        "nb": "{file} er tom: det er ingenting å lese. Eksporter undersøkelsen på nytt og last opp den nye fila.",
        "en": "{file} is empty: there is nothing to read. Export the survey again and upload the new file.",
    },
    "header_only": {
        "nb": "{file} har bare overskrifter og ingen svar. Sjekk at eksporten tok med besvarelsene.",
        "en": "{file} has a header row but no answers. Check that the export included the responses.",
    },
    "too_large": {
        "nb": "{file} er {size_mb} MB, over grensen på {limit_mb} MB. Del fila eller last opp bare kolonnene du trenger.",
        "en": "{file} is {size_mb} MB, over the limit of {limit_mb} MB. Split the file or upload only the columns you need.",
    },
    "unknown_format": {
        "nb": "{file} er ikke en fil som kan leses ({detail}). Last opp CSV, Excel (.xlsx) eller SPSS (.sav).",
        "en": "{file} is not a file that can be read ({detail}). Upload CSV, Excel (.xlsx) or SPSS (.sav).",
    },
    "binary_as_csv": {
        "nb": "{file} ser ut som en binærfil, ikke tekst. Er det en Excel- eller SPSS-fil med feil filending? Gi den riktig ending (.xlsx, .sav) og last opp igjen.",
        "en": "{file} looks like a binary file, not text. Is it an Excel or SPSS file with the wrong ending? Give it the right ending (.xlsx, .sav) and upload it again.",
    },
    "unreadable_csv": {
        "nb": "{file} kan ikke leses som CSV: {detail}. Åpne fila i Excel og lagre som «CSV UTF-8».",
        "en": "{file} cannot be read as CSV: {detail}. Open it in Excel and save it as 'CSV UTF-8'.",
    },
    "ragged_rows": {
        "nb": "{file}: rad {row} har {found} felt, men overskriften har {expected}. Sjekk skilletegn og anførselstegn i den raden.",
        "en": "{file}: row {row} has {found} fields but the header has {expected}. Check the separators and quotes in that row.",
    },
    "duplicate_columns": {
        "nb": "{file} har flere kolonner med samme navn: {columns}. Gi kolonnene unike navn og last opp igjen.",
        "en": "{file} has several columns with the same name: {columns}. Give the columns unique names and upload again.",
    },
    "unreadable_excel": {
        "nb": "{file} kan ikke leses som Excel: {detail}. Lagre fila på nytt som .xlsx.",
        "en": "{file} cannot be read as Excel: {detail}. Save it again as .xlsx.",
    },
    "unknown_sheet": {
        "nb": "{file} har ikke arket «{sheet}». Arkene er: {sheets}.",
        "en": "{file} has no sheet '{sheet}'. Its sheets are: {sheets}.",
    },
    "unreadable_spss": {
        "nb": "{file} kan ikke leses som SPSS: {detail}. Lagre fila på nytt fra SPSS som .sav.",
        "en": "{file} cannot be read as SPSS: {detail}. Save it again from SPSS as .sav.",
    },
    "no_items": {
        "nb": "Fant ingen spørsmål med en kjent svarskala i {file}. {detail} Last opp en kodebok som sier hvilken skala hver kolonne bruker.",
        "en": "Found no questions with a known answer scale in {file}. {detail} Upload a codebook that says which scale each column uses.",
    },
    "unknown_labels": {
        "nb": "Kolonnen «{column}» har svar som ikke passer noen kjent skala: {labels}. Last opp en kodebok med kolonnen «labels» (f.eks. 1=Helt uenig;…;5=Helt enig).",
        "en": "Column '{column}' has answers that fit no known scale: {labels}. Upload a codebook with a 'labels' column (e.g. 1=Strongly disagree;…;5=Strongly agree).",
    },
    "numeric_without_codebook": {
        "nb": "Kolonnen «{column}» har bare tallkoder og ingen etiketter. Last opp en kodebok som sier hvilken skala den bruker.",
        "en": "Column '{column}' holds numeric codes without labels. Upload a codebook that says which scale it uses.",
    },
    "codes_outside_scale": {
        "nb": "Kolonnen «{column}» har koder utenfor skalaen {scale}: {codes} ({count} svar). De er regnet som manglende; rett dem i fila eller kodeboka.",
        "en": "Column '{column}' has codes outside the scale {scale}: {codes} ({count} answers). They are counted as missing; correct them in the file or the codebook.",
    },
    "labels_outside_scale": {
        "nb": "Kolonnen «{column}» har svar utenfor skalaen «{scale}»: {labels} ({count} svar). De er regnet som manglende.",
        "en": "Column '{column}' has answers outside the scale '{scale}': {labels} ({count} answers). They are counted as missing.",
    },
    "fuzzy_label": {
        "nb": "Kolonnen «{column}»: «{found}» er lest som «{label}» (skrivefeil i eksporten).",
        "en": "Column '{column}': '{found}' was read as '{label}' (a typo in the export).",
    },
    "ambiguous_scale": {
        "nb": "Kolonnen «{column}»: svarene passer både en {k1}- og en {k2}-delt skala; {k2}-delt er valgt. Angi skalaen i kodeboka hvis det er feil.",
        "en": "Column '{column}': the answers fit both a {k1}- and a {k2}-point scale; {k2}-point was chosen. Set the scale in a codebook if that is wrong.",
    },
    "all_missing": {
        "nb": "Kolonnen «{column}» har ingen svar i det hele tatt.",
        "en": "Column '{column}' has no answers at all.",
    },
    "single_value_column": {
        "nb": "Kolonnen «{column}» har bare én verdi og er ikke et spørsmål.",
        "en": "Column '{column}' has a single value and is not a question.",
    },
    "free_text_column": {
        "nb": "Kolonnen «{column}» er fritekst (kommentarer).",
        "en": "Column '{column}' is free text (comments).",
    },
    "id_column": {
        "nb": "Kolonnen «{column}» er en id (én verdi per rad).",
        "en": "Column '{column}' is an id (one value per row).",
    },
    "background_column": {
        "nb": "Kolonnen «{column}» er en bakgrunnsvariabel (kan brukes som gruppe eller filter).",
        "en": "Column '{column}' is a background variable (usable as group or filter).",
    },
    "not_a_scale": {
        "nb": "Kolonnen «{column}» har svarene {labels}, som ikke er en kjent svarskala; den kan brukes som gruppe eller filter. Er den et spørsmål, last opp en kodebok med kolonnen «labels».",
        "en": "Column '{column}' has the answers {labels}, which are no known answer scale; it can be used as group or filter. If it is a question, upload a codebook with a 'labels' column.",
    },
    "yes_no_column": {
        "nb": "Kolonnen «{column}» har bare to svar ({labels}) og er ikke en vurderingsskala; den kan brukes som gruppe eller filter.",
        "en": "Column '{column}' has only two answers ({labels}) and is not a rating scale; it can be used as group or filter.",
    },
    "sheet_read": {
        "nb": "{file}: arket «{sheet}» er lest (arkene er: {sheets}). Velg et annet ark om det er feil.",
        "en": "{file}: the sheet '{sheet}' was read (the sheets are: {sheets}). Choose another if that is wrong.",
    },
    "mixed_encoding": {
        "nb": "{file} blander tegnsett: {lines} linjer er lest som Windows-1252, resten som UTF-8. Sjekk æ, ø og å.",
        "en": "{file} mixes encodings: {lines} lines were read as Windows-1252, the rest as UTF-8. Check æ, ø and å.",
    },
    "excluded_by_user": {
        "nb": "Kolonnen «{column}» er tatt ut av deg.",
        "en": "Column '{column}' was excluded by you.",
    },
    "header_rows_skipped": {
        "nb": "{file}: {rows} ekstra overskriftsrad(er) fra {tool} er hoppet over.",
        "en": "{file}: {rows} extra header row(s) from {tool} were skipped.",
    },
    "decoded_as": {
        "nb": "{file} er lest med tegnsettet {encoding}.",
        "en": "{file} was read with the {encoding} encoding.",
    },
    "blank_rows_dropped": {
        "nb": "{file}: {rows} helt tomme rader er hoppet over.",
        "en": "{file}: {rows} completely blank rows were skipped.",
    },
    "many_columns": {
        "nb": "{file} har {count} kolonner; bare de første {limit} er lest.",
        "en": "{file} has {count} columns; only the first {limit} were read.",
    },
    # --- codebook / frequency table ------------------------------------------------------------
    "codebook_columns": {
        "nb": "Kodeboka {file} mangler kolonnen «column». Den må ha kolonnene column, question_text, theme, scale (og gjerne labels).",
        "en": "The codebook {file} has no 'column' column. It needs the columns column, question_text, theme, scale (and optionally labels).",
    },
    "codebook_unknown_scale": {
        "nb": "Kodeboka {file}: skalaen «{scale}» for «{column}» er ukjent. Kjente skalaer: {known}; eller skriv kodene ut i kolonnen «labels».",
        "en": "The codebook {file}: scale '{scale}' for '{column}' is unknown. Known scales: {known}; or spell the codes out in the 'labels' column.",
    },
    "codebook_bad_labels": {
        "nb": "Kodeboka {file}: «labels» for «{column}» kan ikke leses: «{value}». Skriv den som 1=Helt uenig;2=Uenig;…;9=Vet ikke.",
        "en": "The codebook {file}: 'labels' for '{column}' cannot be read: '{value}'. Write it as 1=Strongly disagree;2=Disagree;…;9=Don't know.",
    },
    "codebook_missing_column": {
        "nb": "Kodeboka nevner kolonnen «{column}», som ikke finnes i {file}.",
        "en": "The codebook names column '{column}', which is not in {file}.",
    },
    "freq_columns": {
        "nb": "Frekvenstabellen {file} må ha kolonnene item, group, answer og count (fant: {found}).",
        "en": "The frequency table {file} needs the columns item, group, answer and count (found: {found}).",
    },
    "freq_bad_count": {
        "nb": "Frekvenstabellen {file}: antallet «{value}» i rad {row} er ikke et helt tall ≥ 0.",
        "en": "The frequency table {file}: the count '{value}' in row {row} is not a whole number ≥ 0.",
    },
    # --- requests ---------------------------------------------------------------------------------
    "unknown_group_column": {
        "nb": "Gruppekolonnen «{column}» finnes ikke. Velg en av: {choices}.",
        "en": "The group column '{column}' does not exist. Choose one of: {choices}.",
    },
    "group_is_item": {
        "nb": "«{column}» er et spørsmål og kan ikke også være gruppekolonne.",
        "en": "'{column}' is a question and cannot also be the group column.",
    },
    "too_many_groups": {
        "nb": "Gruppekolonnen «{column}» har {count} ulike verdier; høyst {limit} kan sammenlignes. Velg en annen kolonne.",
        "en": "The group column '{column}' has {count} different values; at most {limit} can be compared. Choose another column.",
    },
    "unknown_item": {
        "nb": "Spørsmålet «{column}» finnes ikke. Kjente spørsmål: {choices}.",
        "en": "Question '{column}' does not exist. Known questions: {choices}.",
    },
    "unknown_population_group": {
        "nb": "Populasjonen er oppgitt for gruppen «{group}», som ikke finnes. Gruppene er: {choices}.",
        "en": "A population was given for group '{group}', which does not exist. The groups are: {choices}.",
    },
    "bad_population": {
        "nb": "Populasjonen for «{group}» må være et helt tall minst like stort som antall svar ({respondents}); fikk «{value}».",
        "en": "The population of '{group}' must be a whole number at least as large as its respondents ({respondents}); got '{value}'.",
    },
    "bad_population_arg": {
        "nb": "«{value}» må skrives som GRUPPE=ANTALL, f.eks. Skoleleder=63.",
        "en": "'{value}' must be written as GROUP=NUMBER, e.g. Skoleleder=63.",
    },
    "bad_top_k": {
        "nb": "Antall øverste kategorier må være minst 1; fikk {value}.",
        "en": "The number of top categories must be at least 1; got {value}.",
    },
    "no_rows_after_filter": {
        "nb": "Ingen svar passer filteret {filter}.",
        "en": "No responses match the filter {filter}.",
    },
    "file_not_found": {
        "nb": "Fant ikke fila {file}.",
        "en": "File {file} not found.",
    },
    "not_a_group_column": {
        "nb": "«{column}» kan ikke brukes til å dele inn eller filtrere. Velg en av: {choices}.",
        "en": "'{column}' cannot be used to group or filter. Choose one of: {choices}.",
    },
    "freq_no_filter": {
        "nb": "{file} er en frekvenstabell: den kan ikke filtreres. Last opp svarfila for å filtrere.",
        "en": "{file} is a frequency table: it cannot be filtered. Upload the response file to filter.",
    },
    "chart_failed": {
        "nb": "Figuren kunne ikke lages som {kind}. Prøv igjen, eller last ned tabellen i stedet.",
        "en": "The chart could not be made as {kind}. Try again, or download the table instead.",
    },
    "unknown_output_format": {
        "nb": "Ukjent format for {file}: bruk .docx, .html, .xlsx eller .pptx.",
        "en": "Unknown format for {file}: use .docx, .html, .xlsx or .pptx.",
    },
    # --- statistics: reasons and warnings ---------------------------------------------------------
    "reason_n0": {"nb": "ingen svar", "en": "no answers"},
    "reason_n1": {"nb": "bare ett svar: standardavvik kan ikke beregnes", "en": "only one answer: no standard deviation"},
    "reason_sd0": {
        "nb": "ingen spredning i noen av gruppene: d kan ikke beregnes",
        "en": "no spread in either group: d is undefined",
    },
    "reason_filter_cell": {
        "nb": "skjult: filteret ville avsløre færre enn {min_n} svar",
        "en": "hidden: the filter would reveal fewer than {min_n} answers",
    },
    "reason_suppressed": {
        "nb": "skjult: færre enn {min_n} svar",
        "en": "hidden: fewer than {min_n} answers",
    },
    "warn_low_response": {
        "nb": "Svarprosenten for {group} er {rate} ({respondents} av {population}). De som svarte kan være de mest positive eller de mest negative, så resultatene må tolkes med forsiktighet.",
        "en": "The response rate for {group} is {rate} ({respondents} of {population}). Those who answered may be the most positive or the most negative, so read the results with care.",
    },
    "warn_small_group": {
        "nb": "{group} har bare {n} svar: ett svar utgjør {pct} prosentpoeng.",
        "en": "{group} has only {n} answers: one answer is {pct} percentage points.",
    },
    "warn_unequal_n": {
        "nb": "Antall svar for {group} varierer mellom spørsmålene ({n_min}–{n_max}) fordi noen har latt spørsmål stå tomme eller svart «vet ikke».",
        "en": "The number of answers for {group} varies across questions ({n_min}–{n_max}) because some left questions blank or answered 'don't know'.",
    },
    "warn_dont_know": {
        "nb": "«{question}»: {pct} av {group} svarte «vet ikke» ({count} av {total}).",
        "en": "'{question}': {pct} of {group} answered 'don't know' ({count} of {total}).",
    },
    "warn_fpc_low_response": {
        "nb": "Svarprosenten er under {rate} % for {groups}: korreksjonen for endelig populasjon forutsetter at de som ikke svarte, ville svart som de som svarte, og gjør intervallene trolig for smale.",
        "en": "The response rate is under {rate} % for {groups}: the finite population correction assumes the non-respondents would answer like the respondents, and the intervals are likely too narrow.",
    },
    "warn_fpc": {
        "nb": "Intervallene er korrigert for endelig populasjon (hele populasjonen ble invitert). Korreksjonen gjelder bare tilfeldig utvalgsfeil, ikke skjevhet fra dem som ikke svarte.",
        "en": "The intervals are corrected for a finite population (the whole population was invited). The correction narrows sampling error only; it does nothing about non-response bias.",
    },
    "warn_filter_cell": {
        "nb": "Gruppene vises ikke når det filtreres på {columns}: en kombinasjon av gruppe og {columns} har færre enn {min_n} respondenter, og tallene kunne da regnes ut som forskjellen mellom to utvalg. Fjern filteret eller velg en annen gruppevariabel.",
        "en": "The groups are not shown when filtering on {columns}: a combination of group and {columns} has fewer than {min_n} respondents, and their numbers could then be worked out as the difference of two selections. Remove the filter or choose another group variable.",
    },
    "warn_held_back": {
        "nb": "Noen svar er holdt tilbake i alle visninger: de hører til en gruppe eller celle med færre enn {min_n} svar, og kunne ellers regnes ut ved å trekke tall fra hverandre.",
        "en": "Some answers are held back in every view: they belong to a group or cell with fewer than {min_n} answers, and could otherwise be worked out by subtracting figures.",
    },
    "warn_filter_no_rate": {
        "nb": "Svarprosent vises ikke med filter på {columns}: antall inviterte er kjent for hele gruppene, ikke for utvalget.",
        "en": "No response rate with a filter on {columns}: the number invited is known for whole groups, not for the selection.",
    },
    "warn_suppressed": {
        "nb": "{group} har færre enn {min_n} svar og er skjult for å verne respondentene.",
        "en": "{group} has fewer than {min_n} answers and is hidden to protect the respondents.",
    },
    "warn_missing_group": {
        "nb": "{count} svar mangler verdi i gruppekolonnen «{column}» og er ikke med i gruppene.",
        "en": "{count} responses have no value in the group column '{column}' and are in no group.",
    },
    # --- fieldwork ---------------------------------------------------------------------------------
    "fw_no_id": {
        "nb": "Fant ingen id-kolonne i {file}. Velg den blant: {columns}.",
        "en": "Found no id column in {file}. Choose it among: {columns}.",
    },
    "fw_duplicate_invited": {
        "nb": "Invitasjonslista {file} har samme id flere ganger: {ids}. Hver invitert enhet skal stå én gang.",
        "en": "The invitation list {file} has the same id more than once: {ids}. Each invited unit must appear once.",
    },
    "fw_held": {
        "nb": "Grupper og kategorier med færre enn {min_n} svar viser verken antall, svarprosent eller kurve, og testverdien utelates (p-verdien står). Totalen og lista over dem som ikke har svart vises som før.",
        "en": "Groups and categories with fewer than {min_n} responses show no count, response rate or line, and the test statistic is left out (the p-value stays). The total and the list of those who have not answered are shown as before.",
    },
    "fewer_than": {
        "nb": "færre enn {min_n}",
        "en": "fewer than {min_n}",
    },
    "fw_unmatched": {
        "nb": "{count} svar har en id som ikke finnes i invitasjonslista: {ids}. Sjekk skrivemåten.",
        "en": "{count} responses have an id that is not in the invitation list: {ids}. Check the spelling.",
    },
    "fw_duplicates": {
        "nb": "{count} inviterte har svart mer enn én gang: {ids}. De telles som svart én gang.",
        "en": "{count} invited units answered more than once: {ids}. They count as having answered once.",
    },
    "fw_bad_dates": {
        "nb": "{count} verdier i tidskolonnen «{column}» kunne ikke leses som dato: {values}. Bruk f.eks. 15.09.2016 10:30.",
        "en": "{count} values in the time column '{column}' could not be read as dates: {values}. Use e.g. 2016-09-15 10:30.",
    },
    "fw_less_often": {
        "nb": "Enheter med {characteristic} = {category} svarte sjeldnere ({rate} mot {overall} samlet).",
        "en": "Units with {characteristic} = {category} answered less often ({rate} against {overall} overall).",
    },
    "fw_more_often": {
        "nb": "Enheter med {characteristic} = {category} svarte oftere ({rate} mot {overall} samlet).",
        "en": "Units with {characteristic} = {category} answered more often ({rate} against {overall} overall).",
    },
    "fw_caveat": {
        "nb": "Svarprosenten varierer tydelig med {characteristic} ({p}); de som svarte speiler ikke de inviterte på dette punktet.",
        "en": "The response rate differs clearly by {characteristic} ({p}); the respondents do not mirror the invited on this point.",
    },
    "fw_no_clear_difference": {
        "nb": "Ingen tydelig forskjell i svarprosent etter {characteristic} ({p}).",
        "en": "No clear difference in response rate by {characteristic} ({p}).",
    },
    # --- size words (report Tabell 1.1) ----------------------------------------------------------
    "size_none": {"nb": "ingen/svak", "en": "none/weak"},
    "size_small": {"nb": "liten", "en": "small"},
    "size_moderate": {"nb": "moderat", "en": "moderate"},
    "size_large": {"nb": "stor", "en": "large"},
    "all_respondents": {"nb": "Alle", "en": "All"},
}


def text(key: str, lang: str = "nb", /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in.

    >>> text("size_small", "en")
    'small'
    """
    entry = _TEXTS[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**params) if params else template


def has_text(key: str) -> bool:
    """True when ``key`` is a known text."""
    return key in _TEXTS
