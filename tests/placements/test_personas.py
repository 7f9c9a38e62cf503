"""Each persona against each page: what they may open, read, or change."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PERSONAS = ["coordinator", "supervisor", "other_supervisor", "leader", "mentor", "outsider"]

# page: expected status per persona, in the order of PERSONAS
EXPECTED = {
    "plan_list": [200, 200, 200, 200, 200, 200],
    "overview": [200, 200, 200, 200, 200, 200],
    "capacity": [200, 403, 403, 200, 403, 200],
    "host_list": [200, 200, 200, 200, 200, 200],
    "student_list": [200, 200, 200, 200, 200, 200],
    "plan_detail": [200, 200, 200, 200, 200, 404],
    "placement_detail": [200, 200, 404, 200, 200, 404],
    "host_detail": [200, 200, 200, 200, 200, 404],
    "student_detail": [200, 200, 404, 200, 200, 404],
    "placement_edit": [200, 403, 404, 403, 403, 404],
    "plan_edit": [200, 403, 403, 403, 403, 404],
    "host_edit": [200, 403, 403, 403, 403, 404],
    "student_edit": [200, 403, 404, 403, 403, 404],
    "placement_create": [200, 403, 403, 403, 403, 404],
    "match": [200, 403, 403, 403, 403, 404],
    "import_upload": [200, 403, 403, 403, 403, 200],
}


def url_for(page, placement):
    args = {
        "plan_detail": [placement.plan_id],
        "plan_edit": [placement.plan_id],
        "placement_create": [placement.plan_id],
        "match": [placement.plan_id],
        "placement_detail": [placement.pk],
        "placement_edit": [placement.pk],
        "host_detail": [placement.host_id],
        "host_edit": [placement.host_id],
        "student_detail": [placement.student_id],
        "student_edit": [placement.student_id],
        "import_upload": ["students"],
    }.get(page, [])
    url = reverse(f"placements:{page}", args=args)
    if page == "match":
        url += f"?student={placement.student_id}"
    return url


@pytest.mark.parametrize("page", EXPECTED)
def test_each_persona_gets_the_right_answer(page, request, login, placement):
    url = url_for(page, placement)
    got = []
    for persona in PERSONAS:
        client = login(request.getfixturevalue(persona))
        got.append(client.get(url).status_code)
        client.logout()
    assert got == EXPECTED[page]


def test_anonymous_visitors_are_sent_to_log_in(client, placement):
    response = client.get(reverse("placements:placement_detail", args=[placement.pk]))
    assert response.status_code == 302
    assert "/login/" in response.url
