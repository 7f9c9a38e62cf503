"""A coordinator edits a template's wording; the required elements stay."""

import pytest

from agreements import services
from agreements.elements import KIND_ELEMENTS
from agreements.models import AgreementTemplate
from tests.agreements.conftest import pdf_text, read

pytestmark = pytest.mark.django_db


def _form_data(department, kind="vo"):
    template = AgreementTemplate.current(department, kind)
    data = {"title": template.title, "intro": template.intro, "closing": template.closing}
    data.update({f"el_{k}": v for k, v in template.element_wording.items()})
    return data


def test_editing_the_wording_makes_a_new_version_used_by_new_agreements(
    login, coordinator, department, placement, commit, real_pdf
):
    data = _form_data(department)
    data["intro"] = "Wij, het Baken, spreken het volgende af."
    data["el_insurance"] = ""  # wording may go; the element itself stays
    response = login(coordinator).post(f"/agreements/templates/{department.pk}/vo/", data)
    assert response.status_code == 302
    assert AgreementTemplate.objects.filter(department=department, kind="vo").count() == 2
    with commit():
        agreement = services.generate(placement, actor=coordinator)
    agreement.refresh_from_db()
    assert agreement.template.version == 2
    text = pdf_text(read(agreement.pdf))
    assert "Wij, het Baken, spreken het volgende af." in text
    assert "Verzekering" in text
    assert "De premie wordt betaald door: De school." in text
    # Every element is there; the optional allowance only when one was agreed.
    assert [a["key"] for a in agreement.content["articles"]] == [
        k for k in KIND_ELEMENTS["vo"] if k != "allowance"
    ]


def test_an_empty_title_is_refused(login, coordinator, department):
    data = _form_data(department)
    data["title"] = ""
    response = login(coordinator).post(f"/agreements/templates/{department.pk}/vo/", data)
    assert response.status_code == 400
    assert AgreementTemplate.objects.filter(department=department).count() == 1


@pytest.mark.parametrize(("persona", "status"), [("leader", 403), ("supervisor", 403), ("outsider", 404)])
def test_only_the_departments_coordinator_edits_templates(request, login, department, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(f"/agreements/templates/{department.pk}/vo/").status_code == status


def test_an_unknown_kind_is_404(login, coordinator, department):
    assert login(coordinator).get(f"/agreements/templates/{department.pk}/xx/").status_code == 404
