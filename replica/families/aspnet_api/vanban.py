"""vanban.chinhphu.vn replica: the government's documents in an ASP.NET grid paged by postback.

All documents at ?mode=0&pageid=41852 (form#form1, the ctrl_191017_163 module), the next pages
only by __doPostBack against the signed __VIEWSTATE; details at ?pageid=27160&docid=N; files
under cpp/files/vbpq/. Which parts are evidenced and which assumed: docs/replica.md. The
documents and their text: legal.py.
"""

from __future__ import annotations

import base64
import random
import re
import struct
from bisect import bisect_left
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

from replica.chrome import fill, t
from replica.corpus import Corpus, IdSpace, iso, slugify
from replica.families.aspnet_api.legal import LEGAL, DocHead, doc_body, make_head
from replica.files import file_payload
from replica.site import (
    Request,
    Response,
    SiteConfig,
    data_file,
    digest,
    number,
    query_ci,
    template,
    templates,
)
from replica.text.gov import Story, truth_record

LIST_PAGE_ID = "41852"
DETAIL_PAGE_ID = "27160"
GRID = "ctrl_191017_163$grvDocument"
SEARCH_BUTTON = "ctrl_191017_163$btnSearch"
RECORDS_PER_PAGE = "ctrl_191017_163$drdRecordPerPage"
PAGE_SIZES = (10, 20, 50, 100)
SELECTED = ' selected="selected"'
POSTBACK_SCRIPT = template(__file__, "postback.js")
T = templates(__file__)
# The real grid shows 50 rows a page; the twin shows 20 unless the form asks for another size,
# so that its small corpus (45 documents by default) spans pages reached by postback.
PAGE_SIZE = 20
_MAGIC = b"\xff\x01\x0f\x0f"
_FILES = re.compile(r"cpp/files/vbpq/(\d{4})/(\d{1,2})/([a-z0-9-]+)\.(signed\.pdf|doc)")
SPEC = data_file(__file__, "vanban.toml")
HEADERS = tuple((name, value) for name, value in SPEC["headers"])


def _cell(argument: str, label: str) -> str:
    # ASP.NET 4 writes the quotes of a pager link as &#39;.
    return T["vanban_cell"].format(argument=argument, label=label)


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
        self.text = lru_cache(maxsize=2048)(self._text)
        self._year_start = lru_cache(maxsize=256)(self._first_position)

    def article_count(self) -> int:
        return self.corpus.total

    # Documents -------------------------------------------------------------------------------
    def _first_position(self, kind: int, year: int) -> int:
        """First position in the kind's sequence published in `year` (numbers restart yearly)."""
        positions = range(self.corpus.count(kind))
        return bisect_left(positions, year, key=lambda p: self.published_at(kind, p).year)

    def published_at(self, kind: int, position: int) -> datetime:
        return self.corpus.published(self.corpus.index_at(kind, position))

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

        later = rank - count + 1 + (spread(count - 1) if count else 0)  # after the base ones
        serial = spread(rank) if rank < count else later
        return make_head(random.Random(f"{self.salt}/{index}/head"), kind, serial, day)

    def _text(self, index: int) -> Story:
        """The document's text as the truth has it: the subject is the summary, the issuer the
        unit, the signer the author; no byline, photos, files in the text, or tags."""
        head, rng = self.head(index), random.Random(f"{self.salt}/{index}/body")
        window = range(max(0, index - 400), index)
        picks = sorted({rng.choice(window) for _ in range(rng.randint(0, 2))} if window else ())
        earlier = [self.head(j) for j in picks if self.head(j).day < head.day]
        paragraphs, cites = doc_body(rng, head, earlier, edited=self.corpus.edited(index))
        text = (head.title, head.subject, tuple(paragraphs), tuple(cites), head.signer, head.issuer)
        return Story(*text, *[()] * 4)

    def files(self, head: DocHead) -> list[tuple[str, str, str]]:
        """(href, link text, type): the signed PDF, and for decrees/circulars the Word file,
        under cpp/files/vbpq/<year>/<month>/ (month unpadded) on the twin's own host."""
        stem = slugify(head.number)
        folder = f"{self.prefix}cpp/files/vbpq/{head.day:%Y}/{head.day.month}/"
        found = [(f"{folder}{stem}.signed.pdf", f"{stem}.signed.pdf", "pdf")]
        if head.kind in ("Nghị định", "Thông tư"):
            found.append((f"{folder}{stem}.doc", f"{stem}.doc", "doc"))
        return found

    def detail_path(self, index: int) -> str:
        """A document's page, root-relative as the real grid links it."""
        return f"{self.prefix}?pageid={DETAIL_PAGE_ID}&docid={self.ids.id_of(index)}"

    # ViewState -------------------------------------------------------------------------------
    def viewstate(self, page: int) -> str:
        """The page number, padded like a real control tree and signed with the site's key."""
        pad = digest(self.salt, "viewstate", page, size=180)
        mac = digest(self.salt, "machineKey", page, pad, size=20)
        return base64.b64encode(_MAGIC + struct.pack(">I", page) + pad + mac).decode("ascii")

    def read_viewstate(self, value: str) -> int | None:
        try:
            raw = base64.b64decode(value, validate=True)
        except ValueError:  # binascii.Error
            return None
        page = struct.unpack(">I", raw[4:8])[0] if len(raw) == 208 and raw.startswith(_MAGIC) else 0
        return page if page >= 1 and raw == base64.b64decode(self.viewstate(page)) else None

    def event_validation(self, page: int) -> str:
        return base64.b64encode(b"\xff\x01" + digest(self.salt, "ev", page, size=62)).decode()

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        return "".join(f"Disallow: {path}\n" for path in SPEC["robots"])

    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].lower()
        if match := _FILES.fullmatch(rel):
            ext = "pdf" if match.group(4).endswith("pdf") else "doc"
            body, ctype = file_payload(ext, match.group(3))
            return Response(200, body, ctype, HEADERS)
        params = query_ci(request.query)
        if rel not in ("", "default.aspx"):
            return self.error(404)
        if "pageid" not in params:
            return self.page(self.home_html())
        if params["pageid"] == LIST_PAGE_ID and params.get("mode", "0") == "0":
            if request.method != "POST":
                return self.table(1, PAGE_SIZE)
            return self.postback(dict(parse_qsl(request.body.decode("utf-8", "replace"))))
        # Links from filtered lists carry classid, orggroupid or typegroupid: the same page.
        if params["pageid"] == DETAIL_PAGE_ID and "docid" in params:
            raw = params["docid"]
            index = self.ids.index_of(int(raw), self.corpus.total) if raw.isdigit() else None
            status = 404 if index is None else self.corpus.status(index)
            if index is None or status != 200:
                return self.error(status)
            return self.page(self.detail_html(index), self.corpus.modified(index))
        return self.error(404)

    def postback(self, form: dict[str, str]) -> Response:
        """Page$N / First / Last / Next / Prev on the grid, against the posted ViewState; the rows
        per page are the form's (its select resent), else the default."""
        current = self.read_viewstate(form.get("__VIEWSTATE", ""))
        asked = form.get(RECORDS_PER_PAGE, "")
        size = int(asked) if asked.isdigit() and int(asked) in PAGE_SIZES else PAGE_SIZE
        if current is None:
            return self.server_error("System.Web.HttpException")
        ev = form.get("__EVENTVALIDATION")
        if ev is not None and ev != self.event_validation(current):
            return self.server_error("System.ArgumentException")
        target, argument = form.get("__EVENTTARGET", ""), form.get("__EVENTARGUMENT", "")
        if not target:
            return self.table(1 if SEARCH_BUTTON in form else current, size)
        if target != GRID or not argument.startswith("Page$"):
            return self.table(current, size)
        last = self.corpus.pages(None, size)
        step = argument[5:]
        wanted = {"First": 1, "Last": last, "Next": current + 1, "Prev": current - 1}.get(step)
        if wanted is None:
            if not step.isdigit():
                return self.server_error("System.FormatException")
            wanted = int(step)
        wanted = max(1, wanted)
        return self.table(wanted if self.config.trap else min(wanted, last), size)

    def page(self, html: str, modified: datetime | None = None) -> Response:
        modified = modified or datetime(2026, 11, 1, 1, 0, tzinfo=UTC)
        return Response(200, html.encode("utf-8"), headers=HEADERS, last_modified=modified)

    def error(self, status: int) -> Response:
        message = "Văn bản không tồn tại hoặc đã bị gỡ bỏ." if status == 410 else "Không tìm thấy."
        html = self.frame("Lỗi", f'<div class="error-page"><p>{message}</p></div>', None)
        return Response(status, html.encode("utf-8"), headers=HEADERS)

    def server_error(self, exception: str) -> Response:
        """ASP.NET's "Server Error in '/' Application" page."""
        message = SPEC["server_errors"][exception]
        html = T["yellow_screen"].format(message=message, exception=exception)
        return Response(500, html.encode("utf-8"), headers=HEADERS)

    # Markup ----------------------------------------------------------------------------------
    def frame(self, title: str, main: str, page: int | None) -> str:
        """The portal page; the grid's page `page` sits in form#form1 with its ViewState."""
        inner = T["vanban_content"].format(prefix=self.prefix, main=main)
        if page is not None:
            state, validation = self.viewstate(page), self.event_validation(page)
            inner = T["vanban_form"].format(
                viewstate=state, validation=validation, script=POSTBACK_SCRIPT, inner=inner
            )
        return T["vanban_frame"].format(title=t(title), prefix=self.prefix, inner=inner)

    def pager_html(self, page: int, last: int) -> str:
        """GridView's NumericFirstLast pager: First, '...', ten numbers, '...', Last."""
        start = (page - 1) // 10 * 10 + 1
        end = start + 9 if self.config.trap else min(last, start + 9)
        cells = [_cell("Page$First", "Đầu")] if page > 1 else []
        if start > 1:
            cells.append(_cell(f"Page${start - 1}", "..."))
        for n in range(start, end + 1):
            cells.append(f"<td><span>{n}</span></td>" if n == page else _cell(f"Page${n}", str(n)))
        if self.config.trap or end < last:
            cells.append(_cell(f"Page${end + 1}", "..."))
        if not self.config.trap and page < last:
            cells.append(_cell("Page$Last", "Cuối"))
        return T["vanban_pager"].format(cells="".join(cells))

    def table(self, page: int, size: int) -> Response:
        """The list page: the module's search form (its rows-per-page select set), the grid."""
        indexes, last, more = self.corpus.page(None, page, size)
        body = []
        for index in indexes:
            head, href = self.head(index), self.detail_path(index)
            files = "".join(T["vanban_file"].format(href=f) for f, _, _ in self.files(head))
            body.append(fill(T["vanban_row"], head=head, href=href, files=files))
        sizes = "".join(
            f'<option{SELECTED * (n == size)} value="{n}">{n}</option>' for n in PAGE_SIZES
        )
        pager = self.pager_html(page, last) if last > 1 or more else ""
        main = T["vanban_list"].format(sizes=sizes, rows="\n".join(body), pager=pager)
        modified = self.corpus.modified(indexes[0]) if indexes else None
        return self.page(self.frame("Tất cả văn bản", main, page), modified)

    def detail_html(self, index: int) -> str:
        head = self.head(index)
        files = "".join(
            fill(T["vanban_view_file"], href=href, name=name) for href, name, _ in self.files(head)
        )
        main = fill(
            T["vanban_detail"],
            head=head,
            prefix=self.prefix,
            effective=head.effective(),
            kind_caps=t(head.kind.upper()),
            issuer_caps=t(head.issuer.upper()),
            files=files,
            content="\n".join(f"<p>{t(p)}</p>" for p in self.text(index).paragraphs),
            signature="<br />".join(t(line) for line in head.signature),
        )
        return self.frame(head.title, main, None)

    def home_html(self) -> str:
        items = "\n".join(
            fill(T["vanban_home_item"], href=self.detail_path(i), head=self.head(i))
            for i in self.corpus.newest(None, 0, 8)
        )
        return self.frame("Trang chủ", T["vanban_home"].format(items=items), None)

    # Truth -----------------------------------------------------------------------------------
    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for index in range(self.corpus.total):
            head = self.head(index)
            yield truth_record(
                self.slug,
                base_url + self.detail_path(index),
                self.text(index),
                published=iso(head.day),
                category=head.kind,
                attachments=[
                    {"url": base_url + href, "name": name, "type": kind}
                    for href, name, kind in self.files(head)
                ],
                status="live" if self.corpus.status(index) == 200 else "removed",
                edited=self.corpus.edited(index),
                number=head.number,
                document_type=head.kind,
            )
