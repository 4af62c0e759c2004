// Keyboard navigation between photo pages: ← and → for the previous and next photo, Esc or
// ↑ for the index. Plain links underneath, so it works from file:// and without JavaScript.
(function () {
  "use strict";
  function go(rel) {
    var link = document.querySelector('link[rel="' + rel + '"]');
    if (link) { window.location.href = link.href; }
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    if (event.key === "ArrowLeft") { go("prev"); }
    else if (event.key === "ArrowRight") { go("next"); }
    else if (event.key === "Escape" || event.key === "ArrowUp") { go("index"); }
    else { return; }
    event.preventDefault();
  });
}());
