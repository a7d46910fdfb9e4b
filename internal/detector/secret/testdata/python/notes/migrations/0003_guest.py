import os

from django.db import migrations


# Lookalike: the account's password comes from the environment.
def create_guest(apps, schema_editor):
    User = apps.get_model("auth", "User")
    User.objects.create_user(username="guest", password=os.environ["GUEST_PASSWORD"])


class Migration(migrations.Migration):
    dependencies = [("notes", "0002_default_admin")]
    operations = [migrations.RunPython(create_guest)]
