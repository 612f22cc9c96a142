from django.contrib.auth import views as auth_views
from django.urls import include, path

from cases.forms import LoginForm
from cases.views import front

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", front.home, name="home"),
    path("applications/", front.application_list, name="application-list"),
    path("applications/new/", front.application_register, name="application-register"),
    path("applications/<int:pk>/", front.application_detail, name="application-detail"),
    path("consultations/", front.consultation_list, name="consultation-list"),
    path("consultations/new/", front.consultation_register, name="consultation-register"),
    path("consultations/<int:pk>/", front.consultation_detail, name="consultation-detail"),
    path("<str:kind>/<int:pk>/void/", front.void, name="void"),
    path("", include("cases.urls_extra")),
]
