// cnbudget findings report: a severity filter (错误 / 警告 / 提示).
// Loaded as a file (no inline script), so the page works under a Content-Security-Policy;
// without it every finding is still shown.
(function () {
  "use strict";
  function apply(shown) {
    document.querySelectorAll("[data-severity]").forEach(function (el) {
      el.hidden = !shown[el.getAttribute("data-severity")];
    });
  }
  function init() {
    var bar = document.getElementById("severity-filter");
    if (!bar) { return; }
    var shown = { error: true, warning: true, info: true };
    [["error", "错误"], ["warning", "警告"], ["info", "提示"]].forEach(function (pair) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = pair[0];
      box.addEventListener("change", function () {
        shown[pair[0]] = box.checked;
        apply(shown);
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + pair[1]));
      label.className = pair[0];
      bar.appendChild(label);
    });
    bar.hidden = false;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
