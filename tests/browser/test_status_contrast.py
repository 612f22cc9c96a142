"""The status marks — 剩余/已超期 countdowns, 即将到期 counts, 待答复, 待确认 / 未公布 badges —
are legible: each has WCAG 2.1 AA contrast against the background it is drawn on, as the browser
renders it (4.5:1; 3:1 for large text). The 'due soon' orange (#b26a00) was 4.24:1 on white."""

import pytest

from cases import timeutil
from cases.services.registration import ApplicantData, application_register, consultation_register

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# relative luminance, and the first opaque background behind an element
COLOUR = """
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((c) => {
    c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c;
    }
    return [255, 255, 255];
  };
"""

# every visible status mark: its text, colour, the first opaque background behind it, its size
MARKS = (
    """
() => {"""
    + COLOUR
    + """
  return [...document.querySelectorAll(".countdown, .badge")]
    .filter((el) => el.offsetParent !== null && el.textContent.trim())
    .map((el) => {
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      return {
        text: el.textContent.trim(), cls: el.className,
        ratio: contrast(rgb(style.color), background(el)),
        large: size >= 24 || (bold && size >= 18.66),
      };
    });
}
"""
)


# the boundary of every visible text box, list box and button against what surrounds it (WCAG 2.1
# 1.4.11: 3:1 — the fields were #bcccdc, 1.6:1 on white, the buttons #9fb3c8, 2.2:1)
BORDERS = (
    """
() => {"""
    + COLOUR
    + """
  return [...document.querySelectorAll("input:not([type=hidden]), select, textarea, button, .button")]
    .filter((el) => el.offsetParent !== null)
    .map((el) => {
      const style = getComputedStyle(el);
      const own = rgb(style.backgroundColor);
      const filled = own.length === 3 || own[3] === 1;
      return {
        name: el.name || el.textContent.trim() || el.tagName,
        // a filled control is seen by its fill when the fill stands out, else by its border
        ratio: Math.max(
          contrast(rgb(style.borderTopColor), background(el.parentElement)),
          filled ? contrast(own, background(el.parentElement)) : 0,
        ),
      };
    });
}
"""
)


def too_faint(page) -> list[str]:
    marks = page.evaluate(MARKS)
    assert marks
    return [
        f"{m['cls']} {m['text']}: {m['ratio']:.2f}"
        for m in marks
        if m["ratio"] < (3 if m["large"] else 4.5)
    ]


def test_status_marks_have_aa_contrast(page, login, people, township):
    front, handler = people[("jiangyi", "front_desk")], people[("jiangyi", "handler")]
    today = timeutil.today()
    applicant = ApplicantData(type="natural_person", name="赵六", phone="13700001111")
    for received_on in (today, today.replace(year=today.year - 1)):  # running, overdue
        application_register(
            user=front, agency=township, channel="letter", received_on=received_on,
            applicant=applicant, content="本乡2025年度财政预决算", handler=handler,
        )  # fmt: skip
    consultation_register(user=front, agency=township, channel="hotline", topic="如何申请")

    login(people[("jiangyi", "supervisor")])
    faint = {}
    for path in ("/workbench/", "/board/", "/applications/", "/consultations/", "/"):
        page.goto(path)
        faint[path] = too_faint(page)
    assert {path: marks for path, marks in faint.items() if marks} == {}

    login(people[("jiangyi", "admin")])
    page.goto(f"/calendar/?year={today.year + 3}")  # not published: the 未公布 badge
    assert too_faint(page) == []


def test_form_controls_have_visible_boundaries(page, login, people):
    login(people[("jiangyi", "handler")])
    faint = {}
    for path in ("/applications/new/", "/applications/", "/consultations/new/?channel=hotline"):
        page.goto(path)
        controls = page.evaluate(BORDERS)
        assert controls
        faint[path] = [f"{c['name']}: {c['ratio']:.2f}" for c in controls if c["ratio"] < 3]
    assert {path: names for path, names in faint.items() if names} == {}
