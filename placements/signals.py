"""Signals other apps listen to; placements itself imports none of them.

placement_state_changed(placement, old_state, new_state, actor)
    sent inside the transaction of a state change (visits plan contact moments
    when a placement becomes active).
placement_contract_changed(placement, changed_fields, actor)
    sent when a contract field changes (agreements make a new version).
"""

from django.dispatch import Signal

placement_state_changed = Signal()
placement_contract_changed = Signal()
