from rest_framework import serializers

from .models import Customer, Product


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = "__all__"  # want: sensitive-response


class CustomerPublicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "email"]


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = "__all__"
