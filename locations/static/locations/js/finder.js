// "Use my location": progressive enhancement of the finder form. Without JavaScript (or without
// geolocation) the button stays hidden and the ZIP/city search works on its own.
(function () {
  "use strict";
  var form = document.querySelector("[data-finder-form]");
  var button = form && form.querySelector("[data-use-location]");
  if (!button || !("geolocation" in navigator)) return;
  var status = form.querySelector("[data-location-status]");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.waiting;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        // Two decimals (about 1 km) find the nearest centers; more would put the patient's
        // home into the URL, the browser's history and the server's logs.
        form.elements.lat.value = position.coords.latitude.toFixed(2);
        form.elements.lon.value = position.coords.longitude.toFixed(2);
        form.elements.q.value = "";
        form.submit();
      },
      function () {
        status.textContent = button.dataset.error;
        button.disabled = false;
        form.elements.q.focus();
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
    );
  });
  // A typed search replaces an earlier "my location" search.
  form.addEventListener("submit", function () {
    if (form.elements.q.value.trim()) {
      form.elements.lat.value = "";
      form.elements.lon.value = "";
    }
  });
})();
