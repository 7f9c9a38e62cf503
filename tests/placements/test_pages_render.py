"""Every page renders for the coordinator (invalid template variables fail)."""

import re
from collections import Counter

import pytest
from django.urls import reverse

ID = re.compile(r'\sid="([^"]+)"')

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_every_page_renders_for_the_coordinator(login, coordinator, placement, plan, host, student):
    client = login(coordinator)
    urls = [
        reverse("home"),
        reverse("placements:plan_list"),
        reverse("placements:plan_create"),
        reverse("placements:plan_create") + f"?department={plan.department_id}&kind=lwt",
        reverse("placements:plan_detail", args=[plan.pk]),
        reverse("placements:plan_edit", args=[plan.pk]),
        reverse("placements:placement_detail", args=[placement.pk]),
        reverse("placements:placement_edit", args=[placement.pk]),
        reverse("placements:placement_create", args=[plan.pk]) + f"?student={student.pk}",
        reverse("placements:overview"),
        reverse("placements:overview") + f"?plan={plan.pk}&state=none",
        reverse("placements:capacity") + "?week=2027-02-01",
        reverse("placements:match", args=[plan.pk]) + f"?student={student.pk}",
        reverse("placements:host_list"),
        reverse("placements:host_detail", args=[host.pk]),
        reverse("placements:host_edit", args=[host.pk]),
        reverse("placements:host_create"),
        reverse("placements:supervisor_create", args=[host.pk]),
        reverse("placements:student_list"),
        reverse("placements:student_detail", args=[student.pk]),
        reverse("placements:student_edit", args=[student.pk]),
        reverse("placements:student_create"),
        reverse("placements:import_upload", args=["students"]),
        reverse("placements:import_upload", args=["hosts"]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # A panel or form rendered twice shows as a repeated id (the host page once did).
        repeated = [i for i, n in Counter(ID.findall(response.content.decode())).items() if n > 1]
        assert not repeated, f"{url}: repeated ids {repeated}"
