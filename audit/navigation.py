"""The audit app's menu entry and its sections on other apps' pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit.access import scoped_records
from audit.models.events import tracked_for
from stagebeheer.navigation import NavItem, Panel

# Administrators only (superusers see every entry); coordinators reach a
# record's history from the record's own page.
NAV_ITEMS = [NavItem(_("Audittrail"), "audit:trail", frozenset({"administrator"}), order=90)]


def _history_panel(request, obj):
    """A link to the record's history, for whoever may read it (one query)."""
    entry = tracked_for(type(obj))
    if entry is None or not scoped_records(entry, request.user).filter(pk=obj.pk).exists():
        return None
    request_url = ""
    if entry.key == "placements.student":
        request_url = reverse("audit:student_request", args=[obj.pk])
    return {"url": reverse("audit:record_history", args=[entry.key, obj.pk]), "request_url": request_url}


PANELS = [
    Panel(slot, "audit/panels/history.html", _history_panel, order=90)
    for slot in ("placement_detail", "plan_detail", "student_detail", "host_detail")
]
