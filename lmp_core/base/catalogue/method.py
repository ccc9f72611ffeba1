"""The method section (the Method page and the report's appendix), in Markdown: our own words, never user
data."""

from __future__ import annotations

#: The method section (app page and report), Markdown: our own words, never user data.
METHOD_NB = """
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

### Kommentarer i rapporten
Rapporten siterer bare kolonner med skrevne ord (ikke tall, klokkeslett, datoer eller koder). Har en kolonne
flere enn 20 kommentarer, viser rapporten 20 av dem, valgt med fast regel: jevnt fordelt i filens rekkefølge
(kommentar nummer ⌊i · n / 20⌋ for i = 0 … 19). Alle kommentarene står på Kommentarer-siden.
"""

METHOD_EN = """
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

### Comments in the report
The report quotes only columns of written words (not numbers, times of day, dates or codes). When a column has
more than 20 comments, the report shows 20 of them, chosen by a fixed rule: spread evenly in the file's order
(comment number ⌊i · n / 20⌋ for i = 0 … 19). All comments are on the Comments page.
"""

