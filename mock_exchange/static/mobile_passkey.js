// A passkey as the 2FA tool of a mobile change/unbind: options from the server, an assertion back.
(function () {
  var button = document.querySelector('[data-testid="mobile-verify-passkey"]');
  var box = document.querySelector('[data-testid="passkey-error"]');
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var base = "/security/mobile/" + button.dataset.mobileAction + "/passkey/";

  function post(url, body) {
    return fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) throw new Error(data.error || "The server refused the request (" + response.status + ").");
        return data;
      });
    });
  }

  button.addEventListener("click", function () {
    box.hidden = true;
    post(base + "options").then(function (options) {
      var controller = new AbortController();
      setTimeout(function () { controller.abort(); }, options.timeout || 30000);
      return navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options), signal: controller.signal,
      });
    }).then(function (credential) {
      return post(base + "verify", { credential: credential.toJSON() });
    }).then(function (done) {
      window.location.assign(done.redirect);
    }).catch(function (error) {
      box.textContent = (error && error.message ? error.message : "The passkey did not answer.") +
        " Try again or switch verification tool.";
      box.hidden = false;
    });
  });
  button.disabled = false;
})();
