"""Stored files go through STORAGES: with an S3-compatible object store
configured, the agreement PDF a worker renders lands there and the web node
serves it from there (issue 16: 5). The store is a local S3 API server (moto)."""

import boto3
import pytest
from django.test import override_settings
from moto.server import ThreadedMotoServer

from agreements import services
from agreements.models import Agreement
from tests.agreements.conftest import read

pytestmark = pytest.mark.django_db

BUCKET = "stagebeheer-test"


@pytest.fixture
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="eu-west-1",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    yield endpoint, client
    server.stop()


def _s3_storages(endpoint, settings):
    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "access_key": "test",
                "secret_key": "test",
                "region_name": "eu-west-1",
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }


def test_the_agreement_pdf_is_written_to_and_read_from_the_object_store(
    s3_endpoint, settings, placement, coordinator, commit, login, tmp_path
):
    endpoint, client = s3_endpoint
    with override_settings(STORAGES=_s3_storages(endpoint, settings), MEDIA_ROOT=tmp_path):
        with commit():
            agreement = services.generate(placement, actor=coordinator)
        agreement = Agreement.objects.get(pk=agreement.pk)
        assert agreement.pdf_status == "done"
        keys = [o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
        assert keys == [agreement.pdf.name]
        stored = client.get_object(Bucket=BUCKET, Key=agreement.pdf.name)["Body"].read()
        assert stored.startswith(b"%PDF")
        assert read(agreement.pdf) == stored
        response = login(coordinator).get(f"/agreements/{agreement.pk}/pdf/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content if response.streaming else [response.content]) == stored
    # Nothing went to the local disk.
    assert not any(tmp_path.rglob("*.pdf"))
