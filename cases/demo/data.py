"""The demo's fixed data: the offices and roles, the names, contents and topics it draws from, and
the scenarios each office's cases are put through (see builder.py and branches.py)."""

from cases import outcomes
from cases.models import User

DEMO_PASSWORD = "gongkai-demo-2026"

OFFICES = [
    # code, name, short name, parent code
    ("yuanmou", "元谋县人民政府", "本机关", None),
    ("jiangyi", "姜驿乡人民政府", "我乡", "yuanmou"),
    ("ym-zrzy", "元谋县自然资源局", "我局", "yuanmou"),
]
ROLES = [
    ("front", User.Role.FRONT_DESK, "前台"),
    ("handler", User.Role.HANDLER, "承办"),
    ("supervisor", User.Role.SUPERVISOR, "负责人"),
    ("admin", User.Role.ADMIN, "管理员"),
]
SURNAMES = "李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = [
    "建国",
    "秀英",
    "志强",
    "海燕",
    "国华",
    "丽华",
    "明",
    "芳",
    "卫东",
    "春梅",
    "永红",
    "德胜",
    "玉兰",
    "文斌",
]
CONTENTS = [
    "2023年度本乡土地征收补偿安置方案及补偿标准",
    "姜驿乡{year}年财政预决算及“三公”经费支出情况",
    "本村集体土地承包经营权确权登记的相关文件",
    "{year}年度农村危房改造补助对象名单及补助标准",
    "元谋至姜驿公路改扩建项目的立项批复和环评文件",
    "本乡低保、特困人员救助供养对象的审批程序和名单",
    "某砂石料场的采矿许可证及年检情况",
    "乡卫生院建设项目招投标文件及中标结果",
    "退耕还林补助资金发放明细",
    "村委会换届选举的相关通知及选举结果公告",
]
ORGS = [
    ("commercial_enterprise", "元谋县金沙建材有限公司"),
    ("research_institution", "云南省农业科学院热区生态农业研究所"),
    ("public_interest_org", "楚雄州绿色家园环保志愿者协会"),
    ("legal_service_org", "云南滇中律师事务所"),
    ("other_org", "姜驿村民委员会"),
]
TOPICS = [
    "如何申请政府信息公开",
    "依申请公开的办理期限",
    "低保政策查询",
    "征地补偿标准查询",
    "政府信息公开指南在哪里查看",
    "申请表填写指导",
    "信息处理费收费标准",
    "惠农补贴发放时间",
]


# the main scenarios, spread over the two years (a scenario not handled elsewhere is an outcome code)
SCENARIOS = [
    "disclose",
    "disclose",
    "disclose",
    "partial",
    "open",
    "open",
    "supplement_pending",
    "consulting",
    "supplement_then_reply",
    "no_supplement",
    "third_party",
    "extended",
    "fee",
    "withdrawn",
    "late",
] + [
    code
    for code in outcomes.CODES
    if code not in ("other.no_supplement", "other.fee_unpaid", "unable.still_unclear")
]


# where each scenario's application is received: "recent" ones relative to today (see received_for)
EXTRA_SCENARIOS = [
    "overdue",
    "newly_overdue",
    "due_soon",
    "due_today",
    "on_the_spot",
    "still_unclear",
    "agency_consultation",
    "overdue_consulting",
    "fee_per_item",
    "fee_waived",
    "awaiting_fee",
    "fee_unpaid",
    "art35",
    "provisional",
    "reassigned",
    "late_notice",
    "supplement_lapsed",
    "fee_lapsed",
    "late_this_year",
]
REMEDY_COMBINATIONS = [
    (kind, result)
    for kind in ("reconsideration", "lawsuit_direct", "lawsuit_after_reconsideration", "complaint")
    for result in ("upheld", "corrected", "other", "pending")
]
