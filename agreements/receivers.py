"""Listening to the placements app without it knowing about agreements."""

from placements.signals import placement_contract_changed


def _contract_changed(sender, placement, changed_fields, actor=None, **kwargs):
    from agreements.services import renew_after_change

    renew_after_change(placement, changed_fields, actor=actor)


def connect():
    placement_contract_changed.connect(_contract_changed, dispatch_uid="agreements.contract_changed")
