// Sync Status: while a resync runs, the server sends the status panel again each time a counter
// moves (server-sent events); it is swapped in place. Without this script the page still shows
// the status as of loading it.
(function () {
  "use strict";
  function follow(el) {
    var url = el.getAttribute("data-stream");
    if (!url || !window.EventSource) return;
    var source = new EventSource(url);
    source.addEventListener("status", function (e) {
      el.innerHTML = e.data;
      // portolan.js localizes <time> elements of content htmx settled; this content settled too.
      el.dispatchEvent(new CustomEvent("htmx:afterSettle", { bubbles: true }));
    });
    source.addEventListener("end", function () {
      source.close();
      el.removeAttribute("data-stream");
      el.setAttribute("data-finished", "");
      var state = el.querySelector("[data-testid=sync-state]");
      var header = document.querySelector("[data-testid=header-state]");
      if (state && header) {
        header.textContent = state.textContent;
        header.className = state.className;
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("sync-status");
    if (el) follow(el);
  });
})();
