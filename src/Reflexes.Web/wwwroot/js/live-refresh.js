// Progressive enhancement of the call supervision page: the region marked data-live-refresh is fetched
// again every few seconds and replaced in place, while the page is visible and the supervisor has not
// turned it off. Without this script the page's "Refresh" link does the same by hand.
(function () {
  "use strict";
  var region = document.querySelector("[data-live-refresh]");
  if (!region || !window.fetch || !window.DOMParser) {
    return;
  }

  var seconds = parseInt(region.getAttribute("data-live-refresh"), 10) || 10;
  var toggle = document.createElement("p");
  var label = document.createElement("label");
  var box = document.createElement("input");
  box.type = "checkbox";
  box.checked = true;
  label.appendChild(box);
  label.appendChild(document.createTextNode(" " + (region.getAttribute("data-live-label") || "")));
  toggle.appendChild(label);
  region.parentNode.insertBefore(toggle, region);

  function refresh() {
    if (!box.checked || document.visibilityState === "hidden") {
      return;
    }

    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Live-Refresh": "1" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }

        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-refresh]");
        if (fresh) {
          region.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () { /* the next tick tries again; the Refresh link still works */ });
  }

  window.setInterval(refresh, seconds * 1000);
})();
