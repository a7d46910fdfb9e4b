from django.db import models


# A file field's name in a comment or a help text stores nothing:
# FileField(upload_to="docs/") is how the app would keep documents.
class Album(models.Model):
    title = models.CharField(max_length=100, help_text="not a FileField(upload_to=...)")
