from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render

from audit.access import record_for_history
from audit.history import entry_for_key, events_of, lines_for, sentence
from audit.models import ReadEvent


@login_required
def record_history(request, key, pk):
    """One record's changes (old → new, newest first) and who read it."""
    entry = entry_for_key(key)
    record = record_for_history(request.user, entry, pk)
    lines = lines_for(entry, events_of(entry, record.pk))
    page = Paginator(lines, 50).get_page(request.GET.get("page"))
    reads = ReadEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(entry.model), object_id=record.pk
    ).select_related("user")[:50]
    return render(
        request,
        "audit/record_history.html",
        {
            "record": record,
            "entry": entry,
            "verbose_name": entry.model._meta.verbose_name,
            "page": page,
            "rows": [{"line": line, "sentences": sentence(line)} for line in page],
            "reads": reads,
            "query": "",
        },
    )
