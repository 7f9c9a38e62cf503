"""Shared pieces of the stageboek tests: a running placement with the default
assignments, the student's link as mailed, and files of each kind."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from assessments import stageboek
from assessments.models import Assignment
from tests.assessments.conftest import running_placement
from tests.sent_links import link_in_sent_mail

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stageboek_placement(department, supervisor, **kwargs):
    placement = running_placement(department, supervisor, **kwargs)
    # A fixed plain name: some generated Dutch names make an address header the
    # mail backend refuses ("Invalid address"), and the link would never arrive.
    student = placement.student
    student.first_name, student.last_name = "Sanne", f"Jansen{student.pk}"
    student.save()
    stageboek.add_defaults(placement.plan)
    return placement


def assignment(placement, kind="logbook"):
    return Assignment.objects.get(plan=placement.plan, kind=kind)


def student_link(placement, actor=None):
    """The path of the stageboek link as the student gets it by mail."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert stageboek.send_link(placement, actor=actor)
    return link_in_sent_mail(placement.student.email, "stageboek")
