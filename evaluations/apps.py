from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "evaluations"

    def ready(self):
        from evaluations.services import on_placement_state_changed
        from placements.signals import placement_state_changed

        placement_state_changed.connect(on_placement_state_changed, dispatch_uid="evaluations_deliver")
