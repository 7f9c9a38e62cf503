"""The yearly plan review (PDCA): figures frozen at the moment of review,
findings, decisions and actions with owners, and the next year's plan."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from stagebeheer.scoping import department_ids


class PlanReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(plan__department_id__in=department_ids(user))


class PlanReview(models.Model):
    plan = models.OneToOneField(
        "placements.PlacementPlan",
        on_delete=models.CASCADE,
        related_name="review",
        verbose_name=_("stageplan"),
    )
    # The dashboard sections as they stood when reviewed; later changes do not move them.
    figures = models.JSONField(default=list, encoder=DjangoJSONEncoder, editable=False)
    findings = models.TextField(_("bevindingen"), max_length=5000)
    decisions = models.TextField(_("besluiten"), max_length=5000, blank=True)
    next_plan = models.ForeignKey(
        "placements.PlacementPlan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="previous_reviews",
        verbose_name=_("plan voor volgend jaar"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now_add=True)

    objects = PlanReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluatie van het stageplan")
        verbose_name_plural = _("evaluaties van stageplannen")
        ordering = ["-reviewed_at"]

    def __str__(self):
        return f"{self.plan}"


class PlanReviewAction(models.Model):
    review = models.ForeignKey(PlanReview, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("actie"), max_length=300)
    owner = models.CharField(_("eigenaar"), max_length=150)
    due_on = models.DateField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["review", "pk"]

    def __str__(self):
        return self.description
