"""Messages of the core: reading a file, codebooks and frequency tables, requests, statistics'
reasons and warnings, size words. Templates filled with :meth:`str.format` (:func:`lmp_core.base.catalogue.text`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
    "warn_left_out": {
        "nb": "«{column}»: {count} svar utenfor skalaen «{scale}» er ikke med i tallene ({labels}). Velg på Data-siden "
              "hvor de hører hjemme, eller les spørsmålet som ett valg.",
        "en": "'{column}': {count} answers outside the scale '{scale}' are not in the figures ({labels}). Choose on the "
              "Data page where they belong, or read the question as single choice.",
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
    "metadata_id": {
        "nb": "Kolonnen «{column}» er metadata (en id fra undersøkelsesverktøyet), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (an id from the survey tool), not a question; it is kept out of the analyses.",
    },
    "metadata_email": {
        "nb": "Kolonnen «{column}» er metadata (e-postadresser), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (e-mail addresses), not a question; it is kept out of the analyses.",
    },
    "metadata_name": {
        "nb": "Kolonnen «{column}» er metadata (navn på personer), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (people's names), not a question; it is kept out of the analyses.",
    },
    "metadata_ip": {
        "nb": "Kolonnen «{column}» er metadata (IP-adresser), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (IP addresses), not a question; it is kept out of the analyses.",
    },
    "metadata_time": {
        "nb": "Kolonnen «{column}» er metadata (tidspunkter (dato eller klokkeslett)), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (times (dates or clock times)), not a question; it is kept out of the analyses.",
    },
    "metadata_duration": {
        "nb": "Kolonnen «{column}» er metadata (svartid), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (answer time), not a question; it is kept out of the analyses.",
    },
    "metadata_status": {
        "nb": "Kolonnen «{column}» er metadata (svarstatus), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (response status), not a question; it is kept out of the analyses.",
    },
    "metadata_progress": {
        "nb": "Kolonnen «{column}» er metadata (hvor langt respondenten kom), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (how far the respondent got), not a question; it is kept out of the analyses.",
    },
    "metadata_finished": {
        "nb": "Kolonnen «{column}» er metadata (om svaret er fullført), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (whether the response was finished), not a question; it is kept out of the analyses.",
    },
    "metadata_language": {
        "nb": "Kolonnen «{column}» er metadata (språket respondenten svarte på), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (the language the respondent answered in), not a question; it is kept out of the analyses.",
    },
    "metadata_location": {
        "nb": "Kolonnen «{column}» er metadata (sted (koordinater)), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (location (coordinates)), not a question; it is kept out of the analyses.",
    },
    "metadata_upload": {
        "nb": "Kolonnen «{column}» er metadata (navn på opplastede filer), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (names of uploaded files), not a question; it is kept out of the analyses.",
    },
    "metadata_system": {
        "nb": "Kolonnen «{column}» er metadata (opplysninger fra undersøkelsesverktøyet), ikke et spørsmål; den holdes utenfor analysene.",
        "en": "Column '{column}' is metadata (details from the survey tool), not a question; it is kept out of the analyses.",
    },
    "private_email": {
        "nb": "Personvern: kolonnen «{column}» holder e-postadresser. Den vises ikke i noen tabell, figur eller rapport; fjern den "
              "fra filen før du deler den.",
        "en": "Privacy: column '{column}' holds e-mail addresses. It appears in no table, chart or report; remove it from the file "
              "before you share it.",
    },
    "private_name": {
        "nb": "Personvern: kolonnen «{column}» holder navn på personer. Den vises ikke i noen tabell, figur eller rapport; fjern den "
              "fra filen før du deler den.",
        "en": "Privacy: column '{column}' holds people's names. It appears in no table, chart or report; remove it from the file "
              "before you share it.",
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
    "sql_protected_setup": {
        "nb": "Oppsettfila {file} verner {columns}, og en spørring som skrives ut her, kan ikke holde tilbake små grupper der den kjøres: tabellen den gir, ville vise svarene til grupper under {min_n}. Tell i databasen med «summarize --database ADRESSE --table {table} --codebook {file}», som bare henter tellinger etter vernet.",
        "en": "The setup file {file} protects {columns}, and a query written out here cannot hold back small groups where it runs: the table it gives would show the answers of groups under {min_n}. Count in the database with 'summarize --database ADDRESS --table {table} --codebook {file}', which fetches only counts under the protection.",
    },
    "stream_needs_codebook": {
        "nb": "For å telle {file} mens den leses, trengs en kodebok (--codebook) som sier hvilke kolonner som er spørsmål og hvilken skala de har.",
        "en": "Counting {file} as it is read needs a codebook (--codebook) that says which columns are questions and which scale they use.",
    },
    "stream_missing_columns": {
        "nb": "{file} har ikke kolonnene {columns} som kodeboka eller gruppevalget nevner. Sjekk navnene.",
        "en": "{file} has no columns {columns}, which the codebook or the group choice names. Check the names.",
    },
    "db_bad_url": {
        "nb": "Databaseadressen er ikke av en kjent type. Bruk en av disse: {engines}.",
        "en": "The database address is not of a known kind. Use one of these: {engines}.",
    },
    "db_connect": {
        "nb": "Fikk ikke kontakt med {engine}-databasen ({reason}). Sjekk adressen, brukeren og passordet, og at databasen tar imot tilkoblinger herfra.",
        "en": "Could not connect to the {engine} database ({reason}). Check the address, the user and the password, and that the database accepts connections from here.",
    },
    "db_no_table": {
        "nb": "{engine}-databasen har ingen tabell {table} som denne brukeren kan lese. Sjekk navnet (med skjema, f.eks. skjema.tabell) og brukerens lesetilgang.",
        "en": "The {engine} database has no table {table} that this user can read. Check the name (with its schema, e.g. schema.table) and the user's read access.",
    },
    "db_missing_columns": {
        "nb": "Tabellen {table} i {engine}-databasen har ikke kolonnene {columns}, som oppsettet eller gruppevalget nevner. Kolonnene den har: {available}.",
        "en": "Table {table} in the {engine} database has no columns {columns}, which the setup or the group choice names. Its columns: {available}.",
    },
    "db_timeout": {
        "nb": "Tellingen i {engine}-databasen tok mer enn {seconds} sekunder og ble stoppet (tabell {table}). Tell færre spørsmål (--items), eller be den som drifter databasen om en indeks på gruppekolonnene.",
        "en": "Counting in the {engine} database took more than {seconds} seconds and was stopped (table {table}). Count fewer questions (--items), or ask whoever runs the database for an index on the group columns.",
    },
    "db_query_failed": {
        "nb": "{engine}-databasen kunne ikke telle tabellen {table} ({reason}).",
        "en": "The {engine} database could not count table {table} ({reason}).",
    },
    "db_needs_setup": {
        "nb": "For å telle i en database trengs oppsettfila (--codebook) som sier hvilke kolonner som er spørsmål, hvilken skala de har og hvilke kolonner som er beskyttet.",
        "en": "Counting in a database needs the setup file (--codebook) that says which columns are questions, which scale they use and which columns are protected.",
    },
    "db_needs_table": {
        "nb": "Si hvilken tabell som skal telles (--table, f.eks. skjema.svar), med én rad per respondent.",
        "en": "Say which table to count (--table, e.g. schema.answers), with one row per respondent.",
    },
    "db_file_or_database": {
        "nb": "Gi enten en svarfil eller --database med --table, ikke begge og ikke ingen.",
        "en": "Give either a response file or --database with --table, not both and not neither.",
    },
    "db_no_weights": {
        "nb": "Vekter og --stream gjelder filer; fra en database hentes bare tellinger. Vekt fra en fil, eller tell uvektet i databasen.",
        "en": "Weights and --stream are for files; only counts are fetched from a database. Weight from a file, or count unweighted in the database.",
    },
    "db_setup_missing": {
        "nb": "Oppsettfila for databasen «{label}» finnes ikke på serveren. Verten må legge den der secrets.toml sier (setup).",
        "en": "The setup file for the database '{label}' is not on the server. The host must put it where secrets.toml says (setup).",
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
    "score_column_count": {
        "nb": "Kolonnen «{column}» har {count} ulike tall og leses som en skår eller måling, ikke som gruppe. Er den en gruppe (f.eks. skolenummer), velg den som bakgrunn under «Rett opp det som ble feil»; en skår kan deles i grupper (f.eks. aldersgrupper) i fila.",
        "en": "Column '{column}' has {count} different numbers and is read as a score or measurement, not a group. If it is a group (e.g. school numbers), choose it as background under 'Fix what detection got wrong'; a score can be divided into groups (e.g. age groups) in the file.",
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
    "tool_recognised": {
        "nb": "{file} er en eksport fra {tool}: lest etter verktøyets oppsett, {questions} spørsmål funnet og {metadata} "
              "metadatakolonner (tider, status, id-er o.l.) holdt utenfor spørsmålene.",
        "en": "{file} is an export from {tool}: read by the tool's layout, {questions} questions found and {metadata} "
              "metadata columns (times, status, ids and the like) kept out of the questions.",
    },
    "tool_codes_as_scale": {
        "nb": "«{set}»: {count} kolonner med tallkoder {low}–{high} uten etiketter er lest som én skala (radene i et "
              "matrisespørsmål, slik verktøyet skriver dem). Er det feil, last opp en kodebok eller endre typen på "
              "siden Data.",
        "en": "'{set}': {count} columns of codes {low}–{high} without labels are read as one scale (the rows of a "
              "matrix question, as the tool writes them). If that is wrong, upload a codebook or change the kind on "
              "the Data page.",
    },
    "questback_missing_codes": {
        "nb": "Questback-eksport: kodene −77 (ikke vist), −66 (skjult tekstfelt) og −99 (tomt tekstfelt) i {columns} "
              "v_-kolonner er lest som manglende svar.",
        "en": "Questback export: the codes −77 (not shown), −66 (hidden text box) and −99 (empty text box) in {columns} "
              "v_ columns are read as missing answers.",
    },
    "question_text_row": {
        "nb": "{file}: rad 2 holder spørsmålstekstene (under variabelnavnene i rad 1); den er brukt som spørsmålstekst og "
              "ikke talt som en respondent.",
        "en": "{file}: row 2 holds the question texts (under the variable names in row 1); it is used as the question "
              "texts and not counted as a respondent.",
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
    "kind_number_count": {
        "nb": "Tallspørsmål: {count} ulike tall uten etiketter leses som et antall, en måling eller en skår, ikke som gruppe.",
        "en": "Number question: {count} different numbers without labels are read as a count, a measurement or a score, not a group.",
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
    "kind_choice_labels": {
        "nb": "Spørsmål med ett svar: {count} alternativer uten rekkefølge, de samme som flere spørsmål i fila har.",
        "en": "Single-choice question: {count} options without an order, the same as several questions in the file have.",
    },
    "kind_choice_tool_codes": {
        "nb": "Spørsmål med ett svar: {count} tallkoder uten etiketter i en eksport fra et undersøkelsesverktøy. "
              "Last opp kodeboka for å få alternativenes tekst.",
        "en": "Single-choice question: {count} codes without labels in a survey tool's export. Upload the codebook "
              "for the options' texts.",
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
    "basis_tool_codes": {"nb": "tallkodene er radene i et matrisespørsmål fra {tool}",
                         "en": "the codes are the rows of a matrix question from {tool}"},
    "basis_named_range": {"nb": "spørsmålsteksten sier at tallene {low}–{high} er en skala",
                          "en": "the question text says the numbers {low}–{high} are a scale"},
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
    "warn_held_back_rows": {
        "nb": "n={shown} av {total}; {held} i små grupper er holdt tilbake i alle visninger (grupper eller celler med færre enn {min_n} respondenter, som ellers kunne regnes ut ved å trekke tall fra hverandre).",
        "en": "n={shown} of {total}; {held} in small groups are held back in every view (groups or cells with fewer than {min_n} respondents, which could otherwise be worked out by subtracting figures).",
    },
    "filter_value_pooled": {
        "nb": "Kan ikke filtrere på {values} i «{column}»: verdien har færre enn {min_n} respondenter og er slått sammen med andre små verdier til «{label}». Velg «{label}» i stedet.",
        "en": "Cannot filter on {values} in '{column}': the value has fewer than {min_n} respondents and is pooled with other small values into '{label}'. Choose '{label}' instead.",
    },
    "warn_pooled": {
        "nb": "Verdier av «{column}» med færre enn {min_n} respondenter er slått sammen til «{label}», så totalen teller alle uten å avsløre en liten gruppe.",
        "en": "Values of '{column}' with fewer than {min_n} respondents are pooled into '{label}', so that the total counts everyone without revealing a small group.",
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
    # --- data quality (lmp_core.compute.quality) -------------------------------------------------
    "warn_quality_left_out": {
        "nb": "{n} respondenter med flagg er holdt utenfor (datakvalitet: {checks}). Hele fila er beholdt; valget gjøres på Data-siden og lagres med oppsettet.",
        "en": "{n} respondents with flags are left out (data quality: {checks}). The whole file is kept; the choice is made on the Data page and saved with the setup.",
    },
    "quality_too_few": {
        "nb": "Ingen respondenter med flagg er holdt utenfor: bare {n} har flagg, færre enn {min_n}, og svarene deres kunne da regnes ut ved å sammenligne med og uten dem.",
        "en": "No respondents with flags are left out: only {n} have flags, fewer than {min_n}, and their answers could then be worked out by comparing with and without them.",
    },
    "quality_too_few_in_group": {
        "nb": "Ingen respondenter med flagg er holdt utenfor: da ville færre enn {min_n} svar blitt holdt utenfor i en gruppe eller på et spørsmål (gruppekolonner: {columns}), og de svarene kunne regnes ut ved å sammenligne med og uten dem. Velg andre kontroller eller færre gruppekolonner.",
        "en": "No respondents with flags are left out: fewer than {min_n} answers would then be left out in a group or of a question (grouping columns: {columns}), and those answers could be worked out by comparing with and without them. Choose other checks or fewer grouping columns.",
    },
    "quality_none_left_out": {
        "nb": "Ingen respondenter har flaggene som er valgt holdt utenfor; alle er med.",
        "en": "No respondent has the flags chosen to be left out; everyone is included.",
    },
    "quality_unavailable_speeding": {
        "nb": "Svartid kan ikke kontrolleres: fila har ingen kolonne med varighet eller start- og sluttid.",
        "en": "Completion time cannot be checked: the file has no duration column or start and end times.",
    },
    "quality_unavailable_straightlining": {
        "nb": "Rettlinjet svaring kan ikke kontrolleres: ingen tema har minst {min_grid} spørsmål på samme skala.",
        "en": "Straight-lining cannot be checked: no theme has at least {min_grid} questions on a scale.",
    },
    "quality_bad_threshold": {
        "nb": "Terskelen {name} = {value} er ikke gyldig: den må være mellom {low} og {high}.",
        "en": "The threshold {name} = {value} is not valid: it must be between {low} and {high}.",
    },
    "quality_bad_spec": {
        "nb": "{file}: «{value}» i kolonnen quality er ikke en kjent kontroll eller terskel. Kjente: {known}.",
        "en": "{file}: '{value}' in the quality column is not a known check or threshold. Known: {known}.",
    },
    "quality_unknown_column": {
        "nb": "Kolonnen «{column}» som er valgt for datakvalitet, finnes ikke i fila. Kolonner: {choices}.",
        "en": "The column '{column}' chosen for data quality is not in the file. Columns: {choices}.",
    },
    "quality_needs_rows": {
        "nb": "{file}: datakvalitet kan bare kontrolleres i en fil med én rad per respondent, ikke i en frekvenstabell, en database eller med --stream.",
        "en": "{file}: data quality can only be checked in a file with one row per respondent, not in a frequency table, a database or with --stream.",
    },
    "quality_list_speeding": {"nb": "«for rask»", "en": "'too fast'"},
    "quality_list_straightlining": {"nb": "«samme svar i hele temaet»", "en": "'same answer across a grid'"},
    "quality_list_low_variability": {"nb": "«lav variasjon»", "en": "'low variability'"},
    "quality_list_nonresponse": {"nb": "«mange ubesvarte»", "en": "'many blanks'"},
    "quality_list_duplicate_answers": {"nb": "«like svar som en annen»", "en": "'same answers as another'"},
    "quality_list_duplicate_id": {"nb": "«samme id to ganger»", "en": "'same id twice'"},
    "quality_list_breakoff": {"nb": "«avbrutt»", "en": "'broke off'"},
    # --- size words (report Tabell 1.1) ----------------------------------------------------------
    "size_none": {"nb": "ingen/svak", "en": "none/weak"},
    "size_small": {"nb": "liten", "en": "small"},
    "size_moderate": {"nb": "moderat", "en": "moderate"},
    "size_large": {"nb": "stor", "en": "large"},
    "all_respondents": {"nb": "Alle", "en": "All"},
    "pooled_group": {"nb": "Øvrige", "en": "Other"},
}
