"""The keyword settings accepted by :class:`~cognito_attr_code.Client` and
:func:`~cognito_attr_code.get_attr_code`. Any setting left out (or ``None``) comes from the
environment (``AWS_REGION``, ``AWS_ENDPOINT_URL``, ``AWS_CA_BUNDLE``, ...), then the default.
Names and meanings are those of the Rust ``Settings``."""

import os
from typing import Optional, TypedDict, Union

__all__ = ["Settings"]


class Settings(TypedDict, total=False):
    region: Optional[str]
    """AWS region, e.g. ``"us-east-1"``; default: the region of the access token's issuer."""
    endpoint_url: Optional[str]
    """Custom endpoint, e.g. ``"http://127.0.0.1:9229"``; its path is kept."""
    connect_timeout: Optional[float]
    """Seconds for DNS, TCP and TLS; 0 means none. Default 60."""
    read_timeout: Optional[float]
    """Seconds for each socket read or write; 0 means none. Default 60."""
    attempt_timeout: Optional[float]
    """Seconds for one attempt end to end (connect, send, whole response); 0 means none.
    Default: connect timeout + read timeout."""
    operation_timeout: Optional[float]
    """Seconds for a whole call, every attempt and back-off included; 0 means none. Default none."""
    max_attempts: Optional[int]
    """Attempts per call, including the first (≥ 1). Default 3."""
    retry_mode: Optional[str]
    """``"standard"`` or ``"adaptive"`` (``"legacy"`` is accepted as standard)."""
    ca_bundle: Union[str, "os.PathLike[str]", None]
    """PEM file of CA certificates trusted instead of the operating system's store."""
    verify: Union[bool, str, "os.PathLike[str]", None]
    """``False`` disables certificate verification; a path is a CA bundle (as in boto3)."""
    allow_insecure_http: Optional[bool]
    """Allow ``http://`` to a non-loopback host (the token would travel unencrypted)."""
    use_fips_endpoint: Optional[bool]
    use_dualstack_endpoint: Optional[bool]
    retry_read_timeouts: Optional[bool]
    """Retry after a read timeout (off: the first request may already have sent a code)."""
    profile: Optional[str]
    """Profile of the shared config file (``AWS_PROFILE``, else ``default``)."""
    proxy: Optional[str]
    """Proxy URL ``http://[user:password@]host:port``; default ``HTTPS_PROXY`` / ``HTTP_PROXY``."""
    validate_token: Optional[bool]
    """Check the token locally first: a JWT, ``token_use`` access, the admin scope, not expired."""
