// Signpost's only script. Everything works without it; it adds:
// - "Exit this page": hide the page at once, then replace this history entry with a
//   neutral site, so Back does not return here. Shift pressed three times does the same.
// - Moving focus to the error summary so screen reader users hear what went wrong.
// - A "Print this list" button on the printable list.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  var exitLinks = document.querySelectorAll('[data-module="sp-exit-this-page"]');

  function exitNow(href) {
    var overlay = document.createElement("div");
    overlay.className = "sp-exit-overlay";
    document.body.appendChild(overlay);
    document.title = "Loading";
    window.location.replace(href);
  }

  exitLinks.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      exitNow(link.href);
    });
  });

  var shiftPresses = 0;
  var shiftTimer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !exitLinks.length) {
      return;
    }
    shiftPresses += 1;
    clearTimeout(shiftTimer);
    shiftTimer = setTimeout(function () { shiftPresses = 0; }, 5000);
    if (shiftPresses >= 3) {
      shiftPresses = 0;
      exitNow(exitLinks[0].href);
    }
  });

  // A print button only makes sense when a script can press print for you.
  document.querySelectorAll("[data-sp-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  var summary = document.querySelector(".nhsuk-error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
})();
