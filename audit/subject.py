"""Everything the system holds on one student and their guardians (AVG art. 15).

Each kind of data is one ``section``: a name, a title and a function that
returns the student's rows. Apps that hold more data on a student add a
section in their own ``privacy.py`` (discovered like ``links.py``):

    from audit.subject import section, rows

    @section("assessments", _("Beoordelingen"))
    def assessments(student):
        return rows(Assessment.objects.filter(placement__student=student))

Third parties' data is left out where their rights weigh in (AVG art. 15(4)):
who reported a concern, and the IP address of a host's or school's signature.
"""

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    rows: object  # callable(student) -> list[dict]
    files: object = None  # callable(student) -> list[(name, FieldFile)]


SECTIONS: dict[str, Section] = {}


def section(name, title, files=None):
    def decorate(func):
        SECTIONS[name] = Section(name, title, func, files)
        return func

    return decorate


def rows(queryset, exclude=()) -> list[dict]:
    """Each record as {field: value}; foreign keys by id, files by name."""
    result = []
    for obj in queryset:
        row = {}
        for model_field in obj._meta.concrete_fields:
            if model_field.name in exclude:
                continue
            value = model_field.value_from_object(obj)
            if hasattr(value, "name") and not isinstance(value, str):  # a FieldFile
                value = value.name or ""
            key = model_field.attname
            row[key] = value
            if model_field.choices and value not in (None, ""):
                row[f"{key}_label"] = str(dict(model_field.flatchoices).get(value, value))
        result.append(row)
    return result


# --- the core's and the placements app's own data -------------------------------------


@section("student", _("Persoonsgegevens"))
def _student(student):
    return rows([student], exclude=("search_name",))


@section("guardians", _("Ouders / verzorgers"))
def _guardians(student):
    return rows(student.guardians.all())


@section("learning_goals", _("Leerdoelen"))
def _goals(student):
    return rows(student.goals.all())


@section("placements", _("Stages"))
def _placements(student):
    from placements.models import Placement

    return rows(Placement.objects.filter(student=student))


@section("hours", _("Uren"))
def _hours(student):
    from placements.models import HoursEntry

    return rows(HoursEntry.objects.filter(placement__student=student), exclude=("submission",))


def _agreement_files(student):
    from agreements.models import Agreement

    files = []
    for agreement in Agreement.objects.filter(placement__student=student).order_by("pk"):
        for field_name in ("pdf", "signed_pdf", "scan"):
            stored = getattr(agreement, field_name)
            if stored and stored.storage.exists(stored.name):
                files.append(
                    (f"overeenkomsten/{agreement.pk}-{field_name}{PurePosixPath(stored.name).suffix}", stored)
                )
    return files


@section("agreements", _("Stageovereenkomsten"), files=_agreement_files)
def _agreements(student):
    from agreements.models import Agreement

    return rows(Agreement.objects.filter(placement__student=student), exclude=("pdf_error",))


@section("signatures", _("Ondertekeningen"))
def _signatures(student):
    from agreements.models import Party, Signature

    signatures = Signature.objects.filter(agreement__placement__student=student)
    own = rows(signatures.filter(party=Party.STUDENT))
    others = rows(signatures.exclude(party=Party.STUDENT), exclude=("ip_address", "user_agent"))
    return own + others


@section("visits", _("Stagebezoeken en gesprekken"))
def _visits(student):
    from visits.models import Visit

    return rows(Visit.objects.filter(placement__student=student))


@section("concerns", _("Zorgmeldingen"))
def _concerns(student):
    from visits.models import Concern

    # Who reported is a third party's data (AVG art. 15(4)); what happened is the student's.
    return rows(
        Concern.objects.filter(placement__student=student),
        exclude=("reporter_name", "reporter_contact", "reported_by", "submission_key"),
    )


@section("mail", _("Verstuurde e-mail"))
def _mail(student):
    from stagebeheer.models import OutgoingMessage

    addresses = {a.lower() for a in [student.email, *student.guardians.values_list("email", flat=True)] if a}
    if not addresses:
        return []
    match = Q()
    for address in addresses:
        match |= Q(to_email__iexact=address)
    return rows(OutgoingMessage.objects.filter(match), exclude=("body_html", "last_error"))


_discovered = False


def sections() -> list[Section]:
    global _discovered
    if not _discovered:
        autodiscover_modules("privacy")
        _discovered = True
    return list(SECTIONS.values())


def collect(student) -> dict:
    return {s.name: {"title": str(s.title), "rows": s.rows(student)} for s in sections()}


def build_zip(student) -> tuple[str, bytes]:
    """One ZIP: gegevens.json (machine-readable), overzicht.html (readable) and the stored PDFs."""
    data = collect(student)
    made = timezone.localtime()
    payload = {
        "student_id": student.pk,
        "made_at": made.isoformat(),
        "sections": data,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "gegevens.json", json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        archive.writestr(
            "overzicht.html",
            render_to_string(
                "audit/access_request_summary.html",
                {"student": student, "made": made, "sections": list(data.values())},
            ),
        )
        for s in sections():
            for name, stored in s.files(student) if s.files else []:
                with stored.open("rb") as handle:
                    archive.writestr(name, handle.read())
    filename = f"inzage-{slugify(student.full_name) or student.pk}-{made:%Y%m%d}.zip"
    return filename, buffer.getvalue()
