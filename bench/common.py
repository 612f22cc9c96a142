"""What bench/api.py and bench/report.py share besides the database: the time zone of the generated
timestamps, the mix of applicant types in both data sets, and the CPU's name for the printed figures."""

import platform
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
# applicant types and their weights (per 100 applicants)
TYPES = [
    ("natural_person", 70),
    ("commercial_enterprise", 12),
    ("research_institution", 3),
    ("public_interest_org", 4),
    ("legal_service_org", 6),
    ("other_org", 5),
]


def cpu_model(unknown: str = "unknown") -> str:
    """The CPU's model name from /proc/cpuinfo, else platform.processor(), else `unknown`."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or unknown
