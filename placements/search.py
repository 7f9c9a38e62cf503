"""Names as a person types them: without case, accents or extra spaces, so
"ozkan" finds Özkan and "sanne de vries" finds Sanne de Vries."""

import unicodedata


def search_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())
