"""Every applicant now belongs to an office (0012 gave each one): the office is required, and an ID
number or a credit code is unique within an office — the same person at two offices is two rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0012_split_applicants_shared_by_offices"),
    ]

    operations = [
        migrations.AlterField(
            model_name="applicant",
            name="agency",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="applicants",
                to="cases.agency",
                verbose_name="所属机关",
            ),
        ),
        migrations.AddConstraint(
            model_name="applicant",
            constraint=models.UniqueConstraint(
                condition=models.Q(("id_number", ""), _negated=True),
                fields=("agency", "id_number"),
                name="unique_applicant_id_number_per_office",
                violation_error_message="本机关已有使用该身份证号码的申请人。",
            ),
        ),
        migrations.AddConstraint(
            model_name="applicant",
            constraint=models.UniqueConstraint(
                condition=models.Q(("credit_code", ""), _negated=True),
                fields=("agency", "credit_code"),
                name="unique_applicant_credit_code_per_office",
                violation_error_message="本机关已有使用该统一社会信用代码的申请人。",
            ),
        ),
    ]
