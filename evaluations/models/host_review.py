"""The school supervisor's review of the host after each placement."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from stagebeheer.scoping import department_ids

SCORE = [MinValueValidator(1), MaxValueValidator(5)]
# A safety score at or below this counts as a safety concern.
SAFETY_CONCERN_AT = 2


class HostReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff of the school read the host directory, so they read its reviews."""
        from placements.models import Host

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(host__in=Host.objects.visible_to(user))

    def in_departments(self, user, roles):
        return self.filter(placement__plan__department_id__in=department_ids(user, roles))


class HostReview(models.Model):
    placement = models.OneToOneField(
        "placements.Placement", on_delete=models.CASCADE, related_name="host_review", verbose_name=_("stage")
    )
    host = models.ForeignKey(
        "placements.Host", on_delete=models.CASCADE, related_name="reviews", verbose_name=_("stagebedrijf")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    learning_opportunities = models.PositiveSmallIntegerField(_("leerkansen"), validators=SCORE)
    guidance = models.PositiveSmallIntegerField(_("begeleiding"), validators=SCORE)
    safety = models.PositiveSmallIntegerField(_("veiligheid"), validators=SCORE)
    would_place_again = models.BooleanField(_("zou hier opnieuw plaatsen"))
    comment = models.TextField(_("toelichting"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = HostReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("beoordeling van het stagebedrijf")
        verbose_name_plural = _("beoordelingen van stagebedrijven")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(learning_opportunities__gte=1, learning_opportunities__lte=5)
                & models.Q(guidance__gte=1, guidance__lte=5)
                & models.Q(safety__gte=1, safety__lte=5),
                name="hostreview_scores_range",
            ),
        ]
        indexes = [
            # The host page's roll-up over the last years.
            models.Index(fields=["host", "created_at"], name="hostreview_host_idx"),
        ]

    def __str__(self):
        return f"{self.host_id} — {self.placement_id}"

    @property
    def is_safety_concern(self) -> bool:
        return self.safety <= SAFETY_CONCERN_AT
