"""SharePoint 2013 page chrome of the THADS replica: head, ribbon, banner, menus, footer, errors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from replica.site import digest, junk_base64, number, stable_uuid

if TYPE_CHECKING:
    from replica.families.thads_sharepoint.site import ThadsSite

SP_REV = "?rev=OqAycmyMLoQIDkAlzHdMhQ%3D%3D"
LINKS = (
    ("https://moj.gov.vn", "Bộ Tư pháp"),
    ("https://thads.moj.gov.vn", "Tổng cục Thi hành án dân sự"),
    ("{portal}", "{portal_name}"),
    ("https://vbpl.vn", "Cơ sở dữ liệu quốc gia về văn bản pháp luật"),
)

HEAD = """<!DOCTYPE html>
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=10" /><meta http-equiv="Expires" content="0" />
<meta name="msapplication-TileImage" content="/_layouts/15/images/SharePointMetroAppTile.png" />
<title>
\t{title}
</title><link rel="shortcut icon" href="/_layouts/15/images/favicon.ico?rev=23"
 type="image/vnd.microsoft.icon" id="favicon" />
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css{rev}"/>
<link rel="stylesheet" type="text/css" href="{prefix}Style%20Library/THADS/css/style.css"/>
<script type="text/javascript" src="/_layouts/15/init.js{rev}"></script>
<script type="text/javascript" src="/_layouts/15/1066/initstrings.js{rev}"></script>
<script type="text/javascript" src="/_layouts/15/sp.core.js{rev}"></script>
<script type="text/javascript">
var _spPageContextInfo = {context};
</script>
<script type="text/javascript">
RegisterSod("sp.ribbon.js", "\\u002f_layouts\\u002f15\\u002fsp.ribbon.js{rev}");
RegisterSodDep("sp.ribbon.js", "sp.core.js");
</script>
</head>
<body>
<div id="imgPrefetch" style="display:none">
<img src="/_layouts/15/images/spcommon.png?rev=23" />
</div>
<form method="post" action="{action}" onsubmit="javascript:return WebForm_OnSubmit();"
 id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" />
<input type="hidden" name="wpcmVal" id="wpcmVal" value="" />
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="{request_digest}" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{
    theForm = document.aspnetForm;
}}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<div id="ms-designer-ribbon">
<div id="s4-ribbonrow" class="ms-dialogHidden">
<div id="globalNavBox"><div id="ribbonBox"><div id="s4-ribbonrowcont">
<span class="ms-siteactions-root" id="siteactiontd">
<a id="ctl00_ctl34_ExplicitLogin" class="ms-signInLink" href="{signin}"
 style="display:inline;">Sign In</a>
</span>
</div></div></div>
</div>
</div>
<div id="s4-workspace"><div id="s4-bodyContainer">
"""

BANNER = """<div id="header" class="header">
<div class="banner">
<a href="{prefix}Pages/Trangchu.aspx" class="logo"><img src="{prefix}PublishingImages/logo.png"
 alt="Logo" /></a>
<div class="banner-text">
<h1 class="site-name">{agency_upper}</h1>
<h2 class="site-parent">{parent}</h2>
</div>
</div>
<div class="top-menu">
<ul class="menu-ngang">
{top_menu}
</ul>
</div>
</div>
<div id="contentRow" class="main-container">
<div class="left-col">
<div class="box-menu">
<h3 class="title-box">Tin tức - Sự kiện</h3>
<ul class="menu-doc">
{list_menu}
</ul>
</div>
<div class="box-link">
<h3 class="title-box">Liên kết</h3>
<ul>
{links}
</ul>
</div>
</div>
<div id="contentBox" class="center-col" aria-live="polite" aria-relevant="all">
<div id="DeltaPlaceHolderMain">
<a id="mainContent" name="mainContent" tabindex="-1"></a>
"""

FOOTER = """</div>
</div>
</div>
<div id="footer" class="footer">
<div class="footer-content">
<p><strong>Bản quyền thuộc {agency}</strong></p>
<p>Địa chỉ: {address}</p>
<p>Điện thoại: {phone} - Email: {email}</p>
<p>Ghi rõ nguồn khi trích dẫn thông tin từ trang này</p>
</div>
<div class="counter">Lượt truy cập: <span id="ctl00_lblCounter">{counter}</span></div>
</div>
</div></div>
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="{generator}" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{validation}" />
</div>
<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;
WebForm_InitCallback();
//]]>
</script>
</form>
<span id="DeltaPlaceHolderUtilityContent"></span>
</body>
</html>
"""

ERROR = """<!DOCTYPE html>
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>
\tLỗi
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/error.css{rev}"/>
</head>
<body>
<form method="post" action="./error.aspx" id="aspnetForm">
<div id="ms-error-header" class="ms-pr">
<h1 class="ms-core-pageTitle">Rất tiếc, đã xảy ra lỗi</h1>
</div>
<div id="ms-error-body">
<div id="ms-error-error-content">
<span id="ctl00_PlaceHolderMain_LabelMessage">{message}</span>
</div>
<div id="ms-error-details">
<p><span>Thông tin Kỹ thuật</span></p>
<p>ID Tương quan: {correlation}</p>
</div>
<div id="ms-error-gobackcont">
<a href="{prefix}Pages/Trangchu.aspx">Quay lại trang chủ</a>
</div>
</div>
</form>
</body>
</html>
"""


def _js_string(text: str) -> str:
    # SharePoint escapes non-ASCII and "/" in the page context block.
    return json.dumps(text).replace("/", "\\u002f")


def webpart_id(site: ThadsSite, key: str, zone: str) -> tuple[str, str]:
    """(WebPartID uuid, control id) for one web part on one page: page-specific by design."""
    part = str(stable_uuid(site.slug, key, zone))
    return part, "ctl00_ctl35_g_" + part.replace("-", "_")


def webpart_zone(site: ThadsSite, key: str, parts: Sequence[str]) -> str:
    """Wrap each part's HTML in SharePoint's zone / cell / chrome / WPQ divs."""
    cells = []
    for number_, body in enumerate(parts, start=3):
        zone = f"WPQ{number_}"
        part, control = webpart_id(site, key, zone)
        cells.append(
            f'<div id="MSOZoneCell_WebPart{zone}" class="s4-wpcell-plain ms-webpartzone-cell '
            f'ms-webpart-cell-vertical ms-fullWidth">\n'
            f'<div class="ms-webpart-chrome ms-webpart-chrome-vertical '
            f'ms-webpart-chrome-fullWidth">\n'
            f'<div WebPartID="{part}" HasPers="false" id="WebPart{zone}" width="100%" '
            f'class="ms-WPBody" allowDelete="false" style="">'
            f'<div id="{control}">\n{body}\n</div><div class="ms-clear"></div></div>\n'
            f"</div>\n</div>\n"
        )
    spacer = '<div class="ms-PartSpacingVertical"></div>\n'
    return '<div class="ms-webpart-zone ms-fullWidth">\n' + spacer.join(cells) + "</div>\n"


def page(
    site: ThadsSite,
    *,
    key: str,
    title: str,
    action: str,
    request_path: str,
    item_id: int | None,
    main: str,
) -> str:
    """A complete page: `request_path` is the canonical path+query, `main` the zone HTML."""
    server_path = request_path.partition("?")[0]
    web = f"{site.prefix}noidung/tintuc"
    list_id = "{" + str(stable_uuid(site.slug, server_path, "list")).upper() + "}"
    context = (
        f"{{webServerRelativeUrl:{_js_string(web)},"
        f"webAbsoluteUrl:{_js_string('http://thads.moj.gov.vn' + web)},"
        f"serverRequestPath:{_js_string(server_path)},"
        f'layoutsUrl:"_layouts\\u002f15",webTitle:{_js_string(title)},webTemplate:"1",'
        f"webLanguage:1066,currentLanguage:1066,"
        f'currentUICultureName:"vi-VN",currentCultureName:"vi-VN",'
        f'siteClientTag:"{number(site.slug, "tag", below=9)}$$15.0.4797.1000",webUIVersion:15,'
        f'pageListId:"{list_id}",pageItemId:{item_id if item_id is not None else -1},'
        f"pagePersonalizationScope:1,alertsEnabled:false,"
        f"siteServerRelativeUrl:{_js_string('/' + site.province_slug)}}}"
    )
    source = quote(request_path, safe="").replace("_", "%5F").replace(".", "%2E")
    menu = "\n".join(f'<li><a href="{href}">{label}</a></li>' for href, label in top_menu(site))
    list_menu = "\n".join(
        f'<li><a href="{site.list_path(spec)}">{spec.display}</a></li>' for spec in site.lists
    )
    portal_name = (
        "Cổng thông tin điện tử Chính phủ"
        if site.national
        else f"Cổng thông tin điện tử {site.place.place}"
    )
    links = "\n".join(
        f'<li><a href="{url.format(portal=site.portal)}" target="_blank">'
        f"{label.format(portal_name=portal_name)}</a></li>"
        for url, label in LINKS
    )
    head = HEAD.format(
        title=f"{title} - {site.agency}",
        rev=SP_REV,
        prefix=site.prefix,
        context=context,
        action=escape(action),
        request_digest="0x"
        + digest(site.slug, key, "digest", size=64).hex().upper()
        + ",10 Nov 2021 02:15:09 -0000",
        viewstate=junk_base64(site.slug, key, "viewstate", size=240 + len(key) * 7),
        signin=escape(f"{site.prefix}_layouts/15/Authenticate.aspx?Source={source}&Type=list"),
    )
    banner = BANNER.format(
        prefix=site.prefix,
        agency_upper=site.agency.upper(),
        parent="BỘ TƯ PHÁP" if site.national else "BỘ TƯ PHÁP - TỔNG CỤC THI HÀNH ÁN DÂN SỰ",
        top_menu=menu,
        list_menu=list_menu,
        links=links,
    )
    footer = FOOTER.format(
        agency=site.agency,
        address=site.address,
        phone=site.phone,
        email=f"thads{site.province_slug or 'tongcuc'}@moj.gov.vn",
        counter=f"{1_200_000 + number(site.slug, 'counter', below=800_000):,}".replace(",", "."),
        generator=digest(site.slug, key, "gen", size=4).hex().upper(),
        validation=junk_base64(site.slug, key, "validation", size=96),
    )
    return head + banner + main + footer


def top_menu(site: ThadsSite) -> list[tuple[str, str]]:
    """(href, label) of the top menu: the notices list on province sites, a page elsewhere."""
    news = site.list_path(site.lists[0])
    notices = site.by_name.get("thongbao")
    return [
        (f"{site.prefix}Pages/Trangchu.aspx", "Trang chủ"),
        (f"{site.prefix}Pages/GioiThieu.aspx", "Giới thiệu"),
        (news.lower(), "Tin tức - Sự kiện"),
        (f"{site.prefix}Pages/VanBan.aspx", "Văn bản"),
        (site.list_path(notices) if notices else f"{site.prefix}Pages/ThongBao.aspx", "Thông báo"),
        (f"{site.prefix}Pages/LienHe.aspx", "Liên hệ"),
    ]


def error_page(site: ThadsSite, path: str, gone: bool = False) -> str:
    message = (
        "Mục không tồn tại. Mục có thể đã bị người dùng khác xóa hoặc đổi tên."
        if gone
        else "Không tìm thấy tệp."
    )
    return ERROR.format(
        rev=SP_REV,
        prefix=site.prefix,
        message=message,
        correlation=stable_uuid(site.slug, path.lower(), "error"),
    )


def sharepoint_headers(slug: str, key: str) -> tuple[tuple[str, str], ...]:
    """The response headers SharePoint 2013 on IIS sends; the request GUID varies per page."""
    guid = str(stable_uuid(slug, key, "request"))
    return (
        ("Server", "Microsoft-IIS/10.0"),
        ("Cache-Control", "private, max-age=0"),
        ("X-SharePointHealthScore", "0"),
        ("X-AspNet-Version", "4.0.30319"),
        ("SPRequestGuid", guid),
        ("request-id", guid),
        ("X-FRAME-OPTIONS", "SAMEORIGIN"),
        ("X-Powered-By", "ASP.NET"),
        ("MicrosoftSharePointTeamServices", "15.0.0.4797"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-MS-InvokeApp", "1; RequireReadOnly"),
    )
