from datetime import date

import factory
from factory.django import DjangoModelFactory

from tests.factories.placements import PlacementFactory as BasePlacementFactory
from visits.models import AgreedAction, Concern, ContactMomentRule, Visit, WorkplaceInput


class PlacementFactory(BasePlacementFactory):
    """The placements factory without factory_boy's deprecated save after the
    workplace-supervisor hook (that hook saves its own rows)."""

    class Meta:
        skip_postgeneration_save = True


class ContactMomentRuleFactory(DjangoModelFactory):
    class Meta:
        model = ContactMomentRule

    mode = "on_site"
    purpose = "interim"
    timing = "share"
    offset = 50


class VisitFactory(DjangoModelFactory):
    class Meta:
        model = Visit

    mode = "on_site"
    purpose = "interim"
    planned_on = factory.LazyAttribute(lambda o: o.placement.start_date)


class AgreedActionFactory(DjangoModelFactory):
    class Meta:
        model = AgreedAction

    description = "Elke ochtend op tijd beginnen"
    owner = "student"


class WorkplaceInputFactory(DjangoModelFactory):
    class Meta:
        model = WorkplaceInput

    judgement = "Werkt hard en stelt goede vragen."
    submitted_by = "Piet Praktijk"


class ConcernFactory(DjangoModelFactory):
    class Meta:
        model = Concern

    department = factory.LazyAttribute(lambda o: o.placement.plan.department)
    kind = "misuse_hours"
    occurred_on = date(2027, 2, 3)
    description = "De leerling moest tot 21:00 blijven."
