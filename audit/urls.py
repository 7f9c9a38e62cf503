from django.urls import path

from audit.views import access_request, history, reads, trail

app_name = "audit"

urlpatterns = [
    path("audit/", trail.trail, name="trail"),
    path("audit/reads/", reads.read_list, name="read_list"),
    path("audit/history/<str:key>/<int:pk>/", history.record_history, name="record_history"),
    path("audit/access-request/student/<int:pk>/", access_request.student_request, name="student_request"),
    path(
        "audit/access-request/student/<int:pk>/download/",
        access_request.student_download,
        name="student_download",
    ),
    path("audit/access-request/student/<int:pk>/erase/", access_request.student_erase, name="student_erase"),
]
