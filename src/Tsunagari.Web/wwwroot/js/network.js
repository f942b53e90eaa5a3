// Draws the organizations' network with ECharts (series type "graph", force layout) from the data the server put in
// data-network (see Features/Insights/Network/Index.cshtml): circles sized by degree, coloured by community, names on
// the larger ones; zoom, pan and drag; a click opens the organization's page. The tables beside it hold the same figures.
(function () {
  "use strict";
  var palette = ["#0b5cad", "#c2410c", "#047857", "#9d174d", "#6b4f00", "#4b5563", "#6d28d9"];

  function draw(element) {
    var data = JSON.parse(element.getAttribute("data-network"));
    var communities = {};
    data.nodes.forEach(function (n) { communities[n.community] = true; });
    var categories = Object.keys(communities).map(function (c) { return { name: data.communityLabel + " " + (Number(c) + 1) }; });
    var index = {};
    Object.keys(communities).forEach(function (c, i) { index[c] = i; });
    var names = {};
    data.nodes.forEach(function (n) { names[n.id] = n.name; });
    var maxDegree = data.nodes.reduce(function (m, n) { return Math.max(m, n.degree); }, 1);
    element.style.height = Math.min(720, 320 + data.nodes.length * 2) + "px";
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption({
      color: palette,
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      tooltip: {
        confine: true,
        formatter: function (p) {
          if (p.dataType === "edge") return echarts.format.encodeHTML(p.data.sourceName + " – " + p.data.targetName) + ": " + p.data.value;
          return echarts.format.encodeHTML(p.data.name + "（" + p.data.sector + "）") + "<br>" + p.data.degree;
        },
      },
      legend: categories.length > 1 ? { type: "scroll", bottom: 0, data: categories.map(function (c) { return c.name; }) } : undefined,
      series: [{
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        categories: categories,
        force: { repulsion: 120, edgeLength: [30, 120], gravity: 0.08 },
        label: { show: true, position: "right", formatter: "{b}" },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency" },
        lineStyle: { color: "source", opacity: 0.5 },
        data: data.nodes.map(function (n) {
          return {
            id: n.id, name: n.name, sector: n.sector, degree: n.degree, url: n.url,
            category: index[n.community],
            symbolSize: 8 + 24 * Math.sqrt(n.degree / maxDegree),
            label: { show: n.degree * 4 >= maxDegree },
          };
        }),
        links: data.links.map(function (l) {
          return { source: l.source, target: l.target, value: l.weight, sourceName: names[l.source], targetName: names[l.target],
            lineStyle: { width: Math.min(6, 1 + Math.log(l.weight)) } };
        }),
      }],
    });
    chart.on("click", function (p) {
      if (p.dataType === "node" && p.data.url) window.location.href = p.data.url;
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function start() {
    if (typeof echarts === "undefined") return;
    document.querySelectorAll("[data-network]").forEach(draw);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
