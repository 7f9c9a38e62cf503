from tests.sso.oidc_provider_fixture import oidc_provider  # noqa: F401 - a fixture
