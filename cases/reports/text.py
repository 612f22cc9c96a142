"""The provincial template's sections 三, 五, 六 and 七 (examples/jiangyi-2016-annual-report.txt) in the
sentences an office pastes into its report, with its short name (我乡/我局/本机关) and the year's words.

Everything here reads the report dict only (compute → dict), so a published report's sentences come
out of its frozen numbers exactly as they were."""

from dataclasses import dataclass, replace

from cases import outcomes

from . import layout, spec

CONSULTATION_ANSWER = {"on_site": "现场答复", "hotline": "电话答复", "online": "网络答复"}


@dataclass(frozen=True)
class Item:
    question: str  # the template's question (printed as in the template)
    answer: str  # our sentences


@dataclass(frozen=True)
class Section:
    key: str  # section_3 …
    heading: str
    items: tuple[Item, ...]


def _join(parts: list[str], last: str = "以及") -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return "、".join(parts[:-1]) + last + parts[-1]


def _me(data: dict) -> str:
    return data.get("details", {}).get("short_name") or "本机关"


# ---- section 三 -------------------------------------------------------------------------------------


def handling_groups(data: dict) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """The year's outcome counts in the year's words: [(word, count, [(reason, count), …]), …]."""
    rows = data["applications"]["rows"]
    old = spec.vocabulary(data["year"]) == "2008"
    groups: dict[str, list] = {}
    for o in outcomes.OUTCOMES:
        n = rows[o.code]["total"]
        if old:
            word, _, detail = o.old_word.partition("（")
            detail = detail.rstrip("）")
        else:
            word = outcomes.GROUP_LABELS[o.group][3:]
            detail = o.row.split(".", 1)[1] if o.group not in ("disclose", "partial") else ""
        entry = groups.setdefault(word, [word, 0, {}])
        entry[1] += n
        if detail and n:
            entry[2][detail] = entry[2].get(detail, 0) + n
    return [(w, n, list(d.items())) for w, n, d in groups.values()]


def section_3(data: dict) -> tuple[str, str]:
    year, me = data["year"], _me(data)
    by_channel, rows = data["by_channel"], data["applications"]["rows"]
    received = by_channel["total"]
    if received == 0:
        first = f"{year}年度{me}未收到政府信息公开申请。"
    else:
        channels = [
            f"{spec.CHANNEL_LABELS[ch]}{by_channel[ch]}件"
            for ch in spec.PROVINCIAL_CHANNEL_ORDER
            if ch != "online" or by_channel[ch]
        ]
        first = f"{year}年度{me}共收到政府信息公开申请{received}件，其中{'、'.join(channels)}。"
        subjects = data.get("details", {}).get("application_subjects") or []
        if subjects:
            listed = "、".join(f"“{s['subject']}”（{s['count']}件）" for s in subjects)
            first += f"申请公开的内容主要涉及{listed}等。"
    if rows["carried_over"]["total"]:
        first += f"另有上年结转的申请{rows['carried_over']['total']}件。"

    old = spec.vocabulary(year) == "2008"
    refusal_word = "不同意公开" if old else "不予公开"
    concluded = rows["concluded_total"]["total"]
    forward = rows["carried_forward"]["total"]
    if concluded == 0:
        second = f"本年度{me}没有办结的政府信息公开申请，无{refusal_word}的情况。"
    else:
        parts, refused = [], 0
        for word, n, details in handling_groups(data):
            if not n:
                continue
            if word == refusal_word:
                refused = n
            detail = f"（{'、'.join(f'{d}{k}件' for d, k in details)}）" if details else ""
            parts.append(f"{word}{n}件{detail}")
        second = f"本年度{me}共办结政府信息公开申请{concluded}件，其中{'、'.join(parts)}。"
        if refused:
            second += f"对{refusal_word}的申请，均已依法告知申请人{refusal_word}的理由和依据。"
        else:
            second += f"本年度无{refusal_word}的情况。"
    if forward:
        second += f"截至12月31日，尚有{forward}件申请结转下年度继续办理。"
    return first, second


# ---- section 五 -------------------------------------------------------------------------------------


def _answered(channel: str, accepted: int, answered: dict) -> str:
    n = answered.get(channel, 0)
    if n == 0:
        return "，年底前尚未答复"
    text = f"并给予了{CONSULTATION_ANSWER[channel]}{n}人(次)"
    return text if n >= accepted else f"{text}，尚有{accepted - n}人(次)年底前未答复"


def section_5(data: dict) -> tuple[str, str]:
    year, me, hotline = data["year"], _me(data), layout.hotline_of(data)
    accepted = data["consultations"]["accepted"]
    handled = data["consultations"]["handled"]
    answered = data.get("details", {}).get("consultations_answered") or {}

    def none_of(*buckets: dict) -> str:
        """未接到 the channels by which nothing came (in every bucket given)."""
        missing = [
            spec.consultation_label(ch, hotline)
            for ch in spec.CONSULTATION_CHANNELS
            if not any(bucket[ch] for bucket in buckets)
        ]
        return f"未接到{_join(missing)}。" if missing else ""

    used = [ch for ch in spec.CONSULTATION_CHANNELS if accepted[ch]]
    if not used:
        first = f"{year}年度{me}未受理有关政府信息公开问题的咨询。"
    else:
        each = [
            f"{spec.consultation_label(ch, hotline)}{accepted[ch]}人(次){_answered(ch, accepted[ch], answered)}"
            for ch in used
        ]
        if len(used) == 1:
            first = f"至12月底，共受理{each[0]}。"
        else:
            first = f"至12月底，共受理咨询{accepted['total']}人(次)，其中{'，'.join(each)}。"
        first += none_of(accepted)
        topics = data.get("details", {}).get("consultation_topics") or []
        if topics:
            first += f"咨询主要涉及{'、'.join(t['topic'] for t in topics)}等内容。"

    verbs = {
        "on_site": "接待来访群众现场咨询",
        "hotline": f"接听{hotline}电话查询",
        "online": "处理网络查询",
    }
    done = [ch for ch in spec.CONSULTATION_CHANNELS if handled[ch]]
    if not done:
        second = f"{me}{year}年度未处理有关政府信息公开问题的咨询。"
    else:
        each = [
            f"{verbs[ch]}{handled[ch]}人(次)，给予了{CONSULTATION_ANSWER[ch]}{handled[ch]}人(次)"
            for ch in done
        ]
        second = f"{me}{year}年度共{'；'.join(each)}。"
        # a channel accepted in the year but not yet answered was received: (一) says so
        if missing := none_of(handled, accepted):
            second += "并" + missing
    return first, second


# ---- section 六 and 七 ------------------------------------------------------------------------------


def section_6(data: dict) -> str:
    me = _me(data)
    remedies = data["remedies"]
    if not any(remedies[k]["total"] for k in spec.REMEDY_KINDS):
        return f"本年度{me}未发生因政府信息公开与政务公开引发的申诉、行政复议和行政诉讼事项。"
    parts, none = [], []
    for kind in spec.REMEDY_KINDS:
        bucket = remedies[kind]
        if not bucket["total"]:
            none.append(spec.REMEDY_KIND_LABELS[kind])
            continue
        results = "、".join(
            f"{spec.REMEDY_RESULT_LABELS[r]}{bucket[r]}件" for r in spec.REMEDY_RESULTS if bucket[r]
        )
        parts.append(f"{spec.REMEDY_KIND_LABELS[kind]}{bucket['total']}件（{results}）")
    text = f"本年度{me}因政府信息公开引发{'，'.join(parts)}。"
    if none:
        text += f"未发生{'、'.join(none)}事项。"
    return text


def section_7(data: dict) -> str:
    year, me, fees = data["year"], _me(data), data["fees"]
    word = layout.fee_word(year).removeprefix("依申请公开")  # the sentence says 依申请公开 already
    if not fees["charged_count"] and not fees["waived_count"]:
        return f"本年度{me}没有发生政府信息公开的收费项目。"
    parts = []
    if fees["charged_count"]:
        parts.append(f"收取{word}{fees['charged_count']}件，共计{fees['charged_amount']}元")
    else:
        parts.append(f"未收取{word}")
    if fees["waived_count"]:
        parts.append(f"经批准减免{fees['waived_count']}件，减免金额{fees['waived_amount']}元")
    return f"本年度{me}依申请公开{'；'.join(parts)}。"


def provincial(data: dict) -> list[Section]:
    """The sections with their sentences — as the report's "text" holds them (a published report's, as
    it was published), worded from its numbers where it holds none."""
    return [
        _as_held(section, (data.get("text") or {}).get(section.key)) for section in _worded(data)
    ]


def _as_held(section: Section, held) -> Section:
    """The section with the sentences of `held` (one paragraph a line, as text_fields writes them):
    a published report says what it said when published, whatever this version of the code words."""
    lines = held.split("\n") if isinstance(held, str) else []
    if len(lines) != len(section.items):
        return section
    return replace(
        section,
        items=tuple(
            replace(item, answer=line) for item, line in zip(section.items, lines, strict=True)
        ),
    )


def _worded(data: dict) -> list[Section]:
    year, hotline = data["year"], layout.hotline_of(data)
    s3 = section_3(data)
    s5 = section_5(data)
    return [
        Section(
            "section_3",
            f"三、{year}年度依申请公开政府信息情况",
            (
                Item(
                    "(一)收到依申请公开政府信息的申请情况，说明通过电子邮件、传真、信函、当面申请等形式申请"
                    "政府信息的数量和主要申请公开内容等相关情况。",
                    s3[0],
                ),
                Item(
                    "(二)依申请公开政府信息申请的处理情况，包括答复处理的分类、数量、处理结果，若存在不予公开"
                    "情况，说明不予公开的理由。",
                    s3[1],
                ),
            ),
        ),
        Section(
            "section_5",
            "五、咨询处理情况",
            (
                Item(
                    f"(一){year}年度有关政府信息公开问题的咨询受理情况。说明受理现场咨询、{hotline}电话查询、"
                    "网络查询等咨询的数量和涉及的主要内容。",
                    s5[0],
                ),
                Item(
                    f"(二){year}年度有关政府信息公开问题的咨询处理情况。说明处理现场咨询、{hotline}电话查询、"
                    "网络查询等咨询的数量和结果。",
                    s5[1],
                ),
            ),
        ),
        Section(
            "section_6",
            f"六、{year}年度行政复议、行政诉讼及申诉的情况",
            (Item("", section_6(data)),),
        ),
        Section(
            "section_7",
            f"七、{year}年度政府信息公开与政务公开的费用发生情况",
            (
                Item(
                    "(二)全年涉及依申请公开收费及减免情况、全年涉及行政诉讼的费用情况。",
                    section_7(data),
                ),
            ),
        ),
    ]


def text_fields(data: dict) -> dict[str, str]:
    """api.md's "text": each section's sentences, one paragraph a line."""
    return {s.key: "\n".join(item.answer for item in s.items) for s in _worded(data)}
