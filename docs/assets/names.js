// Search, exact names first: when what a reader typed is a name or alias of an actor or a sticking
// point (in any script), that record's page is put at the top of the search results.
// The names come from search/names.json, written at build time from the data (hooks/peace/names.py).
(function () {
  var names = null;
  var root = new URL((document.querySelector("script[src*='assets/names.js']") || {}).src || location.href, location.href);
  var site = new URL("..", root);  // the script is at <site>/assets/names.js

  // Must fold as hooks/peace/names.py does.
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2019\u02bc`]/g, "'").replace(/-/g, " ").trim().split(/\s+/).join(" ");
  }

  // One request however many keys are pressed before it answers; asked again only if it failed.
  var loading = null;
  function load() {
    if (!loading) {
      loading = fetch(new URL("search/names.json", site)).then(function (r) { return r.json(); })
        .then(function (data) { names = data; return names; }, function (error) { loading = null; throw error; });
    }
    return loading;
  }

  function show(input, list) {
    var old = list.querySelector(".peace-exact");
    var hit = names && names[fold(input.value)];
    if (old && (!hit || old.dataset.target !== hit[0])) old.remove();
    if (!hit || list.querySelector(".peace-exact")) return;
    var item = document.createElement("li");
    item.className = "md-search-result__item peace-exact";
    item.dataset.target = hit[0];
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(hit[0], site).href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = hit[1];  // text, never markup: names come from contributors' data
    var note = document.createElement("p");
    note.textContent = "Exact name";
    article.appendChild(title);
    article.appendChild(note);
    link.appendChild(article);
    item.appendChild(link);
    list.insertBefore(item, list.firstChild);
  }

  function setUp() {
    var input = document.querySelector("input.md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list) return;
    var update = function () { load().then(function () { show(input, list); }); };
    input.addEventListener("input", update);
    input.addEventListener("keyup", update);
    // Search redraws the list for every query; put the exact match back on top each time.
    new MutationObserver(function () { if (names) show(input, list); }).observe(list, {childList: true});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
