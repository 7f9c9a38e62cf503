"""Listening to the placements app without it knowing about agreements."""

from placements.signals import placement_contract_changed, placement_state_changed


def _contract_changed(sender, placement, changed_fields, actor=None, **kwargs):
    from agreements.services import renew_after_change

    renew_after_change(placement, changed_fields, actor=actor)


def _state_changed(sender, placement, old_state, new_state, actor=None, **kwargs):
    if new_state == "terminated":
        from agreements.services import close_for_ended_placement

        close_for_ended_placement(placement, actor=actor)


def connect():
    placement_contract_changed.connect(_contract_changed, dispatch_uid="agreements.contract_changed")
    placement_state_changed.connect(_state_changed, dispatch_uid="agreements.state_changed")
