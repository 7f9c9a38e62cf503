"""What a student may hand in as a file: recognised by its content, not its name.

Like the agreement scan (agreements.forms.PaperForm: ``%PDF-`` in the first
bytes, a size limit), widened to images and Office documents. A file whose
content is none of these, or whose name claims another kind (a ``.pdf`` that
is a Word file), is refused; nothing is stored."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_HANDIN_BYTES = 10 * 1024 * 1024

# kind: (content type, extensions a name of this kind may have)
KINDS = {
    "pdf": ("application/pdf", {"pdf"}),
    "png": ("image/png", {"png"}),
    "jpeg": ("image/jpeg", {"jpg", "jpeg"}),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", {"pptx"}),
    "odt": ("application/vnd.oasis.opendocument.text", {"odt"}),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", {"ods"}),
    "odp": ("application/vnd.oasis.opendocument.presentation", {"odp"}),
    "ole": ("application/octet-stream", {"doc", "xls", "ppt"}),  # Office 97-2003
}
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_kind(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return ODF_TYPES.get(archive.read("mimetype").strip())
            if "[Content_Types].xml" in names:
                return next((kind for part, kind in OOXML_PARTS.items() if part in names), None)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def sniff(upload) -> str | None:
    """The kind of the file's content (a key of KINDS), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head == OLE_MAGIC:
        kind = "ole"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
    upload.seek(0)
    return kind


def check(upload) -> str:
    """The upload's kind; ValidationError with a clear message otherwise."""
    if upload.size > MAX_HANDIN_BYTES:
        raise ValidationError(_("Dit bestand is groter dan 10 MB. Maak het kleiner of lever tekst in."))
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(_("Dit bestand is geen PDF, foto (JPG of PNG) of Office-document."))
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in KINDS[kind][1]:
        raise ValidationError(
            _(
                "De naam van dit bestand past niet bij wat erin zit; sla het opnieuw op en probeer het nog eens."
            )
        )
    return kind


def content_type(kind) -> str:
    return KINDS.get(kind, ("application/octet-stream",))[0]
