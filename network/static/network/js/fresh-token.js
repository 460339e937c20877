// Forms on cached pages: a cached page is one copy shared by every visitor, so its HTML carries
// no CSRF token and no per-visitor form token. A form marked `data-fresh-token="<token URL>"`
// gets this visitor's tokens from the site (a small same-origin request, never cached): the
// answer's `fields` are put into the form's hidden fields of those names.
//
// When: as the form comes into view or is first used (a form token's time is when the form was
// shown), and at the latest on submit, which then waits for them. If they cannot be had, the form
// is sent without them and the site shows it again, everything typed kept, with fresh tokens
// (the same as without JavaScript). See docs/performance.md.
(function () {
  "use strict";

  function fill(form, fields) {
    Object.keys(fields).forEach(function (name) {
      var field = form.querySelector('input[name="' + name + '"]');
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = name;
        form.appendChild(field);
      }
      field.value = fields[name];
    });
    form.dataset.freshTokenState = "ready";
  }

  document.querySelectorAll("form[data-fresh-token]").forEach(function (form) {
    var pending = null;

    function tokens() {
      if (!pending) {
        pending = fetch(form.dataset.freshToken, {
          credentials: "same-origin",
          cache: "no-store",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            if (!response.ok) throw new Error("form token: " + response.status);
            return response.json();
          })
          .then(function (data) { fill(form, data.fields || { csrfmiddlewaretoken: data.csrfToken }); })
          .catch(function () { pending = null; });
      }
      return pending;
    }

    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          tokens();
        }
      }, { rootMargin: "200px" });
      observer.observe(form);
    } else {
      tokens();
    }
    form.addEventListener("focusin", tokens, { once: true });
    form.addEventListener("submit", function (event) {
      if (form.dataset.freshTokenState === "ready") return;
      event.preventDefault();
      tokens().then(function () { form.submit(); }, function () { form.submit(); });
    });
  });
})();
