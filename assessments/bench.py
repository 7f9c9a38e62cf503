"""Assessments of the benchmark board: a 12-competency framework per department,
a set-up with an interim and a final round on every plan, the forms of every
due round (submitted with 12 scores, drafts with 3, some open) and a final
judgement on each completed placement. About 60,000 forms at scale 1."""

from datetime import datetime, time, timedelta

from django.apps import apps
from django.utils import timezone

from assessments import standard
from assessments.models import (
    Assessment,
    Competency,
    CompetencyFramework,
    FinalJudgement,
    JudgementScore,
    LevelIndicator,
    PlanAssessmentSetup,
    Round,
    Scale,
    Score,
)
from placements.models import PlacementPlan
from stagebeheer.bench import BATCH, copy_rows

ORDER = 40
COMPETENCIES = 12
DECIDES = ("mbo_bpv", "teacher_education")  # as presets.apply_default
TOPS = "Komt afspraken na en is vriendelijk tegen klanten."
TIPS = "Vaker zelf vragen stellen als iets niet duidelijk is."


def _at(day):
    return timezone.make_aware(datetime.combine(day, time(16, 0)))


def _frameworks(board):
    """One department-owned framework of 12 competencies on the standard three-level scale."""
    standard.install(lambda model: apps.get_model("assessments", model))
    scale = Scale.objects.get(department=None, name=standard.THREE)
    levels = list(scale.levels.order_by("order"))
    frameworks = CompetencyFramework.objects.bulk_create(
        CompetencyFramework(department=d, name="Benchmark competenties", scale=scale)
        for d in board.departments
    )
    competencies = Competency.objects.bulk_create(
        (
            Competency(
                framework=f,
                order=k,
                name=f"Competentie {k + 1}",
                description="Laat dit zien op de werkvloer.",
            )
            for f in frameworks
            for k in range(COMPETENCIES)
        ),
        batch_size=BATCH,
    )
    LevelIndicator.objects.bulk_create(
        (
            LevelIndicator(
                competency=c, level=level, text=f"{level.label}: {c.name}", student_text=level.label
            )
            for c in competencies
            for level in levels
        ),
        batch_size=BATCH,
    )
    per_framework = {}
    for c in competencies:
        per_framework.setdefault(c.framework_id, []).append(c.pk)
    return {f.department_id: f for f in frameworks}, per_framework, levels


def _setups(board, frameworks):
    """Interim (workplace) at 50 %, final (workplace, school; the student too in teacher education) at 100 %."""
    plans = list(PlacementPlan.objects.filter(department__in=board.departments).select_related("department"))
    setups = PlanAssessmentSetup.objects.bulk_create(
        PlanAssessmentSetup(
            plan=plan,
            framework=frameworks[plan.department_id],
            method="decision" if plan.kind in DECIDES else "weights",
            weight_workplace=60,
            weight_school=40,
            weight_student=0,
        )
        for plan in plans
    )
    kinds = {plan.pk: plan.kind for plan in plans}
    rounds = Round.objects.bulk_create(
        r
        for s in setups
        for r in (
            Round(setup=s, kind="interim", share=50, by_workplace=True, by_student=False),
            Round(
                setup=s,
                kind="final",
                share=100,
                by_workplace=True,
                by_student=kinds[s.plan_id] == "teacher_education",
                by_school=True,
            ),
        )
    )
    per_plan = {}
    for r in rounds:
        per_plan.setdefault(r.setup.plan_id, []).append(r)
    return {s.plan_id: s for s in setups}, per_plan


def _due_rounds(p, rounds, today):
    if p.state in ("draft", "agreement_pending"):
        return []
    if p.state == "completed":
        return rounds
    last = p.terminated_on if p.state == "terminated" else today
    return [r for r in rounds if r.date_for(p.start_date, p.end_date) <= last]


def _forms(board, setups, rounds):
    now = timezone.now()
    rows = []
    for p in board.placements:
        for rnd in _due_rounds(p, rounds[p.plan_id], board.today):
            due = rnd.date_for(p.start_date, p.end_date)
            for party in rnd.parties():
                # Running placements: one in three submitted, one a draft, one open.
                status = "submitted" if p.state != "active" else ("submitted", "draft", "open")[p.pk % 3]
                done = status == "submitted"
                rows.append(
                    Assessment(
                        placement_id=p.pk,
                        round=rnd,
                        party=party,
                        framework_id=setups[p.plan_id].framework_id,
                        status=status,
                        due_on=due,
                        submitted_at=_at(due + timedelta(days=3)) if done else None,
                        submitted_by_id=p.school_supervisor_id if done and party == "school" else None,
                        submitted_by_label="" if party == "school" or not done else f"{party} via link",
                        tops=TOPS if status != "open" else "",
                        tips=TIPS if status != "open" else "",
                        revision=0 if status == "open" else 1,
                        # The steady state: open linked forms had both reminders already.
                        reminded_first_at=None if done or party == "school" else now,
                        reminded_second_at=None if done or party == "school" else now,
                    )
                )
    return Assessment.objects.bulk_create(rows, batch_size=BATCH)


def _scores(forms, per_framework, levels):
    def rows():
        for a in forms:
            if a.status == "open":
                continue
            competencies = per_framework[a.framework_id]
            for k, competency in enumerate(competencies if a.status == "submitted" else competencies[:3]):
                # Mostly 'voldoende' and 'goed', now and then 'onvoldoende'.
                level = levels[1 + (a.pk + k) % 2 if (a.pk + k) % 11 else 0]
                yield (a.pk, competency, level.pk, "")

    copy_rows(Score, ["assessment", "competency", "level", "comment"], rows())


def _judgements(board, setups, per_framework, levels):
    judgements = FinalJudgement.objects.bulk_create(
        (
            FinalJudgement(
                placement_id=p.pk,
                method=setups[p.plan_id].method,
                overall=levels[1 + p.pk % 2],
                rationale="Besproken in het eindgesprek met de leerling en de praktijkbegeleider.",
                computation={"method": setups[p.plan_id].method, "rows": []},
                decided_by_id=p.school_supervisor_id,
            )
            for p in board.placements
            if p.state == "completed"
        ),
        batch_size=BATCH,
    )
    framework_of = {plan_id: s.framework_id for plan_id, s in setups.items()}
    plan_of = {p.pk: p.plan_id for p in board.placements}
    copy_rows(
        JudgementScore,
        ["judgement", "competency", "level"],
        (
            (j.pk, c, levels[1 + (j.pk + k) % 2].pk)
            for j in judgements
            for k, c in enumerate(per_framework[framework_of[plan_of[j.placement_id]]])
        ),
    )
    return len(judgements)


def seed(board):
    frameworks, per_framework, levels = _frameworks(board)
    setups, rounds = _setups(board, frameworks)
    forms = _forms(board, setups, rounds)
    _scores(forms, per_framework, levels)
    board.counts["assessments"] = len(forms)
    board.counts["final judgements"] = _judgements(board, setups, per_framework, levels)
