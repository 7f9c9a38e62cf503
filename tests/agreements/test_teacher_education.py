"""The teacher-education agreement (issue 10, point 27): the student signs alone, the
roles are werkplekbegeleider, instituutsopleider and schoolopleider, no leerling."""

from datetime import date

import pytest

from agreements import services
from agreements.models import Party, SignatureRequest
from tests.agreements.conftest import pdf_text, read
from tests.factories.placements import GuardianFactory, WorkplaceSupervisorFactory

pytestmark = pytest.mark.django_db


def _with_trainer(placement):
    trainer = WorkplaceSupervisorFactory(
        host=placement.host, name="Marloes Visser", position="schoolopleider", email="m.visser@school.example"
    )
    placement.school_trainer = trainer
    placement.save()
    return trainer


def _sent(placement, coordinator, commit):
    with commit():
        agreement = services.generate(placement, actor=coordinator)
    assert agreement.problems == []
    with commit():
        services.send(agreement, actor=coordinator)
    return agreement


def test_an_adult_student_signs_alone(make_placement, coordinator, commit, mailoutbox):
    placement = make_placement("ho", minor=False)
    agreement = _sent(placement, coordinator, commit)
    student = SignatureRequest.objects.get(agreement=agreement, party=Party.STUDENT)
    assert student.email == placement.student.email
    assert student.role_label == "student"
    assert "ouder" not in " ".join(m.to[0] + m.body for m in mailoutbox)


def test_a_seventeen_year_old_student_teacher_has_no_guardian_party(make_placement, coordinator, commit):
    """Higher education: even with a guardian on file nobody signs, is reminded or is missing for them."""
    placement = make_placement("ho", minor=False)
    student = placement.student
    student.date_of_birth = date(2010, 6, 1)  # 16 on the day the agreement is made
    student.save()
    GuardianFactory(student=student, name="Marieke Verhoeven", email="ouder@thuis.example")
    agreement = _sent(placement, coordinator, commit)

    parties = {p["party"]: p for p in agreement.content["parties"]}
    assert parties[Party.STUDENT]["name"] == student.full_name
    assert "ouder" not in str(agreement.content).lower()
    emails = set(SignatureRequest.objects.filter(agreement=agreement).values_list("email", flat=True))
    assert "ouder@thuis.example" not in emails


def test_a_minor_in_vo_still_signs_through_a_guardian(make_placement, coordinator, commit):
    placement = make_placement("vo", minor=True)
    agreement = _sent(placement, coordinator, commit)
    student = SignatureRequest.objects.get(agreement=agreement, party=Party.STUDENT)
    assert student.email == "ouder@thuis.example"


def test_without_a_guardian_a_teacher_education_minor_is_not_missing_one(make_placement):
    placement = make_placement("ho", minor=False)
    placement.student.date_of_birth = date(2010, 6, 1)
    placement.student.save()
    agreement = services.generate(placement)
    assert not any("ouder" in p for p in agreement.problems)


@pytest.mark.usefixtures("real_pdf")
def test_the_pdf_names_the_team_in_teacher_education_words(make_placement, coordinator, commit):
    placement = make_placement("ho", minor=False)
    _with_trainer(placement)
    # The factories' own data speaks vo (the plan's texts, the e-mail domain).
    plan = placement.plan
    plan.goal = "Studenten leren lesgeven in de praktijk."
    plan.guidance_split = "De werkplekbegeleider begeleidt dagelijks; de instituutsopleider bezoekt."
    plan.host_assessment_role = "De werkplekbegeleider adviseert over de beoordeling."
    plan.save()
    placement.student.email = "eva@student.example"
    placement.student.save()
    with commit():
        agreement = services.generate(placement, actor=coordinator)
    agreement.refresh_from_db()
    text = pdf_text(read(agreement.pdf))
    for word in ("Instituutsopleider", "Werkplekbegeleider", "Schoolopleider", "De student"):
        assert word.lower() in text.lower(), word
    assert "Marloes Visser, schoolopleider, m.visser@school.example" in text
    assert "leerling" not in text.lower()
    assert "praktijkbegeleider" not in text.lower()


def test_a_new_schoolopleider_after_sending_makes_a_new_version(make_placement, coordinator, commit):
    placement = make_placement("ho", minor=False)
    first = _sent(placement, coordinator, commit)
    from placements import services as placement_services

    trainer = WorkplaceSupervisorFactory(host=placement.host, name="Marloes Visser")
    placement.refresh_from_db()
    with commit():
        placement_services.update_contract(placement, {"school_trainer": trainer}, actor=coordinator)
    first.refresh_from_db()
    assert first.status == "outdated"
    newest = placement.agreements.order_by("-version").first()
    assert any(a["key"] == "school_trainer" for a in newest.content["articles"])


def test_a_vo_agreement_has_no_schoolopleider_and_speaks_of_the_leerling(make_placement):
    placement = make_placement("vo")
    agreement = services.generate(placement)
    keys = [a["key"] for a in agreement.content["articles"]]
    assert "school_trainer" not in keys
    assert any(p["label"] == "De ouder/verzorger" for p in agreement.content["parties"])
