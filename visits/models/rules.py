"""Per-plan rules for contact moments, and the plan's guide for workplace
supervisors. Attached to the plan from this side, so placements never knows."""

from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import PlacementPlan
from visits.models.visit import Mode, Purpose


class Timing(models.TextChoices):
    AFTER_START = "after_start", _("dagen na de start")
    SHARE = "share", _("procent van de stageperiode")
    BEFORE_END = "before_end", _("dagen vóór het einde")


class ContactMomentRuleQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(plan__in=PlacementPlan.objects.visible_to(user))

    def editable_by(self, user):
        return self.filter(plan__in=PlacementPlan.objects.editable_by(user))


class ContactMomentRule(models.Model):
    plan = models.ForeignKey(
        PlacementPlan,
        on_delete=models.CASCADE,
        related_name="contact_moment_rules",
        verbose_name=_("stageplan"),
    )
    mode = models.CharField(_("soort contact"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices, default=Purpose.INTERIM)
    timing = models.CharField(_("wanneer"), max_length=12, choices=Timing.choices, default=Timing.AFTER_START)
    offset = models.PositiveSmallIntegerField(
        _("aantal"),
        default=0,
        help_text=_("Dagen na de start of vóór het einde, of een percentage van de stageperiode."),
    )
    repeat_every_days = models.PositiveSmallIntegerField(
        _("herhalen elke … dagen"),
        null=True,
        blank=True,
        help_text=_("Leeg: één keer. Bijvoorbeeld 35 voor een bezoek elke vijf weken."),
    )
    required = models.BooleanField(_("verplicht"), default=True)
    unannounced_allowed = models.BooleanField(_("onaangekondigd toegestaan"), default=False)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = ContactMomentRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("regel voor contactmomenten")
        verbose_name_plural = _("regels voor contactmomenten")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(mode__in=Mode.values), name="rule_mode_valid"),
            models.CheckConstraint(condition=models.Q(purpose__in=Purpose.values), name="rule_purpose_valid"),
            models.CheckConstraint(condition=models.Q(timing__in=Timing.values), name="rule_timing_valid"),
            models.CheckConstraint(
                condition=~models.Q(timing="share") | models.Q(offset__lte=100), name="rule_share_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(repeat_every_days__isnull=True) | models.Q(repeat_every_days__gte=7),
                name="rule_repeat_at_least_weekly",
            ),
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} — {self.get_mode_display()} ({self.describe_when()})"

    def describe_when(self) -> str:
        if self.timing == Timing.SHARE:
            text = _("op %(n)s%% van de periode") % {"n": self.offset}
        elif self.timing == Timing.BEFORE_END:
            text = _("%(n)s dagen vóór het einde") % {"n": self.offset}
        else:
            text = _("%(n)s dagen na de start") % {"n": self.offset}
        if self.repeat_every_days:
            text += ", " + _("daarna elke %(n)s dagen") % {"n": self.repeat_every_days}
        return str(text)

    def dates_for(self, start: date, end: date) -> list[date]:
        """The days this rule plans within [start, end]; weekends move to a weekday."""
        length = (end - start).days
        if self.timing == Timing.SHARE:
            first = start + timedelta(days=round(length * self.offset / 100))
        elif self.timing == Timing.BEFORE_END:
            first = end - timedelta(days=self.offset)
        else:
            first = start + timedelta(days=self.offset)
        days = [first]
        if self.repeat_every_days:
            following = first + timedelta(days=self.repeat_every_days)
            # A safety bound: no plan needs more than 52 repeats of one rule.
            while following <= end and len(days) < 52:
                days.append(following)
                following += timedelta(days=self.repeat_every_days)
        return [_on_weekday(min(max(day, start), end), start, end) for day in days]


def _on_weekday(day: date, start: date, end: date) -> date:
    """Saturday goes back to Friday, Sunday forward to Monday, staying within the period."""
    if day.weekday() == 5 and day - timedelta(days=1) >= start:
        return day - timedelta(days=1)
    if day.weekday() == 6 and day + timedelta(days=1) <= end:
        return day + timedelta(days=1)
    return day


class PlanGuideQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(plan__in=PlacementPlan.objects.visible_to(user))


class PlanGuide(models.Model):
    """A short guide for workplace supervisors, linked from every page they reach by link."""

    plan = models.OneToOneField(PlacementPlan, on_delete=models.CASCADE, related_name="workplace_guide")
    expectations = models.TextField(_("wat de school verwacht"), blank=True)
    strategies = models.TextField(
        _("de drie begeleidingsstrategieën"),
        blank=True,
        help_text=_("Voordoen, erbij betrekken en werk toevertrouwen: wat betekent dat bij deze stage?"),
    )
    allowed = models.TextField(_("wat de leerling mag doen"), blank=True)
    not_allowed = models.TextField(_("wat de leerling niet mag doen"), blank=True)
    contact = models.TextField(_("wie u kunt bellen"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanGuideQuerySet.as_manager()

    class Meta:
        verbose_name = _("handreiking voor praktijkbegeleiders")
        verbose_name_plural = _("handreikingen voor praktijkbegeleiders")

    def __str__(self):
        return str(self.plan)
