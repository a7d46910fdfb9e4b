from django.contrib.auth.models import AbstractUser
from django.db import models


class Account(AbstractUser):  # want: asset user-data Account phone_number
    phone_number = models.CharField(max_length=32, blank=True)
    is_premium = models.BooleanField(default=False)  # want: asset integrity Account is_premium


class Profile(models.Model):  # want: asset user-data Profile avatar,birth_date,street_address
    account = models.OneToOneField(Account, on_delete=models.CASCADE)
    birth_date = models.DateField(null=True)
    street_address = models.TextField(blank=True)
    avatar = models.ImageField(upload_to="avatars/")
    bio_visible = models.BooleanField(default=True)


class Subscription(models.Model):  # want: asset integrity Subscription current_period_end,status; asset user-data Subscription current_period_end,status
    account = models.ForeignKey(Account, on_delete=models.CASCADE)
    status = models.CharField(max_length=20)
    current_period_end = models.DateTimeField()
