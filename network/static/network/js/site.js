// Progressive enhancement only: every page works without this file.
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
  var prefs = load();
  function apply() {
    menu.querySelectorAll("[data-a11y-option]").forEach(function (button) {
      var key = button.getAttribute("data-a11y-option");
      document.documentElement.classList.toggle("a11y-" + key, !!prefs[key]);
      button.setAttribute("aria-pressed", prefs[key] ? "true" : "false");
    });
  }
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", open ? "false" : "true");
    panel.hidden = open;
    if (!open) { var first = panel.querySelector("button"); if (first) first.focus(); }
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { toggle.click(); toggle.focus(); }
  });
  menu.querySelectorAll("[data-a11y-option]").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-a11y-option");
      prefs[key] = !prefs[key];
      save(prefs); apply();
      status.textContent = button.textContent.trim() + ": " + (prefs[key] ? button.dataset.on || "on" : button.dataset.off || "off");
    });
  });
  menu.querySelector("[data-a11y-reset]").addEventListener("click", function () {
    prefs = {}; save(prefs); apply(); status.textContent = this.textContent.trim();
  });
  apply();
})();
