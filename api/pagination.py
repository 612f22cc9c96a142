from rest_framework.pagination import PageNumberPagination

# a page number past this is answered by the paginator alone (404), never sent to the database
MAX_PAGE_NUMBER = 10_000_000


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    page_query_description = "页码（从1开始）"
    page_size_query_description = "每页条数（默认50，最多500；更大的数按500）"

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters

    def get_paginated_response_schema(self, schema: dict) -> dict:
        """api.md's page: all four fields in every answer (next and previous null at either end)."""
        page = super().get_paginated_response_schema(schema)
        page["required"] = ["count", "next", "previous", "results"]
        return page

    def requested_slice(self, request) -> slice | None:
        """The rows the request's page covers, when its number is a plain one; None otherwise (the
        paginator then decides: the last page, or a 404 for a page that is not a number)."""
        size = self.get_page_size(request)
        number = request.query_params.get(self.page_query_param) or "1"
        if not size or not number.isascii() or not number.isdigit():
            return None
        if not 1 <= int(number) <= MAX_PAGE_NUMBER:
            return None
        start = (int(number) - 1) * size
        return slice(start, start + size)
