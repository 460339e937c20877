// Forms on cached pages: a cached page is one copy shared by every visitor, so its HTML carries
// no CSRF token. A form marked `data-fresh-token="<token URL>"` gets this visitor's token from
// the site (a small same-origin request, never cached) into its `csrfmiddlewaretoken` field.
// See docs/performance.md.
(function () {
  "use strict";

  var forms = document.querySelectorAll("form[data-fresh-token]");
  if (!forms.length) return;
  fetch(forms[0].dataset.freshToken, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      forms.forEach(function (form) {
        var field = form.querySelector('input[name="csrfmiddlewaretoken"]');
        if (!field) {
          field = document.createElement("input");
          field.type = "hidden";
          field.name = "csrfmiddlewaretoken";
          form.appendChild(field);
        }
        field.value = data.csrfToken;
      });
    });
})();
