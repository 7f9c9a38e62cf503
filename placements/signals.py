"""Signals other apps listen to; placements itself imports none of them.

placement_state_changed(placement, old_state, new_state, actor)
    sent inside the transaction of a state change (visits plan contact moments
    when a placement becomes active).
placement_contract_changed(placement, changed_fields, actor)
    sent when a contract field changes (agreements make a new version).
placement_workplace_supervisor_changed(placement, primary_email, actor)
    sent when the primary workplace supervisor is replaced (links addressed to
    the one before stop working; visits revoke their input links).
"""

from django.dispatch import Signal

placement_state_changed = Signal()
placement_contract_changed = Signal()
placement_workplace_supervisor_changed = Signal()
