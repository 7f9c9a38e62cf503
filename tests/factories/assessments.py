import factory
from factory.django import DjangoModelFactory

from assessments.models import Competency, CompetencyFramework, Scale, ScaleLevel


class ScaleFactory(DjangoModelFactory):
    class Meta:
        model = Scale
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Schaal {n}")

    @factory.post_generation
    def levels(self, create, extracted, **kwargs):
        labels = extracted or [("onvoldoende", False), ("voldoende", True), ("goed", True)]
        for i, (label, passing) in enumerate(labels):
            ScaleLevel.objects.create(scale=self, order=i, label=label, passing=passing)


class FrameworkFactory(DjangoModelFactory):
    """A department's own framework with ``competencies`` competencies (5 by default)."""

    class Meta:
        model = CompetencyFramework
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Competentielijst {n}")
    scale = factory.SubFactory(ScaleFactory)

    @factory.post_generation
    def competencies(self, create, extracted, **kwargs):
        for i in range(5 if extracted is None else extracted):
            Competency.objects.create(framework=self, order=i, name=f"Competentie {i + 1}")
