"""The final judgement by the school supervisor. Each change is a new row;
earlier ones stay as history (``is_current`` marks the one that counts)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class JudgementQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(placement__in=Placement.objects.visible_to(user))


class FinalJudgement(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="final_judgements")
    version = models.PositiveSmallIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    method = models.CharField(max_length=10)
    overall = models.ForeignKey("assessments.ScaleLevel", on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField(_("onderbouwing"), max_length=4000, blank=True)
    # How the outcome was reached: per competency the parties' levels, weights and the result.
    computation = models.JSONField(default=dict)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    objects = JudgementQuerySet.as_manager()

    class Meta:
        verbose_name = _("eindoordeel")
        verbose_name_plural = _("eindoordelen")
        ordering = ["placement", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "version"], name="judgement_version_unique"),
            models.UniqueConstraint(
                fields=["placement"], condition=Q(is_current=True), name="judgement_one_current"
            ),
        ]

    def __str__(self):
        return f"{self.placement} — v{self.version}"


class JudgementScore(models.Model):
    judgement = models.ForeignKey(FinalJudgement, on_delete=models.CASCADE, related_name="scores")
    competency = models.ForeignKey("assessments.Competency", on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey("assessments.ScaleLevel", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["judgement", "competency"], name="judgementscore_once"),
        ]

    def __str__(self):
        return f"{self.competency} — {self.level}"
