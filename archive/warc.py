"""Byte-exact snapshots: every HTTP exchange as WARC request + response (or revisit) records
in gzip WARC files, and reading a record back by its file and offset."""

from __future__ import annotations

import hashlib
import zlib
from base64 import b32encode
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

Headers = Sequence[tuple[str, str]]
# The body is stored de-chunked (the HTTP client removed the transfer coding), so the header
# that announced chunks is kept under another name, as web archivists' proxies do.
_HOP_BY_HOP = {"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest of a body: sha1, base32."""
    return "sha1:" + b32encode(hashlib.sha1(body).digest()).decode("ascii")


@dataclass(frozen=True, slots=True)
class Capture:
    """Where one response's record is: file (relative to the WARC directory), offset, id."""

    warc_file: str
    warc_offset: int
    warc_record_id: str
    payload_digest: str
    warc_type: str  # "response", or "revisit" when the payload was archived before


@dataclass(frozen=True, slots=True)
class Earlier:
    """An earlier response record of the same URL, for a revisit record to refer to."""

    record_id: str
    payload_digest: str
    fetched_at: str  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A response read back from a WARC file: content decoded (transfer and content coding)."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)


class WarcFile:
    """One gzip WARC file being written; every record is flushed before its Capture is given
    out, so the archive never points at bytes that are not on disk."""

    def __init__(self, directory: Path, name: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory, self.name = directory, name
        self.stream: BinaryIO = (directory / name).open("ab")
        self.writer = WARCWriter(self.stream, gzip=True)
        self.writer.write_record(
            self.writer.create_warcinfo_record(
                name,
                {
                    "software": "govarchive",
                    "format": "WARC File Format 1.0",
                },
            )
        )
        self.stream.flush()

    def write_exchange(
        self,
        *,
        url: str,
        method: str,
        request_headers: Headers,
        request_body: bytes,
        status: int,
        response_headers: Headers,
        body: bytes,
        fetched_at: datetime,
        earlier: Earlier | None = None,
    ) -> Capture:
        """Write the response (or, if `earlier` holds the same payload, a revisit record)
        followed by its request record; return where the response's record is."""
        offset = self.stream.tell()
        digest = payload_digest(body)
        record_id, kind = _write_records(
            self.writer,
            Exchange(url, method, request_headers, request_body, status, response_headers),
            body,
            digest,
            fetched_at,
            earlier,
        )
        self.stream.flush()
        return Capture(self.name, offset, record_id, digest, kind)

    def write_packed(self, packed: PackedExchange, earlier: Earlier | None = None) -> Capture:
        """Append an exchange's records built elsewhere (`pack_exchange`), or, if `earlier`
        holds the same payload, a revisit record and the request record under its id."""
        offset = self.stream.tell()
        if earlier is not None and earlier.payload_digest == packed.payload_digest:
            _, kind = _write_records(
                self.writer,
                packed.exchange,
                b"",
                packed.payload_digest,
                packed.fetched_at,
                earlier,
                packed.record_id,
            )
        else:
            self.stream.write(packed.records)
            kind = "response"
        self.stream.flush()
        return Capture(self.name, offset, packed.record_id, packed.payload_digest, kind)

    def close(self) -> None:
        self.stream.close()


@dataclass(frozen=True, slots=True)
class Exchange:
    """An HTTP exchange but its response body."""

    url: str
    method: str
    request_headers: Headers
    request_body: bytes
    status: int
    response_headers: Headers


@dataclass(frozen=True, slots=True)
class PackedExchange:
    """An exchange's response and request records as the gzip members a WARC file holds,
    built where the response was fetched (a distributed worker, so that the one writer only
    appends them), with what a revisit record needs instead (the body is in `records`)."""

    records: bytes
    record_id: str
    payload_digest: str
    exchange: Exchange
    fetched_at: datetime


def pack_exchange(exchange: Exchange, body: bytes, fetched_at: datetime) -> PackedExchange:
    """The exchange's records for `WarcFile.write_packed`."""
    stream = BytesIO()
    digest = payload_digest(body)
    writer = WARCWriter(stream, gzip=True)
    record_id, _ = _write_records(writer, exchange, body, digest, fetched_at, None)
    return PackedExchange(stream.getvalue(), record_id, digest, exchange, fetched_at)


def _write_records(
    writer: WARCWriter,
    exchange: Exchange,
    body: bytes,
    digest: str,
    fetched_at: datetime,
    earlier: Earlier | None,
    record_id: str | None = None,
) -> tuple[str, str]:
    """The response record (a revisit record if `earlier` holds the payload `digest`), then
    its request record; the response's record id (`record_id` if given) and type."""
    url = exchange.url
    date = fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    http = StatusAndHeaders(
        f"{exchange.status} {_reason(exchange.status)}",
        [(_HOP_BY_HOP.get(k.lower(), k), v) for k, v in exchange.response_headers],
        protocol="HTTP/1.1",
    )
    warc_headers = {"WARC-Date": date}
    if earlier is not None and earlier.payload_digest == digest:
        record = writer.create_revisit_record(
            url, digest, url, earlier.fetched_at, http_headers=http, warc_headers_dict=warc_headers
        )
        record.rec_headers.add_header("WARC-Refers-To", earlier.record_id)
        kind = "revisit"
    else:
        record = writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict=warc_headers,
        )
        kind = "response"
    if record_id is not None:
        record.rec_headers.replace_header("WARC-Record-ID", record_id)
    record_id = str(record.rec_headers.get_header("WARC-Record-ID"))
    writer.write_record(record)
    target = url.split("/", 3)[3] if url.count("/") >= 3 else ""
    request = writer.create_warc_record(
        url,
        "request",
        payload=BytesIO(exchange.request_body),
        length=len(exchange.request_body),
        http_headers=StatusAndHeaders(
            f"{exchange.method} /{target} HTTP/1.1",
            list(exchange.request_headers),
            is_http_request=True,
        ),
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
    )
    writer.write_record(request)
    return record_id, kind


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def read_snapshot(directory: Path, warc_file: str, offset: int) -> Snapshot:
    """The response record at `offset` of a WARC file, its content decoded."""
    with (directory / warc_file).open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)), None)
        if record is None or record.rec_type != "response":
            raise ValueError(f"{warc_file}@{offset}: no response record there")
        http = record.http_headers
        return Snapshot(
            url=record.rec_headers.get_header("WARC-Target-URI"),
            status=int(http.get_statuscode()),
            headers=[(_original(k), v) for k, v in http.headers],
            body=record.content_stream().read(),
        )


def _original(name: str) -> str:
    return "Transfer-Encoding" if name == _HOP_BY_HOP["transfer-encoding"] else name


def complete_records(path: Path, *, strict: bool = False) -> Iterator[tuple[int, str, str]]:
    """(offset, type, record id) of every complete record, stopping quietly at a torn end (a
    crawl killed while writing its last record, a disk that filled up); with `strict`, a torn
    record raises ValueError instead.

    warcio reads a gzip member whose CRC and length trailer is missing without a word (and so
    does `warcio check`): each record's member is checked whole, trailer included.
    """
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        found: list[tuple[int, str, str]] = []
        try:
            for record in records:
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                offset = records.get_record_offset()
                record.content_stream().read()  # a torn record fails here, not later
                found.append((offset, record.rec_type, record_id))
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
            if strict:
                raise ValueError(f"{path.name}: torn record after offset {_last(found)}") from error
        ends = [offset for offset, _, _ in found[1:]] + [path.stat().st_size]
        for (offset, kind, record_id), end in zip(found, ends, strict=True):
            if not _whole_gzip_member(stream, offset, end):
                if strict:
                    raise ValueError(f"{path.name}: torn gzip member at offset {offset}")
                return
            yield offset, kind, record_id


def _last(found: list[tuple[int, str, str]]) -> int:
    return found[-1][0] if found else 0


def _whole_gzip_member(stream: BinaryIO, start: int, end: int) -> bool:
    """Whether the bytes from `start` to `end` are one gzip member ending in its trailer."""
    stream.seek(start)
    inflate = zlib.decompressobj(wbits=31)
    left = end - start
    while left > 0 and not inflate.eof:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            return False
        left -= len(chunk)
        try:
            inflate.decompress(chunk, 1 << 16)
            while inflate.unconsumed_tail and not inflate.eof:
                inflate.decompress(inflate.unconsumed_tail, 1 << 16)
        except zlib.error:
            return False
    return inflate.eof and left == 0 and not inflate.unused_data
