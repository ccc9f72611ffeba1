"""The one text catalogue: every word the tool says, in bokmål (``nb``) and English (``en``).

Messages (errors, warnings, notes, report sentences) and the app's own words are templates filled
with :meth:`str.format`, looked up by :func:`text`; the keys are stable identifiers used by
:class:`lmp_core.errors.SurveyError`, the warnings of a summary, the report and the pages. Words used
together (table headings, chart titles, report words, fieldwork headings) come as sets from
:func:`words`. The method section is :mod:`lmp_core.method`'s, by language. One fallback rule for all
(:func:`_in`): the language asked for, else English. Language enters only here, at the edge: counts
and statistics hold none.
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
        "nb": "Kolonnen «{column}» har koder utenfor skalaen «{scale}»: {codes} ({count} svar). De er regnet som manglende; rett dem i fila eller kodeboka.",
        "en": "Column '{column}' has codes outside the scale '{scale}': {codes} ({count} answers). They are counted as missing; correct them in the file or the codebook.",
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
    "unreadable_parquet": {
        "nb": "{file} ser ut som en Parquet-fil, men kan ikke leses ({detail}). Eksporter den på nytt, eller lagre dataene som CSV.",
        "en": "{file} looks like a Parquet file but cannot be read ({detail}). Export it again, or save the data as CSV.",
    },
    "sql_no_questions": {
        "nb": "Kodeboka har ingen spørsmål å telle (kolonner: {columns}). Gi spørsmålene en rad hver, med skala eller etiketter.",
        "en": "The codebook has no questions to count (columns: {columns}). Give each question a row, with a scale or labels.",
    },
    "stream_needs_codebook": {
        "nb": "For å telle {file} mens den leses, trengs en kodebok (--codebook) som sier hvilke kolonner som er spørsmål og hvilken skala de har.",
        "en": "Counting {file} as it is read needs a codebook (--codebook) that says which columns are questions and which scale they use.",
    },
    "stream_missing_columns": {
        "nb": "{file} har ikke kolonnene {columns} som kodeboka eller gruppevalget nevner. Sjekk navnene.",
        "en": "{file} has no columns {columns}, which the codebook or the group choice names. Check the names.",
    },
    "freq_no_index": {
        "nb": "{file} er en frekvenstabell: en indeks trenger hver respondents svar, så den kan ikke lages herfra.",
        "en": "{file} is a frequency table: an index needs each respondent's answers, so it cannot be made from it.",
    },
    "unknown_theme": {
        "nb": "Temaet {themes} finnes ikke. Velg blant: {choices} (eller «all» for alle).",
        "en": "There is no theme {themes}. Choose among: {choices} (or 'all' for every one).",
    },
    "index_too_few": {
        "nb": "Indeksen «{name}» trenger minst to spørsmål.",
        "en": "The index '{name}' needs at least two questions.",
    },
    "cell_too_long": {
        "nb": "{file}: en celle i kolonnen «{column}», rad {row} under overskriften, har {length} tegn: like mange som en Excel-celle kan romme ({limit}), eller flere. Som regel er et anførselstegn ikke lukket, så raden har slukt radene etter seg. Rett raden i fila og last den opp igjen.",
        "en": "{file}: a cell in column '{column}', row {row} below the header, holds {length} characters: as many as an Excel cell can hold ({limit}), or more. Usually a quote mark was left open, so the row swallowed the rows after it. Correct the row in the file and upload it again.",
    },
    "unclosed_quote": {
        "nb": "{file}: rad {row} under overskriften har et anførselstegn (\") som aldri lukkes, så resten av fila ble én celle. Rett raden i fila og last den opp igjen.",
        "en": "{file}: row {row} below the header has a quote mark (\") that is never closed, so the rest of the file became one cell. Correct the row in the file and upload it again.",
    },
    "score_column": {
        "nb": "Kolonnen «{column}» har {count} ulike tall ({low}–{high}) og leses som en skår eller måling, ikke som gruppe. Er den en gruppe (f.eks. skolenummer), velg den som bakgrunn under «Rett opp det som ble feil»; en skår kan deles i grupper (f.eks. aldersgrupper) i fila.",
        "en": "Column '{column}' has {count} different numbers ({low}–{high}) and is read as a score or measurement, not a group. If it is a group (e.g. school numbers), choose it as background under 'Fix what detection got wrong'; a score can be divided into groups (e.g. age groups) in the file.",
    },
    "not_a_scale": {
        "nb": "Kolonnen «{column}» har svarene {labels}, som ikke er en kjent svarskala; den kan brukes som gruppe eller filter. Er den et spørsmål, last opp en kodebok med kolonnen «labels».",
        "en": "Column '{column}' has the answers {labels}, which are no known answer scale; it can be used as group or filter. If it is a question, upload a codebook with a 'labels' column.",
    },
    "background_by_name": {
        "nb": "Kolonnen «{column}» har egne svaralternativer ({labels}) som ingen andre kolonner deler, og navnet «{name}» er et kjennetegn ved den som svarer: den leses som bakgrunn (gruppe eller filter), ikke som spørsmål. Er den et spørsmål, gi den rollen «question» i oppsettfila.",
        "en": "Column '{column}' has answer options of its own ({labels}) that no other column shares, and the name '{name}' is a characteristic of the respondent: it is read as background (group or filter), not as a question. If it is a question, give it the role 'question' in the setup file.",
    },
    "background_bands": {
        "nb": "Kolonnen «{column}» har egne svaralternativer ({labels}) som ingen andre kolonner deler, og de er tallgrupper: den leses som bakgrunn (gruppe eller filter), ikke som spørsmål. Er den et spørsmål, gi den rollen «question» i oppsettfila.",
        "en": "Column '{column}' has answer options of its own ({labels}) that no other column shares, and they are bands of numbers: it is read as background (group or filter), not as a question. If it is a question, give it the role 'question' in the setup file.",
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
    "codebook_bad_min_size": {
        "nb": "Kodeboka {file}: kolonnen «{column}» har min_group_size «{value}». Skriv et helt tall fra 1 og oppover (eller la feltet stå tomt).",
        "en": "The codebook {file}: column '{column}' has min_group_size '{value}'. Write a whole number from 1 up (or leave it empty).",
    },
    "codebook_bad_kind": {
        "nb": "Kodeboka {file}: kolonnen «{column}» har kind «{value}». Bruk en av: {kinds} (eller la feltet stå tomt).",
        "en": "The codebook {file}: column '{column}' has kind '{value}'. Use one of: {kinds} (or leave it empty).",
    },
    "codebook_multi_no_set": {
        "nb": "Kodeboka {file}: kolonnen «{column}» har kind «multi» men ingen «set». Skriv hvilket flervalgsspørsmål alternativet hører til.",
        "en": "The codebook {file}: column '{column}' has kind 'multi' but no 'set'. Name the multiple-response question the option belongs to.",
    },
    "kind_multi_setup": {
        "nb": "Flere svar mulig: alternativ i «{set}» (oppsettet sier det).",
        "en": "Multiple response: an option of '{set}' (the setup says so).",
    },
    "kind_multi_columns": {
        "nb": "Flere svar mulig: ett av {count} alternativer i «{set}» (kolonnene deler navn og har bare avkrysninger).",
        "en": "Multiple response: one of {count} options of '{set}' (the columns share a name and hold only ticks).",
    },
    "kind_multi_list": {
        "nb": "Flere svar mulig: {count} alternativer skilt med «{separator}» i én kolonne.",
        "en": "Multiple response: {count} options separated by '{separator}' in one column.",
    },
    "kind_number": {
        "nb": "Tallspørsmål: {count} ulike tall ({low}–{high}) uten etiketter leses som et antall, en måling eller en skår, ikke som gruppe.",
        "en": "Number question: {count} different numbers ({low}–{high}) without labels are read as a count, a measurement or a score, not a group.",
    },
    "kind_number_setup": {
        "nb": "Tallspørsmål (oppsettet sier det).",
        "en": "Number question (the setup says so).",
    },
    "kind_yes_no": {
        "nb": "Ja/nei-spørsmål: svarene er ja og nei.",
        "en": "Yes/no question: the answers are yes and no.",
    },
    "kind_choice_answers": {
        "nb": "Spørsmål med ett svar: {count} alternativer, de fleste svar begynner med ja eller nei.",
        "en": "Single-choice question: {count} options, most answers begin with yes or no.",
    },
    "kind_choice_question": {
        "nb": "Spørsmål med ett svar: {count} alternativer uten rekkefølge, og spørsmålsteksten er et spørsmål.",
        "en": "Single-choice question: {count} options without an order, and the question text is a question.",
    },
    "kind_choice_setup": {
        "nb": "Spørsmål med ett svar (oppsettet sier det).",
        "en": "Single-choice question (the setup says so).",
    },
    "multi_base_ticked": {
        "nb": "«{set}»: fila skiller ikke «krysset ikke av noe» fra «fikk ikke spørsmålet», så grunnlaget er dem som krysset av minst ett alternativ.",
        "en": "'{set}': the file does not tell 'ticked nothing' from 'was not asked', so the base is those who ticked at least one option.",
    },
    "too_many_columns": {
        "nb": "{file} har {count} kolonner, over grensen på {limit}. Ta bort kolonnene du ikke trenger (for eksempel eksportens tekniske kolonner) og last opp igjen.",
        "en": "{file} has {count} columns, over the limit of {limit}. Remove the columns you do not need (for example the export's technical columns) and upload again.",
    },
    # --- codebook / frequency table ------------------------------------------------------------
    "codebook_columns": {
        "nb": "Kodeboka {file} mangler kolonnen «column». Den må ha kolonnene column, question_text, theme, scale (og gjerne labels).",
        "en": "The codebook {file} has no 'column' column. It needs the columns column, question_text, theme, scale (and optionally labels).",
    },
    "ignored_by_setup": {
        "nb": "Kolonnen «{column}» er satt til «ignorer» i oppsettet.",
        "en": "Column '{column}' is set to 'ignore' in the setup.",
    },
    "basis_codebook": {"nb": "kodeboka", "en": "the codebook"},
    "basis_value_labels": {"nb": "verdietikettene i fila", "en": "the file's value labels"},
    "basis_labels": {"nb": "svarene passer en kjent skala", "en": "the answers fit a known scale"},
    "basis_direction_labels": {"nb": "retningen er funnet fra de kjente etikettene", "en": "the direction is worked out from the known labels"},
    "basis_direction_codes": {"nb": "rekkefølgen er tatt fra kodene", "en": "the order is taken from the codes"},
    "basis_numbers": {"nb": "trinnene er lest fra tallene i svarene", "en": "the steps are read from the numbers in the answers"},
    "spellings_merged": {
        "nb": "Kolonnen «{column}»: {count} verdier var skrevet på mer enn én måte (mellomrom i kantene, usynlige tegn eller ulik koding av æ, ø, å, é) og er slått sammen med sin like.",
        "en": "Column '{column}': {count} values were spelled in more than one way (spaces at the ends, invisible characters or different encodings of æ, ø, å, é) and are merged with their twin.",
    },
    "format_chars_removed": {
        "nb": "Kolonnen «{column}»: {count} svartekster hadde usynlige tegn (for eksempel et mellomrom uten bredde fra Word eller et nettskjema). Tegnene er fjernet, og svarene telles som det de ser ut som.",
        "en": "Column '{column}': {count} answer texts held invisible characters (for example a zero-width space from Word or a web form). The characters were removed and the answers count as what they look like.",
    },
    "excel_unpacks_too_large": {
        "nb": "{file} pakker seg ut til {size_mb} MB, eller én celle har mer tekst enn et regneark kan ha i minnet. Grensen er {limit_mb} MB. Lagre arket som CSV, eller del det opp.",
        "en": "{file} unpacks to {size_mb} MB, or one cell holds more text than a sheet can hold in memory. The limit is {limit_mb} MB. Save the sheet as CSV, or split it.",
    },
    "freq_no_setup": {
        "nb": "{file} er en frekvenstabell: den har ingen kolonner å sette opp. Last opp svarfila.",
        "en": "{file} is a frequency table: it has no columns to set up. Upload the response file.",
    },
    "codebook_bad_role": {
        "nb": "Kodeboka {file}: rollen «{value}» for kolonnen «{column}» er ukjent. Bruk en av: {roles} (eller la feltet stå tomt).",
        "en": "Codebook {file}: the role '{value}' of column '{column}' is unknown. Use one of: {roles} (or leave it empty).",
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
    "freq_count_too_large": {
        "nb": "{file}, rad {row}: antallet «{value}» er over grensen på {limit} svar i én rad. Sjekk at kolonnen med antall ikke har fått et annet tall (en id, en sum med feil skilletegn).",
        "en": "{file}, row {row}: the count '{value}' is over the limit of {limit} answers in one row. Check that the count column has not received another number (an id, a sum with the wrong separator).",
    },
    # --- requests ---------------------------------------------------------------------------------
    "unknown_groupings": {
        "nb": "Kolonnene {columns} kan ikke vernes som grupper (de finnes ikke, eller har for mange ulike verdier). Velg blant: {choices}.",
        "en": "The columns {columns} cannot be protected as groups (they do not exist, or have too many different values). Choose among: {choices}.",
    },
    "group_not_in_setup": {
        "nb": "Gruppekolonnen «{column}» er ikke blant kolonnene oppsettfila {file} verner ({columns}). Vern den i oppsettfila (kolonnen protect = ja), så verner alle kall den likt.",
        "en": "The group column '{column}' is not among the columns the setup file {file} protects ({columns}). Protect it in the setup file (column protect = yes), so that every call protects it alike.",
    },
    "cli_unprotected": {
        "nb": "Kolonnene {columns} kan gruppere, men er ikke vernet i dette kallet: tall fra to kall med ulik --group (eller uten) kan trekkes fra hverandre og avsløre små grupper. Vern dem likt i alle kall med --groupings {all}, eller lagre et oppsett med dem (python -m lmp_core setup FIL --groupings {all} > oppsett.csv) og bruk --codebook oppsett.csv.",
        "en": "The columns {columns} can group but are not protected in this call: figures from two calls with different --group (or none) can be subtracted from each other and give small groups away. Protect them alike in every call with --groupings {all}, or save a setup with them (python -m lmp_core setup FILE --groupings {all} > setup.csv) and use --codebook setup.csv.",
    },
    "unknown_group_column": {
        "nb": "Gruppekolonnen «{column}» finnes ikke. Velg en av: {choices}.",
        "en": "The group column '{column}' does not exist. Choose one of: {choices}.",
    },
    "warn_steps_from_values": {
        "nb": "Kolonnen «{column}»: skalaen er lest fra tallene i svarene alene ({low}–{high}, {k} trinn). Hadde skalaen flere trinn enn noen valgte, blir andelene og snittene feil: oppgi skalaen i kodeboka.",
        "en": "Column '{column}': the scale is read from the numbers in the answers alone ({low}–{high}, {k} steps). Had the scale more steps than anyone chose, the shares and means are wrong: give the scale in the codebook.",
    },
    "direction_from_labels": {
        "nb": "Kolonnen «{column}»: svarene ({labels}) er ikke en kjent skala som helhet, men de kjente blant dem viser retningen: skalaen går fra «{low}» (lavest) til «{high}» (høyest). Sjekk rekkefølgen, og rett den i kodeboka om den er feil.",
        "en": "Column '{column}': the answers ({labels}) are no known scale as a whole, but the known ones among them show the direction: the scale runs from '{low}' (lowest) to '{high}' (highest). Check the order and correct it in the codebook if it is wrong.",
    },
    "direction_from_codes": {
        "nb": "Kolonnen «{column}»: svarene ({labels}) er ikke en kjent skala, og ingen av dem viser hvilken ende som er best. Rekkefølgen er tatt fra kodene i fila: «{low}» lavest, «{high}» høyest. Bekreft eller snu skalaen under «Rett opp» på Data-siden, eller bruk kolonnen som gruppe hvis den ikke er et spørsmål.",
        "en": "Column '{column}': the answers ({labels}) are no known scale, and none of them shows which end is best. The order is taken from the codes in the file: '{low}' lowest, '{high}' highest. Confirm or reverse the scale under 'Fix' on the Data page, or use the column as a group if it is not a question.",
    },
    "group_is_question": {
        "nb": "Spørsmålet «{column}» er brukt som gruppe: svarene på det deler respondentene i grupper, og det vises ikke som egen rad sammen med andre spørsmål.",
        "en": "The question '{column}' is used as the group: its answers split the respondents into groups, and it is not shown as a row beside other questions.",
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
        "nb": "«{value}» må skrives som GRUPPE=ANTALL med et helt tall fra 1 til {limit}, f.eks. Skoleleder=63.",
        "en": "'{value}' must be written as GROUP=NUMBER with a whole number from 1 to {limit}, e.g. Skoleleder=63.",
    },
    "unknown_themes": {
        "nb": "Rapporten har ingen tema som heter {themes}. Temaene er: {choices}.",
        "en": "The report has no theme called {themes}. The themes are: {choices}.",
    },
    "bad_number_option": {
        "nb": "{option} må være et helt tall fra {low} til {high}; fikk «{value}».",
        "en": "{option} must be a whole number from {low} to {high}; got '{value}'.",
    },
    "out_bad_path": {
        "nb": "«{path}» er ikke et filnavn å skrive rapporten til. Skriv for eksempel --out rapport.docx.",
        "en": "'{path}' is not a file name to write the report to. Write for example --out report.docx.",
    },
    "out_is_folder": {
        "nb": "«{path}» er en mappe. Skriv filnavnet rapporten skal få, for eksempel {path}/rapport.docx.",
        "en": "'{path}' is a folder. Give the report's file name, for example {path}/report.docx.",
    },
    "out_no_folder": {
        "nb": "Mappen «{folder}» for «{path}» finnes ikke. Lag mappen først eller velg en annen.",
        "en": "The folder '{folder}' of '{path}' does not exist. Create it first or choose another.",
    },
    "out_not_writable": {
        "nb": "Rapporten kan ikke skrives til «{path}» ({reason}). Velg en mappe du kan skrive til.",
        "en": "The report cannot be written to '{path}' ({reason}). Choose a folder you can write to.",
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
    "size_interval": {"nb": "KI {lo} til {hi} (under 10 svar)", "en": "CI {lo} to {hi} (under 10 answers)"},
    "reason_few_for_size": {"nb": "under 10 svar i en gruppe: se intervallet", "en": "under 10 answers in a group: see the interval"},
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
    "fw_caveat": {
        "nb": "Svarprosenten varierer tydelig med {characteristic} ({p}); de som svarte speiler ikke de inviterte på dette punktet.",
        "en": "The response rate differs clearly by {characteristic} ({p}); the respondents do not mirror the invited on this point.",
    },
    "fw_caveat_range": {
        "nb": "Svarprosenten varierer tydelig med {characteristic} ({p}): fra {low_rate} for {low} til {high_rate} for {high}, mot {overall} samlet. De som svarte speiler ikke de inviterte på dette punktet.",
        "en": "The response rate differs clearly by {characteristic} ({p}): from {low_rate} for {low} to {high_rate} for {high}, against {overall} overall. The respondents do not mirror the invited on this point.",
    },
    "fw_small_difference": {
        "nb": "Svarprosenten varierer litt med {characteristic} ({p}), fra {low_rate} for {low} til {high_rate} for {high} ({overall} samlet); ingen kategori ligger 10 prosentpoeng eller mer fra det samlede.",
        "en": "The response rate varies a little by {characteristic} ({p}), from {low_rate} for {low} to {high_rate} for {high} ({overall} overall); no category is 10 percentage points or more from the overall rate.",
    },
    "fw_no_clear_difference": {
        "nb": "Ingen tydelig forskjell i svarprosent etter {characteristic} ({p}).",
        "en": "No clear difference in response rate by {characteristic} ({p}).",
    },
    "fw_no_test": {
        "nb": "Svarprosenten etter {characteristic} kan ikke testes: det trengs minst to kategorier, og både noen som har svart og noen som ikke har.",
        "en": "The response rate by {characteristic} cannot be tested: that needs at least two categories, and both units that answered and units that did not.",
    },
    "fw_test_none": {"nb": "ingen test", "en": "no test"},
    "fw_test_fisher": {"nb": "Fishers eksakte test", "en": "Fisher's exact test"},
    "fw_test_fisher_permutation": {"nb": "Fishers eksakte test (permutasjon, 9 999 trekninger)",
                                   "en": "Fisher's exact test (permutation, 9,999 resamples)"},
    "fw_test_chi2_pooled": {"nb": "Pearsons kjikvadrattest (sjeldne kategorier slått sammen)",
                            "en": "Pearson's chi-square test (rare categories pooled)"},
    "fw_test_chi2": {"nb": "Pearsons kjikvadrattest", "en": "Pearson's chi-square test"},
    "choose_placeholder": {"nb": "Velg …", "en": "Choose …"},
    "choose_one": {"nb": "Velg ett …", "en": "Choose one …"},
    "kinds_all_hidden": {"nb": "Alle grupper har færre enn {min_n} svar på dette spørsmålet og vises ikke.",
                         "en": "Every group has fewer than {min_n} answers to this question and is not shown."},
    "kind_test_fisher": {"nb": "Fishers eksakte test", "en": "Fisher's exact test"},
    "kind_test_fisher_permutation": {"nb": "Fishers eksakte test (permutasjon, 9 999 trekninger)",
                                     "en": "Fisher's exact test (permutation, 9,999 resamples)"},
    "kind_test_chi2_pooled": {"nb": "Pearsons kjikvadrattest (sjeldne alternativer slått sammen)",
                              "en": "Pearson's chi-square test (rare options pooled)"},
    "kind_test_chi2": {"nb": "Pearsons kjikvadrattest", "en": "Pearson's chi-square test"},
    "kind_test_none": {"nb": "ingen test", "en": "no test"},
    "kind_test_welch_t": {"nb": "Welchs t-test", "en": "Welch's t-test"},
    "kind_test_kruskal": {"nb": "Kruskal–Wallis-testen", "en": "the Kruskal–Wallis test"},
    "kind_test_sentence": {"nb": "Forskjellen mellom gruppene: {test}, {p}{effect}.",
                           "en": "The difference between the groups: {test}, {p}{effect}."},
    "kind_choice_sentence": {"nb": "{question}: flest i {group} svarte {option} ({pct} prosent av {n}).",
                             "en": "{question}: most in {group} answered {option} ({pct} per cent of {n})."},
    "kind_multi_sentence": {"nb": "{question}: flest i {group} krysset av for {option} ({pct} prosent av {n} som fikk spørsmålet), i snitt {mean} kryss hver.",
                            "en": "{question}: most in {group} ticked {option} ({pct} per cent of the {n} asked), {mean} ticks each on average."},
    "kind_multi_sums": {"nb": "Flere svar var mulig, så andelene summerer seg til mer enn 100 prosent.",
                        "en": "More than one answer was possible, so the shares add up to more than 100 per cent."},
    "kind_multi_tests": {"nb": "Gruppene skiller seg klart (Fishers eksakte test, Holm-korrigert over alternativene, p < 0,05) på {count} av {options} alternativer.",
                         "en": "The groups differ clearly (Fisher's exact test, Holm-corrected over the options, p < 0.05) on {count} of {options} options."},
    "kind_number_sentence": {"nb": "{question}: i {group} var snittet {mean} og medianen {median} (halvparten mellom {q1} og {q3}; n = {n}).",
                             "en": "{question}: in {group} the mean was {mean} and the median {median} (half between {q1} and {q3}; n = {n})."},
    "kind_number_d": {"nb": "Forskjellen mellom {a} og {b} er d = {d}{size}.",
                      "en": "The difference between {a} and {b} is d = {d}{size}."},
    # --- size words (report Tabell 1.1) ----------------------------------------------------------
    "size_none": {"nb": "ingen/svak", "en": "none/weak"},
    "size_small": {"nb": "liten", "en": "small"},
    "size_moderate": {"nb": "moderat", "en": "moderate"},
    "size_large": {"nb": "stor", "en": "large"},
    "all_respondents": {"nb": "Alle", "en": "All"},
}


#: The app's own words (labels, buttons, help), in the same form as the messages above.
_UI: dict[str, dict[str, str]] = {
    "app_title": {"nb": "LMP Explorer", "en": "LMP Explorer"},
    "language": {"nb": "Språk / Language", "en": "Språk / Language"},
    "page_data": {"nb": "Data", "en": "Data"},
    "page_results": {"nb": "Resultater", "en": "Results"},
    "page_comments": {"nb": "Kommentarer", "en": "Comments"},
    "page_report": {"nb": "Rapport", "en": "Report"},
    "page_fieldwork": {"nb": "Feltarbeid", "en": "Fieldwork"},
    "page_waves": {"nb": "Over tid", "en": "Over time"},
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
    "loaded_kinds": {"nb": "Lest: {file} — {rows} respondenter, {items} spørsmål ({scales} med svarskala, {others} av andre typer).",
                     "en": "Read: {file} — {rows} respondents, {items} questions ({scales} with an answer scale, {others} of other kinds)."},
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
    "decision_scale": {"nb": "{count} spørsmål har skalaen {labels} ({basis}). Går den riktig vei, fra lavest til høyest?",
                       "en": "{count} questions have the scale {labels} ({basis}). Does it go the right way, from lowest to highest?"},
    "decision_done": {"nb": "Bekreftet: {text}", "en": "Confirmed: {text}"},
    "decision_columns": {"nb": "Spørsmålene: {columns}", "en": "The questions: {columns}"},
    "decision_reverse": {"nb": "Kan være snudd (foreslått, ikke gjort): {columns}",
                         "en": "May be reverse-keyed (proposed, not applied): {columns}"},
    "reverse_by_label": {"nb": "variabeletiketten sier det", "en": "the variable label says so"},
    "reverse_by_correlation": {"nb": "svarene går mot resten av temaet", "en": "its answers go against the rest of its theme"},
    "decision_confirm": {"nb": "Riktig vei", "en": "The right way"},
    "decision_turn": {"nb": "Snu hele skalaen", "en": "Turn the whole scale round"},
    "decision_turn_candidates": {"nb": "Snu de foreslåtte", "en": "Turn the proposed ones round"},
    "decision_background": {"nb": "Bakgrunn (kan brukes til gruppe og filter): {columns}. Er en av dem et spørsmål, sett rollen i oppsettfila.",
                            "en": "Background (can group and filter): {columns}. If one of them is a question, set its role in the setup file."},
    "setup_download": {"nb": "Last ned oppsettet (CSV)", "en": "Download the setup (CSV)"},
    "setup_help": {"nb": "Oppsettet er en kodebok: last det opp som kodebok sammen med neste fil av samme undersøkelse, så blir den lest på samme måte (roller, skalaer, snudde spørsmål, tema).",
                   "en": "The setup is a codebook: upload it as the codebook with the next file of the same survey, and that file is read the same way (roles, scales, reversed questions, themes)."},
    "reverse_items": {"nb": "Snu skalaen (spørsmål med motsatt retning, merkes (R))", "en": "Reverse the scale (reverse-keyed questions, marked (R))"},
    "reverse_help": {"nb": "For spørsmål der det laveste svaret er det beste, f.eks. «Jeg blir ofte avbrutt»: skåres motsatt vei i snitt, topp-2, figurer og rapport.",
                     "en": "For questions where the lowest answer is the best, e.g. 'I am often interrupted': scored the other way round in means, top-2, charts and the report."},
    "fixes_applied": {"nb": "Fila er lest på nytt med rettingene.", "en": "The file is read again with the fixes."},
    "choice_items": {"nb": "Spørsmål med ett svar (enkeltvalg)", "en": "Questions with one answer (single choice)"},
    "choice_items_help": {"nb": "En kolonne som ble lest som bakgrunn, men er et spørsmål med ett svar uten rekkefølge (for eksempel «Hvor hørte du om tilbudet»). Den vises da under «Andre spørsmål» med andeler per svar, og kan fortsatt brukes til gruppe.",
                          "en": "A column read as background that is a question with one unordered answer (e.g. 'Where did you hear of it'). It is then shown under 'Other questions' with shares per answer, and can still group."},
    "fix_heading": {"nb": "Rett opp det som ble feil", "en": "Fix what detection got wrong"},
    "exclude_items": {"nb": "Bruk som bakgrunn, ikke spørsmål (gruppe/filter)", "en": "Use as background, not a question (group/filter)"},
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
    "warn_setup_unconfirmed": {
        "nb": "Oppsettet er ikke bekreftet: skalaen for {count} spørsmål ({columns}) er utledet, ikke lest. Bekreft den eller snu den på Data-siden ({decisions} valg), eller last opp en lagret oppsettfil.",
        "en": "The setup is not confirmed: the scale of {count} questions ({columns}) was worked out, not read. Confirm it or turn it round on the Data page ({decisions} decisions), or upload a saved setup file.",
    },
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
    "letters_footnote": {
        "nb": "Bokstavene under «Over (sign.)» viser hvilke grupper gruppen ligger signifikant over på spørsmålet: først Kruskal–Wallis-test på tvers av alle gruppene, så Mann–Whitney-test for hvert par med Holm-korreksjon for antall par (5 %-nivå). Cliffs delta er forskjellen mellom sannsynligheten for at et svar i den første gruppen er høyere og for at det er lavere enn i den andre.",
        "en": "The letters under 'Above (sig.)' show which groups a group lies significantly above on the question: first a Kruskal–Wallis test across all the groups, then a Mann–Whitney test for each pair with Holm's correction for the number of pairs (5 % level). Cliff's delta is the probability that an answer in the first group is higher minus the probability that it is lower than one in the second.",
    },
    "suppressed_legend": {"nb": "{symbol} = tall kan ikke offentliggjøres (færre enn {min_n} svar)",
                          "en": "{symbol} = figure may not be published (fewer than {min_n} answers)"},
    "codebook_labels_overruled": {
        "nb": "{column}: fila sier {code} = «{file_label}», kodeboka eller oppsettet {code} = «{codebook_label}». Fila er lest med sine egne etiketter; sjekk om svaralternativene har byttet rekkefølge siden oppsettet ble laget.",
        "en": "{column}: the file says {code} = '{file_label}', the codebook or setup {code} = '{codebook_label}'. The file is read with its own labels; check whether the answer options changed order since the setup was made.",
    },
    # --- weights (lmp_core.weights) ---------------------------------------------------------------
    "weight_unknown_column": {
        "nb": "Fila har ingen kolonne som heter «{column}» å vekte med. Velg en av disse: {choices}.",
        "en": "The file has no column called '{column}' to weight by. Choose one of: {choices}.",
    },
    "weight_bad_values": {
        "nb": "Vektkolonnen «{column}» har {count} verdier som ikke er positive tall (rad {rows}). Hver respondent trenger en vekt over 0: rett fila eller velg en annen kolonne.",
        "en": "The weight column '{column}' has {count} values that are not positive numbers (row {rows}). Every respondent needs a weight above 0: correct the file or choose another column.",
    },
    "weight_no_characteristics": {
        "nb": "Velg minst én kjennetegn i {file} å vekte etter (for eksempel rolle).",
        "en": "Choose at least one characteristic in {file} to weight by (for example rolle).",
    },
    "weight_empty_category": {
        "nb": "Ingen av de som svarte har {column} = {values}, så ingen kan stå for dem i vektingen. Slå kategorien sammen med en annen i invitasjonslista, eller vekt uten {column}.",
        "en": "None of the respondents has {column} = {values}, so nobody can stand for them in the weighting. Merge the category with another in the invitation list, or weight without {column}.",
    },
    "weight_unmatched": {
        "nb": "{count} svar har en id som ikke står i invitasjonslista: de er med i de uvektede tallene, men ikke i de vektede.",
        "en": "{count} responses have an id that is not in the invitation list: they are in the unweighted figures, not in the weighted ones.",
    },
    "weight_one_source": {
        "nb": "Vekt enten med en kolonne i fila (--weight) eller mot invitasjonslista (--invited og --weight-by), ikke begge.",
        "en": "Weight either by a column of the file (--weight) or to the invitation list (--invited and --weight-by), not both.",
    },
    "weight_needs_list": {
        "nb": "Vekting mot invitasjonslista trenger både --invited (lista) og --weight-by (kjennetegnene, for eksempel rolle,pulje).",
        "en": "Weighting to the invitation list needs both --invited (the list) and --weight-by (the characteristics, for example rolle,pulje).",
    },
    "freq_no_weights": {
        "nb": "{file} er en frekvenstabell: den har ingen enkeltsvar å vekte. Last opp svarfila.",
        "en": "{file} is a frequency table: it has no single responses to weight. Upload the response file.",
    },
    "stream_no_weights": {
        "nb": "{file} telles i strømmer (--stream), og da kan svarene ikke vektes. Kjør uten --stream for å vekte.",
        "en": "{file} is counted as a stream (--stream), which cannot weight answers. Run without --stream to weight.",
    },
    "r_high": {"nb": "R-indikatoren er {r}: de som svarte, ligner de inviterte godt på {variables}.",
               "en": "The R-indicator is {r}: the respondents resemble the invited well on {variables}."},
    "r_moderate": {"nb": "R-indikatoren er {r}: de som svarte, ligner de inviterte noe mindre på {variables}; vekting kan rette opp en del.",
                   "en": "The R-indicator is {r}: the respondents resemble the invited somewhat less on {variables}; weighting can correct some of it."},
    "r_low": {"nb": "R-indikatoren er {r}: de som svarte, skiller seg tydelig fra de inviterte på {variables}. Les resultatene med forsiktighet, også de vektede.",
              "en": "The R-indicator is {r}: the respondents differ clearly from the invited on {variables}. Read the results with care, weighted ones too."},
    "weighting_sentence": {
        "nb": "Vektet med {method} ({variables}). Designeffekten er {deff}: de {n} svarene gir like presise tall som {n_eff} svar uten vekting.",
        "en": "Weighted by {method} ({variables}). The design effect is {deff}: the {n} responses give figures as precise as {n_eff} unweighted responses.",
    },
    "weight_method_column": {"nb": "vektkolonnen i fila", "en": "the file's weight column"},
    "weight_method_poststratification": {"nb": "poststratifisering mot invitasjonslista", "en": "post-stratification to the invitation list"},
    "weight_method_raking": {"nb": "raking mot invitasjonslista", "en": "raking to the invitation list"},
    "weights_heading": {"nb": "Vekting", "en": "Weighting"},
    "weight_column": {"nb": "Vektkolonne i fila", "en": "Weight column in the file"},
    "weight_none": {"nb": "Ingen (uvektet)", "en": "None (unweighted)"},
    "weight_column_help": {"nb": "Velg bare en kolonne som er laget som vekt (design- eller poststratifiseringsvekt). En kolonne som heter «weight» kan være kroppsvekt: verktøyet velger aldri selv.",
                           "en": "Choose only a column made as a weight (design or post-stratification weight). A column called 'weight' may be body weight: the tool never chooses one itself."},
    "weights_none_yet": {"nb": "Tallene er uvektet. Velg en vektkolonne her, eller vekt mot invitasjonslista på siden Feltarbeid.",
                         "en": "The figures are unweighted. Choose a weight column here, or weight to the invitation list on the Fieldwork page."},
    "fw_weighting": {"nb": "Vekting mot invitasjonslista", "en": "Weighting to the invitation list"},
    "fw_weighting_intro": {"nb": "Vektene gjør at de som svarte, teller som de inviterte på kjennetegnene du velger: ett kjennetegn gir poststratifisering, flere gir raking. Resultatene viser da vektede tall ved siden av de uvektede.",
                           "en": "The weights make the respondents count like the invited on the characteristics you choose: one gives post-stratification, more give raking. The results then show weighted figures beside the unweighted."},
    "fw_weight_by": {"nb": "Vekt etter", "en": "Weight by"},
    "fw_weight_apply": {"nb": "Bruk vektene i resultater og rapport", "en": "Use the weights in results and report"},
    "fw_weight_remove": {"nb": "Fjern vektene", "en": "Remove the weights"},
    "fw_weight_applied": {"nb": "Vektene brukes nå i resultater og rapport.", "en": "The weights are now used in results and report."},
    "weighted_heading": {"nb": "Uvektet og vektet", "en": "Unweighted and weighted"},
    # --- waves (lmp_core.waves) -------------------------------------------------------------------
    "waves_need_two": {"nb": "En utvikling over tid trenger minst to runder: last opp fila fra en runde til.",
                       "en": "A trend needs at least two waves: upload the file of one more wave."},
    "waves_same_name": {"nb": "To runder har samme navn ({names}): gi rundene ulike navn.",
                        "en": "Two waves have the same name ({names}): give the waves different names."},
    "waves_no_group": {"nb": "Runden «{wave}» har ingen kolonne «{column}» å gruppere etter. Velg en gruppe som finnes i alle rundene, eller ingen gruppe.",
                       "en": "The wave '{wave}' has no column '{column}' to group by. Choose a group that every wave has, or no group."},
    "wave_wording": {"nb": "{column}: spørsmålet er formulert annerledes i {wave} («{text}»).",
                     "en": "{column}: the question is worded differently in {wave} ('{text}')."},
    "wave_scale": {"nb": "{column}: svaralternativene er andre i {wave} ({scale}) enn i {first} ({first_scale}).",
                   "en": "{column}: the answer options differ in {wave} ({scale}) from {first} ({first_scale})."},
    "wave_steps": {"nb": "{column}: skalaen har {steps} trinn i {wave}, men {first_steps} i {first}.",
                   "en": "{column}: the scale has {steps} steps in {wave} but {first_steps} in {first}."},
    "wave_order": {"nb": "{column}: svaralternativene står i motsatt rekkefølge i {wave} ({order}) enn i {first} ({first_order}). Tallene følger svarene, men snudd rekkefølge kan endre hvordan folk svarer.",
                   "en": "{column}: the answer options are in the opposite order in {wave} ({order}) from {first} ({first_order}). The numbers follow the answers, but a turned order can change how people answer."},
    "wave_not_asked": {"nb": "{column} ble ikke spurt i {waves}.", "en": "{column} was not asked in {waves}."},
    "wave_order_unseen": {"nb": "{waves}: fila har svartekster og ingen koder. Svarene sammenlignes etter teksten, men om spørreskjemaet snudde rekkefølgen på svaralternativene mellom rundene, kan ikke ses i fila. Sjekk spørreskjemaene.",
                          "en": "{waves}: the file has answer texts and no codes. The answers are compared by their texts, but whether the questionnaire turned its answer order round between the waves cannot be seen in the file. Check the questionnaires."},
    "wave_left_out": {"nb": "{column} er holdt utenfor utviklingen fordi noe er endret mellom rundene. Bekreft spørsmålet hvis det kan sammenlignes likevel.",
                      "en": "{column} is left out of the trend because something changed between the waves. Confirm the question if it can be compared all the same."},
    "waves_codebooks": {"nb": "Gi én kodebok for alle rundene eller én per fil: det er {files} filer og {codebooks} kodebøker.",
                        "en": "Give one codebook for every wave or one per file: there are {files} files and {codebooks} codebooks."},
    "waves_names": {"nb": "Gi ett navn per runde: det er {files} filer og {names} navn.",
                    "en": "Give one name per wave: there are {files} files and {names} names."},
    "freq_no_trend": {"nb": "{file} er en frekvenstabell: en utvikling over tid trenger svarfilene.",
                      "en": "{file} is a frequency table: a trend needs the response files."},
    "trend_paragraph": {"nb": "Kapitlet sammenligner rundene {waves}: {count} spørsmål kan følges over tid. Hver runde er et eget utvalg; endringen vises med 95 % konfidensintervall.",
                        "en": "This chapter compares the waves {waves}: {count} questions can be followed over time. Each wave is its own sample; each change is shown with its 95 % confidence interval."},
    "wave_column_not_protected": {
        "nb": "Rundekolonnen «{column}» må være blant kolonnene som beskyttes sammen (siden Data), ellers kan en liten gruppe i én runde regnes ut fra tallene for hele fila. Legg den til der og prøv igjen.",
        "en": "The wave column '{column}' must be among the columns protected together (the Data page), or a small group of one wave could be worked out from the whole file's figures. Add it there and try again.",
    },
    "waves_column": {"nb": "Eller: en kolonne i denne fila som skiller rundene", "en": "Or: a column of this file that tells the waves apart"},
    "waves_column_none": {"nb": "Ingen (rundene er egne filer)", "en": "None (the waves are files of their own)"},
    "waves_column_one_file": {"nb": "Med --wave-column skiller én fil rundene, men {files} filer er gitt.",
                              "en": "With --wave-column one file tells the waves apart, but {files} files were given."},
    "waves_column_help": {"nb": "Bare kolonner som beskyttes sammen (siden Data) kan skille runder: ellers kunne en liten gruppe i én runde regnes ut fra tallene for hele fila.",
                          "en": "Only columns protected together (the Data page) can tell waves apart: otherwise a small group of one wave could be worked out from the whole file's figures."},
    "banner_same_column": {"nb": "«{column}» er allerede gruppen: velg en annen kolonne å krysse med.",
                           "en": "'{column}' is the group already: choose another column to cross with."},
    "banner_by": {"nb": "Krysset med", "en": "Crossed with"},
    "banner_none": {"nb": "Ingen", "en": "None"},
    "banner_heading": {"nb": "Krysstabell: {group} × {by}", "en": "Banner table: {group} × {by}"},
    "banner_caption": {"nb": "Hver celle: snitt (n) blant respondentene med denne verdien av {by}. «:» = færre enn {min_n} svar.",
                       "en": "Each cell: mean (n) among the respondents with this value of {by}. ':' = fewer than {min_n} answers."},
    "waves_title": {"nb": "Over tid", "en": "Over time"},
    "waves_intro": {"nb": "Sammenlign denne fila med andre runder av samme undersøkelse: spørsmålene kobles på kolonnenavn og spørsmålstekst, og det som er endret, holdes utenfor til du bekrefter det.",
                    "en": "Compare this file with other waves of the same survey: questions are matched by column name and question text, and what changed is left out until you confirm it."},
    "waves_upload": {"nb": "Last opp andre runder (eldste først)", "en": "Upload other waves (oldest first)"},
    "waves_use_setup": {"nb": "Les de andre rundene med oppsettet til {file}", "en": "Read the other waves with the setup of {file}"},
    "waves_use_setup_help": {"nb": "Spørsmålstekster, temaer, skalaer og snudde spørsmål fra denne fila brukes på de andre rundene i ett steg. Skru av hvis rundene har hvert sitt oppsett (for eksempel SPSS-filer med egne verdietiketter).",
                             "en": "Question texts, themes, scales and reversed questions of this file are used for the other waves in one step. Turn off if each wave has its own setup (for example SPSS files with their own value labels)."},
    "waves_first_is": {"nb": "Denne fila ({file}) er runde 1. Last opp de senere rundene.", "en": "This file ({file}) is wave 1. Upload the later waves."},
    "waves_flagged": {"nb": "Endret mellom rundene", "en": "Changed between the waves"},
    "waves_confirm": {"nb": "Ta med likevel (bekreftet sammenlignbare)", "en": "Include all the same (confirmed comparable)"},
    "waves_trend_heading": {"nb": "Utvikling per spørsmål og gruppe", "en": "Trend per question and group"},
    "waves_changes_heading": {"nb": "Endring fra runde til runde", "en": "Change from wave to wave"},
    "waves_none_included": {"nb": "Ingen spørsmål kan sammenlignes ennå: bekreft de endrede, eller velg andre.",
                            "en": "No question can be compared yet: confirm the changed ones, or choose others."},
    "index_heading": {"nb": "Temaene som indekser", "en": "The themes as indices"},
    "index_intro": {"nb": "En respondents indeks er snittet av svarene på temaets spørsmål, når minst halvparten er besvart («Vet ikke» er ikke svar).",
                    "en": "A respondent's index is the mean of their answers to the theme's questions, when at least half are answered ('Don't know' is no answer)."},
    "index_own": {"nb": "Egen indeks av spørsmålene", "en": "An index of your own from the questions"},
    "index_own_help": {"nb": "Velg minst to av de valgte spørsmålene: de blir én indeks med reliabilitet, ved siden av temaene. Snu spørsmål som måler motsatt vei på siden Data først.",
                       "en": "Choose at least two of the chosen questions: they become one index with its reliability, beside the themes. Reverse questions that run the other way on the Data page first."},
    "index_own_name": {"nb": "Egen indeks", "en": "Own index"},
    "omnibus": {"nb": "Test på tvers av gruppene", "en": "Test across the groups"},
    "omnibus_kruskal": {"nb": "Kruskal–Wallis (nivå)", "en": "Kruskal–Wallis (level)"},
    "omnibus_chi2": {"nb": "Kjikvadrat (hele svarfordelingen)", "en": "Chi-square (the whole distribution)"},
    "letters_footnote_chi2": {
        "nb": "Testen på tvers av gruppene er Pearsons kjikvadrattest på hele svarfordelingen. Bokstavene under «Over (sign.)» kommer fra Mann–Whitney-test for hvert par med Holm-korreksjon (5 %-nivå).",
        "en": "The test across the groups is Pearson's chi-square test on the whole answer distribution. The letters under 'Above (sig.)' come from a Mann–Whitney test for each pair with Holm's correction (5 % level).",
    },
    "index_no_filter": {"nb": "Indekser vises uten filter: fjern filteret for å se dem.", "en": "Indices are shown without a filter: remove the filter to see them."},
    "comparisons_heading": {"nb": "Forskjeller mellom gruppene, parvis", "en": "Differences between the groups, pair by pair"},
    "report_field_title": {"nb": "Tittel", "en": "Title"},
    "report_field_subtitle": {"nb": "Undertittel", "en": "Subtitle"},
    "report_field_author": {"nb": "Forfatter", "en": "Author"},
    "report_field_date": {"nb": "Dato", "en": "Date"},
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
    "fw_nonrespondents": {"nb": "Ikke svart ({count}) – til neste påminnelse", "en": "Not answered ({count}) – for the next reminder"},
    "fw_example": {"nb": "Last ned en eksempelliste som passer til eksempeldataene (CSV)",
                   "en": "Download an example list that fits the demo data (CSV)"},
    "fw_invited_count": {"nb": "Invitert", "en": "Invited"},
    "fw_answered_count": {"nb": "Svart", "en": "Answered"},
    "fw_not_answered_count": {"nb": "Ikke svart", "en": "Not answered"},
    "fw_population_fed": {"nb": "Antall inviterte fra lista gir svarprosenten på de andre sidene og i rapporten.",
                          "en": "The invited number from the list gives the response rate on the other pages and in the report."},
    "fw_populations_fed": {"nb": "Antall inviterte per {group} fra lista gir svarprosentene på de andre sidene og i rapporten.",
                           "en": "The invited numbers per {group} from the list give the response rates on the other pages and in the report."},
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

#: The method section (app page and report), Markdown: our own words, never user data.
_METHOD_NB = """
### Hva tallene er
- **n** er antall som har gitt et substansielt svar på spørsmålet. «Vet ikke», «Ikke relevant» og blanke svar
  er ikke med i n, snitt, standardavvik eller prosentgrunnlag; andelen «vet ikke» vises for seg.
- **Andel topp 2** er andelen som svarte i de to øverste kategoriene (for eksempel «I stor grad» og
  «I svært stor grad»), regnet i skalaens rekkefølge – ikke etter kodene i fila.
- **Snitt** og **SA** (standardavvik, n − 1 i nevneren) regnes på skåren 1 … k (0 … 10 for 11-delte skalaer),
  der høyere betyr mer eller bedre. Spørsmål med motsatt retning (merket (R) i oppsettet) er snudd, slik at
  høyere også der betyr bedre. Med bare ett svar finnes ikke noe standardavvik.

### Effektstørrelse (Cohens d)
Rapportens formel: d = (snitt₁ − snitt₂) / √((SA₁² + SA₂²)/2). Den gjenskaper alle 30 d-verdiene i notatet fra 2016.
Alternativene er d med samlet SA, √(((n₁−1)SA₁² + (n₂−1)SA₂²)/(n₁+n₂−2)), og Hedges' g = samlet d · J med eksakt
korreksjon for små utvalg. Har ingen av gruppene spredning, kan d ikke beregnes.

| Cohens d | Effektstørrelse (Tabell 1.1) |
|---|---|
| 0 – 0,19 | ingen/svak |
| 0,2 – 0,49 | liten |
| 0,5 – 0,79 | moderat |
| 0,8 og over | stor |

Størrelsesordet settes på |d| avrundet til to desimaler, slik tallet står i tabellen.

### Usikkerhet
- 95 % intervall for andeler: Wilson-metoden. For snitt: snitt ± t · SA/√n.
- Når alle i populasjonen ble invitert (f.eks. 63 skoler), antallet inviterte er oppgitt og du velger det
  (av som standard), korrigeres intervallene for endelig populasjon: FPC = √((N − n)/(N − 1)). Den forutsetter at
  de som ikke svarte, ville svart som de som svarte; under 80 % svar advarer verktøyet. Korreksjonen gjelder bare tilfeldig
  utvalgsfeil. Den sier ingenting om skjevhet: de som svarte kan være de mest positive eller de mest negative.
- Intervall for d (gjennomsnittet av variansene): Bonett (2008), d ± z · SE. For d med samlet SA og Hedges' g:
  Hedges og Olkin (1985), SE = √((n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))) med t(n₁+n₂−2).

### Små grupper
Grupper med færre respondenter enn minstegrensen (standard 5) skjules i alle figurer, tabeller, tekster og
nedlastinger, og kommentarer fra dem vises ikke. Det som ville la et skjult tall regnes ut, skjules også:
- Ingen tall for alle samlet når en gruppevariabel har en skjult gruppe (totalen minus de andre gruppene).
- Med filter skjules en gruppe når en av filterverdiene har færre enn minstegrensen i gruppen; ellers ville
  forskjellen mellom ufiltrert og filtrert vise de få.
- Kommentarer fra en respondent som er i en skjult gruppe under én gruppevariabel, vises ikke under noen.
"""

_METHOD_EN = """
### What the numbers are
- **n** is the number of substantive answers to the question. "Don't know", "Not applicable" and blanks are left
  out of n, means, standard deviations and percentage bases; the "don't know" share is shown separately.
- **Top-2 share** is the share answering in the two highest categories (e.g. "To a large extent" and "To a very
  large extent"), in scale order – not by the codes in the file.
- **Mean** and **SD** (standard deviation, n − 1 in the denominator) use the scores 1 … k (0 … 10 on eleven-point
  scales), where higher means more or better. Reverse-keyed questions (marked (R) in the setup) are turned, so
  that higher means better there too. With one answer there is no standard deviation.

### Effect size (Cohen's d)
The report's formula: d = (mean₁ − mean₂) / √((SD₁² + SD₂²)/2). It reproduces all 30 d values of the 2016 note.
The alternatives are d with the pooled SD, √(((n₁−1)SD₁² + (n₂−1)SD₂²)/(n₁+n₂−2)), and Hedges' g = pooled d · J
with the exact small-sample correction. When neither group has any spread, d is undefined.

| Cohen's d | Effect size (Table 1.1) |
|---|---|
| 0 – 0.19 | none/weak |
| 0.2 – 0.49 | small |
| 0.5 – 0.79 | moderate |
| 0.8 and above | large |

The size word is given to |d| rounded to two decimals, as the number is printed.

### Uncertainty
- 95 % intervals for shares: the Wilson method. For means: mean ± t · SD/√n.
- When the whole population was invited (e.g. 63 schools), its size is given and you choose it (off by default),
  intervals are corrected for the finite population: FPC = √((N − n)/(N − 1)). It assumes that those who did not
  answer would have answered like those who did; under 80 % response the tool warns. The correction narrows sampling error only. It says nothing about
  bias: those who answered may be the most positive or the most negative.
- Interval for d (average of the variances): Bonett (2008), d ± z · SE. For pooled-SD d and Hedges' g:
  Hedges and Olkin (1985), SE = √((n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))) with t(n₁+n₂−2).

### Small groups
Groups with fewer respondents than the minimum (default 5) are hidden in every chart, table, text and download,
and their comments are not shown. What would let a hidden number be worked out is hidden too:
- No numbers for everyone together while a group variable has a hidden group (the total minus the other groups).
- With a filter, a group is hidden when one of the filter's values has fewer than the minimum in the group;
  otherwise the difference between the unfiltered and the filtered view would show those few.
- Comments of a respondent who is in a hidden group under one group variable are shown under none.
"""

_DUPLICATES = set(_TEXTS) & set(_UI)
assert not _DUPLICATES, f"a key is both a message and a UI text: {_DUPLICATES}"
_TEXTS.update(_UI)
_TEXTS["method_markdown"] = {"nb": _METHOD_NB, "en": _METHOD_EN}

#: Words used together (a table's headings, a chart's titles), per language: one set per use.
_WORD_SETS: dict[str, dict[str, dict[str, str]]] = {
    "table": {
        "nb": {"question": "Spørsmål", "theme": "Tema", "n": "n", "mean": "Snitt", "sd": "SA", "top2": "Topp 2 %",
               "d": "Cohens d", "size": "Størrelse", "higher": "Høyest", "answer": "Svar", "group": "Gruppe",
               "count": "Antall", "pct": "Prosent", "dk": "Vet ikke", "missing": "Ubesvart", "ci": "95 % KI", "groups": "Grupper", "above": "Over (sign.)", "cliff": "Cliffs delta",
               "p_holm": "p (Holm)", "p_omnibus": "p (Kruskal–Wallis)", "p_chi2": "p (kjikvadrat)",
               "item_rest": "Korrelasjon med resten", "alpha_if_dropped": "Alfa uten spørsmålet",
               "d_pooled": "d (samlet SA)", "hedges_g": "Hedges' g", "weighted": "vektet", "n_eff": "Effektiv n",
               "deff": "Designeffekt", "wave": "Runde", "from": "Fra", "to": "Til", "change_top2": "Endring topp 2 (prosentpoeng)",
               "change_mean": "Endring snitt"},
        "en": {"question": "Question", "theme": "Theme", "n": "n", "mean": "Mean", "sd": "SD", "top2": "Top 2 %",
               "d": "Cohen's d", "size": "Size", "higher": "Higher", "answer": "Answer", "group": "Group",
               "count": "Count", "pct": "Percent", "dk": "Don't know", "missing": "Blank", "ci": "95 % CI", "groups": "Groups", "above": "Above (sig.)", "cliff": "Cliff's delta",
               "p_holm": "p (Holm)", "p_omnibus": "p (Kruskal–Wallis)", "p_chi2": "p (chi-square)",
               "item_rest": "Correlation with the rest", "alpha_if_dropped": "Alpha without the question",
               "d_pooled": "d (pooled SD)", "hedges_g": "Hedges' g", "weighted": "weighted", "n_eff": "Effective n",
               "deff": "Design effect", "wave": "Wave", "from": "From", "to": "To", "change_top2": "Change top 2 (points)",
               "change_mean": "Change mean"},
    },
    "kinds": {
        "nb": {"heading": "Andre spørsmål", "choice": "Ett svar", "multi": "Flere svar mulig", "number": "Tall",
               "yes_no": "Ja/nei", "share": "Andel (%)", "option": "Svaralternativ", "base": "Grunnlag (n)",
               "mean_ticked": "Antall kryss i snitt", "tick_share": "Andel av alle kryss (%)",
               "multi_note": "Flere svar mulig: andelene summerer seg til mer enn 100 %.",
               "yes_title": "Andel som svarer «{yes}»", "yes_axis": "Andel som svarer ja (%)",
               "number_title": "Median og kvartiler (boksen), gjennomsnitt (punktet)", "value": "Verdi",
               "n": "n", "mean": "Snitt", "sd": "SA", "median": "Median", "q1": "Nedre kvartil",
               "q3": "Øvre kvartil", "ci": "95 % KI", "diff": "Forskjell (prosentpoeng)", "p": "p",
               "p_holm": "p (Holm)", "choose": "Spørsmål av andre typer", "none": "Ingen spørsmål av andre typer."},
        "en": {"heading": "Other questions", "choice": "Single choice", "multi": "Multiple response", "number": "Number",
               "yes_no": "Yes/no", "share": "Share (%)", "option": "Option", "base": "Base (n)",
               "mean_ticked": "Mean number ticked", "tick_share": "Share of all ticks (%)",
               "multi_note": "Multiple response: the shares add up to more than 100 %.",
               "yes_title": "Share answering '{yes}'", "yes_axis": "Share answering yes (%)",
               "number_title": "Median and quartiles (the box), mean (the dot)", "value": "Value",
               "n": "n", "mean": "Mean", "sd": "SD", "median": "Median", "q1": "Lower quartile",
               "q3": "Upper quartile", "ci": "95 % CI", "diff": "Difference (points)", "p": "p",
               "p_holm": "p (Holm)", "choose": "Questions of other kinds", "none": "No questions of other kinds."},
    },
    "chart": {
        "nb": {"share": "Andel i de to øverste kategoriene (%)", "pct": "Prosent", "answer": "Svar", "group": "Gruppe",
               "question": "Spørsmål", "n": "n", "top2_title": "Andel som svarer i de to øverste kategoriene",
               "dist_title": "Svarfordeling", "trend_title": "Andel i de to øverste kategoriene, runde for runde",
               "index_band": "Indeks", "index_title": "Fordelingen av indeksen «{name}»"},
        "en": {"share": "Share in the top two categories (%)", "pct": "Percent", "answer": "Answer", "group": "Group",
               "question": "Question", "n": "n", "top2_title": "Share answering in the top two categories",
               "dist_title": "Answer distribution", "trend_title": "Share in the top two categories, wave by wave",
               "index_band": "Index", "index_title": "The distribution of the index '{name}'"},
    },
    "balance": {
        "nb": {"characteristic": "Kjennetegn", "category": "Kategori", "invited": "Inviterte %", "respondents": "Svarte %",
               "weighted": "Svarte vektet %", "asmd_respondents": "Avvik svarte (ASMD)", "asmd_weighted": "Avvik vektet (ASMD)"},
        "en": {"characteristic": "Characteristic", "category": "Category", "invited": "Invited %", "respondents": "Respondents %",
               "weighted": "Respondents weighted %", "asmd_respondents": "Gap respondents (ASMD)", "asmd_weighted": "Gap weighted (ASMD)"},
    },
    "setup": {
        "nb": {"kind": "Type", "scale_kind": "Skala", "column": "Kolonne", "role": "Rolle", "scale": "Skala (lav < høy)", "reverse": "Snudd (R)",
               "basis": "Grunnlag", "confirm": "bekreft", "yes": "ja", "question": "spørsmål",
               "background": "bakgrunn (gruppe/filter)", "id": "id", "comment": "kommentar", "ignore": "ignorert"},
        "en": {"kind": "Kind", "scale_kind": "Scale", "column": "Column", "role": "Role", "scale": "Scale (low < high)", "reverse": "Reversed (R)",
               "basis": "Basis", "confirm": "confirm", "yes": "yes", "question": "question",
               "background": "background (group/filter)", "id": "id", "comment": "comment", "ignore": "ignored"},
    },
    "progress_chart": {
        "nb": {"time": "Tid", "responses": "Antall svar (kumulativt)", "reminder": "Påminnelse", "title": "Svar over tid"},
        "en": {"time": "Time", "responses": "Responses (cumulative)", "reminder": "Reminder", "title": "Responses over time"},
    },
    "report": {
        "nb": {"trend": "Utvikling over tid", "trend_changes": "Endring fra runde til runde (senere minus tidligere)",
               "trend_values": "Tallene per runde", "weighted_table": "Uvektet og vektet", "weighted_d": "Cohens d uvektet og vektet", "pairs": "Parvise sammenligninger (Holm-korrigert)", "index_table": "Indeksen «{name}» per gruppe", "title": "Resultater fra spørreundersøkelsen", "data": "Om datagrunnlaget", "method": "Metode",
               "fig": "Figur", "tab": "Tabell", "share": "Andel som svarer {top}", "table": "Snitt, standardavvik (SA) og "
               "Cohens d", "legend": "Cohens d og effektstørrelse", "comments": "Kommentarer", "other": "Øvrige spørsmål",
               "more_comments": "Andre kommentarer", "d": "Cohens d", "size": "Effektstørrelse",
               "quotes_intro": "Utvalgte kommentarer fra respondentene:", "or": " eller "},
        "en": {"trend": "Development over time", "trend_changes": "Change from wave to wave (later minus earlier)",
               "trend_values": "The figures per wave", "weighted_table": "Unweighted and weighted", "weighted_d": "Cohen's d unweighted and weighted", "pairs": "Pairwise comparisons (Holm-corrected)", "index_table": "The index '{name}' per group", "title": "Survey results", "data": "About the data", "method": "Method", "fig": "Figure", "tab": "Table",
               "share": "Share answering {top}", "table": "Mean, standard deviation (SD) and Cohen's d",
               "legend": "Cohen's d and effect size", "comments": "Comments", "other": "Other questions",
               "more_comments": "Other comments", "d": "Cohen's d", "size": "Effect size",
               "quotes_intro": "Selected comments from the respondents:", "or": " or "},
    },
    "size_ranges": {  # the report's Tabell 1.1: the |d| range of each size word
        "nb": {"size_none": "0–0,19", "size_small": "0,2–0,49", "size_moderate": "0,5–0,79", "size_large": "0,8 og over"},
        "en": {"size_none": "0–0.19", "size_small": "0.2–0.49", "size_moderate": "0.5–0.79", "size_large": "0.8 and above"},
    },
    "fieldwork": {
        "nb": {"group": "Gruppe", "invited": "Invitert", "answered": "Svart", "response_rate": "Svarprosent",
               "category": "Kategori", "share_invited": "Andel av inviterte", "share_answered": "Andel av de som svarte",
               "total": "Totalt"},
        "en": {"group": "Group", "invited": "Invited", "answered": "Answered", "response_rate": "Response rate",
               "category": "Category", "share_invited": "Share of invited", "share_answered": "Share of respondents",
               "total": "Total"},
    },
}


def text(key: str, lang: str = "nb", /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in.

    >>> text("size_small", "en")
    'small'
    """
    template = _in(_TEXTS[key], lang)
    return template.format(**params) if params else template


def words(name: str, lang: str = "nb") -> dict[str, str]:
    """The word set ``name`` (``table``, ``chart``, ``progress_chart``, ``report``, ``size_ranges``,
    ``fieldwork``) in ``lang``.

    >>> words("table", "en")["sd"], words("table", "de")["sd"]
    ('SD', 'SD')
    """
    return _in(_WORD_SETS[name], lang)


def _in(entry: dict[str, Any], lang: str) -> Any:
    """The one fallback rule: the entry in ``lang``, else in English (every entry has English)."""
    return entry.get(lang) or entry["en"]


def has_text(key: str) -> bool:
    """True when ``key`` is a known text."""
    return key in _TEXTS
