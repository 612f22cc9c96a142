"""An e-mail address longer than the applicant's column holds (254 characters) is a form error next
to the field on the registration page, as in the API — not a database error on PostgreSQL (the form
allowed Django's 320 characters)."""

import pytest
from django.urls import reverse

from cases.models import Applicant, Application

from .test_pages_front import VALID

pytestmark = pytest.mark.django_db

# a well-formed address of 260 characters: a 64-character local part, three 63-character labels
LONG_EMAIL = "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".com"


def test_an_email_too_long_for_the_column_is_a_field_error(
    client, township, township_front, frozen_today
):
    column = Applicant._meta.get_field("email").max_length
    assert len(LONG_EMAIL) > column
    client.force_login(township_front)
    response = client.post(
        reverse("application-register"),
        VALID | {"agency": township.pk, "applicant_email": LONG_EMAIL},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["applicant_email"]
    assert LONG_EMAIL in response.content.decode()  # kept in the form, to be shortened
    assert Application.objects.count() == 0
