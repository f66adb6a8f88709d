// Progressive enhancement of the overview table: filters and sortable columns.
// Without JavaScript the full table is already on the page; this only hides rows
// and reorders them.
(function () {
  "use strict";
  var table = document.getElementById("authority-table");
  var filters = document.getElementById("filters");
  if (!table || !filters) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var status = document.getElementById("filter-status");
  var selects = filters.querySelectorAll("select[data-filter]");
  filters.hidden = false;

  function applyFilters() {
    var wanted = {};
    selects.forEach(function (s) { wanted[s.dataset.filter] = s.value; });
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!wanted.region || row.dataset.region === wanted.region) &&
                  (!wanted.grade || row.dataset.grade === wanted.grade);
      row.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " authorities";
  }
  selects.forEach(function (s) { s.addEventListener("change", applyFilters); });

  function cellValue(row, index, kind) {
    var cell = row.cells[index];
    var raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
    if (kind === "number") { var n = parseFloat(raw); return isNaN(n) ? Infinity : n; }
    return raw.toLowerCase();
  }

  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (th, index) {
    var kind = th.dataset.sort;
    if (!kind) return;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      sorted.forEach(function (row) { tbody.appendChild(row); });
      var caption = table.caption;
      if (caption) caption.textContent = rows.length + " authorities, sorted by " + button.textContent.toLowerCase() + (ascending ? ", ascending" : ", descending");
    });
  });
})();
