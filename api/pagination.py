from rest_framework.pagination import PageNumberPagination

# a page number past this is answered by the paginator alone (404), never sent to the database
MAX_PAGE_NUMBER = 10_000_000


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

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
