"""The inspection dossier: one ZIP per plan, built in the background, downloads recorded."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stagebeheer.models import Department
from stagebeheer.scoping import department_ids


class DossierStatus(models.TextChoices):
    QUEUED = "queued", _("in de wachtrij")
    BUILDING = "building", _("wordt gemaakt")
    READY = "ready", _("klaar")
    FAILED = "failed", _("mislukt")


def dossier_scope(user, prefix="plan__"):
    """Plans whose dossier the user may fetch: the department's coordinators,
    and the leaders of any department of the same school. ``prefix`` is the
    path to the plan ("" when filtering plans themselves)."""
    from django.db.models import Q

    led_schools = Department.objects.filter(pk__in=department_ids(user, ["leader"])).values("school_id")
    return Q(**{f"{prefix}department_id__in": department_ids(user, ["coordinator"])}) | Q(
        **{f"{prefix}department__school_id__in": led_schools}
    )


class DossierExportQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(dossier_scope(user))


def _path(export, filename):
    return f"dossiers/{export.plan_id}/{filename}"


class DossierExport(models.Model):
    plan = models.ForeignKey("placements.PlacementPlan", on_delete=models.CASCADE, related_name="dossiers")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=DossierStatus.choices, default=DossierStatus.QUEUED)
    file = models.FileField(upload_to=_path, blank=True)
    files = models.JSONField(default=list, blank=True)  # the ZIP's index, for the page
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = DossierExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspectiedossier")
        verbose_name_plural = _("inspectiedossiers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=DossierStatus.values), name="dossier_status_valid"
            ),
            # One build at a time per plan: a double click queues one.
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status__in=["queued", "building"]),
                name="dossier_one_running",
            ),
        ]

    def __str__(self):
        return f"{self.plan_id} ({self.status})"


class DossierDownload(models.Model):
    export = models.ForeignKey(DossierExport, on_delete=models.CASCADE, related_name="downloads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    downloaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("download van een inspectiedossier")
        verbose_name_plural = _("downloads van inspectiedossiers")

    def __str__(self):
        return f"{self.export_id} {self.user_id}"
