from django.db import models


class Customer(models.Model):
    email = models.EmailField()
    password = models.CharField(max_length=128)
    api_token = models.CharField(max_length=64)


class Product(models.Model):
    name = models.CharField(max_length=100)
    description = models.TextField()
