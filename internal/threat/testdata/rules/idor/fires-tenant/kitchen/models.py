from django.conf import settings
from django.db import models


class Household(models.Model):
    name = models.CharField(max_length=128)


class Pantry(models.Model):
    label = models.CharField(max_length=128)
    household = models.ForeignKey(Household, on_delete=models.CASCADE)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
