"""Without PostgreSQL (the zero-configuration SQLite demo) there are no triggers;
the same event rows are written from Django's model signals instead. Bulk
``update()`` and raw SQL pass unseen there, which is why production runs on
PostgreSQL (see docs/privacy.md)."""

from django.db.models.signals import post_delete, post_save, pre_save

from audit.context import current, uses_triggers
from audit.models.events import TRACKED, sensitive_label


def _write(entry, instance, label):
    values = {name: getattr(instance, entry.model._meta.get_field(name).attname) for name in entry.fields}
    attnames = {entry.model._meta.get_field(name).attname: value for name, value in values.items()}
    entry.event_model.objects.create(
        pgh_obj_id=instance.pk, pgh_label=label, pgh_context=current() or None, **attnames
    )


def _snapshot_before(entry):
    def receiver(sender, instance, raw=False, **kwargs):
        if raw or instance.pk is None:
            instance._audit_before = None
            return
        instance._audit_before = (
            sender._base_manager.filter(pk=instance.pk).values(*entry.fields, *entry.sensitive).first()
        )

    return receiver


def _saved(entry):
    def receiver(sender, instance, created, raw=False, **kwargs):
        if raw:
            return
        before = getattr(instance, "_audit_before", None)
        if created or before is None:
            _write(entry, instance, "insert")
            return
        model_meta = entry.model._meta
        now = {name: getattr(instance, model_meta.get_field(name).attname) for name in entry.fields}
        if any(before[name] != now[name] for name in entry.fields):
            _write(entry, instance, "update")
        for name in entry.sensitive:
            if before[name] != getattr(instance, name):
                _write(entry, instance, sensitive_label(name))

    return receiver


def _deleted(entry):
    def receiver(sender, instance, **kwargs):
        _write(entry, instance, "delete")

    return receiver


def connect():
    if uses_triggers():
        return
    for entry in TRACKED.values():
        uid = f"audit-fallback-{entry.key}"
        pre_save.connect(_snapshot_before(entry), sender=entry.model, weak=False, dispatch_uid=uid)
        post_save.connect(_saved(entry), sender=entry.model, weak=False, dispatch_uid=uid)
        post_delete.connect(_deleted(entry), sender=entry.model, weak=False, dispatch_uid=uid)
