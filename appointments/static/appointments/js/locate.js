// "Use my location" for the appointment form: progressive enhancement. Without JavaScript (or
// without geolocation) the button stays hidden and the ZIP code does the job.
(function () {
  "use strict";
  document.querySelectorAll("[data-appointment-form]").forEach(function (form) {
    var button = form.querySelector("[data-use-location]");
    if (!button || !("geolocation" in navigator)) return;
    var status = form.querySelector("[data-location-status]");
    var zip = form.elements.zip_code;
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.dataset.waiting;
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // Two decimals (about 1 km) are enough to find the nearest center, and no more is sent.
          form.elements.latitude.value = position.coords.latitude.toFixed(2);
          form.elements.longitude.value = position.coords.longitude.toFixed(2);
          form.elements.centre.value = "nearest";
          status.textContent = button.dataset.found;
          button.disabled = false;
        },
        function () {
          status.textContent = button.dataset.error;
          button.disabled = false;
          zip.focus();
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
      );
    });
    // A ZIP code typed afterwards replaces the position.
    zip.addEventListener("input", function () {
      form.elements.latitude.value = "";
      form.elements.longitude.value = "";
      status.textContent = "";
    });
  });
})();
