from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases import identity

from .agency import Agency


class Applicant(models.Model):
    """A citizen or organisation as one office registered them, recognised again at that office by ID
    number or credit code. Each office keeps its own applicants: the same person applying to two
    offices is two rows, each with what was given to that office (one office never reads, changes or
    learns of another's record of a person)."""

    class Type(models.TextChoices):
        NATURAL_PERSON = "natural_person", "自然人"
        COMMERCIAL_ENTERPRISE = "commercial_enterprise", "商业企业"
        RESEARCH_INSTITUTION = "research_institution", "科研机构"
        PUBLIC_INTEREST_ORG = "public_interest_org", "社会公益组织"
        LEGAL_SERVICE_ORG = "legal_service_org", "法律服务机构"
        OTHER_ORG = "other_org", "其他组织"

    agency = models.ForeignKey(
        Agency, verbose_name="所属机关", on_delete=models.PROTECT, related_name="applicants"
    )
    type = models.CharField("申请人类型", max_length=30, choices=Type.choices)
    name = models.CharField("姓名/名称", max_length=100)
    id_number = models.CharField("身份证号码", max_length=18, blank=True, db_index=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True, db_index=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通讯地址", max_length=200, blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "申请人"
        verbose_name_plural = "申请人"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "id_number"],
                condition=~Q(id_number=""),
                name="unique_applicant_id_number_per_office",
                violation_error_message="本机关已有使用该身份证号码的申请人。",
            ),
            models.UniqueConstraint(
                fields=["agency", "credit_code"],
                condition=~Q(credit_code=""),
                name="unique_applicant_credit_code_per_office",
                violation_error_message="本机关已有使用该统一社会信用代码的申请人。",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The ID number and credit code as registration stores them (normalised, checked), for the
        admin too: the next registration looks the applicant up by the normalised number, and the
        unique constraints are checked on it."""
        errors = {}
        if self.id_number:
            self.id_number = identity.normalize_id_number(self.id_number)
            if message := identity.id_number_error(self.id_number):
                errors["id_number"] = [message]
        if self.credit_code:
            self.credit_code = identity.normalize_credit_code(self.credit_code)
            if message := identity.credit_code_error(self.credit_code):
                errors["credit_code"] = [message]
        if errors:
            raise ValidationError(errors)
