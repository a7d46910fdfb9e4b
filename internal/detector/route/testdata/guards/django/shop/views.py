from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import user_passes_test
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import User
from django.http import Http404, HttpResponse, JsonResponse
from django.views.generic import ListView
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView


def home(request):
    # Shows a greeting either way: no check.
    if request.user.is_authenticated:
        return HttpResponse("welcome back")
    return HttpResponse("hello")


def sign_in(request):
    user = authenticate(request, username=request.POST["u"], password=request.POST["password"])
    if user is None:
        return HttpResponse("wrong password", status=401)
    login(request, user)
    return HttpResponse("ok")


class OrderList(LoginRequiredMixin, ListView):
    template_name = "orders.html"


@user_passes_test(lambda u: u.is_staff)
def staff_panel(request):
    return HttpResponse("staff")


class ItemList(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get(self, request):
        return Response([])

    def post(self, request):
        return Response(request.data, status=201)


class AuditLog(APIView):
    permission_classes = [IsAdminUser]

    def get(self, request):
        return Response([])


class Ping(APIView):
    permission_classes = [AllowAny]
    throttle_scope = "auth"

    def get(self, request):
        return Response("pong")


def moderation(request):
    # Hidden from callers who are not staff: the 404 of a missing page.
    if not request.user.is_staff:
        raise Http404
    return HttpResponse("queue")


def profile(request, username):
    # Lookalike: a 404 for a user looked up by the path's name.
    user = User.objects.filter(username=username).first()
    if user is None or not user.is_active:
        raise Http404
    return HttpResponse(user.username)
