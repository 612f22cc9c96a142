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

# every visible status mark: its text, colour, the first opaque background behind it, its size
MARKS = """
() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((c) => {
    c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c;
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll(".countdown, .badge")]
    .filter((el) => el.offsetParent !== null && el.textContent.trim())
    .map((el) => {
      const style = getComputedStyle(el);
      const [a, b] = [lum(rgb(style.color)), lum(background(el))];
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      return {
        text: el.textContent.trim(), cls: el.className,
        ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
        large: size >= 24 || (bold && size >= 18.66),
      };
    });
}
"""


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
