"""Hours worked (urenregistratie / aftekenlijst), confirmed per week by the host."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HoursEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        from placements.models.placement import Placement

        return self.filter(placement__in=Placement.objects.visible_to(user))

    def counted(self):
        """Lines that count towards the hours: not rejected by the workplace supervisor."""
        return self.filter(rejected_at__isnull=True)


class HoursSource(models.TextChoices):
    STUDENT = "student", _("leerling")
    STAFF = "staff", _("school")


class HoursEntry(models.Model):
    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.CASCADE, related_name="hours_entries"
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    hours = models.DecimalField(_("uren"), max_digits=4, decimal_places=2)
    description = models.CharField(_("wat heb je gedaan"), max_length=500, blank=True)
    source = models.CharField(_("ingevoerd door"), max_length=10, choices=HoursSource.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    confirmed_by = models.CharField(_("bevestigd door"), max_length=150, blank=True)
    # The key of the form that posted this row: a double tap or a resend after a
    # bad connection posts the same key again, and the unique index stores it once
    # even when the two posts arrive at the same moment.
    submission = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # The working-time rules this line breaks, as found when it was entered
    # (placements.checks.check_hours_entry): the week is flagged for the
    # workplace supervisor and the coordinator.
    problems = models.JSONField(_("signalen arbeidstijden"), default=list, blank=True)
    # The workplace supervisor may reject a line (it no longer counts) or correct its hours.
    rejected_at = models.DateTimeField(_("afgewezen op"), null=True, blank=True)
    rejected_by = models.CharField(_("afgewezen door"), max_length=150, blank=True)
    rejection_reason = models.CharField(_("reden van afwijzing"), max_length=300, blank=True)
    corrected_from = models.DecimalField(
        _("oorspronkelijk aantal uren"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    corrected_by = models.CharField(_("gecorrigeerd door"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = HoursEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("urenregel")
        verbose_name_plural = _("urenregels")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=24), name="hours_entry_hours_in_day"
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=HoursSource.values), name="hours_entry_source_valid"
            ),
        ]
        # Totals per placement and the weekly confirmation read by placement and date.
        indexes = [models.Index(fields=["placement", "date"], name="hours_entry_placement_date_idx")]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.hours} u"

    @property
    def is_open(self) -> bool:
        """Neither confirmed nor rejected: the workplace supervisor can still act on it."""
        return self.confirmed_at is None and self.rejected_at is None


class LearningGoal(models.Model):
    """A personal learning goal for one period (teacher education, pro)."""

    student = models.ForeignKey(
        "placements.Student", on_delete=models.CASCADE, related_name="goals", verbose_name=_("leerling")
    )
    period = models.CharField(_("periode"), max_length=60)
    goal = models.TextField(_("leerdoel"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("leerdoel")
        verbose_name_plural = _("leerdoelen")
        ordering = ["period", "pk"]

    def __str__(self):
        return f"{self.period}: {self.goal[:40]}"
