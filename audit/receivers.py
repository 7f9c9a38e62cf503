from audit.context import annotate
from stagebeheer.history import record_was_read
from stagebeheer.links import link_opened


def link_holder_label(link) -> str:
    return f"{link.purpose}: {link.recipient_name} <{link.recipient_email}>"[:250]


def _on_link_opened(sender, link, **kwargs):
    annotate(link=link_holder_label(link), link_id=link.pk)


def _on_read(sender, request, subject, kind, **kwargs):
    from audit.reads import record_read

    record_read(request, subject, kind)


def connect():
    link_opened.connect(_on_link_opened, dispatch_uid="audit-link-holder")
    record_was_read.connect(_on_read, dispatch_uid="audit-read")
