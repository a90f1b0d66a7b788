// Signpost's only script. Everything works without it; it adds:
// - "Exit this page": hide the page at once, then replace this history entry with a
//   neutral site, so Back does not return here. Shift pressed three times in a row does
//   the same.
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

  // Shift three times, as GOV.UK Frontend's Exit This Page counts it: only Shift presses
  // in a row count, so typing "My Son Is Not Sleeping" (Shift held for each capital) never
  // exits. Any other key, or a pause of more than a few seconds, starts the count again.
  var SHIFT_WINDOW_MS = 5000;
  var shiftPresses = 0;
  var shiftTimer = null;
  var otherKeyWhileShift = false;

  function resetShiftCount() {
    shiftPresses = 0;
    clearTimeout(shiftTimer);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { otherKeyWhileShift = false; }
      return;
    }
    otherKeyWhileShift = true;
    resetShiftCount();
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !exitLinks.length) {
      return;
    }
    if (otherKeyWhileShift || event.ctrlKey || event.altKey || event.metaKey) {
      otherKeyWhileShift = false;
      resetShiftCount();
      return;
    }
    shiftPresses += 1;
    clearTimeout(shiftTimer);
    shiftTimer = setTimeout(resetShiftCount, SHIFT_WINDOW_MS);
    if (shiftPresses >= 3) {
      resetShiftCount();
      exitNow(exitLinks[0].href);
    }
  }, true);

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
