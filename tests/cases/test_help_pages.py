"""The in-app help (使用说明, /help/): every page renders for every role, the top bar links to it, its
links resolve and are given only to those who may open them, the labels it quotes exist in the
interface, and the numbers it states come from the code that applies them."""

import ast
import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from cases import fees, helpdocs
from cases.clock import engine
from cases.models import User
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
HELP_TEMPLATES = ROOT / "templates" / "help"
HELP_URLS = ["help", *(p.url_name for p in helpdocs.PAGES)]
ROLES = [r.value for r in User.Role]
UI_LABEL = re.compile(r'<span class="ui">(.*?)</span>', re.S)


@pytest.fixture
def everyone(people, township):
    """A person of every role, a superuser without an office, and an account with no role yet."""
    users = {role: people[("jiangyi", role)] for role in ROLES}
    users["superuser"] = User.objects.create_superuser("root", password="pw")
    users["no_role"] = make_user(township, "", username="newcomer")
    return users


def page_of(client, user, url_name: str) -> str:
    client.force_login(user)
    response = client.get(reverse(url_name))
    assert response.status_code == 200, (user, url_name)
    return response.content.decode()


@pytest.mark.parametrize("who", [*ROLES, "superuser", "no_role"])
def test_every_help_page_renders_for_every_role(client, everyone, frozen_today, who):
    for name in HELP_URLS:
        page = page_of(client, everyone[who], name)
        assert "使用说明" in page
        for p in helpdocs.PAGES:  # the table of contents names every page
            assert f'href="{reverse(p.url_name)}"' in page


def test_help_is_for_signed_in_staff(client, frozen_today, db):
    for name in HELP_URLS:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_help_pages_take_only_get(client, everyone, frozen_today):
    client.force_login(everyone["handler"])
    assert client.post(reverse("help-deadlines")).status_code == 405


def test_the_index_points_each_role_to_its_own_page(client, everyone, frozen_today):
    for role in ROLES:
        own = helpdocs.BY_ROLE[role]
        page = page_of(client, everyone[role], "help")
        assert f'请先读<a href="{reverse(own.url_name)}">{own.title}</a>' in page
    assert "请先读" in page_of(client, everyone["superuser"], "help")
    assert "尚未分配角色" in page_of(client, everyone["no_role"], "help")


TOP_BAR_PAGES = {
    "front_desk": ["home", "application-list", "consultation-list", "application-register"],
    "handler": ["workbench"],
    "supervisor": ["board", "report"],
    "admin": ["calendar", "help", "help-deadlines"],
}


def top_bar(page: str) -> str:
    return page.split('<header class="topbar', 1)[1].split("</header>", 1)[0]


@pytest.mark.parametrize("role", TOP_BAR_PAGES)
def test_the_top_bar_links_to_the_help(client, everyone, frozen_today, role):
    for name in TOP_BAR_PAGES[role]:
        assert f'<a href="{reverse("help")}">帮助</a>' in top_bar(
            page_of(client, everyone[role], name)
        )
    # an application's page, and the page of an account without a role, too
    assert f'<a href="{reverse("help")}">帮助</a>' in top_bar(
        page_of(client, everyone["no_role"], "home")
    )


def test_the_login_page_has_no_help_link(client, db):
    page = client.get(reverse("login")).content.decode()
    assert reverse("help") not in page


def help_sources() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(HELP_TEMPLATES.glob("*.html"))}


def test_every_url_the_help_names_resolves():
    named = set()
    for name, source in help_sources().items():
        found = re.findall(r"{%\s*(?:url|ui_link)\s+'([^']+)'", source)
        named.update(found)
        assert not re.search(r"{%\s*(?:url|ui_link)\s+[^'\s]", source), f"{name}: a url by variable"
    assert {"workbench", "board", "report", "calendar", "help-deadlines"} <= named
    for url_name in named:
        reverse(url_name)  # NoReverseMatch if the page is gone or renamed
        if not url_name.startswith("help"):
            helpdocs.may_open(User(), url_name)  # KeyError if no rule says who may open it


def test_a_page_is_linked_only_for_those_who_may_open_it(client, everyone, frozen_today):
    workbench = f'<a href="{reverse("workbench")}"><span class="ui">我的工作台</span></a>'
    calendar = f'<a href="{reverse("calendar")}"><span class="ui">节假日</span></a>'
    clerk = page_of(client, everyone["front_desk"], "help-handler")
    assert '<span class="ui">我的工作台</span>' in clerk and workbench not in clerk
    assert workbench in page_of(client, everyone["handler"], "help-handler")
    assert calendar not in page_of(client, everyone["supervisor"], "help-admin")
    assert calendar in page_of(client, everyone["admin"], "help-admin")
    admin_site = f'<a href="{reverse("admin:index")}"><span class="ui">系统管理</span></a>'
    assert admin_site not in page_of(client, everyone["admin"], "help-admin")  # not a staff account
    assert admin_site in page_of(client, everyone["superuser"], "help-admin")


def test_may_open_refuses_a_page_without_a_rule():
    with pytest.raises(KeyError):
        helpdocs.may_open(User(), "application-detail")


# --- the labels the help quotes ---------------------------------------------------------------


def _strings_of(path: Path) -> set[str]:
    """The string literals of a module, without its docstrings (what the interface may show)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    }  # fmt: skip


def interface_texts() -> list[str]:
    """What the interface shows: the templates (the help's own excepted) and the labels, choices and
    messages written in the code (model choices, buttons, form fields, the top bar), the help's own
    modules excepted."""
    own = {"helpdocs.py", "help.py", "help_tags.py", "urls_help.py"}
    texts = [
        p.read_text(encoding="utf-8")
        for p in (ROOT / "templates").rglob("*")
        if p.is_file() and HELP_TEMPLATES not in p.parents
    ]
    for path in (ROOT / "cases").rglob("*.py"):
        if "migrations" in path.parts or path.name in own:
            continue
        texts.extend(_strings_of(path))
    return texts


def missing_labels(labels: set[str], texts: list[str]) -> list[str]:
    return sorted(label for label in labels if not any(label in text for text in texts))


def quoted_labels(page: str) -> set[str]:
    return {html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in UI_LABEL.findall(page)}


def test_the_labels_the_help_quotes_exist_in_the_interface(client, everyone, frozen_today):
    labels: set[str] = set()
    for who in ("front_desk", "admin", "superuser"):
        for name in HELP_URLS:
            labels |= quoted_labels(page_of(client, everyone[who], name))
    assert len(labels) > 100  # the help quotes the interface throughout
    assert {"办结答复", "延长答复期限", "确认已公布", "发布（冻结）", "待确认"} <= labels
    assert missing_labels(labels, interface_texts()) == []


def test_a_label_the_interface_does_not_have_is_caught():
    texts = interface_texts()
    assert missing_labels({"办结答复", "一键办结"}, texts) == ["一键办结"]
    # a docstring is not the interface: the countdown's describes 今日到期 but is not searched
    assert not any("剩余N个工作日 / 已超期N个工作日" in t for t in texts)


# --- the numbers the help states ----------------------------------------------------------------


def test_help_templates_type_no_number_of_their_own():
    """Numbers come from the context (helpdocs.facts); a quoted label may hold digits (A4, a
    document's number): it is checked against the interface instead."""
    for name, source in help_sources().items():
        text = re.sub(r"{[{%#].*?[}%#]}", "", source, flags=re.S)
        text = UI_LABEL.sub("", text)
        text = re.sub(r"<[^>]+>", "", text)
        typed = re.findall(r".{0,8}\d+.{0,8}", text)
        assert not typed, f"{name} types a number: {typed}"
        # a count of days in words (十五个工作日); an ordinal (第一个工作日) is not a limit
        assert not re.findall(
            r"(?<![第一二三四五六七八九十百])[一二三四五六七八九十百]+个工作日", text
        ), name


def test_the_numbers_follow_the_code(client, everyone, frozen_today, settings, monkeypatch):
    handler = everyone["handler"]
    page = page_of(client, handler, "help-deadlines")
    assert f"<td>{engine.reply_limit(engine.REGIME_2019)}个工作日</td>" in page
    assert f"<td>{engine.reply_limit(engine.REGIME_2008)}个工作日</td>" in page
    assert "2019年5月15日及以后" in page
    for first, last, price in fees.page_bands():
        assert (f"第{first}–{last}页" if last else f"第{first}页及以上") in page
        assert ("不收费" if price == 0 else f"{price}元") in page
    assert "<td>第41–50件</td><td>300元</td>" in page  # the bands go on, 100元 more every 10件

    settings.GONGKAI = {**settings.GONGKAI, "DUE_SOON_WORKING_DAYS": 5}
    monkeypatch.setitem(engine._REPLY_LIMITS, engine.REGIME_2019, 25)
    monkeypatch.setattr("cases.services.handling.MAX_SUPPLEMENT_PERIOD", 45)
    page = page_of(client, handler, "help-deadlines")
    assert "答复期限在今后5个工作日以内" in page
    assert f"默认{engine.DEFAULT_DUE_SOON_DAYS}个工作日" in page
    assert "<td>25个工作日</td>" in page
    assert "最多45个工作日" in page
    assert "今后5个工作日以内" in page_of(client, handler, "help-handler")
