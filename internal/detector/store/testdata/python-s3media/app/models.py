from django.db import models


# The project stores media in S3 (settings below): the file field's
# files are in the bucket, not in a local folder.
class Invoice(models.Model):
    pdf = models.FileField(upload_to="invoices/")
