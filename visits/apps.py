from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "visits"

    def ready(self):
        from placements.signals import placement_state_changed, placement_workplace_supervisor_changed
        from visits.services import on_placement_state_changed, on_workplace_supervisor_changed

        placement_state_changed.connect(on_placement_state_changed, dispatch_uid="visits_plan_moments")
        placement_workplace_supervisor_changed.connect(
            on_workplace_supervisor_changed, dispatch_uid="visits_revoke_input_links"
        )
