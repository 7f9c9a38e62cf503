from django.db import migrations


def install(apps, schema_editor):
    from assessments.standard import install as install_standard

    install_standard(lambda name: apps.get_model("assessments", name))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
