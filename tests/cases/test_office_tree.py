"""An office's place in the tree (Agency.clean, used by the admin's form and the API's office
serializer): never under itself or an office under it, and its path — with the paths of the offices
under it, when it moves — within the column, where PostgreSQL would refuse it with a database error."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import Agency

pytestmark = pytest.mark.django_db


def test_an_office_cannot_move_under_an_office_below_it(county, township):
    county.parent = township
    with pytest.raises(ValidationError) as raised:
        county.clean()
    assert raised.value.message_dict["parent"] == ["上级机关不能是本机关或本机关的下级机关。"]


def test_an_office_cannot_move_where_the_offices_below_it_would_not_fit(county):
    chain = county
    for level in range(11):  # eleven levels of 32-character codes under the county
        chain = Agency.objects.create(code=f"{level:x}" * 32, name=f"第{level}级", parent=chain)
    deep = Agency.objects.create(code="d" * 32, name="深处", parent=None)
    county.parent = deep
    with pytest.raises(ValidationError) as raised:
        county.clean()
    assert "机关层级过深" in raised.value.message_dict["parent"][0]
    county.parent = None
    county.clean()  # where it is, it fits


def test_the_admin_form_refuses_a_loop_and_saves_nothing(
    client, django_user_model, county, township
):
    root = django_user_model.objects.create_superuser("root", "root@example.cn", "pw")
    client.force_login(root)
    url = reverse("admin:cases_agency_change", args=[county.pk])
    response = client.post(
        url,
        {"code": county.code, "name": county.name, "short_name": "本县", "parent": township.pk,
         "hotline": "96128"},
    )  # fmt: skip
    assert response.status_code == 200  # the form again, with the error
    assert "上级机关不能是本机关或本机关的下级机关" in response.content.decode()
    county.refresh_from_db()
    assert county.parent_id is None
