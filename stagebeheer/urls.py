from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from stagebeheer.forms import EmailLoginForm, LimitedSetPasswordForm, OutboxPasswordResetForm
from stagebeheer.views import favicon, health, home, links, outbox

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
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
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
