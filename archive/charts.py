"""Pictures of the archive as inline SVG drawn on the server: no script, no charting library,
nothing fetched from a CDN, so they work offline and under the strictest CSP."""

from __future__ import annotations

import datetime as dt
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

from archive.drift import describe
from archive.runs import outcome

# Okabe–Ito: told apart by people with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
OTHER = "#999999"
STATUS_COLORS = {"ok": "#009E73", "warn": "#E69F00", "bad": "#D55E00"}
EMPTY_FIELDS = ("title", "published", "body", "author_unit")
# Fields every article has when the layout is understood; many portals credit no author
# unit, so its share is shown but does not change a site's status.
REQUIRED_FIELDS = ("title", "published", "body")


def _months_ending(last: str, count: int) -> list[str]:
    year, month = int(last[:4]), int(last[5:7])
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _svg(width: int, height: int, label: str, body: Iterable[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}">'
        + "".join(body)
        + "</svg>"
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, title: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}">'
        f"<title>{escape(title)}</title></rect>"
    )


def monthly_chart(rows: Iterable[Mapping[str, Any]], months: int | None = None) -> dict[str, Any]:
    """A stacked bar chart of articles per month (the agencies with most articles in their own
    colour, the same in every view; the rest grey), its legend, and one small bar chart per
    agency with articles in those months (the others are listed apart).

    `rows` are {month, agency, articles}; the chart ends at the latest month with articles and
    starts `months` earlier, by default at the first month most agencies have articles in.
    """
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        if row["month"] and len(row["month"]) == 7:
            counts[row["agency"] or "(no agency)"][row["month"]] = row["articles"]
    if not counts:
        return {"svg": None, "legend": [], "agencies": [], "idle": [], "months": []}
    latest = max(month for by_month in counts.values() for month in by_month)
    shown = _months_ending(latest, months or _default_months(counts, latest))
    totals = {agency: sum(by_month.get(m, 0) for m in shown) for agency, by_month in counts.items()}
    ranked = sorted(totals, key=lambda agency: (-totals[agency], agency))
    # Largest first in the stack and the legend; colours by name, the same in every view.
    colors = stable_colors(ranked[: len(PALETTE)])
    colored = {agency: colors[agency] for agency in ranked[: len(PALETTE)]}
    width, height, left, bottom, top = 960, 320, 48, 40, 12
    per_month = [{a: counts[a].get(m, 0) for a in ranked} for m in shown]
    peak = max([sum(bars.values()) for bars in per_month] + [1])
    slot = (width - left - 8) / len(shown)
    scale = (height - bottom - top) / peak
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 8}" y2="{height - bottom}" '
        'stroke="#333"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{peak}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" font-size="11">0</text>',
    ]
    for index, (month, bars) in enumerate(zip(shown, per_month, strict=True)):
        x, y = left + index * slot + 1, float(height - bottom)
        other = sum(n for agency, n in bars.items() if agency not in colored)
        stack = [(a, bars[a], colored[a]) for a in colored] + [("other agencies", other, OTHER)]
        for agency, n, fill in stack:
            if n:
                y -= n * scale
                body.append(_rect(x, y, slot - 2, n * scale, fill, f"{month} · {agency}: {n}"))
        last = index == len(shown) - 1
        if (index % max(1, len(shown) // 8) == 0 and index < len(shown) - 2) or last:
            # The last label ends at the plot's edge instead of running past it.
            anchor, at = ("end", x + slot - 2) if last else ("middle", x + slot / 2)
            body.append(
                f'<text x="{at:.1f}" y="{height - bottom + 16}" text-anchor="{anchor}" '
                f'font-size="11">{month}</text>'
            )
    legend: list[dict[str, Any]] = [
        {"agency": a, "color": c, "total": totals[a]} for a, c in colored.items()
    ]
    if len(ranked) > len(colored):
        others = sum(totals[a] for a in ranked[len(colored) :])
        legend.append({"agency": "other agencies", "color": OTHER, "total": others})
    for item in legend:
        item["swatch"] = _svg(14, 14, item["agency"], [_rect(0, 0, 14, 14, item["color"], "")])
    agencies = []
    for agency in (agency for agency in ranked if totals[agency]):
        values = [counts[agency].get(m, 0) for m in shown]
        high = max(values)
        sparks = [
            _rect(
                i * 4, 30 - v * 30 / high, 3, v * 30 / high, colored.get(agency, OTHER), f"{m}: {v}"
            )
            for i, (m, v) in enumerate(zip(shown, values, strict=True))
        ]
        agencies.append(
            {
                "agency": agency,
                "total": totals[agency],
                "peak": high,
                "svg": _svg(4 * len(shown), 30, agency, sparks),
            }
        )
    label = f"Articles per month, {shown[0]} to {shown[-1]}, stacked by agency"
    return {
        "svg": _svg(width, height, label, body),
        "legend": legend,
        "agencies": agencies,
        "idle": sorted(agency for agency in ranked if not totals[agency]),
        "months": shown,
    }


def _default_months(counts: Mapping[str, Mapping[str, int]], latest: str) -> int:
    """Months back to the month by which half the agencies had started publishing (at least
    12, at most 120): a portal whose archive goes back decades does not flatten the rest."""
    starts = sorted(min(by_month) for by_month in counts.values() if by_month)
    start = starts[len(starts) // 2]
    span = (int(latest[:4]) - int(start[:4])) * 12 + int(latest[5:7]) - int(start[5:7]) + 1
    return min(120, max(12, span))


def _age_days(timestamp: str | None, now: dt.datetime) -> float | None:
    if not timestamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (now - moment).total_seconds() / 86400


def site_status(row: Mapping[str, Any], now: dt.datetime) -> tuple[str, list[str]]:
    """("ok" | "warn" | "bad", reasons) for one row of the site_health query."""
    reasons, status = [], "ok"

    def flag(level: str, reason: str) -> None:
        nonlocal status
        reasons.append(reason)
        if level == "bad" or status == "ok":
            status = level

    age = _age_days(row.get("last_success_at"), now)
    if age is None:
        flag("bad", "no successful run recorded")
    elif age > 7:
        flag("bad", f"last successful run {age:.0f} days ago")
    elif age > 2:
        flag("warn", f"last successful run {age:.0f} days ago")
    if row.get("drift"):
        flag("bad", f"layout drift: {describe(row['drift'], row.get('drift_quality'))}")
    last_run = outcome(row.get("last_run_status"), row.get("last_run_pid"), row.get("last_run_at"))
    if last_run == "interrupted":
        flag("bad", "last run was interrupted (killed)")
    elif last_run not in (None, "finished", "running"):
        flag("bad", f"last run ended: {last_run}")
    if row.get("failed_fetches_last_run"):
        flag("warn", f"{row['failed_fetches_last_run']} failed fetches in the last run")
    for field in REQUIRED_FIELDS:
        share = row.get(f"empty_{field}_pct") or 0
        if share > 50:
            flag("bad", f"{field} empty in {share:.0f}% of recent articles")
        elif share > 20:
            flag("warn", f"{field} empty in {share:.0f}% of recent articles")
    return status, reasons


def share_bar(share: float | None, width: int = 120) -> Markup:
    """A horizontal bar for a percentage of empty fields (grey when nothing was sampled)."""
    if share is None:
        return _svg(width, 12, "no articles sampled", [_rect(0, 0, width, 12, "#eeeeee", "none")])
    fill = STATUS_COLORS["bad" if share > 50 else "warn" if share > 20 else "ok"]
    return _svg(
        width,
        12,
        f"{share:.0f}% empty",
        [
            _rect(0, 0, width, 12, "#eeeeee", f"{share:.1f}% empty"),
            _rect(0, 0, max(1.0, width * share / 100), 12, fill, f"{share:.1f}% empty"),
        ],
    )


def health_board(rows: Iterable[Mapping[str, Any]], now: dt.datetime) -> list[dict[str, Any]]:
    """The site_health rows with a status, its reasons, a status dot and empty-field bars."""
    board = []
    for row in rows:
        status, reasons = site_status(row, now)
        dot = _svg(
            14,
            14,
            status,
            [
                f'<circle cx="7" cy="7" r="6" fill="{STATUS_COLORS[status]}">'
                f"<title>{escape(status)}</title></circle>"
            ],
        )
        bars = {field: share_bar(row.get(f"empty_{field}_pct")) for field in EMPTY_FIELDS}
        last_run = outcome(
            row.get("last_run_status"), row.get("last_run_pid"), row.get("last_run_at")
        )
        board.append(
            {
                **row,
                "last_run_status": last_run,
                "status": status,
                "reasons": reasons,
                "dot": dot,
                "bars": bars,
            }
        )
    return board


def stable_colors(names: Iterable[str]) -> dict[str, str]:
    """A colour for each name that does not depend on the order the names come in (their
    ranking changes from view to view): hashed, collisions settled in alphabetical order."""
    colors: dict[str, str] = {}
    for name in sorted(names):
        colors[name] = color_for(name, set(colors.values()))
    return colors


def color_for(name: str, taken: set[str]) -> str:
    """A palette colour that stays with `name` from view to view (a hash of the name picks
    it; the next free one if another name shown already has it)."""
    start = zlib.crc32(name.encode("utf-8")) % len(PALETTE)
    for step in range(len(PALETTE)):
        color = PALETTE[(start + step) % len(PALETTE)]
        if color not in taken:
            return color
    return OTHER


def trend_chart(
    periods: list[str], series: list[tuple[str, list[int], str]], shares: list[float | None]
) -> Markup:
    """Matches per period stacked by series (the last may be the grey rest), and the share
    of all articles as a line on its own axis (right)."""
    width, height, left, right, bottom, top = 960, 340, 52, 56, 44, 14
    slot = (width - left - right) / max(1, len(periods))
    totals = [sum(values[i] for _, values, _ in series) for i in range(len(periods))]
    peak = max([*totals, 1])
    top_share = max([s for s in shares if s is not None] + [0.0001])
    plot = height - bottom - top
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" '
        f'y2="{height - bottom}" stroke="#333"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{peak:,}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" font-size="11">0</text>',
        f'<text x="{width - right + 6}" y="{top + 4}" font-size="11">{top_share:.1%}</text>',
        f'<text x="{width - right + 6}" y="{height - bottom}" font-size="11">0%</text>',
    ]
    every = max(1, -(-len(periods) // 12))
    for index, period in enumerate(periods):
        x, y = left + index * slot, float(height - bottom)
        for name, values, color in series:
            n = values[index]
            if n:
                y -= n * plot / peak
                body.append(
                    _rect(
                        x + 0.5,
                        y,
                        max(0.5, slot - 1),
                        n * plot / peak,
                        color,
                        f"{period} · {name}: {n:,}",
                    )
                )
        last = index == len(periods) - 1
        # A label too near the last one would overlap it.
        if (index % every == 0 and index < len(periods) - 1 - every / 2) or last:
            anchor = "end" if last else "middle"
            body.append(
                f'<text x="{x + slot if last else x + slot / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="{anchor}" font-size="11">{escape(period)}</text>'
            )
    points = [
        f"{left + (i + 0.5) * slot:.1f},{height - bottom - share * plot / top_share:.1f}"
        for i, share in enumerate(shares)
        if share is not None
    ]
    if points:
        body.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#000" stroke-width="1.5"/>'
        )
    label = (
        f"Matching articles per period, {periods[0]} to {periods[-1]}" if periods else "No matches"
    )
    return _svg(width, height, label, body)
