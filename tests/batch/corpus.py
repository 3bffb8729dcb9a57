"""A corpus of fictional disclosures with varied figures, built from the bundled example.

``write_corpus(outdir, n)`` writes ``n`` budget disclosures as text files: departments of
invented regions, each over consecutive years, every figure of the example scaled by a seeded
random factor (per line), and each year's 上年 figures taken from the previous year's produced
document — so the cross-year checks of a department's series agree by construction.  Used by
the store / batch / compare / web tests and by ``bench/bench_ingest.py``.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CENT = Decimal("0.01")

REGIONS = ("示例市", "样本市", "虚构县", "演示区", "假设市", "模拟县", "范例市", "试点区", "测算市", "案例县",
           "样例市", "拟定县", "参照市", "演练区", "推演市", "设想县", "构想市", "草拟区", "示范县", "例证市")
BUREAUS = ("数据管理局", "交通运输局", "文化旅游局", "农业农村局", "水利局", "民政局", "司法局", "财政局",
           "审计局", "统计局", "应急管理局", "市场监督管理局", "林业局", "体育局", "档案局", "人力资源和社会保障局",
           "自然资源局", "生态环境局", "住房和城乡建设局", "商务局")


@cache
def example():
    """The module ``examples/make_example.py`` (loaded once)."""
    name = "make_example"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / "make_example.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _scale(amount: Decimal | str, factor: float) -> Decimal:
    return (Decimal(amount) * Decimal(str(round(factor, 3)))).quantize(CENT)


def department_name(i: int) -> tuple[str, str]:
    """(region, department) of the ``i``-th fictional department."""
    region = REGIONS[i % len(REGIONS)]
    bureau = BUREAUS[(i // len(REGIONS)) % len(BUREAUS)]
    suffix = "" if i < len(REGIONS) * len(BUREAUS) else f"第{i // (len(REGIONS) * len(BUREAUS)) + 1}"
    return region, f"{region}{suffix}{bureau}"


def build(department: str, region: str, year: int, rng: random.Random, previous=None):
    """One produced budget disclosure (``Produced``) with figures varied by ``rng``."""
    from collections import defaultdict

    from cnbudget.model import Meta
    from cnbudget.produce.derive import derive_disclosure
    from cnbudget.produce.document import assemble
    from cnbudget.produce.inputs import EconomicLine, FunctionLine, PreviousYear, ThreePublic

    ex = example()
    base = rng.uniform(0.5, 2.5)
    basic = [(f, e, _scale(a, base * rng.uniform(0.9, 1.1))) for f, e, a in ex.BASIC]
    by_function: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    by_economic: dict[str, Decimal] = defaultdict(Decimal)
    column_of_class = {"301": "wages", "303": "household", "302": "goods_services", "310": "capital"}
    for f, e, a in basic:
        by_function[f][column_of_class[e[:3]]] += a
        by_economic[e] += a
    projects = []
    factors = {}
    for p in ex.PROJECTS:
        factors[p.name] = base * rng.uniform(0.6, 1.4)
        projects.append(replace(p, amount=_scale(p.amount, factors[p.name])))
    for p in projects:
        by_function[p.function_code][ex.PROJECT_CATEGORIES[p.category]] += p.amount
    procurement = tuple(
        replace(item, amount=_scale(item.amount, factors.get(item.project, base)))
        for item in ex.PROCUREMENT
    )
    # keep the 三公 parts equal to the basic lines they are paid from (公务接待费, 公务用车运行维护费)
    three = ThreePublic(abroad=Decimal("0.00"), vehicle_purchase=Decimal("0.00"),
                        vehicle_operation=by_economic["30231"], reception=by_economic["30217"])
    function_lines = tuple(
        FunctionLine(code=code, name=ex.FUNCTION_NAMES[code], **dict(cols)) for code, cols in sorted(by_function.items())
    )
    economic_lines = tuple(
        EconomicLine(code=code, name=ex.ECONOMIC[code][0], amount=amount, gov_code=ex.ECONOMIC[code][1],
                     gov_name=ex.ECONOMIC[code][2])
        for code, amount in sorted(by_economic.items())
    )
    facts = replace(ex.FACTS, composition=f"{department}部门预算为本级预算。本预算中的数字均为虚构，仅用于演示。")
    inp = replace(
        ex.build_input(),
        meta=Meta(department=department, region=region, year=year, kind="budget", scope="unit", unit="万元",
                  title=f"{department}{year}年部门预算"),
        unit_name=department,
        function_lines=function_lines,
        economic_lines=economic_lines,
        projects=tuple(projects),
        procurement=procurement,
        three_public=three,
        facts=facts,
        previous=previous if previous is not None else PreviousYear(),
    )
    if inp.facts.assets is not None and inp.facts.assets.as_of:
        # a budget of ``year`` reports its assets at the end of the year before (year.as_of)
        inp = replace(inp, facts=replace(inp.facts, assets=replace(inp.facts.assets, as_of=f"{year - 1}年末")))
    file_name = f"{department}{year}年部门预算.txt"
    return assemble(derive_disclosure(inp, file=file_name), facts=inp.facts, previous=inp.previous)


def write_corpus(outdir: str | Path, n: int, *, years: tuple[int, ...] = (2023, 2024, 2025), seed: int = 7,
                 first_department: int = 0) -> list[Path]:
    """Write ``n`` fictional disclosures into ``outdir``; departments × ``years`` in order."""
    from cnbudget.produce.figures import key_figures, previous_from
    from cnbudget.render.text import render_text

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    i = first_department
    while len(paths) < n:
        region, department = department_name(i)
        previous = None
        for year in years:
            if len(paths) >= n:
                break
            produced = build(department, region, year, rng, previous)
            path = out / f"{department}{year}年部门预算.txt"
            path.write_text(render_text(produced), encoding="utf-8")
            paths.append(path)
            previous = previous_from(key_figures(produced.disclosure))
        i += 1
    return paths


def tamper(path: str | Path, delta: str = "1.00") -> Path:
    """Make the document inconsistent: add ``delta`` to the total of its 三公 table (an error)."""
    p = Path(path)
    lines = p.read_text(encoding="utf-8").split("\n")
    seen_title = False
    for i, line in enumerate(lines):
        if "“三公”经费" in line and line.endswith("预算表"):
            seen_title = True
        elif seen_title and line[:1].isdigit() and "\t" in line:
            cells = line.split("\t")
            cells[0] = str(Decimal(cells[0]) + Decimal(delta))
            lines[i] = "\t".join(cells)
            break
    else:
        raise AssertionError(f"no 三公 row in {p}")
    p.write_text("\n".join(lines), encoding="utf-8")
    return p
