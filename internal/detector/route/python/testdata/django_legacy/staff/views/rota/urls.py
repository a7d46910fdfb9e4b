from django.conf.urls import include, url

from staff.views import rota
from staff.views.rota import handlers

urlpatterns = [
    url(r'^$', handlers.index),  # want: ANY /rota
    url(r'^(?P<shift_id>[0-9]+)$', handlers.shift),  # want: ANY /rota/{shift_id}
    url(r'^(?P<shift_id>[0-9]+)/swaps/', include(rota.swaps.urls)),
]
