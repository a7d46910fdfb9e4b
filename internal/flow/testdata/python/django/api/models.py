from django.db import models


class Profile(models.Model):
    user = models.CharField(max_length=100)
    avatar_url = models.URLField()
    is_staff = models.BooleanField(default=False)


class Note(models.Model):
    body = models.TextField()
