"""SharePoint 2013 page chrome of the THADS replica: head, ribbon, banner, menus, footer, errors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from replica.families.thads_sharepoint.lists import Portal
from replica.site import digest, junk_base64, number, stable_uuid, template

SP_REV = "?rev=OqAycmyMLoQIDkAlzHdMhQ%3D%3D"
LINKS = (
    ("https://moj.gov.vn", "Bộ Tư pháp"),
    ("https://thads.moj.gov.vn", "Tổng cục Thi hành án dân sự"),
    ("{portal}", "{portal_name}"),
    ("https://vbpl.vn", "Cơ sở dữ liệu quốc gia về văn bản pháp luật"),
)

HEAD = template(__file__, "head.html")

BANNER = template(__file__, "banner.html")

FOOTER = template(__file__, "footer.html")

ERROR = template(__file__, "error.html")


def _js_string(text: str) -> str:
    # SharePoint escapes non-ASCII and "/" in the page context block.
    return json.dumps(text).replace("/", "\\u002f")


def webpart_id(site: Portal, key: str, zone: str) -> tuple[str, str]:
    """(WebPartID uuid, control id) for one web part on one page: page-specific by design."""
    part = str(stable_uuid(site.slug, key, zone))
    return part, "ctl00_ctl35_g_" + part.replace("-", "_")


def webpart_zone(site: Portal, key: str, parts: Sequence[str]) -> str:
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
    site: Portal,
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


def top_menu(site: Portal) -> list[tuple[str, str]]:
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


def error_page(site: Portal, path: str, gone: bool = False) -> str:
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
