from django.conf.urls import include, url

from . import views

urlpatterns = [
    url(r'^$', views.rota_handlers.index),  # want: ANY /
    url(r'^rota/', include(views.rota.urls)),
    # url(r'^old-rota/', include(views.rota.urls)),
    url(r'^helpers/', include(views.rota.handlers)),
]
