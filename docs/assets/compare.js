// Plans compared: the chooser rebuilds the table for any two plans from the site's own export
// (export/plans.json). Without script the page shows its default pair and links the others.
// Every value from the data is set as text, never as markup.
(function () {
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var cache = null;

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function cell(plan, clauses, sourcesBase) {
    var td = document.createElement("td");
    var side = document.createElement("span");
    side.className = "peace-side";
    side.textContent = plan.title;
    td.appendChild(side);
    td.appendChild(document.createTextNode(" "));
    if (!clauses.length) {
      var none = document.createElement("span");
      none.className = "peace-none";
      none.textContent = "nothing on this point";
      td.appendChild(none);
      return td;
    }
    clauses.forEach(function (c, i) {
      if (i) td.appendChild(document.createElement("br"));
      if (c.number) {
        var n = document.createElement("strong");
        n.textContent = c.number + ".";
        td.appendChild(n);
        td.appendChild(document.createTextNode(" "));
      }
      td.appendChild(document.createTextNode(c.text + " "));
      var small = document.createElement("small");
      small.className = "peace-sources";
      small.appendChild(document.createTextNode("("));
      (c.sources || []).filter(function (s) { return SLUG.test(s); }).forEach(function (s, j) {
        if (j) small.appendChild(document.createTextNode(", "));
        small.appendChild(link(sourcesBase + s + "/", "source " + (j + 1)));
      });
      small.appendChild(document.createTextNode(")"));
      td.appendChild(small);
    });
    return td;
  }

  function change(a, b) {
    if (!a.length) return ["added", "only in the second plan"];
    if (!b.length) return ["dropped", "only in the first plan"];
    var same = a.length === b.length && a.every(function (c, i) { return c.text === b[i].text; });
    return same ? ["same", "same text"] : ["reworded", "reworded"];
  }

  function byPoint(plan) {
    var out = {};
    (plan.points || []).forEach(function (c) { (out[c.point] = out[c.point] || []).push(c); });
    return out;
  }

  function draw(form, plans, titles) {
    var first = plans[form.elements.first.value], second = plans[form.elements.second.value];
    var table = document.querySelector(".peace-compare-table table");
    if (!first || !second || !table) return;
    var a = byPoint(first), b = byPoint(second);
    var head = table.tHead.rows[0].cells;
    head[1].replaceChildren(link(form.dataset.plans.replace("export/plans.json", "plans/") + first.id + "/", first.title));
    head[2].replaceChildren(link(form.dataset.plans.replace("export/plans.json", "plans/") + second.id + "/", second.title));
    var body = table.tBodies[0];
    body.replaceChildren();
    Object.keys(titles).sort(function (x, y) { return titles[x].localeCompare(titles[y]); }).forEach(function (p) {
      if (!a[p] && !b[p]) return;
      var tr = document.createElement("tr");
      var name = document.createElement("td");
      name.appendChild(link(form.dataset.points + p + "/", titles[p]));
      tr.appendChild(name);
      tr.appendChild(cell(first, a[p] || [], form.dataset.sources));
      tr.appendChild(cell(second, b[p] || [], form.dataset.sources));
      var what = change(a[p] || [], b[p] || []);
      var td = document.createElement("td");
      var span = document.createElement("span");
      span.className = "peace-change peace-change--" + what[0];
      span.textContent = what[1];
      td.appendChild(span);
      tr.appendChild(td);
      body.appendChild(tr);
    });
    var intro = document.querySelector(".peace-pair > p");
    if (intro) intro.textContent = first.title + " (" + first.date + ") against " + second.title + " (" + second.date +
      "): one row for each sticking point either plan speaks to, each clause with its sources.";
    form.elements.status.value = body.rows.length + " sticking points";
  }

  function setUp() {
    var form = document.querySelector("form.peace-compare");
    var titlesEl = document.getElementById("peace-point-titles");
    if (!form || !titlesEl) return;
    var titles = JSON.parse(titlesEl.textContent);
    form.hidden = false;
    form.addEventListener("change", function () {
      form.elements.status.value = "loading…";
      (cache || (cache = fetch(form.dataset.plans).then(function (r) { return r.json(); }))).then(function (list) {
        var plans = {};
        list.forEach(function (p) { if (SLUG.test(p.id)) plans[p.id] = p; });
        draw(form, plans, titles);
      }, function () { form.elements.status.value = "the plans could not be loaded"; });
    });
  }
  if (window.document$) window.document$.subscribe(setUp); else document.addEventListener("DOMContentLoaded", setUp);
})();
