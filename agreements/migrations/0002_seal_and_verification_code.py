from django.db import migrations, models

import agreements.models.agreement


def fill_codes(apps, schema_editor):
    Agreement = apps.get_model("agreements", "Agreement")
    for agreement in Agreement.objects.filter(verification_code__isnull=True).only("pk"):
        agreement.verification_code = agreements.models.agreement.new_verification_code()
        agreement.save(update_fields=["verification_code"])


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="InstallationSeal",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=40, unique=True)),
                ("certificate_pem", models.TextField()),
                ("key_pem", models.TextField()),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"verbose_name": "interne zegel", "verbose_name_plural": "interne zegels"},
        ),
        # Three steps: existing rows each get their own code before the column becomes unique.
        migrations.AddField(
            model_name="agreement",
            name="verification_code",
            field=models.CharField(editable=False, max_length=14, null=True, verbose_name="controlecode"),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="agreement",
            name="verification_code",
            field=models.CharField(
                default=agreements.models.agreement.new_verification_code,
                editable=False,
                max_length=14,
                unique=True,
                verbose_name="controlecode",
            ),
        ),
    ]
