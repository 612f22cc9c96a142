"""Who sees what: township staff get 404 for the county's cases and the other way round; a supervisor
of the county sees both. Personas: an owner (the office's own staff), a teammate, an outsider."""

import pytest
from django.http import Http404

from cases.access import applications_for_user, get_application_for_user, get_consultation_for_user
from cases.services.registration import consultation_register

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["front_desk", "handler", "supervisor", "admin"])
def test_township_staff_see_own_case_not_countys(two_cases, people, role):
    township_case, county_case = two_cases
    user = people[("jiangyi", role)]
    assert get_application_for_user(user, township_case.pk) == township_case
    with pytest.raises(Http404):
        get_application_for_user(user, county_case.pk)


@pytest.mark.parametrize("role", ["front_desk", "handler"])
def test_county_staff_below_supervisor_see_only_the_county(two_cases, people, role):
    township_case, county_case = two_cases
    user = people[("county", role)]
    assert get_application_for_user(user, county_case.pk) == county_case
    with pytest.raises(Http404):
        get_application_for_user(user, township_case.pk)


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_county_supervisor_and_admin_see_both(two_cases, people, role):
    user = people[("county", role)]
    assert set(applications_for_user(user)) == set(two_cases)


def test_front_desk_may_read_but_not_handle(two_cases, people):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        get_application_for_user(people[("jiangyi", "front_desk")], two_cases[0].pk, write=True)
    assert (
        get_application_for_user(people[("jiangyi", "handler")], two_cases[0].pk, write=True)
        == two_cases[0]
    )


def test_garbage_ids_are_404(people):
    for pk in ("abc", None, "-1", 10**12):
        with pytest.raises(Http404):
            get_application_for_user(people[("jiangyi", "handler")], pk)


def test_consultations_follow_the_same_rule(frozen_today, township, county, people):
    c = consultation_register(
        user=people[("jiangyi", "front_desk")], agency=township, channel="hotline", topic="期限"
    )
    assert get_consultation_for_user(people[("county", "supervisor")], c.pk) == c
    with pytest.raises(Http404):
        get_consultation_for_user(people[("county", "handler")], c.pk)


def test_voided_cases_disappear_from_lists(two_cases, people):
    from cases.services.voiding import application_void

    township_case = two_cases[0]
    application_void(
        user=people[("jiangyi", "supervisor")], application=township_case, reason="重复登记"
    )
    assert township_case not in applications_for_user(people[("jiangyi", "handler")])
    township_case.refresh_from_db()
    assert township_case.void_reason == "重复登记"
    assert township_case.history.first().history_change_reason == "作废：重复登记"


def test_find_visible_agency_personas(people, county, township, django_assert_num_queries):
    """An office by its code: the owner's own office, a supervisor's office below, never above or
    beside; the own office, loaded with the user, costs no query."""
    from django.contrib.auth.models import AnonymousUser

    from cases.access import find_visible_agency
    from cases.models import Agency, User

    sibling = Agency.objects.create(code="ym-zrzy", name="元谋县自然资源局", parent=county)
    handler = User.objects.select_related("agency").get(pk=people[("jiangyi", "handler")].pk)
    with django_assert_num_queries(0):
        assert find_visible_agency(handler, "jiangyi") == township
    assert find_visible_agency(handler, "county") is None  # above
    assert find_visible_agency(handler, "ym-zrzy") is None  # beside
    supervisor = people[("county", "supervisor")]
    assert find_visible_agency(supervisor, "jiangyi") == township  # below
    assert find_visible_agency(supervisor, "ym-zrzy") == sibling
    assert find_visible_agency(supervisor, "nowhere") is None
    assert find_visible_agency(AnonymousUser(), "jiangyi") is None
    unloaded = User.objects.get(pk=handler.pk)  # office not loaded: asked of the database
    with django_assert_num_queries(1):
        assert find_visible_agency(unloaded, "jiangyi") == township


def test_scope_within_an_office_is_what_the_user_sees_of_it(two_cases, people, county, township):
    """applications_for_user(within=…) is the user's visible cases of that office: never more, even
    when asked for an office the user may not see (the caller need not have checked it first)."""
    from django.contrib.auth.models import AnonymousUser

    township_case, county_case = two_cases

    def seen(user, office, *, children=False):
        return set(applications_for_user(user, within=office, include_children=children))

    county_supervisor = people[("county", "supervisor")]
    assert seen(county_supervisor, township) == {township_case}  # below: the owner's subtree
    assert seen(county_supervisor, county) == {county_case}
    assert seen(county_supervisor, county, children=True) == {county_case, township_case}

    township_supervisor = people[("jiangyi", "supervisor")]
    assert seen(township_supervisor, township, children=True) == {township_case}
    assert seen(township_supervisor, county) == set()  # above
    assert seen(township_supervisor, county, children=True) == set()

    county_handler = people[("county", "handler")]  # a teammate who does not see subordinates
    assert seen(county_handler, county, children=True) == {county_case}
    assert seen(county_handler, township) == set()

    assert seen(AnonymousUser(), township) == set()  # an outsider
    for user in (county_supervisor, township_supervisor, county_handler):
        for office in (county, township):
            for children in (False, True):
                everything = set(applications_for_user(user))
                assert seen(user, office, children=children) <= everything


def test_sees_agency_needs_no_query(people, county, township, django_assert_num_queries):
    from cases.access import sees_agency
    from cases.models import Agency, User

    sibling = Agency.objects.create(code="ym-zrzy", name="元谋县自然资源局", parent=county)
    supervisor = User.objects.select_related("agency").get(pk=people[("county", "supervisor")].pk)
    handler = User.objects.select_related("agency").get(pk=people[("jiangyi", "handler")].pk)
    township_supervisor = User.objects.select_related("agency").get(
        pk=people[("jiangyi", "supervisor")].pk
    )
    with django_assert_num_queries(0):
        assert sees_agency(supervisor, township) and sees_agency(supervisor, sibling)
        assert sees_agency(handler, township)
        assert not sees_agency(handler, county) and not sees_agency(handler, sibling)
        assert not sees_agency(township_supervisor, county)
        assert not sees_agency(township_supervisor, sibling)
