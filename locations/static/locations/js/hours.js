// Recompute "open now" and today's hours in each centre's own time zone, in the browser.
// Pages may be served from a cache for hours; the server-rendered state is only the no-JS fallback.
// Mirrors locations/hours.py: exceptions replace the weekly hours of the days they cover (a closed
// one wins), and a range that closes at or before it opens runs past midnight.
(function () {
  "use strict";

  function localParts(timeZone, date) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit",
    }).formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    var iso = parts.year + "-" + parts.month + "-" + parts.day;
    return { iso: iso, time: parts.hour.replace("24", "00") + ":" + parts.minute };
  }

  function shiftDay(iso, days) {
    var d = new Date(iso + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function weekday(iso) {  // Monday is 0, as in Python
    return (new Date(iso + "T12:00:00Z").getUTCDay() + 6) % 7;
  }

  function covering(data, iso) {
    return data.exceptions.filter(function (e) { return e.start <= iso && iso <= e.end; });
  }

  function rangesOn(data, iso) {
    var found = covering(data, iso);
    if (found.length) {
      if (found.some(function (e) { return e.closed; })) return [];
      return [].concat.apply([], found.map(function (e) { return e.ranges; }));
    }
    return data.weekly[weekday(iso)];
  }

  function isOpen(data, now) {
    var today = rangesOn(data, now.iso).some(function (r) {
      return r[1] <= r[0] ? now.time >= r[0] : r[0] <= now.time && now.time < r[1];
    });
    return today || rangesOn(data, shiftDay(now.iso, -1)).some(function (r) {
      return r[1] <= r[0] && now.time < r[1];
    });
  }

  function update(clock) {
    var data = JSON.parse(document.getElementById(clock.dataset.hoursClock).textContent);
    var now = localParts(data.timeZone, new Date());
    var open = isOpen(data, now);
    var state = clock.querySelector("[data-hours-state]");
    state.textContent = open ? data.labels.open : data.labels.closed;
    state.className = "hours-now__state hours-now__state--" + (open ? "open" : "closed");
    if (clock.dataset.localDate !== now.iso) {  // the page was rendered on another day
      var found = covering(data, now.iso);
      var exception = found.filter(function (e) { return e.closed; })[0] || found[0];
      clock.querySelector("[data-hours-today]").textContent =
        exception ? exception.text : data.weeklyText[weekday(now.iso)];
      clock.querySelector("[data-hours-reason]").textContent =
        exception ? "(" + exception.reason + ")" : "";
      clock.dataset.localDate = now.iso;
    }
  }

  function updateAll() {
    document.querySelectorAll("[data-hours-clock]").forEach(update);
  }

  updateAll();
  setInterval(updateAll, 60 * 1000);
})();
