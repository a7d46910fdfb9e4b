from django.conf.urls import url

from staff.views.rota import handlers

urlpatterns = [
    url(r'^$', handlers.swap),  # want: ANY /rota/{shift_id}/swaps
    url(r'^(?P<swap_id>[0-9]+)$', handlers.swap_detail),  # want: ANY /rota/{shift_id}/swaps/{swap_id}
]
