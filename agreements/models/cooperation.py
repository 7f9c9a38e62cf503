"""Cooperation agreements that sit above single placements."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


class CooperationKind(models.TextChoices):
    # Art. 2.37 UB WVO 2020: a standing agreement with a host may cover parts of the stageovereenkomst.
    STANDING_HOST = "standing_host", _("samenwerkingsovereenkomst met stagebedrijf (art. 2.37)")
    # Leerwerktraject: the school works with an mbo institution (WVO 2020 art. 2.103 e.v.).
    LWT_MBO = "lwt_mbo", _("samenwerkingsovereenkomst lwt met mbo-instelling")


class CooperationAgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.cooperations_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.cooperations_editable(self, user)

    def valid_on(self, day):
        return self.filter(valid_from__lte=day).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))


class CooperationAgreement(models.Model):
    kind = models.CharField(_("soort"), max_length=16, choices=CooperationKind.choices)
    host = models.ForeignKey(
        "placements.Host",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="cooperation_agreements",
        verbose_name=_("stagebedrijf"),
    )
    plan = models.ForeignKey(
        "placements.PlacementPlan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="cooperation_agreements",
        verbose_name=_("stageplan"),
    )
    partner_name = models.CharField(
        _("mbo-instelling"),
        max_length=200,
        blank=True,
        help_text=_("Alleen bij een lwt-samenwerkingsovereenkomst."),
    )
    reference = models.CharField(_("kenmerk"), max_length=100, blank=True)
    covers = models.TextField(_("wat de overeenkomst regelt"), blank=True)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CooperationAgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("samenwerkingsovereenkomst")
        verbose_name_plural = _("samenwerkingsovereenkomsten")
        ordering = ["-valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CooperationKind.values), name="cooperation_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="cooperation_dates_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(kind="standing_host") | Q(host__isnull=False),
                name="cooperation_standing_has_host",
            ),
            models.CheckConstraint(
                condition=~Q(kind="lwt_mbo") | Q(plan__isnull=False), name="cooperation_lwt_has_plan"
            ),
        ]

    def __str__(self):
        return str(self.host or self.partner_name or self.plan)

    def is_valid_on(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.valid_from <= day and (self.valid_until is None or self.valid_until >= day)
