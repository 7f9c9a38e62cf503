"""Reading the trail: old → new per field, in words a coordinator understands.

Each event row is a snapshot; a change is the difference between a snapshot
and the one before it for the same record. Names of related records and users
are fetched in bulk, one query per related model, whatever the number of rows.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models.events import TRACKED, Tracked

ACTIONS = {
    "insert": gettext_lazy("aangemaakt"),
    "update": gettext_lazy("gewijzigd"),
    "delete": gettext_lazy("verwijderd"),
}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Line:
    at: datetime.datetime
    who: str
    action: str
    record: str
    changes: list[Change] = field(default_factory=list)
    sensitive: str = ""  # the field that changed without its content being recorded
    event: object = None


def with_previous(entry: Tracked, queryset):
    """Annotate each event with the id of the snapshot before it (same record),
    so a page of events shows old → new even when that snapshot is not on the page."""
    earlier = entry.event_model.objects.filter(
        pgh_obj_id=OuterRef("pgh_obj_id"), pgh_id__lt=OuterRef("pgh_id"), pgh_label__in=["insert", "update"]
    ).order_by("-pgh_id")
    return queryset.annotate(previous_id=Subquery(earlier.values("pgh_id")[:1]))


def events_of(entry: Tracked, pk):
    return with_previous(entry, entry.event_model.objects.filter(pgh_obj_id=pk)).order_by("pgh_id")


def _display(model_field, value, names):
    if value is None or value == "":
        return "—"
    if model_field.is_relation:
        return names.get((model_field.related_model, value), f"#{value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)[:200]
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"


def _related_names(entry: Tracked, events) -> dict:
    """{(model, pk): str} for every foreign key value in the events, one query per model."""
    wanted: dict[type, set] = {}
    for name in entry.fields:
        model_field = entry.model._meta.get_field(name)
        if model_field.is_relation and model_field.related_model is not None:
            ids = {getattr(e, model_field.attname) for e in events} - {None}
            if ids:
                wanted.setdefault(model_field.related_model, set()).update(ids)
    names = {}
    for model, ids in wanted.items():
        for obj in model._base_manager.filter(pk__in=ids):
            names[(model, obj.pk)] = str(obj)
    return names


def _user_names(events) -> dict:
    ids = {(e.pgh_context or {}).get("user") for e in events} - {None}
    if not ids:
        return {}
    return dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", "full_name"))


def who_of(context, users) -> str:
    context = context or {}
    if context.get("user") in users:
        return users[context["user"]]
    if context.get("link"):
        return _("via link: %(holder)s") % {"holder": context["link"]}
    if context.get("user"):
        return _("gebruiker #%(id)s (verwijderd)") % {"id": context["user"]}
    return _("systeem")


def lines_for(entry: Tracked, events) -> list[Line]:
    """Events of one model in pgh_id order → readable lines, newest first."""
    events = sorted(events, key=lambda e: e.pgh_id)
    on_page = {e.pgh_id: e for e in events}
    missing = {getattr(e, "previous_id", None) for e in events} - set(on_page) - {None}
    earlier = {e.pgh_id: e for e in entry.event_model.objects.filter(pgh_id__in=missing)} if missing else {}
    names = _related_names(entry, [*events, *earlier.values()])
    users = _user_names(events)
    meta = entry.model._meta
    snapshots = {**earlier, **on_page}
    lines = []
    for event in events:
        who = who_of(event.pgh_context, users)
        record = f"{meta.verbose_name} #{event.pgh_obj_id}"
        before = snapshots.get(getattr(event, "previous_id", None))
        if event.pgh_label.endswith(".changed"):
            name = event.pgh_label.removesuffix(".changed")
            label = str(meta.get_field(name).verbose_name)
            lines.append(
                Line(event.pgh_created_at, who, str(ACTIONS["update"]), record, sensitive=label, event=event)
            )
            continue
        changes = []
        if event.pgh_label == "update" and before is not None:
            for name in entry.fields:
                model_field = meta.get_field(name)
                old, new = getattr(before, model_field.attname), getattr(event, model_field.attname)
                if old != new:
                    changes.append(
                        Change(
                            str(model_field.verbose_name),
                            _display(model_field, old, names),
                            _display(model_field, new, names),
                        )
                    )
        action = str(ACTIONS.get(event.pgh_label, event.pgh_label))
        lines.append(Line(event.pgh_created_at, who, action, record, changes, event=event))
    lines.reverse()
    return lines


def sentence(line: Line) -> list[str]:
    """'Jan de Boer wijzigde de einddatum van 31-01-2027 in 14-02-2027', one per field."""
    if line.sensitive:
        return [
            _("%(who)s wijzigde %(field)s (inhoud niet vastgelegd)")
            % {"who": line.who, "field": line.sensitive}
        ]
    if not line.changes:
        return [f"{line.who}: {line.action}"]
    return [
        _("%(who)s wijzigde %(field)s van %(old)s in %(new)s")
        % {"who": line.who, "field": c.label, "old": c.old, "new": c.new}
        for c in line.changes
    ]


def entry_for_key(key: str) -> Tracked | None:
    return TRACKED.get(key)


def is_tracked(obj: models.Model) -> bool:
    return obj._meta.label_lower in TRACKED
