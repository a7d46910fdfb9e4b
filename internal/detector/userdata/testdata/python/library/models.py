from django.conf import settings
from django.db import models


# Lookalike: an abstract base has no table; its fields and its owner are
# its subclasses'.
class Stamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    class Meta:
        abstract = True


class Bookmark(Stamped):  # want: asset user-data Bookmark created,link_title
    link_title = models.CharField(max_length=200)


# Not a model: a plain class on a plain base.
class Importer(object):
    email = models.EmailField()
