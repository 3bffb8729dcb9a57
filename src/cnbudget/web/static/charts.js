// Comparison charts: reads #chart-data (written by the page) and draws with the vendored ECharts.
(function () {
  var node = document.getElementById("chart-data");
  if (!node || !window.echarts) return;
  var data = JSON.parse(node.textContent);
  var unit = data.unit ? "（" + data.unit + "）" : "";
  // sizes differing by orders of magnitude: a log axis keeps every department's bar visible
  var log = data.scale === "log";
  var unitMain = log ? "（" + (data.unit ? data.unit + "，" : "") + "对数刻度）" : unit;
  var horizontal = data.mode === "year" && data.categories.length > 8;
  var main = echarts.init(document.getElementById("chart"));
  var axisCat = { type: "category", data: data.categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : (data.categories.length > 5 ? 30 : 0) } };
  var axisVal = { type: log ? "log" : "value", name: unitMain };
  // the axis starts a power of ten at least 3× below the smallest bar, so that bar has height
  if (log) axisVal.min = function (v) { return Math.pow(10, Math.floor(Math.log10(v.min / 3))); };
  main.setOption({
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: horizontal ? 160 : 60, right: 30, top: 40, bottom: 60, containLabel: false },
    xAxis: horizontal ? axisVal : axisCat,
    yAxis: horizontal ? axisCat : axisVal,
    series: data.series.map(function (s) {
      return { name: s.name, type: data.mode === "department" && s.name === "收支总计" ? "line" : "bar", data: s.data };
    })
  });
  var holder = document.getElementById("chart-classes");
  if (holder && data.classes.names.length) {
    var second = echarts.init(holder);
    second.setOption({
      title: { text: "按支出功能分类（类）", left: "center", textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0, type: "scroll" },
      grid: { left: 60, right: 30, top: 40, bottom: 60 },
      xAxis: { type: "category", data: data.classes.names, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: "value", name: unit },
      series: data.classes.series.slice(0, 12).map(function (s) { return { name: s.name, type: "bar", data: s.data }; })
    });
  } else if (holder) {
    holder.remove();
  }
  window.addEventListener("resize", function () { main.resize(); });
})();
