// wortlaut web UI: a tooltip for highlights on hover and keyboard focus, and layer switches.
// Everything works without this script: highlights keep their title attribute.
(function () {
  "use strict";
  var tip = null;
  function show(target) {
    var text = target.getAttribute("data-tip") || target.getAttribute("title");
    if (!text) { return; }
    if (target.hasAttribute("title")) {  // keep the text, avoid the native tooltip doubling ours
      target.setAttribute("data-tip", text);
      target.removeAttribute("title");
    }
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "tip";
      tip.id = "wortlaut-tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = text;
    tip.hidden = false;
    target.setAttribute("aria-describedby", tip.id);
    var box = target.getBoundingClientRect();
    var left = Math.max(4, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }
  function hide(target) {
    if (tip) { tip.hidden = true; }
    if (target && target.removeAttribute) { target.removeAttribute("aria-describedby"); }
  }
  function highlightOf(node) {
    return node && node.closest ? node.closest(".hl[data-key]") : null;
  }
  document.addEventListener("mouseover", function (event) { var t = highlightOf(event.target); if (t) { show(t); } });
  document.addEventListener("mouseout", function (event) { var t = highlightOf(event.target); if (t) { hide(t); } });
  document.addEventListener("focusin", function (event) { var t = highlightOf(event.target); if (t) { show(t); } });
  document.addEventListener("focusout", function (event) { var t = highlightOf(event.target); if (t) { hide(t); } });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(document.activeElement); } });
  document.addEventListener("change", function (event) {
    var box = event.target;
    var text = document.getElementById("article-text");
    if (!text || !box.matches || !box.matches("input[data-layer]")) { return; }
    text.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
  });
})();
