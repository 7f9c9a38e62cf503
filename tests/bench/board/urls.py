"""The project's URLs plus the floor: a trivial signed-in page in the base layout."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import include, path


@login_required
def floor(request):
    return render(request, "base.html", {})


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), path("", include("stagebeheer.urls"))]
