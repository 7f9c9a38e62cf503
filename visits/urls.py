from django.urls import path

from visits.views import agenda, calendar, concerns, moments, overview, rules

app_name = "visits"

urlpatterns = [
    path("visits/agenda/", agenda.agenda, name="agenda"),
    path("visits/overview/", overview.overview, name="overview"),
    path("visits/placement/<int:pk>/", moments.placement_visits, name="placement_visits"),
    path("visits/placement/<int:pk>/add/", moments.moment_add, name="moment_add"),
    path("visits/placement/<int:pk>/concern/", concerns.concern_add, name="concern_add"),
    path("visits/<int:pk>/", moments.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/log/", moments.visit_log, name="visit_log"),
    path("visits/<int:pk>/move/", moments.visit_move, name="visit_move"),
    path("visits/<int:pk>/cancel/", moments.visit_cancel, name="visit_cancel"),
    path("visits/<int:pk>/ask-input/", moments.visit_request_input, name="visit_request_input"),
    path("visits/concerns/", concerns.concern_list, name="concern_list"),
    path("visits/concerns/<int:pk>/", concerns.concern_detail, name="concern_detail"),
    path("visits/concerns/<int:pk>/host-status/", concerns.concern_decide_host, name="concern_decide_host"),
    path("visits/plan/<int:pk>/", rules.plan_rules, name="plan_rules"),
    path("visits/plan/<int:pk>/preset/", rules.plan_preset, name="plan_preset"),
    path("visits/plan/<int:pk>/rules/add/", rules.rule_add, name="rule_add"),
    path("visits/rules/<int:pk>/edit/", rules.rule_edit, name="rule_edit"),
    path("visits/rules/<int:pk>/delete/", rules.rule_delete, name="rule_delete"),
    path("visits/plan/<int:pk>/guide/", rules.guide_edit, name="guide_edit"),
    path("visits/calendar/", calendar.calendar_settings, name="calendar"),
    path("visits/calendar/renew/", calendar.calendar_renew, name="calendar_renew"),
    path("visits/calendar/revoke/", calendar.calendar_revoke, name="calendar_revoke"),
    path("visits/calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]
