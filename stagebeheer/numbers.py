"""Numbers inside sentences, in the reader's language: 12,5 uur in Dutch, 12.5 hours in English.

Templates localise numbers themselves; a number formatted into a message in Python
(``_("… %(hours)s uur") % …``) goes through ``number`` so it does not read "12.50"."""

from decimal import Decimal

from django.utils import formats


def number(value, places: int = 2) -> str:
    """``value`` rounded to ``places`` decimals, trailing zeros dropped, with the active
    language's decimal separator."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    text = formats.number_format(rounded, decimal_pos=places, use_l10n=True)
    separator = formats.get_format("DECIMAL_SEPARATOR")
    if places and separator in text:
        text = text.rstrip("0").rstrip(separator)
    return text
