"""Writes the bench's private CA and a 127.0.0.1 server certificate (trustme) into DIR."""

import sys
from pathlib import Path

import trustme

directory = Path(sys.argv[1])
directory.mkdir(parents=True, exist_ok=True)
ca = trustme.CA()
server = ca.issue_cert("127.0.0.1", "localhost")
ca.cert_pem.write_to_path(str(directory / "ca.pem"))
server.private_key_pem.write_to_path(str(directory / "server.key"))
server.cert_chain_pems[0].write_to_path(str(directory / "server.pem"))
for extra in server.cert_chain_pems[1:]:
    extra.write_to_path(str(directory / "server.pem"), append=True)
