"""The annual report (annual-report.md): computed by aggregate queries, checked, rendered, exported, frozen."""

from .build import ReportYearError, build_report

__all__ = ["ReportYearError", "build_report"]
