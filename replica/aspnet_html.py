"""Markup of the chinhphu.vn document replica: the ASP.NET form, GridView, pager, detail page."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from replica.legaltext import DocHead

if TYPE_CHECKING:
    from replica.aspnet_docs import ChinhphuDocsSite, Document

PAGE_ID = "27160"
GRID = "ctl00$leftcontent$ctl00$grvDocument"
SEARCH_BUTTON = "ctl00$leftcontent$ctl00$btnSearch"
POSTBACK_SCRIPT = """<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {
    theForm = document.aspnetForm;
}
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>
"""


def t(value: str) -> str:
    return escape(value, quote=False)


def frame(site: ChinhphuDocsSite, title: str, main: str, form: int | None) -> str:
    """The portal page; the table page (form = its page number) sits in the ASP.NET form."""
    head = (
        '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">\n<head>'
        f"<title>{t(title)} - Cổng Thông tin điện tử Chính phủ</title>\n"
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
        f'<link href="{site.prefix}Themes/Default/style.css" rel="stylesheet" /></head>\n<body>\n'
    )
    banner = (
        '<div id="header"><a href="./"><img src="Themes/Default/images/logo.png" '
        'alt="Cổng Thông tin điện tử Chính phủ" /></a>\n<ul class="menu"><li><a href="./">'
        f'Trang chủ</a></li><li><a href="./?pageid={PAGE_ID}">Hệ thống văn bản</a></li>'
        "</ul></div>\n"
    )
    footer = (
        '<div id="footer">Cổng Thông tin điện tử Chính phủ. Ghi rõ nguồn khi phát hành lại.</div>'
    )
    if form is None:
        return f'{head}{banner}<div id="content">{main}</div>\n{footer}\n</body>\n</html>\n'
    page = form
    hidden = (
        f'<form method="post" action="./?pageid={PAGE_ID}" id="aspnetForm">\n'
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
        f'name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{site.event_validation(page)}" />'
        "\n</div></form>\n"
    )
    return (
        f'{head}{hidden}{banner}<div id="content">{main}</div>\n{tail}{footer}\n</body>\n</html>\n'
    )


def _post(argument: str, label: str) -> str:
    return f"<td><a href=\"javascript:__doPostBack('{GRID}','{argument}')\">{label}</a></td>"


def pager_html(site: ChinhphuDocsSite, page: int, last: int) -> str:
    """GridView NumericFirstLast pager: First, '...', ten numbers, '...', Last."""
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
    return f'<tr class="pager"><td colspan="3"><table><tr>{"".join(cells)}</tr></table></td></tr>'


def table_html(
    site: ChinhphuDocsSite, page: int, rows: list[tuple[int, DocHead]], last: int, more: bool
) -> str:
    body = []
    for n, (docid, head) in enumerate(rows):
        href = f"?pageid={PAGE_ID}&amp;docid={docid}"
        body.append(
            f'<tr class="{"alt-row" if n % 2 else "row"}">'
            f'<td class="col-code"><a href="{href}"><span class="code">{t(head.number)}</span>'
            "</a></td>"
            f'<td class="col-date"><span class="issued-date">{head.day:%d/%m/%Y}</span></td>'
            f'<td class="col-substract"><a href="{href}" title="{escape(head.title)}">'
            f'<span class="substract">{t(head.subject)}</span></a></td></tr>'
        )
    grid = (
        '<div class="search-box"><input name="ctl00$leftcontent$ctl00$txtKeyword" type="text" '
        'id="ctl00_leftcontent_ctl00_txtKeyword" class="txt-keyword" />\n<input type="submit" '
        f'name="{SEARCH_BUTTON}" value="Tìm kiếm" id="ctl00_leftcontent_ctl00_btnSearch" /></div>\n'
        '<table class="table-document" cellspacing="0" rules="all" border="1" '
        'id="ctl00_leftcontent_ctl00_grvDocument" style="border-collapse:collapse;">\n'
        '<tr class="header"><th scope="col">Số ký hiệu</th><th scope="col">Ngày ban hành</th>'
        '<th scope="col">Trích yếu</th></tr>\n'
        + "\n".join(body)
        + "\n"
        + (pager_html(site, page, last) if last > 1 or more else "")
        + "\n</table>"
    )
    main = f'<h1 class="page-title">Hệ thống văn bản</h1>\n{grid}'
    return frame(site, "Hệ thống văn bản", main, page)


def detail_html(site: ChinhphuDocsSite, doc: Document) -> str:
    head = doc.head
    rows = (
        ("Số ký hiệu", f'<span class="code">{t(head.number)}</span>'),
        ("Ngày ban hành", f'<span class="issued-date">{head.day:%d/%m/%Y}</span>'),
        ("Ngày có hiệu lực", f'<span class="effective-date">{head.effective():%d/%m/%Y}</span>'),
        ("Loại văn bản", f'<span class="doc-type">{t(head.kind)}</span>'),
        ("Cơ quan ban hành", f'<span class="issuer">{t(head.issuer)}</span>'),
        ("Người ký", f'<span class="signer">{t(head.signer)}</span>'),
        ("Trích yếu", f'<span class="substract">{t(head.subject)}</span>'),
    )
    table = "\n".join(f'<tr><td class="label">{k}:</td><td>{v}</td></tr>' for k, v in rows)
    content = "\n".join(f"<p>{t(p)}</p>" for p in doc.paragraphs)
    signature = "<br />".join(t(line) for line in head.signature)
    links = " ".join(
        f'<a href="{href}" class="file-{kind}">{t(name)}</a>'
        for href, name, kind in site.files(head)
    )
    main = (
        '<div class="detail-document">\n<div class="breadcrumb"><a href="./">Trang chủ</a> » '
        f'<a href="./?pageid={PAGE_ID}">Hệ thống văn bản</a></div>\n'
        f'<h1 class="document-title">{t(head.title)}</h1>\n'
        f'<table class="document-properties">\n{table}\n</table>\n'
        f'<div class="document-header"><p>{t(head.issuer.upper())}</p><p>CỘNG HÒA XÃ HỘI CHỦ '
        "NGHĨA VIỆT NAM<br />Độc lập - Tự do - Hạnh phúc</p>"
        f"<p>Số: {t(head.number)}</p><p>Hà Nội, ngày {head.day.day:02d} tháng "
        f"{head.day.month:02d} năm {head.day.year}</p><p><b>{t(head.kind.upper())}</b><br />"
        f"{t(head.subject)}</p></div>\n"
        f'<div class="document-content">\n{content}\n</div>\n'
        f'<div class="document-signature"><p>{signature}</p></div>\n'
        f'<div class="document-attachments"><span>Tải về:</span> {links}</div>\n</div>'
    )
    return frame(site, head.title, main, None)


def home_html(site: ChinhphuDocsSite) -> str:
    indexes = site.corpus.newest(None, 0, 8)
    items = "\n".join(
        f'<li><a href="./?pageid={PAGE_ID}&amp;docid={site.ids.id_of(i)}">'
        f"{t(site.head(i).title)}</a></li>"
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
