from audit.context import annotate
from stagebeheer.links import link_opened


def link_holder_label(link) -> str:
    return f"{link.purpose}: {link.recipient_name} <{link.recipient_email}>"[:250]


def _on_link_opened(sender, link, **kwargs):
    annotate(link=link_holder_label(link), link_id=link.pk)


def connect():
    link_opened.connect(_on_link_opened, dispatch_uid="audit-link-holder")
