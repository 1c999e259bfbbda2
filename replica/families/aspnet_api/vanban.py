"""Family 5 replica: vanban.chinhphu.vn, the government's document system, a grid paged by postback.

URL shapes and markup follow the public crawlers cited in docs/evidence.md (vanban_html.py says
which parts); the documents and their text are generated.
"""

from __future__ import annotations

import base64
import binascii
import random
import re
import struct
from bisect import bisect_left
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

from replica.corpus import Corpus, IdSpace, iso, slugify
from replica.families.aspnet_api import vanban_html as ah
from replica.families.aspnet_api.legal import LEGAL, DocHead, Document, doc_body, make_head
from replica.families.aspnet_api.vanban_html import DETAIL_PAGE_ID, LIST_PAGE_ID, RECORDS_PER_PAGE
from replica.files import file_payload
from replica.site import Request, Response, SiteConfig, digest, number, query_ci
from replica.text.gov import Story, truth_record

# The real grid shows 50 rows a page; the twin shows 20 unless the form asks for another size,
# so that its small corpus (45 documents by default) spans pages reached by postback.
PAGE_SIZE = 20
_MAGIC = b"\xff\x01\x0f\x0f"
_FILES = re.compile(r"cpp/files/vbpq/(\d{4})/(\d{1,2})/([a-z0-9-]+)\.(signed\.pdf|doc)")
VIEWSTATE_ERROR = (
    "Validation of viewstate MAC failed. If this application is hosted by a Web Farm or "
    "cluster, ensure that &lt;machineKey&gt; configuration specifies the same validationKey and "
    "validation algorithm. AutoGenerate cannot be used in a cluster."
)
HEADERS = (
    ("Server", "Microsoft-IIS/8.5"),
    ("Cache-Control", "private"),
    ("X-AspNet-Version", "4.0.30319"),
    ("X-Powered-By", "ASP.NET"),
)


class ChinhphuDocsSite:
    """vanban.chinhphu.vn: all documents at ?mode=0&pageid=41852, details ?pageid=27160&docid=N."""

    family = "aspnet-api"
    slug = "chinhphu-vanban"
    host = "vanban.chinhphu.vn"
    agency = "Chính phủ"

    def __init__(self, config: SiteConfig | None = None) -> None:
        self.config = config or SiteConfig()
        self.prefix = f"/{self.host}/"
        self.salt = f"{self.config.seed}/{self.slug}"
        weights = [share for *_, share in LEGAL.KINDS]
        self.corpus = Corpus(self.config, self.salt, weights, date(2016, 1, 1), date(2026, 10, 31))
        self.ids = IdSpace(150_201, 3, self.salt)
        self.head = lru_cache(maxsize=8192)(self._head)
        self.document = lru_cache(maxsize=2048)(self._document)
        self._year_start = lru_cache(maxsize=256)(self._first_position)

    def article_count(self) -> int:
        return self.corpus.total

    # Documents -------------------------------------------------------------------------------
    def _first_position(self, kind: int, year: int) -> int:
        """First position in the kind's sequence published in `year` (numbers restart yearly)."""

        def year_at(position: int) -> int:
            return self.corpus.published(self.corpus.index_at(kind, position)).year

        return bisect_left(range(self.corpus.count(kind)), year, key=year_at)

    def _head(self, index: int) -> DocHead:
        kind, day = self.corpus.section(index), self.corpus.published(index).date()
        start = self._year_start(kind, day.year)
        rank = self.corpus.position(index) - start
        # Base documents spread their numbers over the real yearly range, in order; documents
        # added later (new_articles) continue after them, so no existing number changes.
        end = min(self._year_start(kind, day.year + 1), self.corpus.count(kind, self.corpus.base))
        count, most = max(0, end - start), LEGAL.YEARLY[kind]
        shift = number(self.salt, kind, day.year, below=most)

        def spread(r: int) -> int:
            return 1 + ((r * most + shift) // count if count < most else r)

        serial = (
            spread(rank) if rank < count else rank - count + 1 + (spread(count - 1) if count else 0)
        )
        return make_head(random.Random(f"{self.salt}/{index}/head"), kind, serial, day)

    def _document(self, index: int) -> Document:
        head, rng = self.head(index), random.Random(f"{self.salt}/{index}/body")
        window = range(max(0, index - 400), index)
        picks = sorted({rng.choice(window) for _ in range(rng.randint(0, 2))} if window else ())
        earlier = [self.head(j) for j in picks if self.head(j).day < head.day]
        edited = self.corpus.edited(index)
        paragraphs, cites = doc_body(rng, head, earlier, edited=edited)
        return Document(
            index=index,
            docid=self.ids.id_of(index),
            head=head,
            paragraphs=tuple(paragraphs),
            cites=tuple(cites),
            status=self.corpus.status(index),
            edited=edited,
            modified=self.corpus.modified(index),
        )

    def files(self, head: DocHead) -> list[tuple[str, str, str]]:
        """(href, link text, type): the signed PDF, and for decrees/circulars the Word file.

        The real files are on datafiles.chinhphu.vn under cpp/files/vbpq/<year>/<month>/ (month
        unpadded); the twin serves that path on its own host."""
        stem = slugify(head.number)
        folder = f"{self.prefix}cpp/files/vbpq/{head.day:%Y}/{head.day.month}/"
        found = [(f"{folder}{stem}.signed.pdf", f"{stem}.signed.pdf", "pdf")]
        if head.kind in ("Nghị định", "Thông tư"):
            found.append((f"{folder}{stem}.doc", f"{stem}.doc", "doc"))
        return found

    def detail_path(self, docid: int) -> str:
        return f"{self.prefix}?pageid={DETAIL_PAGE_ID}&docid={docid}"

    # ViewState -------------------------------------------------------------------------------
    def viewstate(self, page: int) -> str:
        """The page number, padded like a real control tree and signed with the site's key."""
        pad = digest(self.salt, "viewstate", page, size=180)
        mac = digest(self.salt, "machineKey", page, pad, size=20)
        return base64.b64encode(_MAGIC + struct.pack(">I", page) + pad + mac).decode("ascii")

    def read_viewstate(self, value: str) -> int | None:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None
        if len(raw) != 208 or not raw.startswith(_MAGIC):
            return None
        page = struct.unpack(">I", raw[4:8])[0]
        return page if page >= 1 and raw == base64.b64decode(self.viewstate(page)) else None

    def event_validation(self, page: int) -> str:
        return base64.b64encode(b"\xff\x01" + digest(self.salt, "ev", page, size=62)).decode()

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        return "Disallow: /Admin/\nDisallow: /ScriptResource.axd\nDisallow: /WebResource.axd\n"

    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].lower()
        match = _FILES.fullmatch(rel)
        if match:
            ext = "pdf" if match.group(4).endswith("pdf") else "doc"
            body, ctype = file_payload(ext, match.group(3))
            return Response(200, body, ctype, HEADERS)
        params = query_ci(request.query)
        if rel not in ("", "default.aspx"):
            return self.error(404)
        if "pageid" not in params:
            return self.page(ah.home_html(self))
        if params["pageid"] == LIST_PAGE_ID and params.get("mode", "0") == "0":
            if request.method != "POST":
                return self.table(1, PAGE_SIZE)
            return self.postback(dict(parse_qsl(request.body.decode("utf-8", "replace"))))
        # Links from filtered lists carry classid, orggroupid or typegroupid: the same page.
        if params["pageid"] == DETAIL_PAGE_ID and "docid" in params:
            raw = params["docid"]
            index = self.ids.index_of(int(raw), self.corpus.total) if raw.isdigit() else None
            if index is None:
                return self.error(404)
            doc = self.document(index)
            if doc.status != 200:
                return self.error(doc.status)
            return self.page(ah.detail_html(self, doc), doc.modified)
        return self.error(404)

    def postback(self, form: dict[str, str]) -> Response:
        """Page$N / First / Last / Next / Prev on the grid, against the posted ViewState; the rows
        per page are the form's (its select resent), else the default."""
        current = self.read_viewstate(form.get("__VIEWSTATE", ""))
        asked = form.get(RECORDS_PER_PAGE, "")
        size = int(asked) if asked.isdigit() and int(asked) in ah.PAGE_SIZES else PAGE_SIZE
        if current is None:
            return self.server_error(VIEWSTATE_ERROR, "System.Web.HttpException")
        ev = form.get("__EVENTVALIDATION")
        if ev is not None and ev != self.event_validation(current):
            return self.server_error(
                "Invalid postback or callback argument.", "System.ArgumentException"
            )
        target, argument = form.get("__EVENTTARGET", ""), form.get("__EVENTARGUMENT", "")
        if not target:
            return self.table(1 if ah.SEARCH_BUTTON in form else current, size)
        if target != ah.GRID or not argument.startswith("Page$"):
            return self.table(current, size)
        last = self.last_page(size)
        step = argument[5:]
        wanted = {"First": 1, "Last": last, "Next": current + 1, "Prev": current - 1}.get(step)
        if wanted is None:
            if not step.isdigit():
                return self.server_error(
                    "Input string was not in a correct format.", "System.FormatException"
                )
            wanted = int(step)
        wanted = max(1, wanted)
        return self.table(wanted if self.config.trap else min(wanted, last), size)

    def last_page(self, size: int) -> int:
        return max(1, -(-self.corpus.live_count() // size))

    def table(self, page: int, size: int) -> Response:
        indexes, last, more = self.corpus.page(None, page, size)
        docs = [self.head(i) for i in indexes]
        rows = [(self.ids.id_of(i), head) for i, head in zip(indexes, docs, strict=True)]
        modified = self.corpus.modified(indexes[0]) if indexes else None
        return self.page(ah.table_html(self, page, size, rows, last, more), modified)

    def page(self, html: str, modified: datetime | None = None) -> Response:
        modified = modified or datetime(2026, 11, 1, 1, 0, tzinfo=UTC)
        return Response(200, html.encode("utf-8"), headers=HEADERS, last_modified=modified)

    def error(self, status: int) -> Response:
        message = "Văn bản không tồn tại hoặc đã bị gỡ bỏ." if status == 410 else "Không tìm thấy."
        html = ah.frame(self, "Lỗi", f'<div class="error-page"><p>{message}</p></div>', None)
        return Response(status, html.encode("utf-8"), headers=HEADERS)

    def server_error(self, message: str, exception: str) -> Response:
        html = ah.yellow_screen(message, exception)
        return Response(500, html.encode("utf-8"), headers=HEADERS)

    # Truth -----------------------------------------------------------------------------------
    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for index in range(self.corpus.total):
            yield self.record(self.document(index), base_url)

    def record(self, doc: Document, base_url: str) -> dict[str, Any]:
        head = doc.head
        # The subject is the summary, the issuer the unit, the signer the author; no byline,
        # photos, attachments in the text, or tags.
        text = Story(
            head.title, head.subject, doc.paragraphs, doc.cites, head.signer, head.issuer, *[()] * 4
        )
        return truth_record(
            self.slug,
            base_url + self.detail_path(doc.docid),
            text,
            published=iso(head.day),
            category=head.kind,
            attachments=[
                {"url": base_url + href, "name": name, "type": kind}
                for href, name, kind in self.files(head)
            ],
            status="live" if doc.status == 200 else "removed",
            edited=doc.edited,
            number=head.number,
            document_type=head.kind,
        )
