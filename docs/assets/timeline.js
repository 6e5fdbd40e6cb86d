// Timeline filter: narrows the drawing and the list to one actor or one sticking point.
// Without script the form stays hidden and everything is shown. The choice is kept in the
// address (?actor=...&point=...), so a filtered timeline can be linked to.
(function () {
  function setUp() {
    var form = document.querySelector("form.peace-filter");
    if (!form) return;
    var rounds = Array.prototype.slice.call(document.querySelectorAll(".peace-round"));
    var marks = {};
    // A round's address ends in its id (../rounds/ID/), in the drawing and in the list alike.
    function idOf(link) {
      var parts = link.getAttribute("href").split("/");
      return parts[parts.length - 2];
    }
    document.querySelectorAll(".peace-timeline a").forEach(function (m) { marks[idOf(m)] = m; });
    var params = new URLSearchParams(window.location.search);
    ["actor", "point"].forEach(function (name) {
      var wanted = params.get(name);
      var select = form.elements[name];
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });
    // An event names its actors and points by their place in the lists (data-actors="3 17"); 0 is "all".
    function names(el, list, chosen) {
      return chosen === 0 || el.dataset[list].split(" ").indexOf(String(chosen)) >= 0;
    }
    function apply() {
      var actor = form.elements.actor.selectedIndex;
      var point = form.elements.point.selectedIndex;
      var shown = 0;
      rounds.forEach(function (el) {
        var ok = names(el, "actors", actor) && names(el, "points", point);
        el.hidden = !ok;
        var mark = marks[idOf(el.querySelector("a[href*='rounds/']"))];
        if (mark) mark.style.display = ok ? "" : "none";
        if (ok) shown += 1;
      });
      document.querySelectorAll(".md-typeset h2").forEach(function (h) {
        var el = h.nextElementSibling, any = false;
        while (el && el.tagName !== "H2") {
          if (el.classList.contains("peace-round") && !el.hidden) any = true;
          el = el.nextElementSibling;
        }
        h.hidden = !any;
      });
      form.elements.count.value = shown + " of " + rounds.length + " events";
    }
    function remember() {
      var query = new URLSearchParams();
      if (form.elements.actor.value) query.set("actor", form.elements.actor.value);
      if (form.elements.point.value) query.set("point", form.elements.point.value);
      var search = query.toString();
      history.replaceState(history.state, "", window.location.pathname + (search ? "?" + search : ""));
    }
    form.hidden = false;
    form.addEventListener("change", function () { apply(); remember(); });
    apply();
  }
  // Material's instant navigation swaps pages without a reload: run on each new page.
  if (window.document$) window.document$.subscribe(setUp); else document.addEventListener("DOMContentLoaded", setUp);
})();
