// "Show an interactive map": only on sites whose network runs its own tile server (MAP_TILE_URL),
// and only once the patient asks. Until the button is pressed nothing is fetched: not the map
// library (Leaflet, vendored under locations/vendor/leaflet), not a single tile. The static map
// and the list of centers stay on the page either way; without JavaScript the button stays hidden.
(function () {
  "use strict";
  var loading = null;

  // Leaflet's stylesheet and script, from this site, once per page however many maps it has.
  function loadLeaflet(box) {
    if (window.L) return Promise.resolve(window.L);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = box.dataset.stylesheet;
      document.head.appendChild(link);
      var script = document.createElement("script");
      script.src = box.dataset.script;
      script.onload = function () { resolve(window.L); };
      script.onerror = function () { loading = null; reject(new Error("leaflet")); };
      document.head.appendChild(script);
    });
    return loading;
  }

  function text(value) {
    var span = document.createElement("span");
    span.textContent = value;
    return span.innerHTML;
  }

  function draw(L, box) {
    var places = JSON.parse(box.dataset.places);
    var origin = JSON.parse(box.dataset.origin);
    var canvas = document.createElement("div");
    canvas.className = "tile-map__canvas";
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", box.dataset.label);
    box.insertBefore(canvas, box.firstChild);
    var map = L.map(canvas, { scrollWheelZoom: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    L.tileLayer(box.dataset.tiles, {
      maxZoom: 18,
      attribution: [text(box.dataset.attribution), "Leaflet"].filter(Boolean).join(" | "),
    }).addTo(map);
    var bounds = [];
    // The origin first, so that a center next to it is drawn on top and stays clickable.
    if (origin) {
      L.circleMarker([origin.lat, origin.lon], { radius: 11, className: "tile-map__origin" })
        .bindTooltip(text(box.dataset.originLabel + ": " + origin.label))
        .addTo(map);
      bounds.push([origin.lat, origin.lon]);
    }
    places.forEach(function (place) {
      var marker = L.circleMarker([place.lat, place.lon], { radius: 9, className: "tile-map__centre" });
      marker.bindPopup('<a href="' + text(place.url) + '">' + text(place.label) + "</a>");
      marker.bindTooltip(text(place.label));
      marker.addTo(map);
      bounds.push([place.lat, place.lon]);
    });
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 });
  }

  document.querySelectorAll("[data-tile-map]").forEach(function (box) {
    var button = box.querySelector("[data-tile-map-show]");
    var status = box.querySelector("[data-tile-map-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = box.dataset.loading;
      loadLeaflet(box).then(
        function (L) {
          draw(L, box);
          status.textContent = "";
          button.hidden = true;
        },
        function () {
          status.textContent = box.dataset.error;
          button.disabled = false;
        }
      );
    });
  });
})();
