"""Changing frameworks without changing history.

A framework version that an assessment uses is frozen: the first edit after
that makes the next version (same lineage), moves the plans that use it onto
the new version, and leaves the old assessments on theirs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessments.models import (
    MAX_COMPETENCIES,
    MIN_COMPETENCIES,
    Assessment,
    Competency,
    CompetencyFramework,
    LevelIndicator,
    PlanAssessmentSetup,
)
from stagebeheer.history import line, record


def in_use(framework) -> bool:
    return Assessment.objects.filter(framework=framework).exists()


def _clone(framework, **overrides):
    """Copy a framework with its competencies and indicators; returns (copy, {old competency pk: new})."""
    values = {
        "department": framework.department,
        "name": framework.name,
        "description": framework.description,
        "scale": framework.scale,
        "lineage": framework.lineage,
        "version": framework.version,
        **overrides,
    }
    copy = CompetencyFramework.objects.create(**values)
    mapping = {}
    old = list(framework.competencies.prefetch_related("indicators"))
    for competency in old:
        new = Competency.objects.create(
            framework=copy, order=competency.order, name=competency.name, description=competency.description
        )
        mapping[competency.pk] = new
    if copy.scale_id == framework.scale_id:
        LevelIndicator.objects.bulk_create(
            LevelIndicator(
                competency=mapping[c.pk], level_id=i.level_id, text=i.text, student_text=i.student_text
            )
            for c in old
            for i in c.indicators.all()
        )
    return copy, mapping


def copy_framework(framework, department, actor=None, scale=None):
    """A department's own copy (version 1 of a new lineage) of any framework it can
    see. On another scale the indicators are left out: they belong to levels."""
    import uuid

    with transaction.atomic():
        copy, _mapping = _clone(
            framework,
            department=department,
            scale=scale or framework.scale,
            lineage=uuid.uuid4(),
            version=1,
            is_current=True,
            name=(_("%(name)s (eigen versie)") % {"name": framework.name})[:150],
        )
        record(
            copy,
            action="assessments:framework",
            summary=line(gettext_noop("Gekopieerd van %(f)s"), f=framework),
            actor=actor,
        )
    return copy


def editable_version(framework, actor=None):
    """The version an edit goes to, and the map from this version's competencies to it.

    Standard frameworks are never edited (copy them first); a version in use
    gets a successor. Locking the current row makes two coordinators editing at
    once produce one new version, not two."""
    if framework.is_standard:
        raise PermissionDenied
    with transaction.atomic():
        locked = CompetencyFramework.objects.select_for_update().get(pk=framework.pk)
        if not locked.is_current:
            raise ValidationError(_("Dit is een oude versie; bewerk de huidige versie."))
        if not in_use(locked):
            return locked, {c.pk: c for c in locked.competencies.all()}
        top = CompetencyFramework.objects.filter(lineage=locked.lineage).aggregate(v=Max("version"))["v"]
        CompetencyFramework.objects.filter(pk=locked.pk).update(is_current=False)
        new, mapping = _clone(locked, version=top + 1, is_current=True)
        moved = PlanAssessmentSetup.objects.filter(framework=locked).update(framework=new)
        record(
            new,
            action="assessments:version",
            summary=line(
                gettext_noop(
                    "Nieuwe versie %(v)s: versie %(old)s is in gebruik en blijft ongewijzigd (%(n)s plannen overgezet)"
                ),
                v=new.version,
                old=locked.version,
                n=moved,
            ),
            actor=actor,
        )
    return new, mapping


def add_competency(framework, values, indicators, actor=None):
    framework, _mapping = editable_version(framework, actor)
    if framework.competencies.count() >= MAX_COMPETENCIES:
        raise ValidationError(
            _("Een competentielijst heeft hoogstens %(n)s competenties.") % {"n": MAX_COMPETENCIES}
        )
    order = (framework.competencies.aggregate(o=Max("order"))["o"] or 0) + 1
    competency = Competency.objects.create(framework=framework, order=order, **values)
    _set_indicators(competency, indicators)
    record(
        framework,
        action="assessments:competency",
        summary=line(gettext_noop("Competentie toegevoegd: %(c)s"), c=competency.name),
        actor=actor,
    )
    return competency


def change_competency(competency, values, indicators, actor=None):
    framework, mapping = editable_version(competency.framework, actor)
    target = mapping[competency.pk]
    for key, value in values.items():
        setattr(target, key, value)
    target.save(update_fields=list(values))
    target.indicators.all().delete()
    _set_indicators(target, indicators)
    record(
        framework,
        action="assessments:competency",
        summary=line(gettext_noop("Competentie gewijzigd: %(c)s"), c=target.name),
        actor=actor,
    )
    return target


def remove_competency(competency, actor=None):
    framework, mapping = editable_version(competency.framework, actor)
    if framework.competencies.count() <= MIN_COMPETENCIES:
        raise ValidationError(
            _("Een competentielijst heeft minstens %(n)s competenties.") % {"n": MIN_COMPETENCIES}
        )
    target = mapping[competency.pk]
    name = target.name
    target.delete()
    record(
        framework,
        action="assessments:competency",
        summary=line(gettext_noop("Competentie verwijderd: %(c)s"), c=name),
        actor=actor,
    )
    return framework


def _set_indicators(competency, indicators):
    """``indicators``: {level pk: (text, student_text)}; empty texts are skipped."""
    LevelIndicator.objects.bulk_create(
        LevelIndicator(competency=competency, level_id=level_id, text=text, student_text=student)
        for level_id, (text, student) in indicators.items()
        if text
    )


def usable_for_plans(framework) -> bool:
    return MIN_COMPETENCIES <= framework.competencies.count() <= MAX_COMPETENCIES
