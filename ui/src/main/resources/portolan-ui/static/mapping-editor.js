// Mapping editor: keeps the line-number gutter in step with the text (count and scroll) and makes
// "line N" links in the problem list jump to that line. The textarea works without it.
(function () {
  "use strict";
  function setup(area) {
    var gutter = area.parentNode.querySelector(".gutter");
    if (!gutter) return;
    function renumber() {
      var lines = area.value.split("\n").length;
      var have = gutter.children.length;
      for (var i = have + 1; i <= lines; i++) {
        var li = document.createElement("li");
        li.textContent = String(i);
        gutter.appendChild(li);
      }
      for (var j = have; j > lines; j--) gutter.removeChild(gutter.lastChild);
    }
    area.addEventListener("input", renumber);
    area.addEventListener("scroll", function () { gutter.scrollTop = area.scrollTop; });
    document.addEventListener("click", function (e) {
      var link = e.target.closest && e.target.closest(".line-link");
      if (!link) return;
      e.preventDefault();
      var line = parseInt(link.getAttribute("data-line"), 10);
      var lines = area.value.split("\n");
      var start = 0;
      for (var k = 0; k < line - 1 && k < lines.length; k++) start += lines[k].length + 1;
      area.focus();
      area.setSelectionRange(start, start + (lines[line - 1] || "").length);
      var lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
      area.scrollTop = Math.max(0, (line - 4) * lineHeight);
    });
    // Tab indents by two spaces instead of leaving the field; Escape then Tab still leaves it.
    var escaped = false;
    area.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { escaped = true; return; }
      if (e.key === "Tab" && !e.shiftKey && !escaped) {
        e.preventDefault();
        var s = area.selectionStart;
        area.setRangeText("  ", s, area.selectionEnd, "end");
        renumber();
      }
      escaped = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var area = document.getElementById("yaml");
    if (area) setup(area);
  });
})();
