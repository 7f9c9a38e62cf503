from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"

    def ready(self):
        from assessments.completion import missing
        from placements.services import register_completion_check

        register_completion_check(missing)
