from django.urls import path

from audit.views import history, trail

app_name = "audit"

urlpatterns = [
    path("audit/", trail.trail, name="trail"),
    path("audit/geschiedenis/<str:key>/<int:pk>/", history.record_history, name="record_history"),
]
