// saksi web UI: small conveniences only; every page works without it.
(function () {
  "use strict";
  document.querySelectorAll("form.search select").forEach(function (sel) {
    sel.addEventListener("change", function () { sel.form.submit(); });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      var box = document.querySelector("form.search input[type=search], form.quick input");
      if (box) { ev.preventDefault(); box.focus(); }
    }
  });
  var text = document.getElementById("article-text");
  if (text && text.dataset.focus && !location.hash) {
    var mark = document.getElementById(text.dataset.focus);
    if (mark) mark.classList.add("pulse");
  }
  if (location.hash) {
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el) { for (var p = el.parentElement; p; p = p.parentElement) { if (p.tagName === "DETAILS") p.open = true; } }
  }
})();
