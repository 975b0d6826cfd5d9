// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Dates: shown in the reader's time zone; the stored value stays readable on hover.
  function localizeTimes(root) {
    root.querySelectorAll("time[datetime]:not([data-localized])").forEach(function (el) {
      var raw = el.getAttribute("datetime");
      var d = new Date(raw);
      if (isNaN(d.getTime())) return;
      el.textContent = d.toLocaleString(undefined, {
        year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit"
      });
      el.title = raw;
      el.setAttribute("data-localized", "");
    });
  }

  // Forms that need a confirmation (delete, uninstall) say so in data-confirm.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) e.preventDefault();
  }, true);

  // Elements that navigate when changed (e.g. a page-size select) say so in data-autosubmit.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) el.form.requestSubmit();
  });

  document.addEventListener("DOMContentLoaded", function () { localizeTimes(document); });
  document.addEventListener("htmx:afterSettle", function (e) { localizeTimes(e.target); });
})();
