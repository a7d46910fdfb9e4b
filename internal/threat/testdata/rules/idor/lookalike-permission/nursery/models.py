from django.conf import settings
from django.db import models


class Timer(models.Model):
    name = models.CharField(max_length=255)
    start = models.DateTimeField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
