"""Wish rounds: students rank places, the allocation proposes, the coordinator decides.

A ``WishRound`` belongs to one plan and one period. Each student of the round is
a ``WishParticipant`` (reached by an emailed link), who ranks up to five places
(``Wish``). The proposal lives on the participant (``proposed_host``); nothing
becomes a ``Placement`` until the coordinator accepts the round.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stagebeheer.scoping import department_ids

MAX_WISHES = 5


class WishRoundState(models.TextChoices):
    OPEN = "open", _("open voor wensen")
    CLOSED = "closed", _("gesloten")
    ACCEPTED = "accepted", _("voorstel aangenomen")


class WishRoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators, leaders and mentors of the plan's department; a mentor
        sees only own mentees' wishes (WishParticipant.visible_to)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(plan__department_id__in=department_ids(user, ["coordinator", "leader", "mentor"]))

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(plan__department_id__in=department_ids(user, ["coordinator"]))


class WishRound(models.Model):
    plan = models.ForeignKey(
        "placements.PlacementPlan",
        on_delete=models.CASCADE,
        related_name="wish_rounds",
        verbose_name=_("stageplan"),
    )
    title = models.CharField(_("naam"), max_length=120)
    start_date = models.DateField(_("begindatum van de stages"))
    end_date = models.DateField(_("einddatum van de stages"))
    closes_on = models.DateField(_("wensen kunnen tot en met"))
    state = models.CharField(
        _("status"), max_length=10, choices=WishRoundState.choices, default=WishRoundState.OPEN
    )
    # Hosts the coordinator leaves out of this round (no places offered).
    excluded_hosts = models.ManyToManyField(
        "placements.Host", blank=True, related_name="+", verbose_name=_("niet aangeboden")
    )
    proposal_run_at = models.DateTimeField(_("voorstel berekend op"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WishRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("wensronde")
        verbose_name_plural = _("wensrondes")
        ordering = ["-start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=WishRoundState.values), name="wish_round_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="wish_round_dates_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(closes_on__lte=models.F("start_date")),
                name="wish_round_closes_before_start",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.plan})"

    @property
    def is_open(self) -> bool:
        return self.state == WishRoundState.OPEN and timezone.localdate() <= self.closes_on


class ProposalReason(models.TextChoices):
    WISH = "wish", _("een van de wensen")
    NEAREST = "nearest", _("geen bruikbare wens: dichtstbijzijnde passende plaats")
    FIXED = "fixed", _("vastgezet door de coördinator")
    DUO = "duo", _("samen met de duo-partner")
    FULL = "full", _("geen plaats meer vrij bij de wensen")
    NO_WISH = "no_wish", _("geen wens en geen passende plaats vrij")
    RULES = "rules", _("het rooster van het plan past niet bij de arbeidstijden van deze leerling")
    PLACED = "placed", _("heeft al een stage in deze periode")
    OWN_FIND = "own_find", _("eigen stageplaats wacht op goedkeuring")


class WishParticipantQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators and leaders: the department's rounds; a mentor: own mentees."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        scope = models.Q(round__plan__department_id__in=department_ids(user, ["coordinator", "leader"]))
        mentoring = department_ids(user, ["mentor"])
        if mentoring:
            scope |= models.Q(student__mentor=user, round__plan__department_id__in=mentoring)
        return self.filter(scope)

    def wishes_editable_by(self, user):
        """Who may enter wishes for a student in the app: coordinators and the student's mentor."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        scope = models.Q(round__plan__department_id__in=department_ids(user, ["coordinator"]))
        mentoring = department_ids(user, ["mentor"])
        if mentoring:
            scope |= models.Q(student__mentor=user, round__plan__department_id__in=mentoring)
        return self.filter(scope)


class WishParticipant(models.Model):
    round = models.ForeignKey(WishRound, on_delete=models.CASCADE, related_name="participants")
    student = models.ForeignKey(
        "placements.Student", on_delete=models.CASCADE, related_name="wish_rounds", verbose_name=_("leerling")
    )
    duo_with = models.ForeignKey(
        "placements.Student",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("duo-stage met"),
    )
    submitted_at = models.DateTimeField(_("wensen ingediend op"), null=True, blank=True)
    submitted_by = models.CharField(_("ingediend door"), max_length=150, blank=True)
    # The one reminder before the closing date (placements.tasks), claimed by a conditional UPDATE.
    reminded_at = models.DateTimeField(_("herinnerd op"), null=True, blank=True)
    # The coordinator's pin before a run (support needs, an own find) or a move by hand.
    fixed_host = models.ForeignKey(
        "placements.Host", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_host = models.ForeignKey(
        "placements.Host", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    proposed_km = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    proposal_reason = models.CharField(max_length=10, choices=ProposalReason.choices, blank=True)
    placement = models.OneToOneField(
        "placements.Placement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = WishParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("deelnemer aan een wensronde")
        verbose_name_plural = _("deelnemers aan een wensronde")
        ordering = ["student__last_name", "student__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "student"], name="wish_participant_unique"),
            models.CheckConstraint(
                condition=models.Q(proposal_reason__in=[*ProposalReason.values, ""]),
                name="wish_participant_reason_valid",
            ),
        ]
        # The proposal page reads per round and host.
        indexes = [models.Index(fields=["round", "proposed_host"], name="wish_participant_host_idx")]

    def __str__(self):
        return f"{self.student} — {self.round}"


class Wish(models.Model):
    participant = models.ForeignKey(WishParticipant, on_delete=models.CASCADE, related_name="wishes")
    rank = models.PositiveSmallIntegerField(
        _("keuze"), validators=[MinValueValidator(1), MaxValueValidator(MAX_WISHES)]
    )
    host = models.ForeignKey("placements.Host", on_delete=models.CASCADE, related_name="+")
    motivation = models.CharField(_("waarom deze plaats"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("wens")
        verbose_name_plural = _("wensen")
        ordering = ["participant", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "rank"], name="wish_unique_rank"),
            models.UniqueConstraint(fields=["participant", "host"], name="wish_unique_host"),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1) & models.Q(rank__lte=MAX_WISHES), name="wish_rank_range"
            ),
        ]

    def __str__(self):
        return f"{self.rank}. {self.host_id}"


class OwnFindState(models.TextChoices):
    SUBMITTED = "submitted", _("wacht op goedkeuring")
    APPROVED = "approved", _("goedgekeurd")
    REJECTED = "rejected", _("afgewezen")


class OwnFindQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Whoever sees the participant (WishParticipant.visible_to)."""
        return self.filter(participant__in=WishParticipant.objects.visible_to(user))


class OwnFind(models.Model):
    """A place the student found themselves (eigen stageplaats), instead of wishes.
    The coordinator approves it against the plan's rules; approval pins the
    participant to the host (``fixed_host``), so accepting the round makes the
    placement with these dates and this contact. One per participant: a new
    submission replaces the old one while it waits."""

    participant = models.OneToOneField(WishParticipant, on_delete=models.CASCADE, related_name="own_find")
    host = models.ForeignKey(
        "placements.Host", on_delete=models.CASCADE, related_name="+", verbose_name=_("stagebedrijf")
    )
    # The student entered the host: it is new in the directory, status "te controleren".
    new_host = models.BooleanField(_("nieuw stagebedrijf"), default=False)
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres van de contactpersoon"))
    contact_phone = models.CharField(_("telefoon van de contactpersoon"), max_length=30, blank=True)
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(_("einddatum"))
    # How the student relates to the host (family, own side job): a plan may forbid these.
    relation_kinds = models.JSONField(_("relatie met het stagebedrijf"), default=list, blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=OwnFindState.choices, default=OwnFindState.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    submitted_by = models.CharField(_("ingediend door"), max_length=150, blank=True)
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Why it was rejected, or why it was approved despite a warning.
    decision_reason = models.CharField(_("toelichting bij het besluit"), max_length=500, blank=True)

    objects = OwnFindQuerySet.as_manager()

    class Meta:
        verbose_name = _("eigen stageplaats")
        verbose_name_plural = _("eigen stageplaatsen")
        ordering = ["participant", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=OwnFindState.values), name="own_find_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="own_find_dates_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.participant} — {self.host_id}"
