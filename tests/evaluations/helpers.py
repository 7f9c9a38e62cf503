"""Open an evaluation link as its recipient: the token exists only in the mail."""

from tests.sent_links import link_sent_to


def link_path_for(email):
    return link_sent_to(email)


def answers_for(form, score="4", text="Prima."):
    data = {}
    for question in form.questions.all():
        data[f"q{question.pk}"] = score if question.kind == "scale" else text
    return data
