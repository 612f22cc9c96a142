"""Two people on one consultation: each change is made on the row as it is now (locked), so what the
other saved meanwhile stays — an answer is never silently replaced, a link never erases an answer."""

from datetime import date, datetime

import pytest

from cases.errors import StateConflict
from cases.models import Consultation
from cases.services.registration import (
    consultation_answer,
    consultation_link_application,
)
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consult):
    return consult(topic="征地补偿", received_at=datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI))


def test_two_answers_at_once_the_second_is_refused(consultation, people):
    """Two clerks opened the unanswered consultation; the first to submit answers it, the second is
    told it is answered — not allowed to replace the first's answer."""
    first_page = Consultation.objects.get(pk=consultation.pk)
    second_page = Consultation.objects.get(pk=consultation.pk)
    consultation_answer(
        user=people[("jiangyi", "front_desk")], consultation=first_page, answer="可依申请公开"
    )
    with pytest.raises(StateConflict, match="已答复"):
        consultation_answer(
            user=people[("jiangyi", "handler")], consultation=second_page, answer="另一答复"
        )
    after = Consultation.objects.get(pk=consultation.pk)
    assert (after.answer, after.handled_by) == ("可依申请公开", people[("jiangyi", "front_desk")])


def test_linking_an_application_keeps_an_answer_given_meanwhile(consultation, register, people):
    """The register page read the consultation it converts (before registering the application); a
    colleague answered the consultation meanwhile. The link keeps that answer."""
    read_by_the_register_page = Consultation.objects.get(pk=consultation.pk)
    consultation_answer(
        user=people[("jiangyi", "handler")],
        consultation=Consultation.objects.get(pk=consultation.pk),
        answer="请提交书面申请",
    )
    application = register(received_on=date(2026, 11, 23))
    consultation_link_application(
        user=people[("jiangyi", "front_desk")],
        consultation=read_by_the_register_page,
        application=application,
    )
    after = Consultation.objects.get(pk=consultation.pk)
    assert after.application == application
    assert (after.answer, after.handled_by) == ("请提交书面申请", people[("jiangyi", "handler")])
    assert after.answered_at is not None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("attempt", range(3))
def test_two_answers_at_once_on_postgresql(consultation, people, attempt):
    """The same with real connections: exactly one answer is recorded, the other is refused."""
    from tests.concurrency import run_in_threads

    pages = {  # each clerk's page read the unanswered consultation
        role: Consultation.objects.get(pk=consultation.pk) for role in ("front_desk", "handler")
    }

    def answering(role: str):
        return lambda: consultation_answer(
            user=people[("jiangyi", role)], consultation=pages[role], answer=f"{role}的答复"
        )

    results = run_in_threads(answering("front_desk"), answering("handler"))
    assert sorted(kind for kind, _ in results) == ["error", "ok"], results
    assert isinstance(next(v for k, v in results if k == "error"), StateConflict)
    winner = next(v for k, v in results if k == "ok")
    assert Consultation.objects.get(pk=consultation.pk).answer == winner.answer
