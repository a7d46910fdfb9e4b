import os
import shlex
from django.utils.encoding import python_2_unicode_compatible

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, models
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def quiet(func):
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except OSError:
            return None
    return wrapper


@python_2_unicode_compatible
class Claim(models.Model):
    created_at = models.DateTimeField()

    @staticmethod
    def store(upload, backup=None):
        folder = os.path.join(settings.MEDIA_ROOT, "claims")
        # Lookalike: Django keeps only the base name of an upload's name.
        default_storage.save(os.path.join(folder, upload.name), ContentFile(upload.read()))
        if backup == "true":
            return Claim.backup(upload, folder)

    @staticmethod
    @quiet
    def backup(upload, folder):
        os.system("cp %s/%s %s/bak_%s" % (folder, upload.name, folder, upload.name))  # want: command-injection via=file-name

    @classmethod
    def store_quoted(cls, upload):
        # Lookalike: the upload's name quoted for the shell.
        folder = os.path.join(settings.MEDIA_ROOT, "claims")
        os.system("cp %s/%s %s/bak" % (folder, shlex.quote(upload.name), folder))


@python_2_unicode_compatible
class Visit(models.Model):
    COLUMNS = ["ip_address", "referrer"]
    ip_address = models.CharField(max_length=64)
    referrer = models.CharField(max_length=255)

    @classmethod
    def by_ip(cls, ip, col="*"):
        table = cls.objects.model._meta.db_table
        cmd = "SELECT %s FROM %s WHERE ip_address='%s'" % (col, table, ip)  
        with connection.cursor() as cursor:
            cursor.execute(cmd)  # want: sql-injection via=query
            return cursor.fetchall()


class Member(models.Model):
    first_name = models.CharField(max_length=40)
    visits = models.IntegerField(default=0)

    def safe_name(self):
        return mark_safe(self.first_name)  # want: xss reach=

    # Lookalikes: a number marked safe, a name escaped into the markup.
    def badge(self):
        return mark_safe("<b>%d</b>" % self.visits)

    def greeting(self):
        return format_html("<b>{}</b>", self.first_name)
