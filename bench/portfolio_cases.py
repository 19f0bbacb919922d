"""Case files for the portfolio benchmark: variants of the bundled examples, one per file.

    python bench/portfolio_cases.py [CASES]      # writes them to a temporary folder, prints its path

Each file is an example with its own title and start month (so that the cases differ and the
calendar years overlap as an organisation's do); the figures come from the bundled catalogue.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def write_cases(folder: Path, n: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    for i in range(n):
        text = texts[i % len(texts)]
        lines = []
        for line in text.split("\n"):
            if line.startswith("case:"):
                line = f"case: Case {i + 1:04d}"
            elif line.startswith("start:"):
                line = f"start: 2027-{1 + i % 12:02d}"
            lines.append(line)
        (folder / f"case-{i + 1:04d}.yaml").write_text("\n".join(lines), encoding="utf-8")
    return folder


if __name__ == "__main__":  # pragma: no cover
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(write_cases(Path(tempfile.mkdtemp(prefix="bcalc-portfolio-")), count))
