"""HTTPS as some portals still serve it: a handshake that offers only a 1024-bit DH key.

OpenSSL 3 clients refuse such a key at their default security level ("dh key too small")
and connect with the cipher string `DEFAULT:@SECLEVEL=1` (docs/evidence.md, moh.gov.vn).
"""

from __future__ import annotations

import datetime as dt
import ssl
import tempfile
import warnings
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dh, rsa
from cryptography.x509.oid import NameOID

# The 1024-bit MODP group of RFC 2409 (Oakley group 2), as old server defaults shipped it.
OAKLEY_GROUP_2 = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22"
    "514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6"
    "F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381"
    "FFFFFFFFFFFFFFFF",
    16,
)
# TLS 1.2 with finite-field DH only, so the small group is the one the client must accept.
LEGACY_CIPHERS = "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0"


def _self_signed(host: str) -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def legacy_server_context(host: str = "127.0.0.1") -> ssl.SSLContext:
    """A server context with a fresh self-signed certificate and a 1024-bit DH group."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(LEGACY_CIPHERS)
    cert_pem, key_pem = _self_signed(host)
    with warnings.catch_warnings():  # finite-field DH is deprecated: that is the point here
        warnings.simplefilter("ignore")
        params = dh.DHParameterNumbers(OAKLEY_GROUP_2, 2).parameters()
    dh_pem = params.parameter_bytes(serialization.Encoding.PEM, serialization.ParameterFormat.PKCS3)
    with tempfile.TemporaryDirectory() as folder:
        cert, key, dhparams = Path(folder, "cert.pem"), Path(folder, "key.pem"), Path(folder, "dh")
        cert.write_bytes(cert_pem)
        key.write_bytes(key_pem)
        dhparams.write_bytes(dh_pem)
        context.load_cert_chain(cert, key)
        context.load_dh_params(dhparams)
    return context
