"""Import and export of students and hosts as CSV or XLSX.

A file is read into rows first (streamed, stopping at the row limit); an
unreadable file imports nothing. The
coordinator maps columns on screen, sees a preview, and every bad row is reported
with its line number and reason while the good rows are imported. Existing
students are updated by their number (hosts by KvK number, else by name).
"""

import re
from datetime import date, datetime

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from placements.forms import HostForm, normalise_postcode
from placements.models import Guardian, Host, Outflow, Student
from stagebeheer.formlimits import MAX_YEAR, MIN_YEAR, year_in_range

# The generic half (reading files, limits, column guessing) is shared with the
# staff import; these names stay importable from here.
from stagebeheer.table_import import (  # noqa: F401
    MAX_BLANK_ROWS,
    MAX_CELL,
    MAX_COLUMNS,
    MAX_ROWS,
    Column,
    RowResult,
    UnreadableFileError,
    guess_columns,
    mapping_by_name,
    read_table,
)
from stagebeheer.table_import import bounded_rows as _bounded_rows  # noqa: F401
from stagebeheer.table_import import value_at as _value

# Aliases include the column names of the exports of Magister (Stamnr,
# Roepnaam, Tussenv, Geb.datum, Studie), Somtoday (Leerlingnummer, Voorvoegsel,
# Stamgroep), Eduarte (Deelnemernummer, Opleiding, Groepscode) and ParnasSys
# (Voorvoegsels, Groep). Names are compared without case, dots, dashes or spaces.
STUDENT_COLUMNS = [
    Column(
        "number",
        _l("leerlingnummer"),
        True,
        (
            "leerlingnummer",
            "lln",
            "llnr",
            "nummer",
            "studentnummer",
            "stamnr",
            "stamnummer",
            "deelnemernummer",
            "ovnummer",
            "leerlingid",
        ),
    ),
    Column("first_name", _l("voornaam"), True, ("voornaam", "roepnaam", "voornamen")),
    Column(
        "last_name_prefix",
        _l("tussenvoegsel"),
        False,
        ("tussenvoegsel", "tussenv", "voorvoegsel", "voorvoegsels"),
    ),
    Column("last_name", _l("achternaam"), True, ("achternaam", "geslachtsnaam")),
    Column("date_of_birth", _l("geboortedatum"), True, ("geboortedatum", "gebdatum", "geboren", "gebdat")),
    Column("year_group", _l("leerjaar"), False, ("leerjaar", "jaar", "lj", "jaarlaag")),
    Column("class_name", _l("klas"), False, ("klas", "stamgroep", "groep", "groepscode", "klasgroep")),
    Column(
        "programme",
        _l("profiel of opleiding"),
        False,
        ("profiel", "opleiding", "richting", "studie", "opleidingsnaam", "leerweg"),
    ),
    Column("email", _l("e-mailadres"), False, ("email", "emailadres", "emailleerling")),
    Column("phone", _l("telefoon"), False, ("telefoon", "mobiel", "telefoonnummer", "mobielnummer")),
    Column("postcode", _l("postcode"), False, ("postcode",)),
    Column("outflow", _l("uitstroomperspectief"), False, ("uitstroomperspectief", "uitstroom")),
    Column("guardian_name", _l("naam ouder/verzorger"), False, ("ouder", "naamouder", "verzorger", "ouder1")),
    Column("guardian_email", _l("e-mail ouder/verzorger"), False, ("emailouder", "emailouder1")),
    Column("guardian_phone", _l("telefoon ouder/verzorger"), False, ("telefoonouder", "telefoonouder1")),
]

HOST_COLUMNS = [
    Column("name", _l("naam"), True, ("naam", "bedrijf", "bedrijfsnaam", "organisatie")),
    Column("kvk_number", _l("KvK-nummer"), False, ("kvk", "kvk-nummer", "kvknummer")),
    Column("address", _l("adres"), False, ("adres", "straat")),
    Column("postcode", _l("postcode"), False, ("postcode",)),
    Column("city", _l("plaats"), False, ("plaats", "woonplaats", "stad", "vestigingsplaats")),
    Column("sector", _l("sector"), False, ("sector", "branche")),
    Column("email", _l("e-mailadres"), False, ("e-mail", "email")),
    Column("phone", _l("telefoon"), False, ("telefoon",)),
    Column("sbb_number", _l("SBB-erkenningsnummer"), False, ("sbb", "erkenningsnummer", "sbb-nummer")),
    Column("sbb_valid_until", _l("erkenning geldig tot"), False, ("geldig tot", "erkend tot")),
    Column("capacity", _l("plaatsen per periode"), False, ("plaatsen", "capaciteit")),
]

KINDS = {"students": STUDENT_COLUMNS, "hosts": HOST_COLUMNS}


def guess_mapping(kind: str, header: list[str], remembered: dict | None = None) -> dict[str, int | None]:
    return guess_columns(KINDS[kind], header, remembered)


def year_from_class(class_name: str) -> int | None:
    """'3B', '4kb1', '2 GT' start with the leerjaar; other class names tell nothing."""
    match = re.match(r"^([1-8])(?!\d)", class_name.strip())
    return int(match.group(1)) if match else None


DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")
DATE_SHAPE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(value: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            day = datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a date, no time zone
        except ValueError:
            continue
        if not year_in_range(day):
            raise ValueError(
                _("‘%(v)s’ ligt niet tussen %(low)s en %(high)s.")
                % {"v": value, "low": MIN_YEAR, "high": MAX_YEAR}
            )
        return day
    if DATE_SHAPE.match(value.strip()):
        # Written correctly, but the day is not in the calendar (29-02-2010, 31-04-2010).
        raise ValueError(_("‘%(v)s’ bestaat niet: die dag komt in die maand niet voor.") % {"v": value})
    raise ValueError(_("‘%(v)s’ is geen datum (dd-mm-jjjj).") % {"v": value})


def validate_students(rows, mapping, department) -> list[RowResult]:
    results = []
    seen = set()
    email_field = forms.EmailField()
    outflow = {str(label).lower(): value for value, label in Outflow.choices} | {v: v for v in Outflow.values}
    for offset, row in enumerate(rows):
        line = offset + 2  # the header is line 1
        v = {c.key: _value(row, mapping.get(c.key)) for c in STUDENT_COLUMNS}
        errors = []
        for column in STUDENT_COLUMNS:
            if column.required and not v[column.key]:
                errors.append(_("%(col)s ontbreekt") % {"col": column.label})
        if v["number"] in seen:
            errors.append(_("leerlingnummer %(n)s staat twee keer in het bestand") % {"n": v["number"]})
        seen.add(v["number"])
        if v["date_of_birth"]:
            try:
                v["date_of_birth"] = parse_date(v["date_of_birth"])
                if not date(1940, 1, 1) < v["date_of_birth"] < date.today():  # noqa: DTZ011
                    errors.append(_("geboortedatum ligt niet in het verleden"))
            except ValueError as exc:
                errors.append(str(exc))
        if v["year_group"]:
            if v["year_group"].isdigit() and 0 < int(v["year_group"]) < 9:
                v["year_group"] = int(v["year_group"])
            else:
                errors.append(_("leerjaar ‘%(v)s’ is geen getal van 1 tot 8") % {"v": v["year_group"]})
        else:
            # Exports without a leerjaar column: "3B" is year 3 (so the student
            # is on the chase list of the year-3 plan).
            v["year_group"] = year_from_class(v["class_name"])
        for key in ("email", "guardian_email"):
            if v[key]:
                try:
                    email_field.clean(v[key])
                except forms.ValidationError:
                    errors.append(_("‘%(v)s’ is geen geldig e-mailadres") % {"v": v[key]})
        if v["postcode"]:
            try:
                v["postcode"] = normalise_postcode(v["postcode"])
            except forms.ValidationError:
                errors.append(_("postcode ‘%(v)s’ klopt niet") % {"v": v["postcode"]})
        if v["outflow"]:
            if v["outflow"].lower() in outflow:
                v["outflow"] = outflow[v["outflow"].lower()]
            else:
                errors.append(_("uitstroomperspectief ‘%(v)s’ is onbekend") % {"v": v["outflow"]})
        for key, limit in (
            ("number", 20),
            ("first_name", 100),
            ("last_name", 100),
            ("class_name", 20),
            ("last_name_prefix", 20),
            ("programme", 120),
        ):
            if len(str(v[key])) > limit:
                errors.append(_("%(col)s is te lang") % {"col": key})
        results.append(RowResult(line, v, errors))
    return results


def import_students(results, department) -> tuple[int, int]:
    """Create or update (by number) the valid rows in one transaction."""
    created = updated = 0
    good = [r for r in results if not r.errors]
    existing = {
        s.number: s
        for s in Student.objects.filter(department=department, number__in=[r.values["number"] for r in good])
    }
    fields = [
        "first_name",
        "last_name_prefix",
        "last_name",
        "date_of_birth",
        "year_group",
        "class_name",
        "programme",
        "email",
        "phone",
        "postcode",
        "outflow",
    ]
    with transaction.atomic():
        for result in good:
            v = result.values
            student = existing.get(v["number"])
            if student is None:
                student = Student(department=department, number=v["number"])
                created += 1
            else:
                updated += 1
            for field in fields:
                if v[field] not in ("", None) or student.pk is None:
                    setattr(student, field, v[field] if v[field] is not None else None)
            student.save()
            if v["guardian_name"]:
                Guardian.objects.update_or_create(
                    student=student,
                    name=v["guardian_name"],
                    defaults={"email": v["guardian_email"], "phone": v["guardian_phone"]},
                )
    return created, updated


def validate_hosts(rows, mapping, school) -> list[RowResult]:
    results = []
    for offset, row in enumerate(rows):
        line = offset + 2
        v = {c.key: _value(row, mapping.get(c.key)) for c in HOST_COLUMNS}
        data = {**v, "status": "active", "capacity": v["capacity"] or 1}
        if v["sbb_valid_until"]:
            try:
                data["sbb_valid_until"] = parse_date(v["sbb_valid_until"]).isoformat()
            except ValueError as exc:
                results.append(RowResult(line, v, [str(exc)]))
                continue
        form = HostForm(data)
        errors = []
        if not form.is_valid():
            for field, messages in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                errors += [f"{label}: {m}" if label else m for m in messages]
        # Keep the file's column order so the preview lines up with its header.
        values = {c.key: form.cleaned_data.get(c.key, "") for c in HOST_COLUMNS} if not errors else v
        results.append(RowResult(line, values, errors))
    return results


def import_hosts(results, school) -> tuple[int, int]:
    created = updated = 0
    with transaction.atomic():
        for result in results:
            if result.errors:
                continue
            v = dict(result.values)
            lookup = {"kvk_number": v["kvk_number"]} if v["kvk_number"] else {"name__iexact": v["name"]}
            host = Host.objects.filter(school=school, **lookup).first()
            if host is None:
                host = Host(school=school)
                created += 1
            else:
                updated += 1
            for field in (
                "name",
                "kvk_number",
                "address",
                "postcode",
                "city",
                "sector",
                "email",
                "phone",
                "sbb_number",
                "sbb_valid_until",
                "capacity",
            ):
                setattr(host, field, v[field])
            host.save()
    return created, updated


def export_rows(kind, queryset):
    """Header and rows, in the same columns the import reads."""
    columns = KINDS[kind]
    header = [str(c.label) for c in columns]
    rows = []
    for obj in queryset:
        if kind == "students":
            guardian = next(iter(obj.guardians.all()), None)
            values = {c.key: getattr(obj, c.key, "") for c in columns if not c.key.startswith("guardian")}
            values["date_of_birth"] = f"{obj.date_of_birth:%d-%m-%Y}"
            values["guardian_name"] = guardian.name if guardian else ""
            values["guardian_email"] = guardian.email if guardian else ""
            values["guardian_phone"] = guardian.phone if guardian else ""
        else:
            values = {c.key: getattr(obj, c.key) for c in columns}
            values["sbb_valid_until"] = f"{obj.sbb_valid_until:%d-%m-%Y}" if obj.sbb_valid_until else ""
        rows.append(["" if values[c.key] is None else str(values[c.key]) for c in columns])
    return header, rows
