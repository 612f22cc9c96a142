from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("agencies", views.AgencyViewSet, basename="api-agency")
router.register("staff", views.StaffViewSet, basename="api-staff")
router.register("applications", views.ApplicationViewSet, basename="api-application")
router.register("consultations", views.ConsultationViewSet, basename="api-consultation")
router.register("remedies", views.RemedyViewSet, basename="api-remedy")

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path(
        "redoc/",
        SpectacularRedocView.as_view(url_name="api-schema", template_name="api/redoc.html"),
        name="api-redoc",
    ),
    path("calendar/", views.CalendarView.as_view(), name="api-calendar"),
    path("reports/", include("api.urls_reports")),
    path("", include(router.urls)),
    re_path(r"^.*$", views.not_found, name="api-not-found"),
]
