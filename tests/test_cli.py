"""The command line: every command documents itself, and `extract` reads a saved page."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from crawler.cli import main
from tests.helpers import SEED_TITLE, fetch

COMMANDS = sorted(main.commands)


def test_the_commands_the_readme_promises_exist() -> None:
    assert {"crawl", "demo", "serve", "replica", "extract", "sites"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = main.commands[name]
    assert isinstance(command, click.Command)
    assert command.help and "Example:" in command.help
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_extract_prints_the_fields_of_a_saved_page(
    replica, truth: list[dict], tmp_path: Path
) -> None:
    (seed,) = [line for line in truth if line["title"] == SEED_TITLE]
    page = tmp_path / "seed.html"
    page.write_bytes(fetch(seed["url"]))
    result = CliRunner().invoke(
        main, ["extract", str(page), "--url", seed["url"], "--site", "replica-thads-dongthap"]
    )
    assert result.exit_code == 0, result.output
    fields = json.loads(result.output)
    assert fields["title"] == seed["title"]
    assert fields["published"] == "2021-11-10"
    assert fields["author_unit"] == "Ban Vì sự tiến bộ phụ nữ"
    assert fields["body_text"] == seed["body_text"]
    assert fields["extraction_path"] == "profile"


def test_extract_reads_a_page_of_an_unknown_site_by_the_generic_path(
    replica, truth: list[dict], tmp_path: Path
) -> None:
    (seed,) = [line for line in truth if line["title"] == SEED_TITLE]
    page = tmp_path / "seed.html"
    page.write_bytes(fetch(seed["url"]))
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "https://example.org/a/1"])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.output)
    assert fields["extraction_path"] == "generic"
    assert (fields["title"], fields["published"]) == (seed["title"], "2021-11-10")
    assert fields["body_text"] == seed["body_text"]


def test_extract_explains_a_page_without_an_article(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Trang chủ</p></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "https://example.org/a"])
    assert result.exit_code == 1
    assert "no article on the page" in result.output


def test_crawl_rejects_an_unknown_site() -> None:
    result = CliRunner().invoke(main, ["crawl", "no-such-site"])
    assert result.exit_code == 2
    assert "unknown site 'no-such-site'" in result.output
