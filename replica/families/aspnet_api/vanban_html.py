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
MODULE = "ctrl_191017_163"
GRID = f"{MODULE}$grvDocument"
SEARCH_BUTTON = f"{MODULE}$btnSearch"
RECORDS_PER_PAGE = f"{MODULE}$drdRecordPerPage"
PAGE_SIZES = (10, 20, 50, 100)
POSTBACK_SCRIPT = template(__file__, "postback.js")


def detail_href(site: Portal, docid: int) -> str:
    """A row's link, root-relative as on the real grid (`/?pageid=27160&docid=N`)."""
    return f"{site.prefix}?pageid={DETAIL_PAGE_ID}&amp;docid={docid}"


def frame(site: Portal, title: str, main: str, form: tuple[int, int] | None) -> str:
    """The portal page; the grid page (form = its page number and size) sits in form#form1."""
    head = (
        '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">\n<head>'
        f"<title>{t(title)} - Cổng Thông tin điện tử Chính phủ</title>\n"
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
        f'<link href="{site.prefix}Themes/Default/style.css" rel="stylesheet" /></head>\n<body>\n'
    )
    banner = (
        f'<div id="header"><a href="{site.prefix}"><img src="{site.prefix}Themes/Default/images/'
        'logo.png" alt="Hệ thống văn bản Chính phủ" /></a>\n<ul class="menu">'
        f'<li><a href="{site.prefix}">Trang chủ</a></li>'
        f'<li><a href="{site.prefix}?mode=0&amp;pageid={LIST_PAGE_ID}">Tất cả văn bản</a></li>'
        "</ul></div>\n"
    )
    footer = (
        '<div id="footer">Cổng Thông tin điện tử Chính phủ. Ghi rõ nguồn khi phát hành lại.</div>'
    )
    if form is None:
        return f'{head}{banner}<div id="content">{main}</div>\n{footer}\n</body>\n</html>\n'
    page, _ = form
    hidden = (
        f'<form method="post" action="./?mode=0&amp;pageid={LIST_PAGE_ID}" id="form1">\n'
        '<div class="aspNetHidden">\n'
        '<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />\n'
        '<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />\n'
        '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE"'
        f' value="{site.viewstate(page)}" />\n'
        f"</div>\n{POSTBACK_SCRIPT}"
    )
    tail = (
        '<div class="aspNetHidden">\n<input type="hidden" name="__VIEWSTATEGENERATOR" '
        'id="__VIEWSTATEGENERATOR" value="CA0B0334" />\n<input type="hidden" '
        'name="__VIEWSTATEENCRYPTED" id="__VIEWSTATEENCRYPTED" value="" />\n<input type="hidden" '
        f'name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{site.event_validation(page)}" />'
        "\n</div></form>\n"
    )
    return (
        f'{head}{hidden}{banner}<div id="content">{main}</div>\n{tail}{footer}\n</body>\n</html>\n'
    )


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


def _select(name: str, label: str, options: list[tuple[str, str]], selected: str) -> str:
    chosen = ' selected="selected"'
    items = "".join(
        f'<option{chosen if value == selected else ""} value="{value}">{t(text)}</option>'
        for value, text in options
    )
    field = name.replace("$", "_")
    return (
        f'<td><div class="label"><span>{label}:</span></div><div class="input">'
        f'<select name="{name}" id="{field}">{items}</select></div></td>'
    )


def search_html(size: int) -> str:
    """The module's search form: keyword, three filters, rows per page, the search button."""
    everything = [("0", "-- Tất cả --")]
    filters = (
        _select(f"{MODULE}$drdDocCategory", "Lĩnh vực", everything, "0")
        + _select(f"{MODULE}$drdDocOrg", "Loại văn bản", everything, "0")
        + _select(f"{MODULE}$drdDocYear", "Năm ban hành", everything, "0")
        + _select(RECORDS_PER_PAGE, "Số bản ghi", [(str(n), str(n)) for n in PAGE_SIZES], str(size))
    )
    return (
        '<div class="document-search"><div class="document-search-title">TÌM KIẾM VĂN BẢN</div>\n'
        f'<input name="{MODULE}$txtSearchKeyword" type="text" id="{MODULE}_txtSearchKeyword" '
        'class="txt-keyword" />\n'
        f'<input type="hidden" name="{MODULE}$hidIsSearch" id="{MODULE}_hidIsSearch" value="" />\n'
        f'<table class="table search-condition"><tbody><tr>{filters}</tr></tbody></table>\n'
        f'<input type="submit" name="{SEARCH_BUTTON}" value="Tìm kiếm" id="{MODULE}_btnSearch" />'
        "</div>\n"
    )


def table_html(
    site: Portal,
    page: int,
    size: int,
    rows: list[tuple[int, DocHead]],
    last: int,
    more: bool,
) -> str:
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
    grid = (
        search_html(size) + '<table class="table-document" cellspacing="0" rules="all" border="1" '
        f'id="{MODULE}_grvDocument" style="border-collapse:collapse;">\n'
        '<tr class="header"><th scope="col">Số ký hiệu</th><th scope="col">Ngày ban hành</th>'
        '<th scope="col">Trích yếu</th></tr>\n'
        + "\n".join(body)
        + "\n"
        + (pager_html(site, page, last) if last > 1 or more else "")
        + "\n</table>"
    )
    main = f'<h1 class="page-title">Tất cả văn bản</h1>\n{grid}'
    return frame(site, "Tất cả văn bản", main, (page, size))


def detail_html(site: Portal, doc: Document) -> str:
    head = doc.head
    files = "".join(
        f'<div class="rp-file"><a class="view-file" href="{href}" target="_blank">{t(name)}</a>'
        "</div>"
        for href, name, _ in site.files(head)
    )
    rows = (
        ("Số ký hiệu", t(head.number)),
        ("Ngày ban hành", f"{head.day:%d-%m-%Y}"),
        ("Ngày có hiệu lực", f"{head.effective():%d-%m-%Y}"),
        ("Loại văn bản", t(head.kind)),
        ("Cơ quan ban hành", t(head.issuer)),
        ("Người ký", t(head.signer)),
        ("Trích yếu", t(head.subject)),
        ("Tài liệu đính kèm", files),
    )
    table = "\n".join(
        f'<tr><td class="col1">{label}</td><td class="col2">{value}</td></tr>'
        for label, value in rows
    )
    content = "\n".join(f"<p>{t(p)}</p>" for p in doc.paragraphs)
    signature = "<br />".join(t(line) for line in head.signature)
    main = (
        '<div class="detail-document">\n<div class="breadcrumb">'
        f'<a href="{site.prefix}">Trang chủ</a> » '
        f'<a href="{site.prefix}?mode=0&amp;pageid={LIST_PAGE_ID}">Tất cả văn bản</a></div>\n'
        f'<h4 class="title"><span>{t(head.title)}</span></h4>\n'
        f'<div class="Content"><table class="detail-table">\n{table}\n</table></div>\n'
        f'<div class="fulltext-header"><p>{t(head.issuer.upper())}</p><p>CỘNG HÒA XÃ HỘI CHỦ '
        "NGHĨA VIỆT NAM<br />Độc lập - Tự do - Hạnh phúc</p>"
        f"<p>Số: {t(head.number)}</p><p>Hà Nội, ngày {head.day.day:02d} tháng "
        f"{head.day.month:02d} năm {head.day.year}</p><p><b>{t(head.kind.upper())}</b><br />"
        f"{t(head.subject)}</p></div>\n"
        f'<div class="fulltext-body">\n{content}\n</div>\n'
        f'<div class="fulltext-signature"><p>{signature}</p></div>\n</div>'
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
    return (
        f"<!DOCTYPE html>\n<html>\n<head>\n<title>{message}</title>\n</head>\n"
        "<body bgcolor=\"white\">\n<span><H1>Server Error in '/' Application."
        "<hr width=100% size=1 color=silver></H1>\n"
        f"<h2> <i>{message}</i> </h2></span>\n"
        "<b> Description: </b>An unhandled exception occurred during the execution of the "
        "current web request. Please review the stack trace for more information about the "
        "error and where it originated in the code.<br><br>\n"
        f"<b> Exception Details: </b>{exception}: {message}<br><br>\n"
        "<hr width=100% size=1 color=silver>\n<b>Version Information:</b>&nbsp;Microsoft "
        ".NET Framework Version:4.0.30319; ASP.NET Version:4.8.4494.0\n</body>\n</html>\n"
    )
