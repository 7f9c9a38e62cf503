from django.urls import path

from assessments.views import completion, frameworks, judgement, open_forms, placement, setup, stageboek

app_name = "assessments"

urlpatterns = [
    path("assessments/open/", open_forms.open_forms, name="open_forms"),
    path("assessments/frameworks/", frameworks.framework_list, name="framework_list"),
    path("assessments/frameworks/new/", frameworks.framework_new, name="framework_new"),
    path("assessments/frameworks/<int:pk>/", frameworks.framework_detail, name="framework_detail"),
    path("assessments/frameworks/<int:pk>/edit/", frameworks.framework_edit, name="framework_edit"),
    path(
        "assessments/frameworks/<int:pk>/competencies/add/", frameworks.competency_add, name="competency_add"
    ),
    path("assessments/competencies/<int:pk>/edit/", frameworks.competency_edit, name="competency_edit"),
    path("assessments/competencies/<int:pk>/delete/", frameworks.competency_delete, name="competency_delete"),
    path("assessments/scales/new/", frameworks.scale_new, name="scale_new"),
    path("assessments/plan/<int:pk>/", setup.plan_setup, name="plan_setup"),
    path("assessments/plan/<int:pk>/edit/", setup.setup_edit, name="setup_edit"),
    path("assessments/plan/<int:pk>/rounds/add/", setup.round_add, name="round_add"),
    path("assessments/rounds/<int:pk>/edit/", setup.round_edit, name="round_edit"),
    path("assessments/rounds/<int:pk>/delete/", setup.round_delete, name="round_delete"),
    path("assessments/placement/<int:pk>/", placement.placement_assessments, name="placement_assessments"),
    path("assessments/placement/<int:pk>/compare/", placement.compare, name="compare"),
    path("assessments/placement/<int:pk>/judgement/", judgement.judgement, name="judgement"),
    path("assessments/placement/<int:pk>/complete/", completion.complete, name="complete"),
    path(
        "assessments/placement/<int:pk>/rounds/<int:round_pk>/open/", placement.round_open, name="round_open"
    ),
    path("assessments/<int:pk>/fill/", placement.fill, name="fill"),
    path("assessments/<int:pk>/draft/", placement.fill_draft, name="fill_draft"),
    path("assessments/<int:pk>/submit/", placement.fill_submit, name="fill_submit"),
    path("assessments/<int:pk>/resend/", placement.resend, name="resend"),
    path("assessments/<int:pk>/revoke/", placement.revoke, name="revoke"),
    path("assessments/<int:pk>/pdf/", placement.pdf, name="pdf"),
    path("assessments/plan/<int:pk>/assignments/", stageboek.plan_assignments, name="plan_assignments"),
    path("assessments/plan/<int:pk>/assignments/add/", stageboek.assignment_add, name="assignment_add"),
    path(
        "assessments/plan/<int:pk>/assignments/defaults/",
        stageboek.assignment_defaults,
        name="assignment_defaults",
    ),
    path("assessments/assignments/<int:pk>/edit/", stageboek.assignment_edit, name="assignment_edit"),
    path("assessments/assignments/<int:pk>/delete/", stageboek.assignment_delete, name="assignment_delete"),
    path("assessments/placement/<int:pk>/stageboek/", stageboek.placement_stageboek, name="stageboek"),
    path("assessments/placement/<int:pk>/stageboek/link/", stageboek.send_link, name="stageboek_send_link"),
    path("assessments/placement/<int:pk>/presentation/", stageboek.presentation, name="presentation"),
    path("assessments/handins/<int:pk>/done/", stageboek.handin_done, name="handin_done"),
    path("assessments/handins/<int:pk>/send-back/", stageboek.handin_send_back, name="handin_send_back"),
    path("assessments/handins/<int:pk>/file/", stageboek.handin_file, name="handin_file"),
]
