"""Columns a survey tool adds beside the answers: ids, e-mail and names, IP addresses, timestamps, durations, status,
progress, finished, language, location and file uploads. They are never questions.

A column is metadata by its name or its question text (the names the tools write, in English, Norwegian and German:
``StartDate``, ``Duration (in seconds)``, ``$answer_time_ms``, ``Starttidspunkt``, ``dispcode``, …; see
``../shared/notes/survey-tool-exports.md``), or by its content: e-mail addresses, IP addresses, dates and times,
file names (an upload question's answers), or people's names (capitalised words, one respondent each). E-mail
addresses and names identify people: :data:`PRIVATE_ROLES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Roles whose values identify a person: kept out of every view, with a privacy warning.
PRIVATE_ROLES = frozenset({"email", "name"})

_NAMES: dict[str, frozenset[str]] = {
    "id": frozenset({"id", "responseid", "respondentid", "submissionid", "recordid", "lfdn", "antwortid",
                     "svarid", "løpenummer", "lopenummer"}),
    "email": frozenset({"email", "emailaddress", "epost", "epostadresse", "recipientemail", "emaildesempfängers",
                        "mail"}),
    "name": frozenset({"name", "navn", "fullname", "fulltnavn", "firstname", "lastname", "fornavn", "etternavn",
                       "recipientfirstname", "recipientlastname", "vorname", "nachname", "vornamedesempfängers",
                       "nachnamedesempfängers", "respondentname"}),
    "ip": frozenset({"ip", "ipaddress", "ipaddr", "ipadresse"}),
    "time": frozenset({"startdate", "enddate", "recordeddate", "submitdate", "datestamp", "timestamp", "tidsmerke",
                       "tidsstempel", "starttidspunkt", "fullføringstidspunkt", "tidspunktforsisteendring",
                       "lastmodifiedtime", "starttime", "completiontime", "created", "datetime", "lastaccs",
                       "submittedat", "anfangsdatum", "enddatum", "erfassungsdatum", "startdato", "sluttdato"}),
    "duration": frozenset({"durationinseconds", "duration", "answertimems", "answertime", "dauerinsekunden",
                           "totaltime", "timetaken", "interviewtime", "svartid", "varighet"}),
    "status": frozenset({"status", "dispcode", "responsetype", "tester", "lastpage", "quality", "responseset",
                         "antworttyp"}),
    "progress": frozenset({"progress", "aktuellerstand", "fremdrift"}),
    "finished": frozenset({"finished", "beendet", "fullført", "fullfort"}),
    "language": frozenset({"userlanguage", "startlanguage", "language", "benutzersprache", "språk"}),
    "location": frozenset({"locationlatitude", "locationlongitude", "locationaccuracy", "breitengraddesstandorts",
                           "längengraddesstandorts"}),
    "system": frozenset({"distributionchannel", "externalreference", "externaldatareference", "collectorid",
                         "externallfdn", "seed", "refurl", "token", "useragent", "browser", "devicetype",
                         "pagehistory", "verteilungskanal", "externedatenreferenz"}),
}
_CUSTOM = re.compile(r"^customdata\d*$")
_STATUS = re.compile(r"^(stato\d+|statoverall)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_IP = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}(,? \d{1,2}[:.]\d{2}([:.]\d{2})?( ?[AaPp][Mm])?)?"
    r"|\d{1,2}:\d{2}(:\d{2})?)$")
_FILE = re.compile(r"^[^/\\\n]{1,200}\.(png|jpe?g|gif|bmp|tiff?|heic|pdf|docx?|xlsx?|pptx?|odt|txt|csv|zip|mp[34]|"
                   r"mov|wav|m4a)$", re.IGNORECASE)
#: A person's name: two or three capitalised words ("Kari Nordmann", "Ola A.", "Anne-Lise van der Berg" is not
#: caught), given by (nearly) one respondent each; a school's or a place's name repeats across respondents.
_PERSON = re.compile(r"^[A-ZÆØÅÄÖÜ][a-zæøåäöüéè'’-]+( [A-ZÆØÅÄÖÜ][a-zæøåäöüéè'’.-]*){1,2}$")
_UPLOAD_WORDS = re.compile(r"attachment|vedlegg|upload|opplasting|fileupload|filopplasting", re.IGNORECASE)


def _key(text: str) -> str:
    """A name as compared: lower case, letters and digits only (``Duration (in seconds)`` -> ``durationinseconds``)."""
    return re.sub(r"[^0-9a-zæøåäöüß]", "", text.casefold())


def role_by_name(column: str, question: str = "") -> str | None:
    """The metadata role a column's name (or its question text from the header rows) gives it, or None.

    >>> role_by_name("Duration (in seconds)"), role_by_name("$answer_time_ms"), role_by_name("V5", "EmailAddress")
    ('duration', 'duration', 'email')
    >>> role_by_name("Starttidspunkt"), role_by_name("Custom Data 1"), role_by_name("tilfredshet")
    ('time', 'system', None)
    """
    for text in (column, question):
        key = _key(text)
        if not key:
            continue
        for role, names in _NAMES.items():
            if key in names:
                return role
        if _CUSTOM.match(key):
            return "system"
        if _STATUS.match(key):  # SurveyXact's status columns
            return "status"
        if key.startswith(("email", "epost")) and not re.search(r"[.\[]", text):  # not Nettskjema's matrix.email
            return "email"
    return None


def role_by_content(values: Sequence[str], column: str = "") -> str | None:
    """The metadata role the answers themselves show (e-mail or IP addresses, dates and times, file names), or None.
    Nine in ten of the distinct non-blank answers must show it (file names: eight in ten, or an upload's name).

    >>> role_by_content(["a@b.no", "c@d.org"]), role_by_content(["12:00", "14:45"]), role_by_content(["x.png", ""])
    ('email', 'time', 'upload')
    >>> role_by_content(["2023-06-01T20:57:15+02:00"]), role_by_content(["Ofte", "12:00"]) is None
    ('time', True)
    >>> role_by_content([f"Kari {c}." for c in "ABCDEFGHIJK"]), role_by_content(["Nordby skole"] * 12) is None
    ('name', True)
    """
    present = [v.strip() for v in values if v and v.strip()]
    if not present:
        return None

    def share(pattern: re.Pattern[str]) -> float:
        return sum(bool(pattern.match(v)) for v in present) / len(present)

    if share(_EMAIL) >= 0.9:
        return "email"
    if share(_IP) >= 0.9:
        return "ip"
    if share(_TIME) >= 0.9:
        return "time"
    if share(_FILE) >= 0.8 or (share(_FILE) > 0 and _UPLOAD_WORDS.search(column)):
        return "upload"
    if len(present) >= 10 and share(_PERSON) >= 0.9 and len(set(present)) >= 0.8 * len(present):
        return "name"
    return None


def recognise_tool(columns: Sequence[str], notes: Sequence[tuple[str, dict[str, object]]] = ()) -> str | None:
    """The survey tool whose export layout the column names (and the reader's notes on header rows) show, or None.

    >>> recognise_tool(["$submission_id", "$created", "radio"]), recognise_tool(["lfdn", "dispcode", "v_1"])
    ('Nettskjema', 'Questback')
    >>> recognise_tool(["ID", "Starttidspunkt", "Fullføringstidspunkt", "E-postadresse"]), recognise_tool(["a"]) is None
    ('Microsoft Forms', True)
    """
    names = set(columns)
    said = next((str(p.get("tool")) for key, p in notes if key == "header_rows_skipped"), None)
    if said:
        return said
    first = columns[0] if columns else ""
    rules = (
        ("Nettskjema", "$submission_id" in names),
        ("Qualtrics", {"StartDate", "ResponseId"} <= names or {"StartDate", "ResponseID"} <= names),
        ("SurveyMonkey", {"Respondent ID", "Collector ID"} <= names),
        ("LimeSurvey", {"id", "submitdate", "lastpage", "startlanguage"} <= names),
        ("Questback", {"lfdn", "dispcode"} <= names),
        ("SurveyXact", "statoverall" in names or any(re.fullmatch(r"stato_\d+", c) for c in names)),
        ("Microsoft Forms", "ID" in names and ({"Start time", "Completion time"} <= names
                                              or {"Starttidspunkt", "Fullføringstidspunkt"} <= names)),
        ("Google Forms", first in ("Timestamp", "Tidsmerke", "Tidsstempel", "Zeitstempel")),
    )
    return next((tool for tool, fits in rules if fits), None)
