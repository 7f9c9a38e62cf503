"""Sealing a signed agreement costs little next to rendering it (issue 17: budget 50 ms on top)."""

import statistics
import time

import pytest

from agreements import pdf, seal, services
from tests.agreements.conftest import make_placement  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_time_to_render_and_to_seal_one_agreement(bench, make_placement, coordinator):  # noqa: F811
    agreement = services.generate(make_placement("vo"), actor=coordinator)
    render = bench("render one agreement PDF (WeasyPrint, PDF/A-3b, tags)", lambda: pdf.render_pdf(agreement))
    data = pdf.render_pdf(agreement)
    brin = agreement.content["school"]["brin"][:4]
    seal.seal_key_for(brin)  # the installation key is made once, on first use
    sealed = bench(
        "seal it (installation key, load key + PAdES, no TSA)",
        lambda: seal.seal_pdf(data, seal.seal_key_for(brin), reason="bench"),
    )
    key = seal.seal_key_for(brin)
    bench("  of which PAdES alone (key already loaded)", lambda: seal.seal_pdf(data, key, reason="bench"))
    bench("  of which loading the encrypted installation key", lambda: seal.seal_key_for(brin))
    # The machine may be shared: CPU time says what the seal itself costs.
    cpu = []
    for _ in range(7):
        start = time.process_time()
        seal.seal_pdf(data, seal.seal_key_for(brin), reason="bench")
        cpu.append((time.process_time() - start) * 1000)
    print(
        f"seal on top of rendering: {sealed:.1f} ms wall, {statistics.median(cpu):.1f} ms CPU "
        f"({sealed / render * 100:.0f}% of rendering; budget 50 ms)"
    )
