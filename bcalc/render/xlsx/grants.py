"""A subsidy worked out from its rules (bcalc.core.funders), as formulas: on the inputs sheet under the
subsidy, its eligible costs and devices summed from the calculation sheet (per calendar year of its
period and category, with SUMIFS), what counts after the device cap, the share of that rounded to cents,
cut to the maximum and nothing below the minimum; the subsidy amount cell is that formula, so the grant
follows the prices and clients as the engine's does. The years of the period are fixed when the workbook
is written, as the horizon is."""

from __future__ import annotations

from bcalc.core.funders import DEVICE_CATEGORIES
from bcalc.models import ELIGIBLE
from bcalc.render.xlsx.book import Book, InputCells
from bcalc.render.xlsx.cells import EURO


def write(book: Book, cells: InputCells, calc_last: int) -> None:
    s, w = book.inputs, book.words
    calc = book.calculation.title
    col = lambda c: f"'{calc}'!${c}$2:${c}${calc_last}"  # noqa: E731
    for refs in cells.funding:
        rows = refs.rule_rows
        if not rows:
            continue
        g = next(g for g in book.result.grants if book.case.funding[g.index] is refs.line)
        cats = g.categories
        with_vat = "vat" in cats

        def summed(categories) -> str:
            terms = []
            for year in g.years:
                for cat in categories:
                    if cat == "vat":
                        continue
                    for column in ("I",) + (("J",) if with_vat else ()):
                        terms.append(f"SUMIFS({col(column)},{col('A')},{year},{col('F')},\"{w[cat]}\")")
            return "=" + ("+".join(terms) if terms else "0")

        c = lambda key: f"$B${rows[key]}"  # noqa: E731
        s.text(rows["rule_eligible"], 1, w["rule_eligible"].format(
            years=", ".join(str(y) for y in g.years) or "-", cats=", ".join(w[x] if x != "vat" else w["vat"]
                                                                           for x in cats)))
        s.formula(rows["rule_eligible"], 2, summed([x for x in cats if x in ELIGIBLE]), EURO)
        s.formula(rows["rule_devices"], 2, summed([x for x in cats if x in DEVICE_CATEGORIES]), EURO)
        e, d, cap = c("rule_eligible"), c("rule_devices"), c("rule_device_cap")
        s.formula(rows["rule_counted"], 2, f"=IF(AND(ISNUMBER({cap}),{d}>{cap}*{e}),({e}-{d})+ROUND(({e}-{d})*{cap}"
                                           f"/(1-{cap}),2),{e})", EURO)
        s.formula(rows["rule_computed"], 2, f"=ROUND({c('rule_share')}*{c('rule_counted')},2)", EURO)
        computed, lo, hi = c("rule_computed"), c("rule_min"), c("rule_max")
        allowed = f"IF(ISNUMBER({hi}),MIN({computed},{hi}),{computed})"
        row = int(refs.amount.rsplit("$", 1)[-1])   # the subsidy amount cell ('Invoer'!$B$12)
        s.formula(row, 2, f"=IF(AND(ISNUMBER({lo}),{allowed}<{lo}),0,{allowed})", EURO)


__all__ = ["write"]
