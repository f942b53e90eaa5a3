// Draws every chart on the page with ECharts from the figures the server put in data-chart (see _Chart.cshtml).
// The table beside each chart holds the same figures, so the chart itself is hidden from screen readers' detail.
(function () {
  "use strict";
  // Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by colour-blind readers; ECharts' decal
  // patterns are on as well, so colour is never the only difference.
  var palette = ["#0b5cad", "#c2410c", "#047857", "#9d174d", "#6b4f00", "#4b5563", "#6d28d9"];

  function option(data) {
    var horizontal = data.kind === "horizontalBar";
    var stacked = data.kind === "stackedBar";
    var pie = data.kind === "pie";
    var base = {
      color: palette,
      // Our own label and the table describe the chart; ECharts adds only the decal patterns.
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      animation: false,
      tooltip: { trigger: pie ? "item" : "axis", confine: true },
      legend: data.series.length > 1 || pie ? { type: "scroll", bottom: 0 } : undefined,
      grid: { left: 8, right: 16, top: 16, bottom: data.series.length > 1 ? 40 : 8, containLabel: true },
    };
    if (pie) {
      base.series = [{
        type: "pie",
        radius: ["35%", "70%"],
        data: data.categories.map(function (c, i) { return { name: c, value: data.series[0].values[i] }; })
          .filter(function (d) { return d.value !== null; }),
      }];
      return base;
    }
    var categoryAxis = { type: "category", data: data.categories, axisLabel: { hideOverlap: true } };
    var valueAxis = { type: "value", name: data.unit || "" };
    base.xAxis = horizontal ? valueAxis : categoryAxis;
    base.yAxis = horizontal ? Object.assign({ inverse: true }, categoryAxis) : valueAxis;
    base.series = data.series.map(function (s) {
      return {
        name: s.name,
        type: data.kind === "line" ? "line" : "bar",
        stack: stacked ? "total" : undefined,
        data: s.values,
        connectNulls: false,
      };
    });
    return base;
  }

  function draw(element) {
    var data = JSON.parse(element.getAttribute("data-chart"));
    var rows = data.kind === "horizontalBar" ? data.categories.length : 0;
    element.style.height = Math.max(240, rows * 28 + 60) + "px";
    // Canvas: the SVG renderer writes style attributes, which the Content-Security-Policy (style-src 'self') refuses.
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option(data));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.querySelectorAll("[data-chart]").forEach(draw);
})();
