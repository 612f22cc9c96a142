"""Each office keeps its own applicants (see 0012): an applicant gets the office it belongs to — null
until 0012 has filled it in, required from 0013 — and its ID number and credit code are no longer
unique across all offices (0013 makes them unique within an office)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0010_office_hotline_default_from_setting"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="applicant",
            name="unique_applicant_id_number",
        ),
        migrations.RemoveConstraint(
            model_name="applicant",
            name="unique_applicant_credit_code",
        ),
        migrations.AddField(
            model_name="applicant",
            name="agency",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="applicants",
                to="cases.agency",
                verbose_name="所属机关",
            ),
        ),
        migrations.AddField(
            model_name="historicalapplicant",
            name="agency",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="cases.agency",
                verbose_name="所属机关",
            ),
        ),
    ]
