"""A sensible assessment set-up per kind of plan, used by the demo and offered to new plans."""

from django.apps import apps

from assessments import standard
from assessments.models import CompetencyFramework, JudgementMethod, PlanAssessmentSetup, Round

FRAMEWORK_FOR_KIND = {
    "mbo_bpv": "Werkprocessen mbo (zorg en welzijn)",
    "teacher_education": "Bekwaamheden lerarenopleiding",
}
DEFAULT_FRAMEWORK = "Werknemersvaardigheden vmbo/pro"


def standard_framework(kind):
    name = FRAMEWORK_FOR_KIND.get(kind, DEFAULT_FRAMEWORK)
    found = CompetencyFramework.objects.filter(department=None, name=name, is_current=True).first()
    if found is None:
        standard.install(lambda model: apps.get_model("assessments", model))
        found = CompetencyFramework.objects.get(department=None, name=name, is_current=True)
    return found


def apply_default(plan) -> PlanAssessmentSetup:
    """Interim halfway and final at the end; mbo and teacher education let the
    school supervisor decide with a rationale, the others weigh the parties."""
    decide = plan.kind in ("mbo_bpv", "teacher_education")
    setup, created = PlanAssessmentSetup.objects.get_or_create(
        plan=plan,
        defaults={
            "framework": standard_framework(plan.kind),
            "method": JudgementMethod.DECISION if decide else JudgementMethod.WEIGHTS,
            "weight_workplace": 60,
            "weight_school": 40,
            "weight_student": 0,
        },
    )
    if created:
        Round.objects.bulk_create(
            [
                Round(setup=setup, kind="interim", share=50, by_workplace=True, by_student=True),
                Round(
                    setup=setup, kind="final", share=100, by_workplace=True, by_student=True, by_school=True
                ),
            ]
        )
    return setup
