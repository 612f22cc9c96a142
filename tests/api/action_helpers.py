"""Helpers for the action tests (tests/api/test_actions_*.py): post an action, check its effect,
and take a snapshot of what a refusal must leave as it was."""

from cases.models import Application, ApplicationEvent, Fee


def act(client, case, action: str, body: dict):
    return client.post(f"/api/v1/applications/{case['id']}/{action}/", body, format="json")


def snapshot(case) -> tuple:
    a = Application.objects.get(pk=case["id"])
    return (
        a.version,
        a.status,
        a.deadline,
        ApplicationEvent.objects.filter(application=a).count(),
        Fee.objects.count(),
    )


def ok(response, status: str):
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["status"] == status
    return data
