from django.db import models


class Avatar(models.Model):
    # Django keeps what users upload here under MEDIA_ROOT/avatars/.
    image = models.ImageField(upload_to="avatars/")  # want: store filesystem Local folder (MEDIA_ROOT)
    caption = models.CharField(max_length=100)
