// Loaded without defer in <head>, so it runs before the first paint: marks the page as having
// JavaScript and applies the accessibility choices (site.js's menu saves them in localStorage),
// so a page never flashes without the larger text or contrast a visitor chose. A file rather than
// an inline script: the Content-Security-Policy allows only the site's own script files.
document.documentElement.classList.replace("no-js", "js");
try {
  var prefs = JSON.parse(localStorage.getItem("a11y-prefs") || "{}");
  for (var key in prefs) {
    if (prefs[key]) document.documentElement.classList.add("a11y-" + key);
  }
} catch (e) { /* storage unavailable (private mode): the defaults apply */ }
