"""Words of the coding frame ("kodeskjema", :mod:`lmp_core.setup.coding`): its messages and the comments page's
labels for it."""

from __future__ import annotations

CODING: dict[str, dict[str, str]] = {
    # --- the frame's rules ---------------------------------------------------------------------
    "coding_uncoded": {"nb": "Ukodet", "en": "Uncoded"},
    "coding_no_name": {
        "nb": "Kodeskjemaet {file}: rad {row} har mønstre, men ikke noe kodenavn. Skriv navnet på koden.",
        "en": "The coding frame {file}: row {row} has patterns but no code name. Write the code's name.",
    },
    "coding_twice": {
        "nb": "Kodeskjemaet {file}: koden «{code}» står to ganger. Slå radene sammen eller gi dem ulike navn.",
        "en": "The coding frame {file}: the code '{code}' is there twice. Merge the rows or give them different names.",
    },
    "coding_reserved": {
        "nb": "Kodeskjemaet {file}: «{code}» er navnet på kommentarene uten kode. Gi koden et annet navn.",
        "en": "The coding frame {file}: '{code}' is the name of the comments without a code. Give the code another name.",
    },
    "coding_no_patterns": {
        "nb": "Kodeskjemaet {file}: koden «{code}» har ingen ord, ordstarter eller fraser. Skriv minst ett.",
        "en": "The coding frame {file}: the code '{code}' has no words, word starts or phrases. Write at least one.",
    },
    "coding_bad_pattern": {
        "nb": "Kodeskjemaet {file}: koden «{code}» har mønsteret «{pattern}», som ikke har noen bokstaver. Skriv et ord, en ordstart (mobb*) eller en frase.",
        "en": "The coding frame {file}: the code '{code}' has the pattern '{pattern}', which has no letters. Write a word, a word start (bull*) or a phrase.",
    },
    "coding_short_start": {
        "nb": "Kodeskjemaet {file}: ordstarten «{pattern}» i koden «{code}» er for kort (minst {min_letters} bokstaver) og ville gitt koden til nesten alle kommentarer.",
        "en": "The coding frame {file}: the word start '{pattern}' of the code '{code}' is too short (at least {min_letters} letters) and would give the code to almost every comment.",
    },
    "coding_stop_word": {
        "nb": "Kodeskjemaet {file}: «{pattern}» i koden «{code}» er et stoppord (som «og», «ikke») og finnes i nesten alle kommentarer. Bruk det i en frase, for eksempel «vet ikke».",
        "en": "The coding frame {file}: '{pattern}' in the code '{code}' is a stop word (such as 'og', 'ikke') and is in almost every comment. Use it in a phrase, for example 'vet ikke'.",
    },
    "coding_columns": {
        "nb": "{file} er ikke et kodeskjema: den mangler kolonnen «code» (eller «kode»). Last ned et kodeskjema fra kommentarsiden for å se formatet.",
        "en": "{file} is not a coding frame: it has no 'code' (or 'kode') column. Download a coding frame from the comments page to see the format.",
    },
    "coding_unknown_column": {
        "nb": "Kodeskjemaet gjelder kolonnen «{column}», men fila har ingen slik kommentarkolonne. Kommentarkolonnene er: {choices}.",
        "en": "The coding frame is for the column '{column}', but the file has no such comment column. The comment columns are: {choices}.",
    },
    "coding_no_column": {
        "nb": "Kodeskjemaet sier ikke hvilken kommentarkolonne det koder. Skriv den i kolonnen «column» (eller «kolonne»), eller bruk --coding-column. Kommentarkolonnene er: {choices}.",
        "en": "The coding frame does not say which comment column it codes. Write it in the column 'column' (or 'kolonne'), or use --coding-column. The comment columns are: {choices}.",
    },
    "coding_table_columns": {
        "nb": "{file} er ikke en tabell med kodede kommentarer: den trenger en id-kolonne og minst én kolonne med 0 og 1 per kode.",
        "en": "{file} is not a table of coded comments: it needs an id column and at least one column of 0 and 1 per code.",
    },
    "coding_table_value": {
        "nb": "{file}: kolonnen «{code}» har verdien «{value}» på rad {row}. En kode er 1 (har koden), 0 eller tom.",
        "en": "{file}: the column '{code}' has the value '{value}' in row {row}. A code is 1 (has the code), 0 or blank.",
    },
    "coding_table_ids": {
        "nb": "{file}: {count} id-er finnes ikke i dataene (for eksempel «{example}»). Sjekk at tabellen hører til denne fila.",
        "en": "{file}: {count} ids are not in the data (for example '{example}'). Check that the table belongs to this file.",
    },
    "coding_table_no_id": {
        "nb": "Dataene har ingen id-kolonne, så en tabell med kodede kommentarer kan ikke kobles til svarene.",
        "en": "The data has no id column, so a table of coded comments cannot be joined to the answers.",
    },
    "coding_no_comments": {
        "nb": "Kodeskjemaet {file} koder kommentarer, men dette er en frekvenstabell uten kommentarer.",
        "en": "The coding frame {file} codes comments, but this is a frequency table without comments.",
    },
    # --- the comments page ----------------------------------------------------------------------
    "coding_heading": {"nb": "Kodeskjema", "en": "Coding frame"},
    "coding_intro": {
        "nb": "Kod kommentarene i tema med regler: ord (gjelder alle bøyningsformer, bokmål og nynorsk), ordstarter (mobb*), fraser og unntak. En kommentar kan få flere koder; kommentarer uten kode er «Ukodet». De kodede kommentarene telles som et spørsmål med flere svar på Resultater-siden og i rapporten, med samme vern av små grupper.",
        "en": "Code the comments into themes by rules: words (every inflected form, bokmål and nynorsk), word starts (bull*), phrases and exclusions. A comment can get several codes; comments without a code are 'Uncoded'. The coded comments are counted as a multiple-response question on the Results page and in the report, with the same protection of small groups.",
    },
    "coding_code": {"nb": "Kodenavn", "en": "Code name"},
    "coding_words": {"nb": "Ord", "en": "Words"},
    "coding_starts": {"nb": "Ordstarter (med *)", "en": "Word starts (with *)"},
    "coding_phrases": {"nb": "Fraser", "en": "Phrases"},
    "coding_exclusions": {"nb": "Unntak (ord eller fraser)", "en": "Exclusions (words or phrases)"},
    "coding_patterns_help": {
        "nb": "Skill med komma eller semikolon.",
        "en": "Separate with commas or semicolons.",
    },
    "coding_save": {"nb": "Lagre koden", "en": "Save the code"},
    "coding_remove": {"nb": "Fjern koden", "en": "Remove the code"},
    "coding_remove_pick": {"nb": "Kode som skal fjernes", "en": "Code to remove"},
    "coding_saved": {"nb": "Koden «{code}» er lagret.", "en": "The code '{code}' is saved."},
    "coding_codes": {"nb": "Koder", "en": "Codes"},
    "coding_rules": {"nb": "Regler", "en": "Rules"},
    "coding_count": {"nb": "Kommentarer", "en": "Comments"},
    "coding_share": {"nb": "Andel", "en": "Share"},
    "coding_counts_caption": {
        "nb": "Antall kommentarer med hver kode blant alle som skrev en kommentar ({base}); svar som vernet holder tilbake, er ikke med.",
        "en": "Number of comments with each code among all who wrote a comment ({base}); answers the protection holds back are left out.",
    },
    "coding_quotes": {"nb": "Sitater per kode", "en": "Quotes per code"},
    "coding_uncoded_list": {"nb": "Ukodede kommentarer (skriv neste regel ut fra dem)", "en": "Uncoded comments (write the next rule from them)"},
    "coding_download_frame": {"nb": "Last ned kodeskjemaet (CSV)", "en": "Download the coding frame (CSV)"},
    "coding_download_table": {"nb": "Last ned kodingen (id og 0/1 per kode)", "en": "Download the coding (id and 0/1 per code)"},
    "coding_upload_frame": {"nb": "Last opp et kodeskjema (CSV)", "en": "Upload a coding frame (CSV)"},
    "coding_upload_table": {"nb": "Last opp koding gjort et annet sted (id og 0/1 per kode)", "en": "Upload coding done elsewhere (id and 0/1 per code)"},
    "coding_hits": {"nb": "Treff (hvorfor koden)", "en": "Matched (why the code)"},
    "coding_none": {"nb": "Ingen koder ennå. Skriv den første koden over.", "en": "No codes yet. Write the first code above."},
    "coding_report_quotes": {"nb": "Sitater per kode: {column}", "en": "Quotes per code: {column}"},
    "kind_coded": {
        "nb": "Kodet kommentar: koden «{code}» fra kodeskjemaet.",
        "en": "Coded comment: the code '{code}' of the coding frame.",
    },
}
