from django.contrib.auth.models import AbstractUser
from django.db import models


# want: asset user-data Reader display_name
class Reader(AbstractUser):
    """The app's user."""

    display_name = models.CharField(max_length=100)


class Title(models.Model):
    """Lookalike: a shared catalogue row. Its last editor is kept while
    the row points at them; nothing creates a title for its editor."""

    heading = models.CharField(max_length=255)
    last_edited_by = models.ForeignKey("Reader", on_delete=models.PROTECT, null=True)


class Edition(Title):
    """Lookalike: the catalogue row's subclass."""

    isbn = models.CharField(max_length=20)


# want: asset user-data Shelf name
class Shelf(models.Model):
    """Fire: a required key to the reader."""

    name = models.CharField(max_length=100)
    reader = models.ForeignKey("Reader", on_delete=models.CASCADE)


# want: asset user-data Pointer target
class Pointer(models.Model):
    """Fire: a nullable key the row outlives, but the view creates each
    one for the caller."""

    target = models.CharField(max_length=255)
    added_by = models.ForeignKey("Reader", on_delete=models.SET_NULL, null=True)
