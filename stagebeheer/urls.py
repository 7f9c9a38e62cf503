from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from stagebeheer.forms import EmailLoginForm, LimitedSetPasswordForm
from stagebeheer.views import (
    favicon,
    health,
    home,
    links,
    outbox,
    password_reset,
    schools,
    sso,
    staff_import,
    team,
    two_factor,
)

urlpatterns = [
    path("", home.home, name="home"),
    path("health/", health.health, name="health"),
    path("favicon.ico", favicon.favicon, name="favicon"),
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=EmailLoginForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("sso/refused/", sso.refused, name="sso_refused"),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("saml2/", include("djangosaml2.urls")),
    path("sso/saml/<slug:federation>/", sso.saml_start, name="saml_start"),
    path("login/code/", two_factor.code, name="two_factor_code"),
    path("account/two-factor/", two_factor.overview, name="two_factor"),
    path("account/two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    path("account/two-factor/recovery-codes/", two_factor.new_codes, name="two_factor_new_codes"),
    path(
        "password-reset/",
        password_reset.ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=LimitedSetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("mail/", outbox.outbox, name="outbox"),
    path("mail/<int:pk>/", outbox.outbox_message, name="outbox_message"),
    path("mail/<int:pk>/retry/", outbox.outbox_retry, name="outbox_retry"),
    path("team/", team.team_list, name="team"),
    path("team/invite/", team.invite, name="team_invite"),
    path("team/roles/<int:pk>/change/", team.change_role, name="team_change_role"),
    path("team/roles/<int:pk>/remove/", team.remove_role, name="team_remove_role"),
    path("team/roles/<int:pk>/invitation/resend/", team.resend_invitation, name="team_resend_invitation"),
    path("team/roles/<int:pk>/invitation/revoke/", team.revoke_invitation, name="team_revoke_invitation"),
    path("team/people/<int:pk>/deactivate/", team.deactivate, name="team_deactivate"),
    path("team/import/", staff_import.upload, name="team_import"),
    path("team/import/columns/", staff_import.column_map, name="team_import_map"),
    path("team/import/cancel/", staff_import.cancel, name="team_import_cancel"),
    path("schools/", schools.school_list, name="schools"),
    path("schools/new/", schools.school_create, name="school_create"),
    path("schools/<int:pk>/edit/", schools.school_edit, name="school_edit"),
    path("schools/<int:pk>/delete/", schools.school_delete, name="school_delete"),
    path("schools/<int:school_pk>/departments/new/", schools.department_create, name="department_create"),
    path(
        "schools/<int:school_pk>/departments/<int:pk>/edit/", schools.department_edit, name="department_edit"
    ),
    path(
        "schools/<int:school_pk>/departments/<int:pk>/delete/",
        schools.department_delete,
        name="department_delete",
    ),
    path("l/<str:token>/", links.open_link, name="access_link"),
    path("l/<str:token>/<slug:action>/", links.open_link, name="access_link_action"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Each app owns its URLs under its own prefix.
    path("", include("placements.urls")),
    path("", include("agreements.urls")),
    path("", include("visits.urls")),
    path("", include("assessments.urls")),
    path("", include("evaluations.urls")),
    path("", include("audit.urls")),
]
