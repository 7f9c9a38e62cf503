"""docs/privacy.md keeps step with the models: a new model or field must be listed there."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from audit.models.events import TRACKED

pytestmark = pytest.mark.smoke

REGISTER = Path(settings.BASE_DIR) / "docs" / "privacy.md"
PROJECT_APPS = ["stagebeheer", "placements", "agreements", "visits", "assessments", "evaluations", "audit"]


def documented() -> dict[str, set[str]]:
    text = REGISTER.read_text(encoding="utf-8")
    found = {}
    for block in re.split(r"^### ", text, flags=re.MULTILINE)[1:]:
        label, _, body = block.partition("\n")
        fields = set()
        for line in body.splitlines():
            if line.startswith(("- Persoonsgegevens:", "- Overige velden:")):
                fields |= set(re.findall(r"`([a-z_0-9]+)`", line))
        found[label.strip()] = fields
    return found


def project_models():
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            if model in {entry.event_model for entry in TRACKED.values()}:
                continue  # snapshots of a tracked model: covered by that model's entry
            yield model


def test_every_model_of_the_project_is_in_the_register():
    missing = sorted(m._meta.label for m in project_models() if m._meta.label not in documented())
    assert not missing, f"Add these models to docs/privacy.md: {missing}"


def test_every_field_is_listed_as_personal_data_or_as_another_field():
    register = documented()
    missing = {}
    for model in project_models():
        listed = register.get(model._meta.label, set())
        unlisted = [f.name for f in model._meta.concrete_fields if f.name not in listed]
        if unlisted:
            missing[model._meta.label] = unlisted
    assert not missing, f"List these fields in docs/privacy.md: {missing}"


def test_the_register_names_no_field_that_no_longer_exists():
    stale = {}
    for label, fields in documented().items():
        model = apps.get_model(label)
        gone = fields - {f.name for f in model._meta.concrete_fields}
        if gone:
            stale[label] = sorted(gone)
    assert not stale, f"Remove these from docs/privacy.md: {stale}"


def test_every_tracked_model_is_in_the_register():
    assert {entry.model._meta.label for entry in TRACKED.values()} <= set(documented())
