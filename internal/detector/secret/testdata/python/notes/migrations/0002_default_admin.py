from django.db import migrations


def create_admin(apps, schema_editor):
    User = apps.get_model("auth", "User")
    User.objects.create_superuser("admin", "admin@notes.test", "notes-admin-pw")  # want: secret default-password
    helper = User.objects.create_user(username="helper", email="helper@notes.test")
    helper.set_password("helper-pw-2024")  # want: secret default-password
    helper.save()


class Migration(migrations.Migration):
    dependencies = [("notes", "0001_initial")]
    operations = [migrations.RunPython(create_admin)]
