from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"

    def ready(self):
        from assessments.completion import missing
        from placements.services import register_completion_check

        register_completion_check(missing)

        from assessments import reporting
        from evaluations import hooks

        hooks.register_assessment_figures(reporting.figures)
        hooks.register_dossier_assessments(reporting.dossier_page)
