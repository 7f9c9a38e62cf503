from django.core.checks import Warning, register


@register()
def link_handlers_load(app_configs, **kwargs):
    """Import every app's links.py at start-up so a broken handler shows early."""
    from stagebeheer.links import discover

    try:
        discover()
    except Exception as exc:
        return [Warning(f"Link handlers failed to load: {exc}", id="stagebeheer.W001")]
    return []
