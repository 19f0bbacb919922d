"""``bcalc estimate --format markdown``: the estimate as Markdown tables."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from bcalc.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _euros(text: str) -> Decimal:
    """'€ 1.234,56' -> Decimal('1234.56')."""
    return Decimal(text.strip("* ").replace("€", "").replace(" ", "").replace(".", "").replace(",", "."))


def _table_after(text: str, heading: str) -> list[list[str]]:
    lines = text.split("\n")
    start = lines.index(heading) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows


def test_a_benefit_without_a_figure_in_one_year_shows_zero_there(tmp_path):
    """Tessa with no clients in its third contract year: the benefit has no figure for 2029."""
    case = (ROOT / "examples" / "zorgrobots.yaml").read_text(encoding="utf-8")
    assert "clients: [5, 10, 10]" in case
    path = tmp_path / "zorgrobots.yaml"
    path.write_text(case.replace("clients: [5, 10, 10]", "clients: [5, 10, 0]"), encoding="utf-8")

    out = runner.invoke(app, ["estimate", str(path), "--format", "markdown"])
    assert out.exit_code == 0, out.output
    data = json.loads(runner.invoke(app, ["estimate", str(path), "--format", "json"]).output)
    years = [row["year"] for row in data["per_year"]]
    figures = {b["year"]: Decimal(b["amount"]) for b in data["benefits"]}
    assert 2029 in years and 2029 not in figures  # the case this test is about

    table = _table_after(out.output, "## Baten")
    assert table[0] == ["Omschrijving", *map(str, years), "Totaal"]
    (row,) = [r for r in table[2:] if r[0].startswith("Minder thuiszorgmomenten")]
    cells = [_euros(c) for c in row[1:]]
    assert cells[:-1] == [figures.get(y, Decimal("0.00")) for y in years]
    assert row[years.index(2029) + 1] == "€ 0,00"
    assert cells[-1] == sum(figures.values()) == Decimal(data["total"]["benefits"])
