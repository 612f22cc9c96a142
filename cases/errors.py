"""Errors the services raise. Field errors are django ValidationError({field: [message]});
an action that does not fit the case's current state is a StateConflict (HTTP 409)."""


class StateConflict(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StaleVersion(StateConflict):
    def __init__(self) -> None:
        super().__init__("该申请已被他人修改，请刷新页面查看最新情况后重试。")
