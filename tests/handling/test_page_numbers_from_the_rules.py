"""The periods the pages state come from the rules the clock counts with: the board's 7 working days
for a supplement notice (Art. 30) and the fee page's 20 working days to pay (国办函〔2020〕109号) follow
engine.SUPPLEMENT_NOTICE_DAYS and engine.FEE_PAYMENT_DAYS, so a change of rule changes the page."""

from datetime import date

import pytest

from cases.clock import engine

pytestmark = pytest.mark.django_db


def test_the_board_states_the_supplement_notice_period(sup_client, monkeypatch):
    assert "超过7个工作日才告知补正" in sup_client.get("/board/").content.decode()
    monkeypatch.setattr(engine, "SUPPLEMENT_NOTICE_DAYS", 9)
    assert "超过9个工作日才告知补正" in sup_client.get("/board/").content.decode()


def test_the_fee_page_states_the_payment_period(register, handler_client, monkeypatch):
    case = register(received_on=date(2026, 11, 2))
    page = f"/applications/{case.pk}/act/notify-fee/"
    assert "次日起20个工作日内未缴费" in handler_client.get(page).content.decode()
    monkeypatch.setattr(engine, "FEE_PAYMENT_DAYS", 25)
    assert "次日起25个工作日内未缴费" in handler_client.get(page).content.decode()
