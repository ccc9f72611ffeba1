"""The app's own words (labels, buttons, help), in the same form as the messages."""

from __future__ import annotations

APP: dict[str, dict[str, str]] = {
    "choose_placeholder": {"nb": "Velg …", "en": "Choose …"},
    "choose_one": {"nb": "Velg ett …", "en": "Choose one …"},
    "download_failed": {"nb": "Nedlastingen av {file} mislyktes: {why}",
                        "en": "The download of {file} failed: {why}"},
    "download_failed_unknown": {"nb": "Fila kunne ikke lages. Prøv igjen, eller last ned tabellen i stedet.",
                                "en": "The file could not be made. Try again, or download the table instead."},
    "figure_none": {"nb": "Ingen figur: ingen gruppe har minst {min_n} svar å vise.",
                    "en": "No figure: no group has at least {min_n} answers to show."},
    "app_title": {"nb": "LMP Explorer", "en": "LMP Explorer"},
    "language": {"nb": "Språk / Language", "en": "Språk / Language"},
    "page_data": {"nb": "Data", "en": "Data"},
    "db_heading": {"nb": "Tell i en database", "en": "Count in a database"},
    "db_intro": {"nb": "Tellingen skjer i databasen, og bare antall per gruppe og svar hentes hit, aldri en "
                       "respondents svar. Forbindelsene og oppsettet er satt opp av verten.",
                 "en": "The counting happens in the database, and only numbers per group and answer come here, "
                       "never a respondent's answers. The connections and the setup are configured by the host."},
    "db_choose": {"nb": "Database", "en": "Database"},
    "db_group": {"nb": "Grupper etter", "en": "Group by"},
    "db_count": {"nb": "Tell i databasen", "en": "Count in the database"},
    "db_counting": {"nb": "Teller i {label} …", "en": "Counting in {label} …"},
    "db_no_protection": {"nb": "Oppsettet for denne databasen verner ingen kolonner, så ingen kan velges som gruppe. "
                               "Verten må merke gruppekolonnene med «protect» i oppsettfila.",
                         "en": "The setup for this database protects no columns, so none can be chosen as the "
                               "group. The host must mark the group columns with 'protect' in the setup file."},
    "loaded_db": {"nb": "Talt i databasen: {label} — {rows} respondenter, {items} spørsmål, {groups} grupper. Bare "
                        "tellinger er hentet.",
                  "en": "Counted in the database: {label} — {rows} respondents, {items} questions, {groups} groups. "
                        "Only counts were fetched."},
    "access_login_intro": {"nb": "LMP Explorer er bare for ansatte i organisasjonene som har tilgang. Logg inn for å "
                                 "fortsette.",
                           "en": "LMP Explorer is only for staff of the organisations that have access. Log in to "
                                 "continue."},
    "access_login_feide": {"nb": "Logg inn med Feide", "en": "Log in with Feide"},
    "access_login_entra": {"nb": "Logg inn med Microsoft (Entra ID)", "en": "Log in with Microsoft (Entra ID)"},
    "access_no_provider": {"nb": "Innlogging er slått på, men ingen innloggingstjeneste er satt opp. Verten må legge "
                                 "til [auth.feide] eller [auth.entra] i secrets.toml.",
                           "en": "Login is switched on, but no login service is set up. The host must add "
                                 "[auth.feide] or [auth.entra] to secrets.toml."},
    "access_refused": {"nb": "Ingen tilgang", "en": "No access"},
    "access_other_org": {"nb": "Organisasjonen eller rollen din har ikke tilgang til denne tjenesten. Spør den som "
                               "drifter LMP Explorer hos dere, om tilgang.",
                         "en": "Your organisation or role has no access to this service. Ask whoever runs LMP "
                               "Explorer for you for access."},
    "access_no_role": {"nb": "Du er logget inn fra en organisasjon med tilgang, men har ikke en rolle som gir tilgang "
                             "til LMP Explorer. Spør den som drifter tjenesten, om rollen.",
                       "en": "You are logged in from an organisation with access, but do not hold a role that gives "
                             "access to LMP Explorer. Ask whoever runs the service for the role."},
    "access_no_realm": {"nb": "Feide sendte ikke hvilken organisasjon du tilhører (eduPersonPrincipalName). Verten "
                              "må slå på attributtgruppen «userid-feide» for tjenesten i Feides kundeportal.",
                        "en": "Feide did not send which organisation you belong to (eduPersonPrincipalName). The "
                              "host must switch on the attribute group 'userid-feide' for the service in Feide's "
                              "customer portal."},
    "access_bad_config": {"nb": "Oppsettet for innlogging (secrets.toml) kan ikke leses, så LMP Explorer er stengt. "
                                "Verten må rette filen; se serverloggen for linjen med feilen.",
                          "en": "The login setup (secrets.toml) cannot be read, so LMP Explorer is closed. The host "
                                "must correct the file; the server log names the faulty line."},
    "access_expired": {"nb": "Innloggingen din er eldre enn {hours} timer, og dataene fra økten er fjernet. Logg ut "
                             "og inn igjen for å fortsette.",
                       "en": "Your login is older than {hours} hours, and the session's data has been removed. Log "
                             "out and in again to continue."},
    "access_logout": {"nb": "Logg ut", "en": "Log out"},
    "access_signed_in": {"nb": "Innlogget: {name}", "en": "Logged in: {name}"},
    "access_open": {"nb": "Åpen tilgang: ingen innlogging er satt opp, så alle som når denne adressen, kan bruke "
                          "appen. Slik passer den på egen maskin; en vert setter opp innlogging som beskrevet i "
                          "driftsveiledningen.",
                    "en": "Open access: no login is set up, so anyone who reaches this address can use the app. "
                          "That suits an analyst's own machine; a host sets up login as the hosting guide "
                          "describes."},
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
    "no_group_first": {"nb": "Resultatene gjelder alle svarene samlet. Ingen kolonne er valgt som gruppe, fordi "
                             "ingen så tydelig ut som en gruppering (en rolle, skole, kommune eller klasse med minst "
                             "to grupper på {min_n} og svar fra de fleste). Velg en gruppevariabel i sidefeltet for "
                             "å sammenligne grupper.",
                       "en": "The results are for all answers together. No column is chosen as the group, because "
                             "none was plainly a grouping (a role, school, municipality or class with at least two "
                             "groups of {min_n} and answers from most respondents). Choose a group variable in the "
                             "sidebar to compare groups."},
    "no_group_none_offered": {"nb": "Ingen kolonne kan velges som gruppe ennå: velg gruppekolonnene på Data-siden, "
                                    "så kan du gruppere etter dem her.",
                              "en": "No column can be chosen as the group yet: choose the grouping columns on the "
                                    "Data page, and you can group by them here."},
    "go_to_data": {"nb": "Velg gruppekolonner på Data-siden", "en": "Choose grouping columns on the Data page"},
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
    "outside_decision": {"nb": "«{column}» har svar som ikke er på skalaen {scale}: {labels} ({count} av {rows} "
                               "svar). Hvor hører de hjemme? Som skala er de ikke med i tallene; som ett valg telles "
                               "alle svarene.",
                         "en": "'{column}' has answers that are not on the scale {scale}: {labels} ({count} of {rows} "
                               "answers). Where do they belong? As a scale they are not in the figures; as single "
                               "choice every answer counts."},
    "outside_as_choice": {"nb": "Les som ett valg (alle svar telles)", "en": "Read as single choice (every answer counts)"},
    "outside_keep": {"nb": "Behold skalaen uten disse svarene", "en": "Keep the scale without these answers"},
    "column_use": {"nb": "{questions} av {total} kolonner ble lest som spørsmål – {background} er bakgrunn (gruppe "
                         "eller filter), {other} er id eller kommentarer, og {no_role} kolonner har ingen rolle "
                         "(tomme, med én verdi eller tatt ut).",
                   "en": "{questions} of {total} columns were read as questions – {background} are background (group "
                         "or filter), {other} are ids or comments, and {no_role} columns have no role (blank, one "
                         "value or taken out)."},
    "column_use_few": {"nb": "Er det riktig? Tabellen under sier hvorfor hver kolonne ble lest som den ble. Er et "
                             "spørsmål lest som bakgrunn, gjør det til et spørsmål under «Rett opp det som ble feil» "
                             "nederst på siden (ett valg eller en skala), eller last opp en kodebok.",
                       "en": "Is that right? The table below says why each column was read as it was. If a question "
                             "was read as background, make it a question under 'Fix what detection got wrong' at the "
                             "bottom of the page (single choice or a scale), or upload a codebook."},
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
    # --- weights (lmp_core.compute.weights) ---------------------------------------------------------------
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
    # --- waves (lmp_core.compute.waves) -------------------------------------------------------------------
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
