// Live updates without a reload: poll /api/updates for stories that gained articles
// since the newest placement this page has seen and for the stories it shows, update
// their counts, and (on the unfiltered first page of the stories list) put new
// stories on top. Text goes in
// through textContent only: titles and sources are untrusted input.
(function () {
  "use strict";
  var me = document.currentScript;
  var seq = parseInt(me.dataset.seq || "0", 10);
  var every = parseInt(me.dataset.poll || "2000", 10);
  var table = document.getElementById("stories");
  var status = document.getElementById("live-status");

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = value;
    return el;
  }
  function when(s) { return s ? s.slice(0, 16).replace("T", " ") : "–"; }
  function langCell(td, langs) {
    td.textContent = "";
    Object.keys(langs).forEach(function (code) {
      var span = text("span", code, "lang");
      if (langs[code] > 1) span.appendChild(text("sub", String(langs[code])));
      td.appendChild(span);
    });
  }
  function sourcesCell(td, sources) {
    td.textContent = sources.slice(0, 4).join(", ");
    if (sources.length > 4) { td.appendChild(document.createTextNode(" ")); td.appendChild(text("span", "+" + (sources.length - 4), "more")); }
  }
  function newRow(s) {
    var tr = document.createElement("tr");
    tr.dataset.story = s.id;
    var td = document.createElement("td");
    var a = text("a", s.title || s.id);
    a.href = "/stories/" + encodeURIComponent(s.id);
    td.appendChild(a);
    if (s.disputed) { td.appendChild(document.createTextNode(" ")); td.appendChild(text("span", "disputed", "badge disagree")); }
    tr.appendChild(td);
    var langs = document.createElement("td"); langs.className = "langs"; langCell(langs, s.langs); tr.appendChild(langs);
    var src = document.createElement("td"); src.className = "sources"; sourcesCell(src, s.sources); tr.appendChild(src);
    var n = text("td", String(s.n_articles), "num"); n.dataset.storyCount = s.id; tr.appendChild(n);
    tr.appendChild(text("td", when(s.first_seen)));
    tr.appendChild(text("td", when(s.last_seen), "last"));
    return tr;
  }
  function apply(data) {
    var fresh = 0, grown = 0;
    // shown stories merged into another: drop the row, or let it stand for the survivor
    Object.keys(data.moved || {}).forEach(function (old) {
      var now = data.moved[old];
      document.querySelectorAll('[data-story-count="' + CSS.escape(old) + '"]').forEach(function (el) {
        if (now) el.dataset.storyCount = now;
      });
      var row = table && table.querySelector('tr[data-story="' + CSS.escape(old) + '"]');
      if (!row) return;
      if (!now || table.querySelector('tr[data-story="' + CSS.escape(now) + '"]')) row.remove();
      else row.dataset.story = now;
    });
    data.stories.slice().reverse().forEach(function (s) {
      var changed = false;
      document.querySelectorAll('[data-story-count="' + CSS.escape(s.id) + '"]').forEach(function (el) {
        if (el.textContent !== String(s.n_articles)) { el.textContent = String(s.n_articles); changed = true; }
      });
      if (changed) grown++;
      var row = table && table.querySelector('tr[data-story="' + CSS.escape(s.id) + '"]');
      if (row) {
        if (!changed) return;
        langCell(row.querySelector(".langs"), s.langs);
        sourcesCell(row.querySelector(".sources"), s.sources);
        row.querySelector(".last").textContent = when(s.last_seen);
        row.classList.remove("fresh"); void row.offsetWidth; row.classList.add("fresh");
      } else if (table && table.dataset.liveInsert === "1") {
        var empty = table.querySelector("tr.empty");
        if (empty) empty.remove();
        var tr = newRow(s);
        tr.classList.add("fresh");
        table.tBodies[0].insertBefore(tr, table.tBodies[0].firstChild);
        fresh++;
      }
    });
    if (status && (fresh || grown)) {
      status.textContent = "updated " + new Date().toLocaleTimeString() + ": " + fresh + " new, " + grown + " grown";
    }
  }
  function poll() {
    var ids = {};
    document.querySelectorAll("[data-story-count]").forEach(function (el) { ids[el.dataset.storyCount] = 1; });
    var url = "/api/updates?after=" + seq + "&ids=" + encodeURIComponent(Object.keys(ids).join(","));
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data) { apply(data); seq = Math.max(seq, data.seq); }
      })
      .catch(function () { /* server restarting: try again on the next tick */ })
      .then(function () { setTimeout(poll, every); });
  }
  setTimeout(poll, every);
})();
