"""What completing a placement needs, shown as a checklist on the placement page.

Registered with placements (register_completion_check), so completing from any
page with something missing asks for a reason. The assessment lines apply to
placements whose plan has an assessment set-up, the stageboek's "assignments
done" to plans with required assignments; other plans complete as before."""

from decimal import Decimal

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from assessments.models import Assessment, FinalJudgement, PlanAssessmentSetup, RoundKind, Status
from stagebeheer.numbers import number


def checklist(placement) -> list[dict]:
    """[{label, ok, detail}]; a fixed number of queries. The stageboek's line
    comes with any plan that has required assignments, set-up or not."""
    from assessments.stageboek import checklist_items

    return _assessment_items(placement) + checklist_items(placement)


def _assessment_items(placement) -> list[dict]:
    if not PlanAssessmentSetup.objects.filter(plan_id=placement.plan_id).exists():
        return []
    items = []
    hours = placement.hours_entries.aggregate(
        total=Sum("hours"), unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True))
    )
    total = hours["total"] or Decimal(0)
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
            "ok": hours["unconfirmed"] == 0,
            "detail": _("%(n)s regel(s) nog niet bevestigd") % {"n": hours["unconfirmed"]}
            if hours["unconfirmed"]
            else "",
        }
    )
    finals = list(
        Assessment.objects.filter(placement=placement, round__kind=RoundKind.FINAL).values_list(
            "party", "status"
        )
    )
    wanted = set()
    final_round = (
        PlanAssessmentSetup.objects.get(plan_id=placement.plan_id).rounds.filter(kind=RoundKind.FINAL).first()
    )
    if final_round is not None:
        wanted = set(final_round.parties())
    done = {party for party, status in finals if status == Status.SUBMITTED}
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
    items.append(
        {
            "label": _("Eindoordeel vastgelegd"),
            "ok": FinalJudgement.objects.filter(placement=placement, is_current=True).exists(),
            "detail": "",
        }
    )
    if apps.is_installed("visits"):
        visit = apps.get_model("visits", "Visit")
        held = visit.objects.filter(placement=placement, purpose="final", status="done").exists()
        items.append({"label": _("Eindgesprek gehouden"), "ok": held, "detail": ""})
    return items


def missing(placement) -> list[str]:
    return [str(item["label"]) for item in checklist(placement) if not item["ok"]]
