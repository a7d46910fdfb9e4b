from django.db import migrations, models


# Lookalike: a schema migration names a password column and creates no
# account.
class Migration(migrations.Migration):
    operations = [
        migrations.CreateModel(
            name="Vault",
            fields=[("password", models.CharField(max_length=128, default="")), ("hint", models.CharField(max_length=64, default="password"))],
        ),
    ]
