"""收费通知书 (law.md §5), with the amount in capital figures."""

from decimal import Decimal

from cases import fees as fee_rules
from cases.models import Application, Fee

from .common import LAW, Notice, NoticeUnavailable, cn_date, counted_note, make_notice, received

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def _group_upper(n: int) -> str:
    out, zero = "", False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            zero = zero or bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _UNITS[pos]
    return out


def _int_upper(n: int) -> str:
    groups = []
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    out, gap = "", False
    for i in reversed(range(len(groups))):
        g = groups[i]
        if g == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += _group_upper(g) + _GROUPS[i]
        gap = False
    return out


def rmb_upper(amount: Decimal) -> str:
    """The amount in capital figures as written on Chinese financial documents: 壹佰元整, 贰拾元伍角整."""
    cents = int((Decimal(amount) * 100).quantize(Decimal(1)))
    if cents <= 0:
        return "零元整"
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    out = _int_upper(yuan) + "元" if yuan else ""
    if not jiao and not fen:
        return out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    return out + (_DIGITS[fen] + "分" if fen else "整")


def fee_notice(application: Application, fee: Fee | None) -> Notice:
    if fee is None:
        raise NoticeUnavailable("本申请没有发出收费通知。")
    money = f"人民币{fee.amount}元（大写：{rmb_upper(fee.amount)}）"
    mark = counted_note(fee.notified_on, fee.pay_due_on)
    pay = f"请您自收到本通知次日起20个工作日内（即{cn_date(fee.pay_due_on)}前{mark}）缴纳上述费用。"
    if fee.method == Fee.Method.COST:
        lead = (
            f"根据{LAW['2008']}第二十七条的规定，本机关依申请提供政府信息，"
            "收取检索、复制、邮寄等成本费用，现将有关事项通知如下："
        )
        table = (("收费项目", fee.cost_items), ("收费依据", fee.basis), ("应缴金额", money))
        after = (
            "缴费方式：请持本通知书到本机关政府信息公开工作机构办理缴费手续。",
            "申请公开政府信息的公民确有经济困难的，可以提出减免费用的申请，"
            "经本机关政府信息公开工作机构负责人审核同意，可以减免相关费用。",
        )
    else:
        lead = (
            f"根据{fee_rules.BASIS}的规定，您的申请属于申请公开政府信息的数量、频次明显超过合理范围"
            "的情形，本机关依法收取信息处理费，现将有关事项通知如下："
        )
        table = (
            ("计收方式", fee.get_method_display()),
            ("收费依据", fee.basis),
            ("收费标准", fee.standard),
            ("计算过程", "；".join(line for line in fee.breakdown.splitlines() if line)),
            ("应缴金额", money),
        )
        after = (
            "缴费方式：请持本通知书到本机关政府信息公开工作机构办理缴费手续，"
            "或按本机关告知的非税收入缴款方式缴纳。",
            "自本机关发出收费通知之日起至您缴纳费用之日止的期间，不计算在答复期限内。"
            "您逾期未缴纳费用的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        )
    return make_notice(
        application,
        "fee",
        [received(application), lead],
        fee.notified_on,
        table=table,
        closing=(pay, *after),
    )
