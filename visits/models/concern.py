"""Concerns: signals that must be recorded and followed up, never lost in free text.

Sensitive (often about minors): only the department's coordinators and the
placement's own supervisor may read them. Dashboards get counts only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


class ConcernKind(models.TextChoices):
    SOCIAL_UNSAFETY = "social_unsafety", _("sociale onveiligheid")
    DISCRIMINATION_FINDING = "discrimination_finding", _("stagediscriminatie bij het vinden van een plek")
    DISCRIMINATION_HOST = "discrimination_host", _("stagediscriminatie bij het stagebedrijf")
    MISUSE_LABOUR = "misuse_labour", _("stagemisbruik: regulier werk zonder leren")
    MISUSE_HOURS = "misuse_hours", _("stagemisbruik: te veel uren")
    MISUSE_TIMES = "misuse_times", _("stagemisbruik: werk buiten de wettelijke tijden")
    HEALTH_SAFETY = "health_safety", _("gezondheid en veiligheid")
    OTHER = "other", _("iets anders")


class ReporterRole(models.TextChoices):
    STAFF = "staff", _("medewerker van school")
    STUDENT = "student", _("leerling")
    WORKPLACE_SUPERVISOR = "workplace_supervisor", _("praktijkbegeleider")
    GUARDIAN = "guardian", _("ouder/verzorger")
    OTHER = "other", _("iemand anders")


class ConcernSeverity(models.TextChoices):
    LOW = "low", _("laag")
    MEDIUM = "medium", _("midden")
    HIGH = "high", _("hoog")


class ConcernStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in behandeling")
    CLOSED = "closed", _("afgesloten")


class ConcernOutcome(models.TextChoices):
    RESOLVED = "resolved", _("opgelost")
    PLACEMENT_TERMINATED = "placement_terminated", _("stage beëindigd")
    HOST_ON_WATCH = "host_on_watch", _("stagebedrijf onder toezicht")
    HOST_UNSUITABLE = "host_unsuitable", _("stagebedrijf ongeschikt")


class ConcernQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.concerns_visible(self, user)


class Concern(models.Model):
    # The department scopes the concern; a concern about finding a place may
    # come before there is a placement.
    department = models.ForeignKey(
        "stagebeheer.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("afdeling")
    )
    placement = models.ForeignKey(
        "placements.Placement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("stage"),
    )
    visit = models.ForeignKey(
        "visits.Visit", on_delete=models.SET_NULL, null=True, blank=True, related_name="concerns"
    )
    kind = models.CharField(_("soort"), max_length=30, choices=ConcernKind.choices)
    reporter_role = models.CharField(
        _("gemeld door"), max_length=20, choices=ReporterRole.choices, default=ReporterRole.STAFF
    )
    reporter_name = models.CharField(_("naam melder"), max_length=150, blank=True)
    reporter_contact = models.CharField(_("e-mail of telefoon van de melder"), max_length=150, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    occurred_on = models.DateField(_("datum"))
    description = models.TextField(_("wat is er gebeurd?"))
    severity = models.CharField(
        _("ernst"), max_length=10, choices=ConcernSeverity.choices, default=ConcernSeverity.MEDIUM
    )
    actions = models.TextField(_("acties"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ConcernStatus.choices, default=ConcernStatus.OPEN
    )
    outcome = models.CharField(_("uitkomst"), max_length=25, choices=ConcernOutcome.choices, blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    # A random key from the link form: a second submit of the same form is refused by the database.
    submission_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConcernQuerySet.as_manager()

    class Meta:
        verbose_name = _("zorgmelding")
        verbose_name_plural = _("zorgmeldingen")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ConcernKind.values), name="concern_kind_valid"),
            models.CheckConstraint(
                condition=Q(reporter_role__in=ReporterRole.values), name="concern_reporter_valid"
            ),
            models.CheckConstraint(
                condition=Q(severity__in=ConcernSeverity.values), name="concern_severity_valid"
            ),
            models.CheckConstraint(condition=Q(status__in=ConcernStatus.values), name="concern_status_valid"),
            models.CheckConstraint(
                condition=Q(outcome__in=[*ConcernOutcome.values, ""]), name="concern_outcome_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(outcome=""), name="concern_closed_has_outcome"
            ),
        ]
        indexes = [models.Index(fields=["department", "status"], name="concern_dept_status_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.occurred_on:%d-%m-%Y})"
