"""The 分办 page offers as 承办人 only the office's active staff who may handle a case (承办人、负责人、
管理员): not its front-desk clerk, not a handler whose account was deactivated (who left), not the staff
of another office — each of whom the service would refuse anyway."""

import pytest

from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_handler_choices(sup_client, case, people, handler, sup):
    left = make_user(case.agency, "handler", username="jiangyi-left")
    left.is_active = False
    left.save()
    form = sup_client.get(f"/applications/{case.pk}/act/assign/").context["form"]
    offered = set(form.fields["handler"].queryset)
    assert offered == {handler, sup, people[("jiangyi", "admin")]}
    assert people[("jiangyi", "front_desk")] not in offered and left not in offered
