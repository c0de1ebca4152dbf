"""Every subcommand documents itself: help text with at least one example, and --store."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bordergraph.cli import main

COMMANDS = sorted(main.commands)


def test_the_cli_has_the_commands_of_the_flow():
    for name in ("build", "load", "extract", "evaluate", "stats", "export", "docs"):
        assert name in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`bordergraph {name} --help` shows no example"
    assert f"bordergraph {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_store_using_commands_take_store(name):
    command = main.commands[name]
    if name in ("docs", "extract", "evaluate", "queries"):
        return  # these read files or the query library, not a store
    assert any("--store" in p.opts for p in command.params), name


def test_usage_error_exits_2():
    result = CliRunner().invoke(main, ["load"])
    assert result.exit_code == 2
