"""Each required element, when its data is missing, is named and blocks sending."""

import pytest

from agreements import services
from agreements.elements import ELEMENTS, KIND_ELEMENTS, OPTIONAL
from agreements.models import AgreementStatus
from placements.models import PlacementWorkplaceSupervisor

pytestmark = pytest.mark.django_db


def _plan(field):
    def blank(placement):
        setattr(placement.plan, field, "")
        placement.plan.save()

    return blank


def _placement(**values):
    def blank(placement):
        for field, value in values.items():
            setattr(placement, field, value)
        placement.save()

    return blank


def _school_address(placement):
    school = placement.plan.department.school
    school.address = ""
    school.save()


def _host(**values):
    def blank(placement):
        for field, value in values.items():
            setattr(placement.host, field, value)
        placement.host.save()

    return blank


def _no_guardian(placement):
    placement.student.guardians.all().delete()


def _no_student_email(placement):
    placement.student.email = ""
    placement.student.save()


def _no_workplace_supervisor(placement):
    PlacementWorkplaceSupervisor.objects.filter(placement=placement).delete()


# element -> (how to take its data away, the start of the problem line)
BLANKS = {
    "school": (_school_address, "school:"),
    "host": (_host(address=""), "stagebedrijf:"),
    "student": (_no_guardian, "leerling:"),
    "school_supervisor": (_placement(school_supervisor=None), "begeleiding school:"),
    "workplace_supervisor": (_no_workplace_supervisor, "begeleiding stagebedrijf:"),
    "activities": (_placement(activities=""), "leeractiviteiten:"),
    "locations": (_host(address="", city=""), "werkplek:"),
    "times": (_placement(schedule=[]), "tijden:"),
    "guidance_split": (_plan("guidance_split"), "begeleiding:"),
    "host_assessment": (_plan("host_assessment_role"), "beoordeling:"),
    "insurance": (_plan("insurance_premium_payer"), "verzekering: wie de premie betaalt"),
    "learning_goals": (_plan("goal"), "leerdoelen:"),  # the student has no goals of their own here
    "hours": (_placement(planned_hours=0), "omvang:"),
    "total_hours": (_placement(planned_hours=0), "omvang:"),
    "goal": (_plan("goal"), "doel:"),
    "assessment_criteria": (_plan("assessment_criteria"), "beoordeling: de beoordelingscriteria"),
    "early_end": (_plan("termination_clause"), "beëindiging:"),
    "sbb": (_host(sbb_number=""), "erkenning:"),
    "hours_spread": (_plan("scope"), "omvang:"),
    "qualification_part": (_plan("qualification_part"), "kwalificatie:"),
}
# Teacher education has no guardian (placements.rules.guardian_signs): the student signs,
# so what can go missing is the student's own address.
BLANKS_BY_KIND = {"ho": {"student": (_no_student_email, "student:")}}

CASES = [
    (kind, key)
    for kind, keys in KIND_ELEMENTS.items()
    for key in keys
    if key not in OPTIONAL and ELEMENTS[key].source != "law" and key not in ("period", "plan")
]


def test_every_required_element_with_data_has_a_way_to_go_missing():
    # "period" comes from the placement's two required dates, "plan" from its required plan;
    # "law" elements are fixed text.
    assert {key for _kind, key in CASES} <= set(BLANKS)


@pytest.mark.parametrize(("kind", "key"), CASES)
def test_a_missing_element_is_named_and_the_agreement_cannot_be_sent(kind, key, make_placement, coordinator):
    blank, problem = BLANKS_BY_KIND.get(kind, {}).get(key, BLANKS[key])
    placement = make_placement(kind)
    blank(placement)
    agreement = services.generate(placement, actor=coordinator)
    assert any(p.startswith(problem) for p in agreement.problems), agreement.problems
    with pytest.raises(services.AgreementError, match="niet compleet"):
        services.send(agreement, actor=coordinator)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DRAFT
