"""Messages of the fieldwork page and command (:mod:`lmp_core.compute.fieldwork`), and the names of the tests of
independence (:mod:`lmp_core.compute.independence`)."""

from __future__ import annotations

FIELDWORK: dict[str, dict[str, str]] = {
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
}
