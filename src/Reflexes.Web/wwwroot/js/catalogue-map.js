// Progressive enhancement of the mission catalogue: a map of the missions listed on the page.
// Without this script (or without the tile server) the list alone carries every piece of information.
(function () {
  "use strict";
  var element = document.getElementById("mission-map");
  if (!element || !window.L || !element.getAttribute("data-tiles")) {
    return;
  }

  var items = document.querySelectorAll("[data-mission-lat]");
  if (items.length === 0) {
    return;
  }

  element.hidden = false;
  var map = window.L.map(element, { scrollWheelZoom: false });
  window.L.tileLayer(element.getAttribute("data-tiles"), {
    maxZoom: parseInt(element.getAttribute("data-max-zoom"), 10) || 19,
    attribution: element.getAttribute("data-attribution") || ""
  }).addTo(map);

  var points = [];
  items.forEach(function (item) {
    var lat = parseFloat(item.getAttribute("data-mission-lat"));
    var lon = parseFloat(item.getAttribute("data-mission-lon"));
    var link = item.querySelector("a");
    if (isNaN(lat) || isNaN(lon) || !link) {
      return;
    }

    var title = link.textContent.trim();
    var marker = window.L.marker([lat, lon], { title: title, alt: title, keyboard: true }).addTo(map);
    var popup = document.createElement("a");
    popup.href = link.href;
    popup.textContent = title;
    marker.bindPopup(popup);
    points.push([lat, lon]);
  });

  if (points.length > 0) {
    map.fitBounds(points, { padding: [30, 30], maxZoom: 15 });
  }
})();
