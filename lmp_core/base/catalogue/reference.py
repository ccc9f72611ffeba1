"""Words of the comparison with a reference figure: reading a reference file, why a comparison gives no number,
and the sentence beside each difference."""

from __future__ import annotations

REFERENCE: dict[str, dict[str, str]] = {
    # --- reading ---------------------------------------------------------------------------------
    "reference_no_header": {
        "nb": "{file} er ikke en referansefil: fant ingen kolonne for spørsmål (spørsmål/indeks eller «Indikator og "
              "spørsmål») og verdi (verdi eller «Snitt»). Første rad: {columns}.",
        "en": "{file} is not a reference file: no column for the question (question/index or 'Indikator og "
              "spørsmål') and the value (value or 'Snitt') was found. First row: {columns}.",
    },
    "reference_bad_number": {
        "nb": "{file}, kolonne «{column}», rad {row}: «{value}» er ikke et tall. Skriv tallet (4,21), «*» for et "
              "skjermet tall eller la cellen stå tom.",
        "en": "{file}, column '{column}', row {row}: '{value}' is not a number. Write the number (4.21), '*' for a "
              "suppressed figure or leave the cell blank.",
    },
    "reference_bad_value": {
        "nb": "{file}, kolonne «{column}», rad {row}: {value} kan ikke stemme (et snitt må ligge på skalaen, en andel "
              "mellom 0 og 100 %, n være et positivt heltall og SD ikke negativ).",
        "en": "{file}, column '{column}', row {row}: {value} cannot be right (a mean must lie on its scale, a share "
              "between 0 and 100 %, n must be a positive whole number and the SD not negative).",
    },
    "reference_bad_scale": {
        "nb": "{file}, kolonne «{column}», rad {row}: «{value}» er ikke en skala. Skriv laveste og høyeste verdi, "
              "for eksempel «1-5».",
        "en": "{file}, column '{column}', row {row}: '{value}' is not a scale. Write the lowest and highest value, "
              "for example '1-5'.",
    },
    "reference_bad_statistic": {
        "nb": "{file}, kolonne «{column}», rad {row}: «{value}» er ikke en statistikk som kan sammenlignes. Velg {choices}.",
        "en": "{file}, column '{column}', row {row}: '{value}' is not a statistic that can be compared. Choose {choices}.",
    },
    "reference_duplicate": {
        "nb": "{file}, rad {row}: «{target}» har allerede en referanse for samme gruppe og statistikk (rad {first}).",
        "en": "{file}, row {row}: '{target}' already has a reference for the same group and statistic (row {first}).",
    },
    # --- why a comparison has no number ----------------------------------------------------------
    "ref_suppressed": {"nb": "referansen er skjermet hos kilden ({symbol})",
                       "en": "the reference is suppressed at the source ({symbol})"},
    "ref_broken": {"nb": "brudd i tidsserien hos kilden: ikke sammenlignbar",
                   "en": "a break in the source's series: not comparable"},
    "ref_missing": {"nb": "referansen har ingen verdi", "en": "the reference has no value"},
    "ref_scale_unknown": {"nb": "referansens skala er ikke oppgitt; et snitt kan bare sammenlignes på samme skala",
                          "en": "the reference's scale is not given; a mean can only be compared on the same scale"},
    "ref_scale_mismatch": {"nb": "referansen er et snitt på skalaen {ref_scale}, resultatet på {own_scale}: ikke samme "
                                 "mål",
                           "en": "the reference is a mean on the scale {ref_scale}, the result on {own_scale}: not the "
                                 "same measure"},
    "ref_topk_mismatch": {"nb": "referansen er en topp-2-andel, visningen viser topp-{top_k}: ikke samme mål",
                          "en": "the reference is a top-2 share, the view shows top-{top_k}: not the same measure"},
    "ref_index_share": {"nb": "en indeks sammenlignes bare med et snitt", "en": "an index is compared with a mean only"},
    "ref_whole_needs_n": {"nb": "referansen skal omfatte denne gruppen, men referansens n er ikke oppgitt",
                          "en": "the reference is to include this group, but the reference's n is not given"},
    "ref_whole_inconsistent": {"nb": "referansens tall kan ikke omfatte denne gruppen (n eller verdi stemmer ikke)",
                               "en": "the reference's figures cannot include this group (n or value do not add up)"},
    "ref_no_answers": {"nb": "gruppen har for få svar til en sammenligning",
                       "en": "the group has too few answers for a comparison"},
    # --- notes -----------------------------------------------------------------------------------
    "ref_unmatched": {"nb": "Referansen for «{target}» ({group}) passer ikke til noe spørsmål, noen indeks eller "
                            "gruppe i visningen og er ikke brukt.",
                      "en": "The reference for '{target}' ({group}) fits no question, index or group in the view "
                            "and is not used."},
    "ref_unmatched_all": {"nb": "Referansen for «{target}» passer ikke til noe spørsmål eller noen indeks i visningen "
                                "og er ikke brukt.",
                          "en": "The reference for '{target}' fits no question or index in the view and is not used."},
    "ref_whole_no_sd": {"nb": "Referansen for «{target}» har ingen SD: resten av referansen er behandlet som et fast "
                              "tall.",
                        "en": "The reference for '{target}' has no SD: the rest of the reference is treated as a fixed "
                              "figure."},
    # --- sentences ---------------------------------------------------------------------------------
    "ref_sentence_higher": {
        "nb": "{group}: {own} mot {ref} i {label}, {diff} høyere (95 % KI {lo} til {hi}); forskjellen er tydelig "
              "(Holm-justert {p}).",
        "en": "{group}: {own} against {ref} in {label}, {diff} higher (95 % CI {lo} to {hi}); the difference is "
              "clear (Holm-adjusted {p}).",
    },
    "ref_sentence_lower": {
        "nb": "{group}: {own} mot {ref} i {label}, {diff} lavere (95 % KI {lo} til {hi}); forskjellen er tydelig "
              "(Holm-justert {p}).",
        "en": "{group}: {own} against {ref} in {label}, {diff} lower (95 % CI {lo} to {hi}); the difference is "
              "clear (Holm-adjusted {p}).",
    },
    "ref_sentence_unclear": {
        "nb": "{group}: {own} mot {ref} i {label}, forskjell {signed} (95 % KI {lo} til {hi}); vi kan ikke si at "
              "gruppen ligger over eller under referansen (Holm-justert {p}).",
        "en": "{group}: {own} against {ref} in {label}, difference {signed} (95 % CI {lo} to {hi}); we cannot say "
              "that the group lies above or below the reference (Holm-adjusted {p}).",
    },
    "ref_sentence_rest": {
        "nb": " Sammenlignet med resten av referansen ({rest}), siden den omfatter gruppen.",
        "en": " Compared with the rest of the reference ({rest}), since it includes the group.",
    },
    "ref_sentence_none": {"nb": "{group}: {ref} i {label}; ingen forskjell beregnet: {reason}.",
                          "en": "{group}: {ref} in {label}; no difference computed: {reason}."},
    "ref_value_suppressed": {"nb": "skjermet", "en": "suppressed"},
    "ref_value_missing": {"nb": "ingen verdi", "en": "no value"},
    # --- tables, charts and the report's chapter --------------------------------------------------
    "ref_col_question": {"nb": "Spørsmål/indeks", "en": "Question/index"},
    "ref_col_group": {"nb": "Gruppe", "en": "Group"},
    "ref_col_statistic": {"nb": "Mål", "en": "Measure"},
    "ref_col_own": {"nb": "Gruppens tall", "en": "Group's figure"},
    "ref_col_reference": {"nb": "Referanse", "en": "Reference"},
    "ref_col_label": {"nb": "Referansen gjelder", "en": "Reference is"},
    "ref_col_against": {"nb": "Sammenlignet med", "en": "Compared with"},
    "ref_col_difference": {"nb": "Forskjell", "en": "Difference"},
    "ref_col_ci": {"nb": "95 % KI", "en": "95 % CI"},
    "ref_col_p": {"nb": "p (Holm)", "en": "p (Holm)"},
    "ref_col_note": {"nb": "Merknad", "en": "Note"},
    "ref_col_scale": {"nb": "Skala", "en": "Scale"},
    "ref_stat_mean": {"nb": "snitt", "en": "mean"},
    "ref_stat_top2": {"nb": "topp-2 (%)", "en": "top-2 (%)"},
    "ref_against_reference": {"nb": "referansen", "en": "the reference"},
    "ref_against_rest": {"nb": "resten av referansen", "en": "the rest of the reference"},
    "ref_axis_mean": {"nb": "Snitt (svart strek: referansen)", "en": "Mean (black tick: the reference)"},
    "ref_axis_top2": {"nb": "Andel i de to øverste kategoriene (%) (svart strek: referansen)",
                      "en": "Share in the top two categories (%) (black tick: the reference)"},
    "ref_chart_title_mean": {"nb": "Snitt per gruppe mot referansen", "en": "Mean per group against the reference"},
    "ref_chart_title_top2": {"nb": "Topp-2-andel per gruppe mot referansen",
                             "en": "Top-2 share per group against the reference"},
    "ref_section": {"nb": "Sammenlignet med {label}", "en": "Compared with {label}"},
    "ref_section_intro": {
        "nb": "Kapitlet setter hver gruppes tall ved siden av referansetallet fra {source}. Forskjellen er gruppen minus "
              "referansen, med 95 % konfidensintervall. Referansen regnes som et fast tall (t-test for ett utvalg for "
              "snitt, scoretest for andeler). Når mange spørsmål sammenlignes samtidig, er p-verdiene justert med "
              "Holms metode, og en forskjell kalles tydelig når den justerte p-verdien er under 0,05. Grupper som er "
              "skjult fordi de er for små, er ikke sammenlignet.",
        "en": "This chapter puts each group's figure beside the reference figure from {source}. The difference is the "
              "group minus the reference, with a 95 % confidence interval. The reference is treated as a fixed figure "
              "(one-sample t test for means, score test for shares). When many questions are compared at once, the "
              "p-values are adjusted with Holm's method, and a difference is called clear when the adjusted p-value "
              "is below 0.05. Groups hidden because they are too small are not compared.",
    },
    "ref_section_whole": {
        "nb": "Referansen omfatter gruppene i denne undersøkelsen. Hver gruppe er derfor sammenlignet med resten av "
              "referansen, (N·r − n·m)/(N − n), med Welchs t-test for snitt og Newcombes intervall for andeler.",
        "en": "The reference includes this survey's groups. Each group is therefore compared with the rest of the "
              "reference, (N·r − n·m)/(N − n), with Welch's t test for means and Newcombe's interval for shares.",
    },
    "ref_index_heading": {"nb": "Indeksen «{name}»", "en": "The index '{name}'"},
    "ref_table_caption": {"nb": "Gruppenes tall og referansen", "en": "The groups' figures and the reference"},
    # --- the app --------------------------------------------------------------------------------------
    "ref_heading": {"nb": "Referansetall", "en": "Reference figures"},
    "ref_intro": {"nb": "Sammenlign med et nasjonalt tall, kommunens eller fylkets tall eller fjorårets: last opp en "
                        "eksport fra Udirs statistikkbank eller en tabell (spørsmål, gruppe, statistikk, verdi, skala, n, "
                        "SD, etikett, kilde), eller skriv tallene inn. Ingenting hentes fra nettet.",
                  "en": "Compare with a national figure, the municipality's or county's, or last year's: upload an export "
                        "from Udir's statistikkbank or a table (question, group, statistic, value, scale, n, SD, label, "
                        "source), or type the figures. Nothing is fetched from the internet."},
    "ref_upload": {"nb": "Referansefil (CSV eller Excel)", "en": "Reference file (CSV or Excel)"},
    "ref_typed": {"nb": "Eller skriv inn: én linje per tall (spørsmål; gruppe; statistikk; verdi; skala; n; sd; etikett; "
                        "kilde)",
                  "en": "Or type: one line per figure (question; group; statistic; value; scale; n; sd; label; source)"},
    "ref_typed_help": {"nb": "Eksempel: «trivsel;;snitt;4,21;1-5;61234;0,9;Nasjonalt 2025, 7. trinn;Udir». Tom gruppe "
                             "gjelder alle grupper; statistikk er «snitt» eller «topp2» (andel i prosent); «*» er et "
                             "skjermet tall.",
                       "en": "Example: 'trivsel;;mean;4.21;1-5;61234;0.9;National 2025, grade 7;Udir'. A blank group "
                             "applies to every group; the statistic is 'mean' or 'top2' (a share in per cent); '*' is a "
                             "suppressed figure."},
    "ref_use_typed": {"nb": "Bruk de innskrevne tallene", "en": "Use the typed figures"},
    "ref_includes": {"nb": "Referansen omfatter gruppene i denne undersøkelsen (sammenlign med resten; krever n)",
                     "en": "The reference includes this survey's groups (compare with the rest; needs n)"},
    "ref_clear": {"nb": "Fjern referansen", "en": "Remove the reference"},
    "ref_loaded": {"nb": "{count} referansetall fra {name}: {suppressed} skjermet, {broken} med brudd i tidsserien.",
                   "en": "{count} reference figures from {name}: {suppressed} suppressed, {broken} with a break in the "
                         "series."},
    "ref_results_heading": {"nb": "Sammenlignet med referansen", "en": "Compared with the reference"},
}
