"""The audit trail: one event table per tracked model, written by PostgreSQL triggers.

django-pghistory installs an insert, update and delete trigger on each tracked
table, so a change is recorded whatever made it: a form, a service function, a
bulk ``update()`` or a data migration. Each event row is a snapshot of the
record after the change (before it, for a delete) plus the context of the
request that made it (``pgh_context``: user, url, link holder). The history
pages compute old → new per field by comparing consecutive snapshots.

Sensitive fields (support needs, a concern's text) are left out of the
snapshot; a separate trigger records only that they changed.

On SQLite (``make demo`` without configuration) there are no triggers: the
same tables are filled from Django's save and delete signals (audit.fallback),
which misses bulk updates. Production and the test suite run on PostgreSQL.

Tracking a model of another app is one line below (``track("app.Model")``)
plus ``manage.py makemigrations audit``; the tracked app needs no migration of
its own because the triggers are installed after ``migrate``
(PGTRIGGER_INSTALL_ON_MIGRATE, see settings).
"""

from dataclasses import dataclass, field

import pghistory
from django.apps import apps

# Fields that say nothing about who did what and change on every save.
_ALWAYS_EXCLUDED = {"updated_at", "search_name"}


@dataclass(frozen=True)
class Tracked:
    model: type
    event_model: type
    key: str  # "placements.student": the history page's URL names the model by it
    sensitive: tuple[str, ...] = ()
    # The lookup from the record to its department, to scope the history pages
    # to the coordinator's departments (None: scoped by visible_to alone).
    department: str | None = None
    fields: tuple[str, ...] = field(default_factory=tuple)


TRACKED: dict[str, Tracked] = {}


def sensitive_label(field_name: str) -> str:
    return f"{field_name}.changed"


def track(label: str, *, sensitive=(), exclude=(), department=None) -> Tracked:
    """Record create, change and delete of ``label`` ("app.Model") in the trail.

    ``sensitive`` fields are recorded as "changed" without their content;
    ``exclude`` fields are not recorded at all (large derived data);
    ``department`` is the lookup to the record's department for the history pages.
    """
    # The tracked apps come before audit in INSTALLED_APPS, so their models are loaded.
    model = apps.get_model(label, require_ready=False)
    model_fields = [f.name for f in model._meta.concrete_fields]
    left_out = {*_ALWAYS_EXCLUDED, *sensitive, *exclude}
    kept = [name for name in model_fields if name not in left_out]
    trackers = [
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(),
        pghistory.DeleteEvent(),
        *(
            pghistory.UpdateEvent(
                sensitive_label(name),
                condition=pghistory.AnyChange(name),
                trigger_name=f"{name}_changed"[:40],
            )
            for name in sensitive
        ),
    ]
    event_model = pghistory.create_event_model(
        model,
        *trackers,
        fields=kept,
        model_name=f"{model.__name__}Event",
        app_label="audit",
        abstract=False,
        obj_field=pghistory.ObjForeignKey(related_name="audit_events", related_query_name="audit_event"),
        context_field=pghistory.ContextJSONField(),
        meta={"ordering": ["pgh_id"]},
    )
    entry = Tracked(
        model=model,
        event_model=event_model,
        key=model._meta.label_lower,
        sensitive=tuple(sensitive),
        department=department,
        fields=tuple(kept),
    )
    TRACKED[entry.key] = entry
    return entry


def tracked_for(model) -> Tracked | None:
    return TRACKED.get(model._meta.label_lower)


# --- what is tracked ------------------------------------------------------------------
# Other apps' models join with one line each; see docs/privacy.md ("Een model volgen").
track("stagebeheer.Membership", department="department_id")
track("placements.PlacementPlan", department="department_id")
track("placements.Student", sensitive=("support_needs",), department="department_id")
track("placements.Guardian", department="student__department_id")
track("placements.Host")
track("placements.WorkplaceSupervisor")
track("placements.Placement", department="plan__department_id")
track("placements.HoursEntry", department="placement__plan__department_id")
# A worker's claim on a PDF render (who, since when) is bookkeeping, not history.
LEASE_FIELDS = ("pdf_claimed_at", "pdf_claimed_by", "signed_pdf_claimed_at", "signed_pdf_claimed_by")
track(
    "agreements.Agreement",
    exclude=("content", "problems", "pdf_error", *LEASE_FIELDS),
    department="placement__plan__department_id",
)
track("agreements.CooperationAgreement")
track("agreements.Signature", department="agreement__placement__plan__department_id")
track("visits.Visit", department="placement__plan__department_id")
track("assessments.Assessment", sensitive=("tops", "tips"), department="placement__plan__department_id")
track("assessments.Score", sensitive=("comment",), department="assessment__placement__plan__department_id")
track("assessments.FinalJudgement", sensitive=("rationale",), department="placement__plan__department_id")
track("evaluations.EvaluationResponse", department="placement__plan__department_id")
track(
    "evaluations.EvaluationAnswer", sensitive=("text",), department="response__placement__plan__department_id"
)
track("evaluations.HostReview", sensitive=("comment",), department="placement__plan__department_id")
track(
    "visits.Concern",
    sensitive=("description", "actions", "reporter_name", "reporter_contact"),
    department="department_id",
)
