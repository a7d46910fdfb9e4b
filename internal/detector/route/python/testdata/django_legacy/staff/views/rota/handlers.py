from django.http import HttpResponse


def index(request):
    return HttpResponse("rota")


def shift(request, shift_id):
    return HttpResponse(shift_id)


def swap(request, shift_id):
    return HttpResponse("swap %s" % shift_id)


def swap_detail(request, shift_id, swap_id):
    return HttpResponse(swap_id)
