// "Use my location", shared by the center finder and the appointment form: progressive
// enhancement. Without JavaScript (or without geolocation) the button stays hidden and the typed
// ZIP code or city does the job.
//
// A form opts in with `data-locate` and says, in data attributes, what a position fills in:
//   data-locate-latitude / data-locate-longitude  names of the hidden coordinate fields
//   data-locate-typed                              name of the typed location field (focused
//                                                  when the browser gives no position; typing
//                                                  in it replaces an earlier position)
//   data-locate-set="name=value;name=value"        other fields to set once a position arrives
//   data-locate-submit                             submit the form once a position arrives
// The button (`data-use-location`) carries its translated messages: data-waiting, data-error and
// data-found (shown when the form is not submitted).
(function () {
  "use strict";
  document.querySelectorAll("form[data-locate]").forEach(function (form) {
    var button = form.querySelector("[data-use-location]");
    if (!button || !("geolocation" in navigator)) return;
    var status = form.querySelector("[data-location-status]");
    var latitude = form.elements[form.dataset.locateLatitude];
    var longitude = form.elements[form.dataset.locateLongitude];
    var typed = form.elements[form.dataset.locateTyped];
    var extra = (form.dataset.locateSet || "").split(";").filter(Boolean).map(function (pair) {
      return pair.split("=");
    });
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.dataset.waiting;
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // Two decimals (about 1 km) find the nearest centers; more would put the patient's
          // home into a URL, the browser's history or the server's logs.
          latitude.value = position.coords.latitude.toFixed(2);
          longitude.value = position.coords.longitude.toFixed(2);
          extra.forEach(function (pair) {
            form.elements[pair[0]].value = pair[1];
          });
          if ("locateSubmit" in form.dataset) {
            form.submit();
            return;
          }
          status.textContent = button.dataset.found;
          button.disabled = false;
        },
        function () {
          status.textContent = button.dataset.error;
          button.disabled = false;
          typed.focus();
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
      );
    });
    // A location typed afterwards replaces the position.
    typed.addEventListener("input", function () {
      latitude.value = "";
      longitude.value = "";
      status.textContent = "";
    });
  });
})();
