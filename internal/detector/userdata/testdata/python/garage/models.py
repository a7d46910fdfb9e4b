from django.conf import settings
from django.contrib.auth.models import User
from django.db import models


# A lookup table: no relation to a user, nothing personal.
class Maker(models.Model):
    name = models.CharField(max_length=100)
    founded = models.IntegerField(null=True)


class Car(models.Model):  # want: asset user-data Car plate,year
    maker = models.ForeignKey(Maker, on_delete=models.CASCADE)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    plate = models.CharField(max_length=20)
    year = models.IntegerField(null=True)


# Belongs to a user through the car it is for.
class Repair(models.Model):  # want: asset user-data Repair problem,status
    car = models.ForeignKey(
        "Car",
        on_delete=models.CASCADE,
    )
    problem = models.CharField(max_length=500)
    status = models.CharField(max_length=10)


class Purchase(models.Model):  # want: asset user-data Purchase quantity
    buyer = models.ForeignKey(User, on_delete=models.CASCADE)
    maker = models.ForeignKey(Maker, on_delete=models.CASCADE)
    quantity = models.IntegerField(default=1)


# Lookalikes: a string named like a user is no relation, and a
# many-to-many list of users is membership, not ownership.
class Audit(models.Model):
    created_by = models.CharField(max_length=100)
    action = models.CharField(max_length=50)


class Club(models.Model):
    members = models.ManyToManyField(User)
    title = models.CharField(max_length=50)
