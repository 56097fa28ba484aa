// saksi dossier: filter boxes and opening the section a link points into. No network.
(function () {
  "use strict";
  function norm(s) { return (s || "").toLowerCase(); }
  document.querySelectorAll("input.filter[data-filter]").forEach(function (box) {
    var sel = box.getAttribute("data-filter");
    var timer = null;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = norm(box.value).trim();
        document.querySelectorAll(sel).forEach(function (el) {
          el.classList.toggle("hidden", q !== "" && norm(el.textContent).indexOf(q) < 0);
        });
      }, 120);
    });
  });
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
    }
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) reveal();
})();
