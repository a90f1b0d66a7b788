// Shows the "Sign in with a passkey" button only where it can work: with JavaScript and a
// browser that has passkeys. Without either, the emailed code is the way in.
(function () {
  "use strict";
  if (!window.PublicKeyCredential) {
    return;
  }
  document.querySelectorAll("[data-passkey-only]").forEach(function (element) {
    element.hidden = false;
  });
})();
