from django.urls import path

from agreements.views import agreement, cooperation, overview, templates, verify

app_name = "agreements"

urlpatterns = [
    path("agreements/", overview.overview, name="overview"),
    # Public: anyone holding an agreement checks it here (its address is in every PDF's footer).
    path("verify/", verify.verify, name="verify"),
    path("agreements/<int:pk>/", agreement.detail, name="detail"),
    path("agreements/<int:pk>/pdf/", agreement.pdf, name="pdf"),
    path("agreements/<int:pk>/signed-pdf/", agreement.signed_pdf, name="signed_pdf"),
    path("agreements/<int:pk>/scan/", agreement.scan, name="scan"),
    path("agreements/<int:pk>/render/", agreement.regenerate_pdf, name="regenerate_pdf"),
    path("agreements/<int:pk>/send/", agreement.send, name="send"),
    path("agreements/<int:pk>/sign/", agreement.sign, name="sign"),
    path("agreements/<int:pk>/withdraw/", agreement.withdraw, name="withdraw"),
    path("agreements/<int:pk>/paper/", agreement.paper, name="paper"),
    path("agreements/placement/<int:placement_pk>/generate/", agreement.generate, name="generate"),
    path("agreements/templates/", templates.template_list, name="template_list"),
    path(
        "agreements/templates/<int:department_pk>/<slug:kind>/", templates.template_edit, name="template_edit"
    ),
    path("agreements/cooperation/", cooperation.cooperation_list, name="cooperation_list"),
    path("agreements/cooperation/new/", cooperation.cooperation_create, name="cooperation_create"),
    path("agreements/cooperation/<int:pk>/", cooperation.cooperation_edit, name="cooperation_edit"),
]
