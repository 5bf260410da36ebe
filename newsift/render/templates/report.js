(function () {
  "use strict";
  var dataEl = document.getElementById("newsift-items");
  var items = dataEl ? JSON.parse(dataEl.textContent) : {};
  var text = document.getElementById("article-text");
  var detail = document.getElementById("detail");

  function activeLayer() {
    var on = document.querySelector("input[name=layer]:checked");
    return on ? on.value : "";
  }

  function setLayer(layer) {
    if (!text) return;
    text.className = text.className.replace(/\blayer-\S+/g, "").trim() + " layer-" + layer;
    var previous = null;
    text.querySelectorAll(".m").forEach(function (el) {
      var index = el.getAttribute("data-" + layer);
      // one tab stop per item: the first piece of each span in the chosen layer
      el.tabIndex = index !== null && index !== previous ? 0 : -1;
      previous = index;
      el.classList.remove("current");
    });
    if (detail) {
      detail.querySelector("h3").textContent = "Click a highlighted span";
      detail.querySelector("dl").textContent = "";
      var link = detail.querySelector("a.go");
      if (link) link.hidden = true;
    }
  }

  function show(el) {
    var layer = activeLayer();
    var index = el.getAttribute("data-" + layer);
    if (index === null || !detail) return;
    var item = (items[layer] || [])[Number(index)];
    if (!item) return;
    text.querySelectorAll(".m.current").forEach(function (c) { c.classList.remove("current"); });
    text.querySelectorAll(".m[data-" + layer + "='" + index + "']").forEach(function (c) { c.classList.add("current"); });
    detail.querySelector("h3").textContent = item.head;
    var dl = detail.querySelector("dl");
    dl.textContent = "";
    (item.facts || []).forEach(function (fact) {
      var dt = document.createElement("dt"); dt.textContent = fact[0];
      var dd = document.createElement("dd"); dd.textContent = fact[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    var link = detail.querySelector("a.go");
    if (link) {
      link.hidden = !item.href;
      if (item.href) link.setAttribute("href", item.href);
    }
  }

  document.querySelectorAll("input[name=layer]").forEach(function (radio) {
    radio.addEventListener("change", function () { setLayer(radio.value); });
  });
  if (text) {
    text.addEventListener("click", function (e) {
      var el = e.target.closest(".m"); if (el) show(el);
    });
    text.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" && e.key !== " ") return;
      var el = e.target.closest(".m"); if (el) { e.preventDefault(); show(el); }
    });
    setLayer(activeLayer());
  }

  // side by side: a passage scrolls its counterpart into view in the other column
  function pairJump(el) {
    var other = document.getElementById(el.getAttribute("data-pair"));
    if (!other) return;
    var box = other.closest("details"); if (box) box.open = true;
    other.scrollIntoView({block: "center", behavior: "smooth"});
    [el, other].forEach(function (m) {
      m.classList.add("flash");
      setTimeout(function () { m.classList.remove("flash"); }, 1600);
    });
  }
  document.querySelectorAll("mark.pair").forEach(function (m) {
    m.addEventListener("click", function () { pairJump(m); });
    m.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pairJump(m); }
    });
  });
  document.querySelectorAll("a[data-open]").forEach(function (a) {
    a.addEventListener("click", function () {
      var box = document.getElementById(a.getAttribute("data-open")); if (box) box.open = true;
    });
  });
  if (location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  // sortable tables: a button in each header cell; numbers sort by data-value
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th button").forEach(function (button, col) {
      button.addEventListener("click", function () {
        var th = button.parentElement;
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-value") || a.cells[col].textContent;
          var y = b.cells[col].getAttribute("data-value") || b.cells[col].textContent;
          var nx = parseFloat(x), ny = parseFloat(y);
          var r = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
