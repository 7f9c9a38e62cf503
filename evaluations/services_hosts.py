"""Host reviews: one per placement, by its school supervisor or a coordinator."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_noop

from evaluations.models import HostReview
from stagebeheer.history import line, record


class AlreadyReviewedError(Exception):
    """The placement's host was already reviewed; nothing was stored."""


def review_host(placement, data: dict, actor) -> HostReview:
    try:
        with transaction.atomic():
            review = HostReview.objects.create(
                placement=placement, host_id=placement.host_id, reviewer=actor, **data
            )
            record(
                placement.host,
                action="evaluations:review",
                summary=line(gettext_noop("Stagebedrijf beoordeeld")),
                actor=actor,
            )
    except IntegrityError:
        raise AlreadyReviewedError from None
    return review
