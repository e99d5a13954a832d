"""The keyword settings accepted by :class:`~cognito_attr_code.Client` and
:func:`~cognito_attr_code.get_attr_code`. Names and meanings are those of the Rust ``Settings``."""

import os
from typing import Optional, TypedDict, Union

__all__ = ["Settings"]


# The settings are listed in the class docstring, which help() shows (it does not show the
# docstrings of TypedDict keys).
class Settings(TypedDict, total=False):
    """The keyword settings of :class:`~cognito_attr_code.Client`,
    :func:`~cognito_attr_code.get_attr_code` and :func:`~cognito_attr_code.verify_attr`. Each is
    optional; one left out (or ``None``) comes from the environment (``AWS_REGION``,
    ``AWS_ENDPOINT_URL``, ``AWS_CA_BUNDLE``, ...), then the shared config file, then the default.

    Settings:
        region (str): AWS region, e.g. ``"us-east-1"``; default: the region of the access
            token's issuer.
        endpoint_url (str): custom endpoint (an emulator or a proxy), e.g.
            ``"http://127.0.0.1:9229"``; its path is kept.
        connect_timeout (float): seconds for DNS, TCP and TLS; 0 means none. Default 60.
        read_timeout (float): seconds for each socket read or write; 0 means none. Default 60.
        attempt_timeout (float): seconds for one attempt end to end (connect, send, whole
            response); 0 means none. Default: connect timeout + read timeout.
        operation_timeout (float): seconds for a whole call, every attempt and back-off
            included; 0 means none. Default none.
        max_attempts (int): attempts per call, including the first (at least 1). Default 3.
        retry_mode (str): ``"standard"`` or ``"adaptive"`` (``"legacy"`` is accepted as
            standard).
        ca_bundle (str | os.PathLike): PEM file of CA certificates trusted instead of the
            operating system's store.
        verify (bool | str | os.PathLike): ``False`` disables certificate verification; a path
            is a CA bundle (as in boto3).
        allow_insecure_http (bool): allow ``http://`` to a non-loopback host (the token would
            travel unencrypted).
        use_fips_endpoint (bool): use the region's FIPS endpoint.
        use_dualstack_endpoint (bool): use the region's dual-stack (IPv4 and IPv6) endpoint.
        retry_read_timeouts (bool): retry after a read timeout (off by default: the first
            request may already have sent a code).
        profile (str): profile of the shared config file (``AWS_PROFILE``, else ``default``).
        proxy (str): proxy URL ``http://[user:password@]host:port``; default ``HTTPS_PROXY`` /
            ``HTTP_PROXY``.
        validate_token (bool): check the token locally first: a JWT, ``token_use`` access, the
            admin scope, not expired.
    """

    region: Optional[str]
    endpoint_url: Optional[str]
    connect_timeout: Optional[float]
    read_timeout: Optional[float]
    attempt_timeout: Optional[float]
    operation_timeout: Optional[float]
    max_attempts: Optional[int]
    retry_mode: Optional[str]
    ca_bundle: Union[str, "os.PathLike[str]", None]
    verify: Union[bool, str, "os.PathLike[str]", None]
    allow_insecure_http: Optional[bool]
    use_fips_endpoint: Optional[bool]
    use_dualstack_endpoint: Optional[bool]
    retry_read_timeouts: Optional[bool]
    profile: Optional[str]
    proxy: Optional[str]
    validate_token: Optional[bool]
