"""The pages end to end through the client: a handler takes a case from registration to a reply through
the action pages alone; refusals show next to the field, save nothing; access is checked."""

from datetime import date

import pytest
from django.urls import reverse

from cases.models import Application, Remedy

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db


def act_url(app, action):
    return reverse("application-action", args=[app.pk, action])


def post(client, app, action, data, *, version=None):
    body = {"version": fresh(app).version if version is None else version, **data}
    return client.post(act_url(app, action), body)


def done(response, app):
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    assert response["Location"] == reverse("application-detail", args=[app.pk])


def test_detail_page_offers_the_actions_that_fit(handler_client, case):
    page = handler_client.get(reverse("application-detail", args=[case.pk])).content.decode()
    for slug in ("request-supplement", "start-consultation", "extend", "notify-fee", "conclude"):
        assert act_url(case, slug) in page
    for slug in ("receive-supplement", "end-consultation", "pay-fee", "assign"):
        assert act_url(case, slug) not in page  # not in this state / not a handler's right
    assert reverse("remedy-add", args=[case.pk]) in page


def test_front_desk_sees_no_actions(client, township_front, case, frozen_today):
    client.force_login(township_front)
    page = client.get(reverse("application-detail", args=[case.pk])).content.decode()
    assert "application-action" not in page and act_url(case, "conclude") not in page
    assert client.get(act_url(case, "conclude")).status_code == 403
    assert client.get(reverse("workbench")).status_code == 403


def test_full_flow_through_the_pages(handler_client, case, sup):
    done(post(handler_client, case, "request-supplement", {"on": "2026-11-03", "items_to_supplement": "请写明年度", "period_days": "5"}), case)  # fmt: skip
    assert fresh(case).status == "awaiting_supplement"
    done(post(handler_client, case, "receive-supplement", {"on": "2026-11-05"}), case)
    assert fresh(case).deadline == date(2026, 12, 3)
    done(post(handler_client, case, "start-consultation", {"on": "2026-11-09", "party": "某公司", "party_kind": "third_party"}), case)  # fmt: skip
    assert fresh(case).status == "consulting"
    done(post(handler_client, case, "end-consultation", {"on": "2026-11-12", "note": "不同意公开"}), case)  # fmt: skip
    done(post(handler_client, case, "extend", {"on": "2026-11-16", "days": "10", "approved_by": sup.pk, "reason": "需调档"}), case)  # fmt: skip
    assert fresh(case).extension_days == 10
    done(post(handler_client, case, "notify-fee", {"on": "2026-11-17", "method": "per_page", "pages": "45"}), case)  # fmt: skip
    assert fresh(case).fee.amount == 150
    done(post(handler_client, case, "pay-fee", {"on": "2026-11-19"}), case)
    done(post(handler_client, case, "conclude", {"on": "2026-11-23", "outcome": "partial", "reason": "部分涉及个人隐私", "basis": "《条例》第三十七条"}), case)  # fmt: skip
    app = fresh(case)
    assert app.status == "concluded" and app.outcome == "partial"
    page = handler_client.get(reverse("application-detail", args=[case.pk])).content.decode()
    for kind in ("supplement", "extension", "fee", "consultation", "reply"):
        assert reverse("notice", args=[case.pk, kind]) in page
        assert handler_client.get(reverse("notice", args=[case.pk, kind])).status_code == 200
    response = handler_client.get(reverse("notice-docx", args=[case.pk, "reply"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]


def test_refusal_shows_next_to_the_field_and_saves_nothing(handler_client, case, sup):
    before = snapshot(case)
    response = post(handler_client, case, "extend", {"on": "2026-11-16", "days": "25", "approved_by": sup.pk, "reason": "r"})  # fmt: skip
    assert response.status_code == 200
    assert "最多还可延长20个工作日" in response.context["form"].errors["days"][0]
    assert 'id="field-days"' in response.content.decode()
    assert snapshot(case) == before


def test_future_date_refused_next_to_on(handler_client, case):
    before = snapshot(case)
    response = post(handler_client, case, "withdraw", {"on": "2026-11-25"})
    assert response.context["form"].errors["on"] == ["日期不能晚于今天。"]
    assert snapshot(case) == before


def test_state_conflict_is_shown_at_the_top(handler_client, case):
    before = snapshot(case)
    response = post(handler_client, case, "receive-supplement", {"on": "2026-11-05"})
    assert response.status_code == 200
    assert "本申请没有待收的补正。" in response.context["form"].non_field_errors()
    assert snapshot(case) == before


def test_stale_version_is_told_and_nothing_is_overwritten(handler_client, case):
    shown = fresh(case).version
    done(post(handler_client, case, "start-consultation", {"on": "2026-11-10", "party": "甲公司", "party_kind": "third_party"}), case)  # fmt: skip
    before = snapshot(case)
    response = post(handler_client, case, "withdraw", {"on": "2026-11-20"}, version=shown)
    assert response.status_code == 200
    assert "他人修改" in response.content.decode()
    assert snapshot(case) == before


def test_a_missing_version_is_refused(handler_client, case):
    before = snapshot(case)
    response = handler_client.post(act_url(case, "withdraw"), {"on": "2026-11-20"})
    assert response.status_code == 200
    assert "页面缺少版本信息" in response.content.decode()
    assert snapshot(case) == before


def test_other_offices_and_unknown_actions_are_404(client, people, case, frozen_today):
    client.force_login(
        people[("county", "handler")]
    )  # a county handler does not see township cases
    assert client.get(act_url(case, "conclude")).status_code == 404
    assert client.get(reverse("notice", args=[case.pk, "supplement"])).status_code == 404
    client.force_login(people[("jiangyi", "handler")])
    assert client.get(act_url(case, "launch-rockets")).status_code == 404
    assert (
        client.get(reverse("notice", args=[case.pk, "supplement"])).status_code == 404
    )  # none yet
    assert client.get(reverse("notice", args=[case.pk, "nonsense"])).status_code == 404


def test_assign_page_for_supervisors_only(client, sup, handler, case, frozen_today):
    client.force_login(handler)
    assert client.get(act_url(case, "assign")).status_code == 403
    client.force_login(sup)
    page = client.get(reverse("application-detail", args=[case.pk])).content.decode()
    assert act_url(case, "assign") in page
    done(post(client, case, "assign", {"handler": handler.pk}), case)
    assert fresh(case).handler == handler


def test_every_action_page_renders(handler_client, case):
    for slug in (
        "reply-on-the-spot",
        "request-supplement",
        "start-consultation",
        "extend",
        "set-deadline",
        "notify-fee",
        "conclude",
        "withdraw",
    ):
        response = handler_client.get(act_url(case, slug))
        assert response.status_code == 200, slug
        assert f'name="version" value="{fresh(case).version}"' in response.content.decode()


def test_fee_page_quotes_per_item_and_blocks_2019_2020(handler_client, register):
    app = register(received_on=date(2026, 11, 2), items=12)
    page = handler_client.get(act_url(app, "notify-fee")).content.decode()
    assert "按件计收应缴 200.00 元" in page
    blocked = register(received_on=date(2020, 12, 31))
    page = handler_client.get(act_url(blocked, "notify-fee")).content.decode()
    assert "2019年5月15日至2020年12月31日收到的申请不收取信息处理费" in page
    assert 'name="method"' not in page


def test_on_the_spot_reply_page(handler_client, case):
    done(post(handler_client, case, "reply-on-the-spot", {"outcome": "disclose"}), case)
    app = fresh(case)
    assert app.outcome == "disclose" and app.concluded_on == app.received_on


def test_remedy_pages(handler_client, case):
    response = handler_client.post(
        reverse("remedy-add", args=[case.pk]),
        {"kind": "reconsideration", "filed_on": "2026-11-20", "result": "pending"},
    )
    assert response.status_code == 302
    remedy = Remedy.objects.get()
    response = handler_client.post(
        reverse("remedy-edit", args=[case.pk, remedy.pk]),
        {"result": "upheld", "decided_on": "2026-11-19"},
    )
    assert response.status_code == 200
    assert "审结日期不能早于提起日期" in response.context["form"].errors["decided_on"][0]
    response = handler_client.post(
        reverse("remedy-edit", args=[case.pk, remedy.pk]),
        {"result": "corrected", "decided_on": "2026-11-23"},
    )
    assert response.status_code == 302
    remedy.refresh_from_db()
    assert remedy.result == "corrected"


def test_navigation_links_workbench_and_board(sup_client):
    page = sup_client.get(reverse("home")).content.decode()
    assert reverse("workbench") in page and reverse("board") in page
    assert sup_client.get(reverse("workbench")).status_code == 200
    assert sup_client.get(reverse("board")).status_code == 200


def test_handler_has_no_board(handler_client):
    assert handler_client.get(reverse("board")).status_code == 403
    page = handler_client.get(reverse("workbench")).content.decode()
    assert "我的工作台" in page and reverse("board") not in page


def test_concluded_case_offers_only_the_reply_and_remedies(handler_client, case):
    done(post(handler_client, case, "conclude", {"on": "2026-11-20", "outcome": "disclose"}), case)
    page = handler_client.get(reverse("application-detail", args=[case.pk])).content.decode()
    assert "本申请当前没有可进行的办理操作" in page
    assert reverse("notice", args=[case.pk, "reply"]) in page
    assert Application.objects.get(pk=case.pk).status == "concluded"


def test_pages_keep_the_content_security_policy(world, client, people):
    """No inline style attributes, event handlers or inline scripts: the CSP would block them."""
    import re

    case = world["late_notice"]
    client.force_login(people[("jiangyi", "supervisor")])
    urls = [
        reverse("workbench"),
        reverse("board"),
        reverse("application-detail", args=[case.pk]),
        act_url(world["due_soon"], "conclude"),
        act_url(world["due_soon"], "notify-fee"),
        reverse("notice", args=[case.pk, "supplement"]),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert ' style="' not in html and "onclick=" not in html, url
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag or "nonce=" in tag, (url, tag)
