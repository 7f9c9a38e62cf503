"""What completing a placement needs, shown as a checklist on the placement page.

Registered with placements (register_completion_check), so completing from any
page with something missing asks for a reason. The assessment lines apply to
placements whose plan has an assessment set-up, the stageboek's "assignments
done" to plans with required assignments; other plans complete as before."""

from decimal import Decimal

from django.apps import apps
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from assessments.models import Assessment, FinalJudgement, PlanAssessmentSetup, RoundKind, Status
from stagebeheer.numbers import number


class Loaded:
    """What the placement page's panels already read, handed to the checklist so
    it does not ask again: the plan's set-up with its rounds (None: no set-up),
    the placement's assessments and the stageboek rows."""

    def __init__(self, setup, assessments, rows):
        self.setup, self.assessments, self.rows = setup, assessments, rows


def load_setup(plan_id):
    """The plan's set-up with its rounds (two queries), or None (one)."""
    return PlanAssessmentSetup.objects.filter(plan_id=plan_id).prefetch_related("rounds").first()


def checklist(placement, loaded: Loaded | None = None) -> list[dict]:
    """[{label, ok, detail}]; a fixed number of queries. The stageboek's line
    comes with any plan that has required assignments, set-up or not."""
    from assessments.stageboek import checklist_items

    rows = loaded.rows if loaded else None
    return _assessment_items(placement, loaded) + checklist_items(placement, rows)


def _facts(placement):
    """Hours, the current final judgement and the held end conversation in one query."""
    hours = placement.hours_entries.model.objects.filter(placement_id=OuterRef("pk"))
    facts = {
        "total": Coalesce(
            Subquery(hours.values("placement_id").annotate(s=Sum("hours")).values("s")), Value(Decimal(0))
        ),
        "unconfirmed": Coalesce(
            Subquery(
                hours.filter(confirmed_at__isnull=True)
                .values("placement_id")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        ),
        "judged": Exists(FinalJudgement.objects.filter(placement_id=OuterRef("pk"), is_current=True)),
    }
    if apps.is_installed("visits"):
        visit = apps.get_model("visits", "Visit")
        facts["held"] = Exists(
            visit.objects.filter(placement_id=OuterRef("pk"), purpose="final", status="done")
        )
    return type(placement).objects.filter(pk=placement.pk).values(**facts).get()


def _final_parties(placement, setup, loaded):
    """(wanted, submitted) parties of the final round."""
    finals_rounds = [r for r in setup.rounds.all() if r.kind == RoundKind.FINAL]
    wanted = set(finals_rounds[0].parties()) if finals_rounds else set()
    if loaded is not None:
        ids = {r.pk for r in finals_rounds}
        finals = [(a.party, a.status) for a in loaded.assessments if a.round_id in ids]
    else:
        finals = Assessment.objects.filter(placement=placement, round__kind=RoundKind.FINAL).values_list(
            "party", "status"
        )
    return wanted, {party for party, status in finals if status == Status.SUBMITTED}


def _assessment_items(placement, loaded=None) -> list[dict]:
    setup = loaded.setup if loaded else load_setup(placement.plan_id)
    if setup is None:
        return []
    facts = _facts(placement)
    items = []
    total = facts["total"]
    required = Decimal(placement.plan.min_hours or 0) or placement.planned_hours or Decimal(0)
    items.append(
        {
            "label": _("Uren gehaald"),
            "ok": total >= required,
            "detail": _("%(done)s van %(need)s uur") % {"done": number(total), "need": number(required)},
        }
    )
    items.append(
        {
            "label": _("Uren bevestigd door het stagebedrijf"),
            "ok": facts["unconfirmed"] == 0,
            "detail": _("%(n)s regel(s) nog niet bevestigd") % {"n": facts["unconfirmed"]}
            if facts["unconfirmed"]
            else "",
        }
    )
    wanted, done = _final_parties(placement, setup, loaded)
    labels = {
        "workplace": _("praktijkbegeleider"),
        "student": _("zelfbeoordeling"),
        "school": _("stagebegeleider"),
    }
    for party in ("workplace", "student", "school"):
        if party in wanted:
            items.append(
                {
                    "label": _("Eindbeoordeling: %(p)s") % {"p": labels[party]},
                    "ok": party in done,
                    "detail": "" if party in done else _("nog niet ingediend"),
                }
            )
    items.append({"label": _("Eindoordeel vastgelegd"), "ok": facts["judged"], "detail": ""})
    if "held" in facts:
        items.append({"label": _("Eindgesprek gehouden"), "ok": facts["held"], "detail": ""})
    return items


def missing(placement) -> list[str]:
    return [str(item["label"]) for item in checklist(placement) if not item["ok"]]
