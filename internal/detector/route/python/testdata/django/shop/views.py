import requests
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.generics import ListCreateAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from .auth import token_required
from .models import Order, Product, Review


class OrderView(APIView):
    # The token check is a decorator per method; the class admits anyone.
    authentication_classes = []
    permission_classes = []

    def get(self, request, order_id=None):
        """
        Fetch one order. The caller should send the jwt token of its user
        (it does not: this read is open).
        """
        order = Order.objects.get(id=order_id)
        # the payment gateway wants our own credential, not the caller's
        status = requests.post(
            "https://payments.internal/v1/status",
            headers={"Authorization": "Basic " + order.gateway_key},
            timeout=5,
        ).json()
        return Response({"order": order.id, "payment": status})

    @token_required
    def post(self, request, order_id=None):
        Order.objects.create(user=request.user, product_id=request.data["product"])
        return Response(status=201)

    @token_required
    def put(self, request, order_id=None):
        Order.objects.filter(id=order_id).update(quantity=request.data["quantity"])
        return Response(status=204)


class TicketView(APIView):
    permission_classes = []

    def get(self, request):
        # A real check of the caller's header.
        if not request.headers.get("Authorization"):
            return Response(status=401)
        return Response({"tickets": []})


class WishlistView(View):
    def get(self, request):
        return render(request, "wishlist.html")

    @method_decorator(login_required)
    def post(self, request):
        request.user.wishlist.add(request.POST["item"])
        return redirect("/shop/wishlist/")


@method_decorator(login_required, name="delete")
class CartView(View):
    def get(self, request):
        return render(request, "cart.html")

    def delete(self, request):
        request.session.pop("cart", None)
        return JsonResponse({})


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    permission_classes = [permissions.IsAdminUser]

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        return super().get_permissions()

    @action(detail=True, methods=["post"], permission_classes=[permissions.AllowAny])
    def view(self, request, pk=None):
        Product.objects.filter(pk=pk).update(views=1)
        return Response(status=204)


class ReviewViewSet(viewsets.ModelViewSet):
    queryset = Review.objects.all()
    permission_classes = [permissions.AllowAny]

    def get_permissions(self):
        """Anyone may read; writing needs an account."""
        if self.request.method != "GET":
            return [permissions.IsAuthenticated()]
        return super().get_permissions()

    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAdminUser])
    def hide(self, request, pk=None):
        self.get_object().hide()
        return Response(status=204)


class QuestionList(ListCreateAPIView):
    def get_permissions(self):
        if self.request.method == "GET":
            permission_classes = [permissions.AllowAny]
        else:
            permission_classes = [permissions.IsAuthenticated]
        return [p() for p in permission_classes]


class StockList(ListCreateAPIView):
    # Too clever to read: the class default (IsAuthenticated) stands.
    def get_permissions(self):
        return [p() for p in self.pick_permissions(self.request)]


def sign_in(request):
    if request.user.is_authenticated:
        return redirect("/shop/")
    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    if user is None:
        return render(request, "sign_in.html", {"error": True})
    login(request, user)
    return redirect("/shop/")


def catalogue(request):
    # Open to everyone, even unauthenticated visitors.
    return render(request, "catalogue.html", {"products": Product.objects.all()})
