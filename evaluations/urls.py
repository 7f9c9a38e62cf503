from django.urls import path

from evaluations.views import answers, dashboard, dossiers, hosts, questionnaires, reviews

app_name = "evaluations"

urlpatterns = [
    path("evaluations/answer/<int:pk>/", answers.answer, name="answer"),
    path("evaluations/placement/<int:pk>/", answers.placement_evaluations, name="placement"),
    path("evaluations/plan/<int:pk>/forms/", questionnaires.plan_forms, name="plan_forms"),
    path("evaluations/plan/<int:pk>/forms/<slug:audience>/", questionnaires.form_edit, name="form_edit"),
    path("evaluations/placement/<int:pk>/host-review/", hosts.host_review, name="host_review"),
    path("evaluations/host/<int:pk>/status/", hosts.host_status, name="host_status"),
    path("evaluations/dashboard/", dashboard.dashboard_page, name="dashboard"),
    path("evaluations/dashboard/export.<str:fmt>", dashboard.dashboard_export, name="dashboard_export"),
    path("evaluations/plan/<int:pk>/review/", reviews.review_create, name="review_create"),
    path("evaluations/reviews/<int:pk>/", reviews.review_detail, name="review_detail"),
    path("evaluations/plan/<int:pk>/dossier/", dossiers.dossier_page, name="dossier"),
    path("evaluations/plan/<int:pk>/dossier/request/", dossiers.dossier_request, name="dossier_request"),
    path("evaluations/dossier/<int:pk>/download/", dossiers.dossier_download, name="dossier_download"),
]
