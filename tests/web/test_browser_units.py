"""The web comparison of a document printed in 元 and one printed in 万元, in Chromium: the
chart's data is in one unit and both departments' bars are drawn at a visible size (the bug:
the 万元 document's bar was 1/10000 of the 元 one's — invisible)."""

from __future__ import annotations

import json
import urllib.request

import pytest

from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from tests.batch.corpus import write_corpus
from tests.compare.yuan import reprint_in_yuan
from tests.web.test_browser import browser, server  # noqa: F401 - the fixtures, reused

# bar height (vertical bars: pixels) of each department's 收支总计 in the main chart
BARS = """() => {
  const chart = echarts.getInstanceByDom(document.getElementById('chart'));
  const data = chart.getModel().getSeriesByIndex(0).getData();
  const out = [];
  for (let i = 0; i < data.count(); i++) { const l = data.getItemLayout(i); out.push(Math.abs(l.height)); }
  return {bars: out, axis: chart.getOption().yAxis[0].name, series: chart.getOption().series[0].name};
}"""


@pytest.fixture(scope="module")
def yuan_and_wan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web-units")
    _, other = write_corpus(folder, 2, years=(2024,), seed=31)
    reprint_in_yuan(other, folder / "in-yuan.txt")
    other.unlink()
    db = tmp_path_factory.mktemp("web-units-db") / "lib.db"
    with Library.open(str(db)) as lib:
        assert ingest([folder], lib, workers=1).added == 2
    return db


@pytest.fixture
def web_db(yuan_and_wan, tmp_path):
    import shutil

    db = tmp_path / "lib.db"
    shutil.copy(yuan_and_wan, db)
    return str(db)


def _chart(page) -> dict:
    page.wait_for_selector("#chart canvas", timeout=15000)
    return json.loads(page.locator("#chart-data").text_content())


def test_yuan_and_wan_yuan_documents_share_one_scale(server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/compare?year=2024")
    data = _chart(page)
    assert data["unit"] == "万元" and data["scale"] == "linear"  # two departments of one size
    assert page.locator("#comparison-unit").text_content() == "单位：万元"
    totals = data["series"][0]["data"]
    assert data["series"][0]["name"] == "收支总计" and len(totals) == 2
    assert 0.2 < totals[0] / totals[1] < 5  # two departments of the same size, on one scale
    drawn = page.evaluate(BARS)
    assert drawn["axis"] == "（万元）" and drawn["series"] == "收支总计"
    small, large = sorted(drawn["bars"])
    assert small > 20 and small / large > 0.2, drawn  # both bars visible, neither dwarfed

    page.select_option("#compare-year select[name=unit]", "元")
    page.click("#compare-year button[type=submit]")
    page.wait_for_url("**unit=**")
    in_yuan = _chart(page)
    assert in_yuan["unit"] == "元" and page.evaluate(BARS)["axis"] == "（元）"
    assert [round(v / 10000, 6) for v in in_yuan["series"][0]["data"]] == [round(v, 6) for v in totals]


def test_compare_api_takes_the_unit(server):  # noqa: F811
    with urllib.request.urlopen(server + "/api/compare?year=2024&unit=" + urllib.request.quote("元")) as r:
        body = json.loads(r.read())
    assert body["unit"] == "元" and {c["printed_unit"] for c in body["columns"]} == {"元", "万元"}
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(server + "/api/compare?year=2024&unit=" + urllib.request.quote("千元"))
    assert e.value.code == 422


def test_compare_page_refuses_another_unit(client):  # conftest's client, on this module's web_db
    r = client.get("/compare", params={"year": "2024", "unit": "千元"})
    assert r.status_code == 422 and "金额单位只能是" in r.text
    r = client.get("/compare", params={"year": "2024", "unit": "元"})
    assert r.status_code == 200 and "单位：元" in r.text

