"""Markup of the vanban.chinhphu.vn replica: the ASP.NET form, document grid, pager, detail page.

What the public crawlers show of the real portal (docs/evidence.md, "vanban.chinhphu.vn"): the
list of all documents at ?mode=0&pageid=41852 inside form#form1 with the ctrl_191017_163 module's
fields; the grid table#ctrl_191017_163_grvDocument, rows of span.code (with span.issue-v2),
span.issued-date (dd/mm/yyyy), span.substract and div.bl-doc-files > div.bl-doc-file links; the
pager row tr.grid-pager of __doPostBack('ctrl_191017_163$grvDocument','Page$N') links; details
at ?pageid=27160&docid=N with h4.title and label/value rows (td.col1) in .Content, dates
dd-mm-yyyy there, files as .rp-file a.view-file. The page chrome and the full text block after
the rows are assumed.
"""

from __future__ import annotations

from replica.chrome import t
from replica.families.aspnet_api.legal import DocHead, Document, Portal
from replica.site import template

LIST_PAGE_ID = "41852"
DETAIL_PAGE_ID = "27160"
GRID = "ctrl_191017_163$grvDocument"
SEARCH_BUTTON = "ctrl_191017_163$btnSearch"
RECORDS_PER_PAGE = "ctrl_191017_163$drdRecordPerPage"
PAGE_SIZES = (10, 20, 50, 100)
SELECTED = ' selected="selected"'
POSTBACK_SCRIPT = template(__file__, "postback.js")
FRAME, CONTENT, FORM, LIST, DETAIL = (
    template(__file__, f"vanban_{name}.html")
    for name in ("frame", "content", "form", "list", "detail")
)
YELLOW_SCREEN = template(__file__, "yellow_screen.html")


def detail_href(site: Portal, docid: int) -> str:
    """A row's link, root-relative as on the real grid (`/?pageid=27160&docid=N`)."""
    return f"{site.prefix}?pageid={DETAIL_PAGE_ID}&amp;docid={docid}"


def frame(site: Portal, title: str, main: str, page: int | None) -> str:
    """The portal page; the grid's page `page` sits in form#form1 with its ViewState."""
    inner = CONTENT.format(prefix=site.prefix, main=main)
    if page is not None:
        validation = site.event_validation(page)
        inner = FORM.format(
            viewstate=site.viewstate(page),
            validation=validation,
            script=POSTBACK_SCRIPT,
            inner=inner,
        )
    return FRAME.format(title=t(title), prefix=site.prefix, inner=inner)


def _post(argument: str, label: str) -> str:
    # ASP.NET 4 writes the quotes of a pager link as &#39;.
    return (
        f'<td><a href="javascript:__doPostBack(&#39;{GRID}&#39;,&#39;{argument}&#39;)">'
        f"{label}</a></td>"
    )


def pager_html(site: Portal, page: int, last: int) -> str:
    """GridView NumericFirstLast pager in tr.grid-pager: First, '...', ten numbers, '...', Last."""
    start = (page - 1) // 10 * 10 + 1
    end = start + 9 if site.config.trap else min(last, start + 9)
    cells = [_post("Page$First", "Đầu")] if page > 1 else []
    if start > 1:
        cells.append(_post(f"Page${start - 1}", "..."))
    for n in range(start, end + 1):
        cells.append(f"<td><span>{n}</span></td>" if n == page else _post(f"Page${n}", str(n)))
    if site.config.trap or end < last:
        cells.append(_post(f"Page${end + 1}", "..."))
    if not site.config.trap and page < last:
        cells.append(_post("Page$Last", "Cuối"))
    return (
        f'<tr class="grid-pager"><td colspan="3"><table><tr>{"".join(cells)}</tr></table></td></tr>'
    )


def table_html(
    site: Portal, page: int, size: int, rows: list[tuple[int, DocHead]], last: int, more: bool
) -> str:
    """The list page: the module's search form (its rows-per-page select set), the grid."""
    body = []
    for docid, head in rows:
        href = detail_href(site, docid)
        files = "".join(
            f'<div class="bl-doc-file"><a href="{file}" target="_blank" download>'
            "Tài liệu đính kèm</a></div>"
            for file, _, _ in site.files(head)
        )
        body.append(
            f'<tr><td><a href="{href}"><span class="code">{t(head.number)}</span>'
            f'<span class="issue-v2">{head.day:%d/%m/%Y}</span></a></td>'
            f'<td><span class="issued-date">{head.day:%d/%m/%Y}</span></td>'
            f'<td><a href="{href}"><span class="substract">{t(head.subject)}</span></a>'
            f'<div class="bl-doc-files">{files}</div></td></tr>'
        )
    sizes = "".join(
        f'<option{SELECTED if n == size else ""} value="{n}">{n}</option>' for n in PAGE_SIZES
    )
    pager = pager_html(site, page, last) if last > 1 or more else ""
    main = LIST.format(sizes=sizes, rows="\n".join(body), pager=pager)
    return frame(site, "Tất cả văn bản", main, page)


def detail_html(site: Portal, doc: Document) -> str:
    head = doc.head
    files = "".join(
        f'<div class="rp-file"><a class="view-file" href="{href}" target="_blank">{t(name)}</a>'
        "</div>"
        for href, name, _ in site.files(head)
    )
    main = DETAIL.format(
        prefix=site.prefix,
        title=t(head.title),
        number=t(head.number),
        day=head.day,
        effective=head.effective(),
        kind=t(head.kind),
        kind_caps=t(head.kind.upper()),
        issuer=t(head.issuer),
        issuer_caps=t(head.issuer.upper()),
        signer=t(head.signer),
        subject=t(head.subject),
        files=files,
        content="\n".join(f"<p>{t(p)}</p>" for p in doc.paragraphs),
        signature="<br />".join(t(line) for line in head.signature),
    )
    return frame(site, head.title, main, None)


def home_html(site: Portal) -> str:
    indexes = site.corpus.newest(None, 0, 8)
    items = "\n".join(
        f'<li><a href="{detail_href(site, site.ids.id_of(i))}">{t(site.head(i).title)}</a></li>'
        for i in indexes
    )
    main = f'<div class="new-documents"><h2>Văn bản mới</h2><ul>\n{items}\n</ul></div>'
    return frame(site, "Trang chủ", main, None)


def yellow_screen(message: str, exception: str) -> str:
    """ASP.NET's "Server Error in '/' Application" page."""
    return YELLOW_SCREEN.format(message=message, exception=exception)
