from django.urls import path

from audit.views import access_request, history, reads, trail

app_name = "audit"

urlpatterns = [
    path("audit/", trail.trail, name="trail"),
    path("audit/inzages/", reads.read_list, name="read_list"),
    path("audit/geschiedenis/<str:key>/<int:pk>/", history.record_history, name="record_history"),
    path("audit/inzage/leerling/<int:pk>/", access_request.student_request, name="student_request"),
    path(
        "audit/inzage/leerling/<int:pk>/download/", access_request.student_download, name="student_download"
    ),
    path("audit/inzage/leerling/<int:pk>/wissen/", access_request.student_erase, name="student_erase"),
]
