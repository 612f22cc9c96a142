"""An application is assigned at registration only to a handler, supervisor or administrator of its
own office: the service refuses another office's handler and a front-desk clerk, and registers nothing."""

import pytest
from django.core.exceptions import ValidationError

from cases.models import Application

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "who", [("county", "handler"), ("jiangyi", "front_desk")], ids=["other office", "clerk"]
)
def test_handler_not_of_the_office_is_refused(register, people, who):
    with pytest.raises(ValidationError) as caught:
        register(handler=people[who])
    assert caught.value.message_dict == {"handler": ["承办人须为本机关的承办人员。"]}
    assert not Application.objects.exists()


def test_handler_of_the_office_is_assigned(register, township_handler):
    assert register(handler=township_handler).handler == township_handler
