"""One party's assessment of one placement in one round, and its scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class Party(models.TextChoices):
    WORKPLACE = "workplace", _("praktijkbegeleider")
    STUDENT = "student", _("zelfbeoordeling")
    SCHOOL = "school", _("stagebegeleider")


class Status(models.TextChoices):
    OPEN = "open", _("open")
    DRAFT = "draft", _("concept opgeslagen")
    SUBMITTED = "submitted", _("ingediend")


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user, **placements):
        """``placements`` narrows the placements inside the one subquery
        (``state="active"``), so the database starts from those few instead of
        every visible placement (the open-forms list: 333 index probes, not 2,499)."""
        return self.filter(placement__in=Placement.objects.visible_to(user).filter(**placements))

    def open(self):
        return self.exclude(status=Status.SUBMITTED)


class Assessment(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="assessments")
    round = models.ForeignKey("assessments.Round", on_delete=models.PROTECT, related_name="assessments")
    party = models.CharField(_("wie"), max_length=10, choices=Party.choices)
    # The framework version at opening: a later edit of the framework never changes this one.
    framework = models.ForeignKey(
        "assessments.CompetencyFramework", on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    due_on = models.DateField(_("in te vullen vanaf"))
    opened_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_by_label = models.CharField(max_length=150, blank=True)
    tops = models.TextField(_("tops"), max_length=2000, blank=True)
    tips = models.TextField(_("tips"), max_length=2000, blank=True)
    # Optimistic lock: each save raises it; a save made from an older page is refused.
    revision = models.PositiveIntegerField(default=0)
    reminded_first_at = models.DateTimeField(null=True, blank=True)
    reminded_second_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to="assessments/%Y/", blank=True)
    pdf_status = models.CharField(max_length=10, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["placement", "round__share", "party"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "round", "party"], name="assessment_once_per_party"),
            models.CheckConstraint(condition=Q(party__in=Party.values), name="assessment_party_valid"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="assessment_status_valid"),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(submitted_at__isnull=False),
                name="assessment_submitted_has_time",
            ),
        ]
        indexes = [
            # The reminder task and the open-forms list: open forms by due day.
            models.Index(fields=["status", "due_on"], name="assessment_status_due_idx"),
        ]

    def __str__(self):
        return f"{self.placement.student} — {self.round} — {self.get_party_display()}"

    @property
    def is_submitted(self):
        return self.status == Status.SUBMITTED


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    competency = models.ForeignKey("assessments.Competency", on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey("assessments.ScaleLevel", on_delete=models.PROTECT, related_name="+", null=True)
    comment = models.TextField(_("toelichting"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "competency"], name="score_once_per_competency"),
        ]

    def __str__(self):
        return f"{self.competency} — {self.level}"
