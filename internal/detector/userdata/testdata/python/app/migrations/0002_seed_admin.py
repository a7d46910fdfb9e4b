# A data migration: its INSERT seeds a table the models declare; the
# columns it writes are no model of their own.
from django.db import migrations


class Migration(migrations.Migration):
    operations = [
        migrations.RunSQL("INSERT INTO app_member (email, password) VALUES ('admin@example.test', 'x')"),
    ]
