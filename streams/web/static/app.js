// claimwatch desk: live alerts (server-sent events), the story timeline chart, small niceties.
// No framework; the chart library is Chart.js, served from /static/vendor (installed from npm).
"use strict";

function setStatus(state, text) {
  const el = document.getElementById("status");
  if (!el) return;
  el.className = "status " + state;
  el.textContent = text;
}

function statusFrom(s) {
  if (!s.connected) setStatus("down", "Kafka unavailable" + (s.error ? ": " + s.error : "") + " — retrying");
  else if (!s.caught_up) setStatus("catching", "Reading the topics… (" + (s.lag || 0) + " messages to go)");
  else setStatus("ok", "Live");
}

function startLive() {
  const box = document.getElementById("alerts");
  if (!box || !window.EventSource) return;
  const params = new URLSearchParams(box.dataset.query || "");
  params.delete("order");
  params.delete("limit");
  params.set("after", box.dataset.after || "0");
  const source = new EventSource("/api/v1/alerts/stream?" + params.toString());
  let received = 0;
  source.addEventListener("alert", (ev) => {
    const data = JSON.parse(ev.data);
    if (document.getElementById("alert-" + data.alert.id)) return; // already on the page
    const empty = document.getElementById("no-alerts");
    if (empty) empty.remove();
    const tpl = document.createElement("template");
    tpl.innerHTML = data.html.trim();   // rendered (and escaped) by the server's template
    box.prepend(tpl.content.firstElementChild);
    const count = document.querySelector('[data-count="' + data.alert.kind + '"]');
    if (count) count.textContent = String(Number(count.textContent) + 1);
    received += 1;
    const hint = document.getElementById("live-hint");
    if (hint) hint.textContent = received + " new alert" + (received === 1 ? "" : "s") + " since this page opened.";
  });
  source.addEventListener("status", (ev) => statusFrom(JSON.parse(ev.data)));
  source.onerror = () => setStatus("catching", "Reconnecting to the live stream…");
  source.onopen = () => fetch("/api/v1/health").then((r) => r.json()).then((h) => statusFrom(h.kafka)).catch(() => {});
}

const STANCE_COLOURS = { affirm: "#1b7f4b", deny: "#b3261e", noncommittal: "#9a8c3a" };

function startChart() {
  const canvas = document.getElementById("timeline");
  const dataEl = document.getElementById("story-data");
  if (!canvas || !dataEl || !window.Chart) return;
  const data = JSON.parse(dataEl.textContent);
  const parties = data.parties;
  const name = (party) => data.labels[party] || party;
  const datasets = ["affirm", "deny", "noncommittal"].map((stance) => ({
    label: stance,
    data: data.points.filter((p) => p.stance === stance).map((p) => ({
      x: Date.parse(p.x), y: name(p.party), p: p,
    })),
    backgroundColor: STANCE_COLOURS[stance],
    borderColor: STANCE_COLOURS[stance],
    pointStyle: data.points.length ? (ctx) => (ctx.raw && ctx.raw.p.implied ? "triangle" : "circle") : "circle",
    pointRadius: 7,
    pointHoverRadius: 9,
  }));
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  const chart = new window.Chart(canvas, {
    type: "scatter",
    data: { datasets: datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { type: "linear", title: { display: true, text: "event time" }, ticks: { callback: (v) => day(v), maxTicksLimit: 8 } },
        y: { type: "category", labels: parties.map(name), offset: true, title: { display: true, text: "party" } },
      },
      plugins: {
        tooltip: { callbacks: { label: (ctx) => {
          const p = ctx.raw.p;
          return day(ctx.raw.x) + " · " + p.speaker + " (" + p.stance + ") · " + p.outlet + (p.implied ? " · via a narrower claim" : "");
        } } },
        legend: { position: "bottom" },
      },
      onClick: (evt, items) => {
        if (!items.length) return;
        const p = datasets[items[0].datasetIndex].data[items[0].index].p;
        const row = document.getElementById("claim-" + p.claim);
        if (row) row.scrollIntoView({ behavior: "smooth", block: "center" });
      },
    },
  });
  canvas.dataset.points = String(data.points.length);
  window.claimwatchChart = chart;
}

function markTarget() {
  if (!location.hash.startsWith("#claim-")) return;
  const id = location.hash.slice(7);
  document.querySelectorAll("mark.quote").forEach((m) => {
    if ((m.dataset.claims || "").split(" ").includes(id)) m.classList.add("target");
  });
}

document.addEventListener("DOMContentLoaded", () => {
  startLive();
  startChart();
  markTarget();
});
