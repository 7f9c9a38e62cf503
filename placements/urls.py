from django.urls import path

from placements.views import allowances, capacity, hosts, imports, overview, placements, plans, students

app_name = "placements"

urlpatterns = [
    path("stageplannen/", plans.plan_list, name="plan_list"),
    path("stageplannen/nieuw/", plans.plan_create, name="plan_create"),
    path("stageplannen/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("stageplannen/<int:pk>/wijzigen/", plans.plan_edit, name="plan_edit"),
    path("stageplannen/<int:pk>/kopieren/", plans.plan_copy, name="plan_copy"),
    path("stageplannen/<int:plan_pk>/stages/nieuw/", placements.placement_create, name="placement_create"),
    path("stageplannen/<int:pk>/suggesties/", capacity.match, name="match"),
    path("plans/<int:pk>/allowances/", allowances.plan_allowances, name="plan_allowances"),
    path("overzicht/", overview.overview, name="overview"),
    path("capaciteit/", capacity.capacity, name="capacity"),
    path("stages/<int:pk>/", placements.placement_detail, name="placement_detail"),
    path("stages/<int:pk>/wijzigen/", placements.placement_edit, name="placement_edit"),
    path("stages/<int:pk>/beeindigen/", placements.placement_terminate, name="placement_terminate"),
    path("stages/<int:pk>/afronden/", placements.placement_complete, name="placement_complete"),
    path("stages/<int:pk>/duo/", placements.placement_duo, name="placement_duo"),
    path("stages/<int:pk>/duo/opheffen/", placements.placement_unpair, name="placement_unpair"),
    path("stages/<int:pk>/uren/", placements.placement_add_hours, name="placement_add_hours"),
    path(
        "stages/<int:pk>/uren/link/<str:who>/",
        placements.placement_send_hours_link,
        name="placement_hours_link",
    ),
    path("stagebedrijven/", hosts.host_list, name="host_list"),
    path("stagebedrijven/nieuw/", hosts.host_create, name="host_create"),
    path("stagebedrijven/export/", imports.host_export, name="host_export"),
    path("stagebedrijven/zoeken/", hosts.host_lookup, name="host_lookup"),
    path("stagebedrijven/<int:pk>/", hosts.host_detail, name="host_detail"),
    path("stagebedrijven/<int:pk>/wijzigen/", hosts.host_edit, name="host_edit"),
    path("stagebedrijven/<int:pk>/begeleiders/nieuw/", hosts.supervisor_create, name="supervisor_create"),
    path("praktijkbegeleiders/<int:pk>/wijzigen/", hosts.supervisor_edit, name="supervisor_edit"),
    path("leerlingen/", students.student_list, name="student_list"),
    path("leerlingen/nieuw/", students.student_create, name="student_create"),
    path("leerlingen/<int:pk>/", students.student_detail, name="student_detail"),
    path("leerlingen/<int:pk>/wijzigen/", students.student_edit, name="student_edit"),
    path("leerlingen/<int:pk>/leerdoelen/", students.student_add_goal, name="student_add_goal"),
    path("import/<str:kind>/", imports.import_upload, name="import_upload"),
    path("import/<str:kind>/kolommen/", imports.import_map, name="import_map"),
    path("import/<str:kind>/annuleren/", imports.import_cancel, name="import_cancel"),
]
