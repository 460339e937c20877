// Site menu (a <details>: it opens and closes without this file). Escape closes it and gives the
// focus back to its button, as it does for the accessibility menu; an open accessibility menu
// inside it closes first.
(function () {
  "use strict";
  var nav = document.querySelector("[data-site-nav]");
  if (!nav) return;
  nav.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !nav.open || event.defaultPrevented) return;
    if (getComputedStyle(nav.querySelector("summary")).display === "none") return;
    event.preventDefault();
    nav.open = false;
    nav.querySelector("summary").focus();
  });
})();

// Accessibility menu. Progressive enhancement only: every page works without this file.
// Choices live in localStorage under "a11y-prefs"; preload.js applies them before first paint.
(function () {
  "use strict";
  var KEY = "a11y-prefs";
  function load() { try { return JSON.parse(localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; } }
  function save(prefs) { try { localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* private mode */ } }
  var menu = document.querySelector("[data-a11y-menu]");
  if (!menu) return;
  var toggle = menu.querySelector(".a11y-menu__toggle");
  var panel = menu.querySelector(".a11y-menu__panel");
  var status = menu.querySelector("[data-a11y-status]");
  var options = menu.querySelectorAll("[data-a11y-option]");
  var prefs = load();

  function apply() {
    options.forEach(function (button) {
      var key = button.getAttribute("data-a11y-option");
      document.documentElement.classList.toggle("a11y-" + key, !!prefs[key]);
      button.setAttribute("aria-pressed", prefs[key] ? "true" : "false");
    });
  }
  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    panel.hidden = !open;
  }
  function close() { setOpen(false); toggle.focus(); }

  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    if (open) options[0].focus();
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      event.preventDefault();
      close();
    }
  });
  // Leaving the menu with Tab closes it without stealing focus back.
  menu.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !menu.contains(event.relatedTarget)) setOpen(false);
  });
  options.forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-a11y-option");
      prefs[key] = !prefs[key];
      save(prefs);
      apply();
      status.textContent = button.textContent.trim() + ": " + (prefs[key] ? status.dataset.on : status.dataset.off);
    });
  });
  menu.querySelector("[data-a11y-reset]").addEventListener("click", function () {
    prefs = {};
    save(prefs);
    apply();
    status.textContent = status.dataset.reset;
  });
  apply();
})();

// Videos load only when the patient asks. Progressive enhancement: without this script the video
// block is a link to the video; with it, a button in the figure swaps itself for the player's
// iframe (youtube-nocookie.com or Vimeo's player, built on the server from the stored URL), so no
// request goes to the video site before the click.
(function () {
  "use strict";
  document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
    var frame = figure.querySelector("[data-video-embed-frame]");
    var button = figure.querySelector("[data-video-embed-load]");
    if (!frame || !button) return;
    frame.hidden = false;
    button.addEventListener("click", function () {
      var iframe = document.createElement("iframe");
      iframe.src = figure.getAttribute("data-player-url");
      iframe.title = figure.getAttribute("data-player-title");
      iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      iframe.allowFullscreen = true;
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      frame.replaceChildren(iframe);
      iframe.focus();
    });
  });
})();
