// Passkey ceremonies in the browser: the server's options in, the credential's JSON out.
(function () {
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      body: JSON.stringify(body || {}),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { /* an error page */ }
    if (!response.ok) throw new Error(data.error || "The server refused the request (" + response.status + ").");
    return data;
  }

  // The page gives up on its own when the timeout passes (so a missing authenticator is
  // reported promptly, and a test can cross the wait with the page clock).
  // Once the timer runs, a "waiting for your device" status (where the page has one) says so.
  function withTimeout(options) {
    const controller = new AbortController();
    setTimeout(function () { controller.abort(); }, options.timeout || 30000);
    waiting(true);
    return controller.signal;
  }

  function waiting(on) {
    const status = document.querySelector('[data-testid="passkey-waiting"]');
    if (status) status.hidden = !on;
  }

  function show(box, message) {
    waiting(false);
    box.textContent = message;
    box.hidden = false;
  }

  function explain(error, hint) {
    if (error && (error.name === "NotAllowedError" || error.name === "AbortError")) {
      return "The passkey step was cancelled or no passkey is available on this device. " + hint;
    }
    return (error && error.message ? error.message : String(error));
  }

  async function createPasskey(button) {
    const box = document.querySelector('[data-testid="passkey-error"]');
    box.hidden = true;
    button.disabled = true;
    try {
      const options = await post("/security/passkeys/options");
      const credential = await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
        signal: withTimeout(options),
      });
      const done = await post("/security/passkeys/register", { credential: credential.toJSON(), name: button.dataset.name });
      window.location.assign(done.redirect);
    } catch (error) {
      show(box, explain(error, button.dataset.hint));
      button.disabled = false;
    }
  }

  async function loginWithPasskey(button) {
    const box = document.querySelector('[data-testid="passkey-error"]');
    box.hidden = true;
    try {
      const options = await post("/login/passkey/options");
      const credential = await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
        signal: withTimeout(options),
      });
      const done = await post("/login/passkey", { credential: credential.toJSON() });
      window.location.assign(done.redirect);
    } catch (error) {
      show(box, explain(error, button.dataset.hint));
    }
  }

  async function verifyWithPasskey(button) {
    const box = document.querySelector('[data-testid="passkey-error"]');
    box.hidden = true;
    try {
      const options = await post("/login/verify/passkey/options");
      const credential = await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
        signal: withTimeout(options),
      });
      const done = await post("/login/verify/passkey", { credential: credential.toJSON() });
      window.location.assign(done.redirect);
    } catch (error) {
      show(box, explain(error, button.dataset.hint));
    }
  }

  async function withdrawWithPasskey(button) {
    const box = document.querySelector('[data-testid="passkey-error"]');
    box.hidden = true;
    try {
      const options = await post("/withdraw/passkey/options");
      const credential = await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
        signal: withTimeout(options),
      });
      const done = await post("/withdraw/passkey", {
        address: document.getElementById("address").value,
        amount: document.getElementById("amount").value,
        credential: credential.toJSON(),
      });
      window.location.assign(done.redirect);
    } catch (error) {
      show(box, explain(error, button.dataset.hint));
    }
  }

  // Buttons are rendered disabled and come alive only once this script runs, so nobody
  // (person or test) can press them before the ceremony code exists.
  const actions = { create: createPasskey, login: loginWithPasskey, verify: verifyWithPasskey, withdraw: withdrawWithPasskey };
  document.querySelectorAll("[data-passkey-action]").forEach(function (button) {
    button.addEventListener("click", function () { actions[button.dataset.passkeyAction](button); });
    button.disabled = false;
  });
})();
