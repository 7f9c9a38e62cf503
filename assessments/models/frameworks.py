"""Scales and competency frameworks. A framework is versioned: once an
assessment uses a version it is frozen, and editing makes the next version."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stagebeheer.scoping import department_ids

MIN_COMPETENCIES = 5
MAX_COMPETENCIES = 40


class _SharedOrOwnQuerySet(models.QuerySet):
    """Standard rows (no department) are visible to all staff; a department's
    own rows only to its staff. Only coordinators change their department's rows."""

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(Q(department__isnull=True) | Q(department_id__in=department_ids(user)))

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.filter(department__isnull=False)
        return self.filter(department_id__in=department_ids(user, ["coordinator"]))


class Scale(models.Model):
    department = models.ForeignKey(
        "stagebeheer.Department",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afdeling"),
        help_text=_("Leeg: een standaardschaal voor iedereen."),
    )
    name = models.CharField(_("naam"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = _SharedOrOwnQuerySet.as_manager()

    class Meta:
        verbose_name = _("schaal")
        verbose_name_plural = _("schalen")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ScaleLevel(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="levels")
    order = models.PositiveSmallIntegerField(_("volgorde"))
    label = models.CharField(_("niveau"), max_length=60)
    number = models.DecimalField(_("cijfer"), max_digits=4, decimal_places=1, null=True, blank=True)
    passing = models.BooleanField(_("voldoende"), default=True)

    class Meta:
        verbose_name = _("niveau")
        verbose_name_plural = _("niveaus")
        ordering = ["scale", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "order"], name="scalelevel_order_unique"),
        ]

    def __str__(self):
        return self.label


class CompetencyFramework(models.Model):
    department = models.ForeignKey(
        "stagebeheer.Department",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afdeling"),
    )
    name = models.CharField(_("naam"), max_length=150)
    description = models.TextField(_("toelichting"), max_length=2000, blank=True)
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, related_name="frameworks", verbose_name=_("schaal")
    )
    # All versions of one framework share a lineage; exactly one is current.
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    is_current = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = _SharedOrOwnQuerySet.as_manager()

    class Meta:
        verbose_name = _("competentielijst")
        verbose_name_plural = _("competentielijsten")
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["lineage", "version"], name="framework_version_unique"),
            models.UniqueConstraint(
                fields=["lineage"], condition=Q(is_current=True), name="framework_one_current"
            ),
        ]

    def __str__(self):
        return f"{self.name} (v{self.version})"

    @property
    def is_standard(self):
        return self.department_id is None


class Competency(models.Model):
    framework = models.ForeignKey(CompetencyFramework, on_delete=models.CASCADE, related_name="competencies")
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    name = models.CharField(_("naam"), max_length=150)
    description = models.TextField(_("omschrijving"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        ordering = ["framework", "order", "pk"]

    def __str__(self):
        return self.name


class LevelIndicator(models.Model):
    """What a level means for this competency, for the workplace supervisor and
    (where given) in the student's own words."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="indicators")
    level = models.ForeignKey(ScaleLevel, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("indicator"), max_length=500)
    student_text = models.CharField(_("indicator voor de leerling"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="indicator_level_unique"),
        ]

    def __str__(self):
        return f"{self.competency} — {self.level}"
