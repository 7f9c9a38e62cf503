"""Expected answers of every URL for every persona (tests/test_access_matrix.py).

HOW TO ADD A PAGE (one line per URL name):

    "app:url_name": ("<kind of its parameters>", "<GET per persona>", "<POST per persona>"),

- kind: which object fills the URL's parameters, one of the keys of
  ``World.kwargs`` in tests/test_access_matrix.py ("none", "plan", "placement",
  "visit", ...). A new kind of parameter (an assessment round, a wish) gets a
  row there: make the object in ``World.__init__`` for both sides (ours and
  foreign) and map it in ``kwargs``.
- the two strings list one answer per persona, in the order of PERSONAS below:
  a status code ("200", "302", "403", "404", "405", "410") or "login" for a
  redirect to the login page. POST sends an empty form.
- to see what a new page answers today, run
      pytest tests/test_access_matrix.py --print-access-matrix -s -k print -p no:xdist
  and copy its line after checking every cell against the rules: a stranger's
  object is 404, reading without the right to change is 403, anonymous is login.

The same URL asked with a foreign object's id (a school no persona belongs to)
must answer 404 (or 403/405 where the role alone already refuses) for every
signed-in persona; that needs no column here.
"""

# anon: not signed in. coord: coordinator of our department. coord_dept:
# coordinator of another department of the same school. coord_school /
# sup_school: coordinator / supervisor of another school. sup: the placement's
# own school supervisor. sup_other: another supervisor of our department.
# leader, mentor (of the placement's student), admin (superuser).
PERSONAS = (
    "anon",
    "coord",
    "coord_dept",
    "coord_school",
    "sup_school",
    "sup",
    "sup_other",
    "leader",
    "mentor",
    "admin",
)
# Columns: anon coord coord_dept coord_school sup_school sup sup_other leader mentor admin.
# Notes on cells that may surprise: "match" needs ?student= (404 without it);
# hosts and plans are read by all staff of the school / department; standing
# cooperation agreements are kept by any coordinator of the school; agenda,
# concern list, capacity and outbox lists show each persona only its own rows;
# "scan" and "signed_pdf" are 404 until a scan or a signed PDF exists; school
# set-up is for administrators only (deleting our department or school is
# refused with a message: they hold data); the staff import's column step
# sends back to the upload while no file waits.
# fmt: off
TABLE = {
    "access_link": ("link", "404 404 404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404 404 404"),
    "access_link_action": ("link_action", "404 404 404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404 404 404"),
    "agreements:cooperation_create": ("none", "login 200 200 200 403 403 403 403 403 200", "login 400 400 400 403 403 403 403 403 400"),
    "agreements:cooperation_edit": ("cooperation", "login 200 200 404 404 403 403 403 403 200", "login 400 400 404 404 403 403 403 403 400"),
    "agreements:cooperation_list": ("none", "login 200 200 200 403 403 403 200 403 200", "login 200 200 200 403 403 403 200 403 200"),
    "agreements:detail": ("agreement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "agreements:generate": ("placement_pk", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "agreements:overview": ("none", "login 200 200 200 403 403 403 200 403 200", "login 200 200 200 403 403 403 200 403 200"),
    "agreements:paper": ("agreement", "login 200 404 404 404 403 404 403 403 200", "login 400 404 404 404 403 404 403 403 400"),
    "agreements:pdf": ("agreement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "agreements:regenerate_pdf": ("agreement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "agreements:scan": ("agreement", "login 404 404 404 404 404 404 404 404 404", "login 404 404 404 404 404 404 404 404 404"),
    "agreements:send": ("agreement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "agreements:sign": ("agreement", "login 405 405 405 405 405 405 405 405 405", "login 400 404 404 404 403 404 403 403 400"),
    "agreements:signed_pdf": ("agreement", "login 404 404 404 404 404 404 404 404 404", "login 404 404 404 404 404 404 404 404 404"),
    "agreements:template_edit": ("template", "login 200 404 404 404 403 403 403 403 200", "login 400 404 404 404 403 403 403 403 400"),
    "agreements:template_list": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "agreements:withdraw": ("agreement", "login 200 404 404 404 403 404 403 403 200", "login 302 404 404 404 403 404 403 403 302"),
    "department_create": ("school_pk", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 400"),
    "department_delete": ("department_of_school", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 302"),
    "department_edit": ("department_of_school", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 400"),
    "favicon": ("none", "301 301 301 301 301 301 301 301 301 301", "301 301 301 301 301 301 301 301 301 301"),
    "health": ("none", "200 200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200 200"),
    "home": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "login": ("none", "200 302 302 302 302 302 302 302 302 302", "200 302 302 302 302 302 302 302 302 302"),
    "logout": ("none", "405 405 405 405 405 405 405 405 405 405", "login login login login login login login login login login"),
    "outbox": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "outbox_message": ("message", "login 200 404 404 403 403 403 403 403 200", "login 200 404 404 403 403 403 403 403 200"),
    "outbox_retry": ("message", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 403 403 403 403 403 302"),
    "password_reset": ("none", "200 200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200 200"),
    "password_reset_complete": ("none", "200 200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405 405"),
    "password_reset_confirm": ("reset", "200 200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200 200"),
    "password_reset_done": ("none", "200 200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405 405"),
    "assessments:assignment_add": ("plan", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "assessments:assignment_defaults": ("plan", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 403 403 302"),
    "assessments:assignment_delete": ("assignment", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 403 403 302"),
    "assessments:assignment_edit": ("assignment", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "assessments:handin_done": ("handin", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 302 404 403 403 302"),
    "assessments:handin_file": ("handin", "login 200 404 404 404 200 404 200 200 200", "login 405 405 405 405 405 405 405 405 405"),
    "assessments:handin_send_back": ("handin", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 302 404 403 403 302"),
    "assessments:plan_assignments": ("plan", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 200 200 200 200 200"),
    "assessments:presentation": ("placement", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "assessments:stageboek": ("placement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "assessments:stageboek_send_link": ("placement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 302 404 403 403 302"),
    "placements:capacity": ("none", "login 200 200 200 403 403 403 200 403 200", "login 200 200 200 403 403 403 200 403 200"),
    "placements:host_create": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "placements:host_check": ("host", "login 405 405 405 405 405 405 405 405 405", "login 302 403 404 404 403 403 403 403 302"),
    "placements:host_detail": ("host", "login 200 200 404 404 200 200 200 200 200", "login 200 200 404 404 200 200 200 200 200"),
    "placements:host_edit": ("host", "login 200 200 404 404 403 403 403 403 200", "login 200 200 404 404 403 403 403 403 200"),
    "placements:host_export": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "placements:host_list": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "placements:import_cancel": ("import_kind", "login 405 405 405 405 405 405 405 405 405", "login 302 302 302 403 403 403 403 403 302"),
    "placements:import_map": ("import_kind", "login 302 302 302 403 403 403 403 403 302", "login 302 302 302 403 403 403 403 403 302"),
    "placements:import_upload": ("import_kind", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "placements:match": ("plan", "login 404 404 404 403 403 403 403 403 404", "login 404 404 404 403 403 403 403 403 404"),
    "placements:overview": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "placements:placement_add_hours": ("placement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 302 404 403 403 302"),
    "placements:placement_complete": ("placement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "placements:placement_create": ("plan_pk", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "placements:placement_detail": ("placement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "placements:placement_duo": ("placement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "placements:placement_edit": ("placement", "login 200 404 404 404 403 404 403 403 200", "login 200 404 404 404 403 404 403 403 200"),
    "placements:placement_hours_link": ("hours_link", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "placements:placement_terminate": ("placement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "placements:placement_unpair": ("placement", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "placements:plan_allowances": ("plan", "login 200 404 404 404 403 403 200 403 200", "login 200 404 404 404 403 403 200 403 200"),
    "placements:plan_copy": ("plan", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 403 403 302"),
    "placements:plan_create": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "placements:plan_detail": ("plan", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 200 200 200 200 200"),
    "placements:plan_edit": ("plan", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "placements:plan_list": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "placements:student_add_goal": ("student", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "placements:student_create": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "placements:student_detail": ("student", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "placements:student_edit": ("student", "login 200 404 404 404 403 404 403 403 200", "login 200 404 404 404 403 404 403 403 200"),
    "placements:student_list": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "placements:supervisor_create": ("host", "login 200 200 404 404 403 403 403 403 200", "login 200 200 404 404 403 403 403 403 200"),
    "placements:supervisor_edit": ("workplace_supervisor", "login 200 200 404 404 403 403 403 403 200", "login 200 200 404 404 403 403 403 403 200"),
    "school_create": ("none", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 400"),
    "school_delete": ("school", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 302"),
    "school_edit": ("school", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 400"),
    "schools": ("none", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 200"),
    "set_language": ("none", "302 302 302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302 302 302"),
    "team_import": ("none", "login 200 200 200 403 403 403 403 403 200", "login 400 400 400 403 403 403 403 403 400"),
    "team_import_cancel": ("none", "login 405 405 405 405 405 405 405 405 405", "login 302 302 302 403 403 403 403 403 302"),
    "team_import_map": ("none", "login 302 302 302 403 403 403 403 403 302", "login 302 302 302 403 403 403 403 403 302"),
    "visits:agenda": ("none", "login 200 200 200 200 200 200 403 403 200", "login 200 200 200 200 200 200 403 403 200"),
    "visits:calendar": ("none", "login 200 200 200 200 200 200 403 403 200", "login 200 200 200 200 200 200 403 403 200"),
    "visits:calendar_feed": ("calendar_token", "200 200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200 200"),
    "visits:calendar_renew": ("none", "login 405 405 405 405 405 405 405 405 405", "login 200 200 200 200 200 200 403 403 200"),
    "visits:calendar_revoke": ("none", "login 405 405 405 405 405 405 405 405 405", "login 302 302 302 302 302 302 302 302 302"),
    "visits:concern_add": ("placement", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "visits:concern_decide_host": ("concern", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "visits:concern_detail": ("concern", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "visits:concern_list": ("none", "login 200 200 200 200 200 200 403 403 200", "login 200 200 200 200 200 200 403 403 200"),
    "visits:guide_edit": ("plan", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "visits:moment_add": ("placement", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "visits:overview": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "visits:placement_visits": ("placement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "visits:plan_preset": ("plan", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 403 403 302"),
    "visits:plan_rules": ("plan", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 200 200 200 200 200"),
    "visits:rule_add": ("plan", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "visits:rule_delete": ("rule", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 403 403 302"),
    "visits:rule_edit": ("rule", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "visits:visit_cancel": ("visit", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "visits:visit_detail": ("visit", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "visits:visit_log": ("visit", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "visits:visit_move": ("visit", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "visits:visit_request_input": ("visit", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 302 404 403 403 302"),
    "assessments:compare": ("placement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "assessments:competency_add": ("framework", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "assessments:competency_delete": ("competency", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 403 403 302"),
    "assessments:competency_edit": ("competency", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "assessments:complete": ("placement", "login 200 404 404 404 403 404 403 403 200", "login 400 404 404 404 403 404 403 403 400"),
    "assessments:fill": ("assessment", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "assessments:fill_draft": ("assessment", "login 405 405 405 405 405 405 405 405 405", "login 400 404 404 404 400 404 403 403 400"),
    "assessments:fill_submit": ("assessment", "login 405 405 405 405 405 405 405 405 405", "login 400 404 404 404 400 404 403 403 400"),
    "assessments:framework_detail": ("framework", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 200 200 200 200 200"),
    "assessments:framework_edit": ("framework", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "assessments:framework_list": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "assessments:framework_new": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "assessments:judgement": ("placement", "login 200 404 404 404 200 404 403 403 200", "login 400 404 404 404 400 404 403 403 400"),
    "assessments:open_forms": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "assessments:pdf": ("assessment", "login 404 404 404 404 404 404 404 404 404", "login 404 404 404 404 404 404 404 404 404"),
    "assessments:placement_assessments": ("placement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "assessments:plan_setup": ("plan", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 200 200 200 200 200"),
    "assessments:resend": ("assessment", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "assessments:revoke": ("assessment", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "assessments:round_add": ("plan", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "assessments:round_delete": ("round", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 403 403 302"),
    "assessments:round_edit": ("round", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "assessments:round_open": ("round_open", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "assessments:scale_new": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "assessments:setup_edit": ("plan", "login 200 404 404 404 403 403 403 403 200", "login 200 404 404 404 403 403 403 403 200"),
    "audit:record_history": ("record_history", "login 200 404 404 404 403 404 403 403 200", "login 200 404 404 404 403 404 403 403 200"),
    "audit:student_download": ("student", "login 405 405 405 405 405 405 405 405 405", "login 200 404 404 404 403 404 403 403 200"),
    "audit:student_erase": ("student", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 404 403 403 302"),
    "audit:student_request": ("student", "login 200 404 404 404 403 404 403 403 200", "login 200 404 404 404 403 404 403 403 200"),
    "audit:trail": ("none", "login 403 403 403 403 403 403 403 403 200", "login 403 403 403 403 403 403 403 403 200"),
    "evaluations:answer": ("invitation", "login 403 404 404 404 200 404 403 403 200", "login 403 404 404 404 400 404 403 403 400"),
    "evaluations:dashboard": ("none", "login 200 200 200 403 403 403 200 403 200", "login 200 200 200 403 403 403 200 403 200"),
    "evaluations:dashboard_export": ("export_fmt", "login 200 200 200 403 403 403 200 403 200", "login 200 200 200 403 403 403 200 403 200"),
    "evaluations:dossier": ("plan", "login 200 404 404 404 403 403 200 403 200", "login 200 404 404 404 403 403 200 403 200"),
    "evaluations:dossier_download": ("dossier", "login 404 404 404 404 404 404 404 404 404", "login 404 404 404 404 404 404 404 404 404"),
    "evaluations:dossier_request": ("plan", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 403 403 302 403 302"),
    "evaluations:form_edit": ("form_audience", "login 200 404 404 404 403 403 403 403 200", "login 400 404 404 404 403 403 403 403 400"),
    "evaluations:host_review": ("placement", "login 200 404 404 404 200 404 403 403 200", "login 200 404 404 404 200 404 403 403 200"),
    "evaluations:host_status": ("host", "login 405 405 405 405 405 405 405 405 405", "login 302 403 404 404 403 403 403 403 302"),
    "evaluations:placement": ("placement", "login 200 404 404 404 200 404 200 200 200", "login 200 404 404 404 200 404 200 200 200"),
    "evaluations:plan_forms": ("plan", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 200 200 200 200 200"),
    "evaluations:review_create": ("plan", "login 302 404 404 404 403 403 302 403 302", "login 302 404 404 404 403 403 302 403 302"),
    "evaluations:review_detail": ("plan_review", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 200 200 200 200 200"),
    "placements:host_lookup": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "agreements:verify": ("none", "200 200 200 200 200 200 200 200 200 200", "400 400 400 400 400 400 400 400 400 400"),
    "audit:read_list": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "placements:wish_own_find": ("own_find", "login 200 404 404 404 404 404 200 200 200", "login 200 404 404 404 404 404 200 200 200"),
    "placements:wish_own_find_approve": ("own_find", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 404 404 403 403 302"),
    "placements:wish_own_find_reject": ("own_find", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 404 404 403 403 302"),
    "placements:wish_participant_own_find": ("wish_participant", "login 302 404 404 404 404 404 403 302 302", "login 400 404 404 404 404 404 403 400 400"),
    "placements:wish_participant": ("wish_participant", "login 200 404 404 404 404 404 403 200 200", "login 400 404 404 404 404 404 403 400 400"),
    "placements:wish_round": ("wish_round", "login 200 404 404 404 404 404 200 200 200", "login 200 404 404 404 404 404 200 200 200"),
    "placements:wish_round_accept": ("wish_round", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 404 404 403 403 302"),
    "placements:wish_round_close": ("wish_round", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 404 404 403 403 302"),
    "placements:wish_round_move": ("wish_round", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 404 404 403 403 302"),
    "placements:wish_round_offer": ("wish_round", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 404 404 403 403 302"),
    "placements:wish_round_run": ("wish_round", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 404 404 404 403 403 302"),
    "placements:wish_rounds": ("plan", "login 200 404 404 404 200 200 200 200 200", "login 200 404 404 404 403 403 403 403 200"),
    "sso_refused": ("none", "403 403 403 403 403 403 403 403 403 403", "403 403 403 403 403 403 403 403 403 403"),
    "team": ("none", "login 200 200 200 403 403 403 403 403 200", "login 200 200 200 403 403 403 403 403 200"),
    "team_change_role": ("membership", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 403 403 403 403 403 302"),
    "team_deactivate": ("person", "login 200 404 404 403 403 403 403 403 200", "login 302 404 404 403 403 403 403 403 302"),
    "team_invite": ("none", "login 200 200 200 403 403 403 403 403 200", "login 400 400 400 403 403 403 403 403 400"),
    "team_remove_role": ("membership", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 403 403 403 403 403 302"),
    "team_resend_invitation": ("membership", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 403 403 403 403 403 302"),
    "team_revoke_invitation": ("membership", "login 405 405 405 405 405 405 405 405 405", "login 302 404 404 403 403 403 403 403 302"),
    "two_factor": ("none", "login 200 200 200 200 200 200 200 200 200", "login 200 200 200 200 200 200 200 200 200"),
    "two_factor_code": ("none", "login 302 302 302 302 302 302 302 302 302", "login 302 302 302 302 302 302 302 302 302"),
    "two_factor_new_codes": ("none", "login 405 405 405 405 405 405 405 405 405", "login 302 302 302 302 302 302 302 302 302"),
    "two_factor_setup": ("none", "login 200 200 200 200 200 200 200 200 200", "login 400 400 400 400 400 400 400 400 400"),
}
# fmt: on

# Per kind of e-mailed link, what its holder gets: GET and POST (empty form) of
# /l/<token>/, GET of the report-concern action, GET of an action that does not exist.
LINK_TABLE = {
    # The signed copy is read only: a POST is not allowed.
    "agreement-copy": "200 405 200 404",
    "agreement-sign": "200 400 200 404",
    "assessment_form": "200 400 200 404",
    # The stageboek: an empty POST chooses no assignment.
    "stageboek": "200 400 200 404",
    "evaluation": "200 400 200 404",
    "placements-hours": "200 200 200 404",
    "placements-hours-confirm": "200 302 200 404",
    # An invitation to the team: the empty POST sends the invitee to sign in.
    "staff_invitation": "200 login 200 404",
    # The world's wish round is accepted: the link says the round is closed.
    "placements-wishes": "410 410 200 404",
    "visit_input": "200 400 200 404",
}

# URL patterns the matrix does not ask, and why.
SKIPPED = {
    # Sign-in protocol endpoints (OpenID Connect, SAML 2.0): they answer an
    # identity provider, not a persona; tests/sso runs them against real test
    # providers, with replayed, tampered and foreign assertions.
    "oidc_authentication_callback": "tests/sso",
    "oidc_authentication_init": "tests/sso",
    "oidc_logout": "tests/sso",
    "saml2_acs": "tests/sso",
    "saml2_login": "tests/sso",
    "saml2_logout": "tests/sso",
    "saml2_ls": "tests/sso",
    "saml2_ls_post": "tests/sso",
    "saml2_metadata": "tests/sso",
    "saml_start": "tests/sso",
    # Django's admin has its own staff check (is_staff) and its own tests; the
    # project's data is reached through the pages above.
}
