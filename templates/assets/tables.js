// Progressive enhancement of tables marked data-enhance: filters, a name search and
// sortable columns. Without JavaScript every row is already on the page; this only
// hides rows and reorders them. A table with data-url-state keeps its filters and sort
// in the address, so a filtered view can be shared and survives going back; the
// attribute's value, if any, starts each of its names there (a page's plans each have one).
//
// What a row is filtered on is in its data-* attributes, or its tbody's (rows grouped
// in a tbody share them). A column sorts by each cell's data-value, else its text; a
// header with data-sort="order" sorts by the rows' order on the page, and one with
// data-sort="rank" by the place in its data-rank list (|-separated) of the first of the
// cell's elements that list names, overdue rows first within a place: the order is
// written once, not on every row. It also makes the overview's counts by region links to
// the table filtered to them, opens what a link leads to where it is folded away, makes
// only the boxes that scroll sideways tab stops, keeps a focused link of a
// sideways-scrolling figure in view, names the map's focused hexagon, and offers a
// clamped text in full only where it is cut short.
(function () {
  "use strict";

  // The id an address's #fragment names. A fragment that is not valid percent-encoding
  // (a link ending in `#%`) is taken as written: decoding it threw, and stopped the script.
  function fragment(hash) {
    try {
      return decodeURIComponent(hash.slice(1));
    } catch (error) {
      return hash.slice(1);
    }
  }

  function enhance(table) {
    var controls = document.getElementById(table.dataset.controls);
    if (!controls) return;
    var tbody = table.tBodies[0];
    var rows = [];
    Array.prototype.forEach.call(table.tBodies, function (group) {
      Array.prototype.forEach.call(group.rows, function (row) {
        Object.keys(group.dataset).forEach(function (key) {
          if (row.dataset[key] === undefined) row.dataset[key] = group.dataset[key];
        });
        rows.push(row);
      });
    });
    var original = rows.slice();
    var status = controls.querySelector("[role=status]");
    var fields = Array.prototype.slice.call(controls.querySelectorAll("[data-filter]"));
    var headers = table.tHead.rows[0].cells;
    var noun = table.dataset.noun || "rows"; // agrees with the number of rows: "of 1 action"
    var inUrl = table.hasAttribute("data-url-state");
    var prefix = table.dataset.urlState || "";
    var caption = table.caption;
    var captionText = caption ? caption.textContent : "";
    var sorted = null; // {index, ascending}
    var shown = rows.length;
    // One row and nothing to filter (a plan of one action): sort buttons and a count of what
    // shows would be controls that do nothing, each a tab stop a screen reader announces.
    if (rows.length < 2 && !fields.length) return;
    controls.hidden = false;

    // Case, accents and punctuation do not matter: "st helens" finds "St. Helens" and
    // "stockton on tees" finds "Stockton-on-Tees"; an apostrophe joins ("kings" finds "King's").
    function normal(text) {
      return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f'\u2019]/g, "")
        .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    }

    // A council is also called by its official name ("County Durham", "Royal Borough of
    // Greenwich", "Bristol, City of") or its initials ("BCP"): the words such names add are
    // passed over, and a name of three words or more answers to its initials.
    var GENERIC = ["borough", "corporation", "council", "county", "district", "metropolitan", "of", "royal", "the"];
    var PLACES = ["city", "london"]; // passed over only beside another word: "City of London" is one
    var MINOR = ["and", "in", "of", "on", "the", "upon"];

    function saints(text) { return text.replace(/\bsaint\b/g, "st"); } // "Saint Helens" is St. Helens

    // The counties' customary short forms, as the British Agricultural History Society lists
    // them (bahs.org.uk/CountyAbbreviations.html), and "Derbys" beside its "Derbs": "herts"
    // finds Hertfordshire, "north yorks" North Yorkshire. Names of five letters or fewer have none.
    var SHORT = {
      beds: "bedfordshire", berks: "berkshire", bucks: "buckinghamshire", cambs: "cambridgeshire",
      ches: "cheshire", cornw: "cornwall", cumb: "cumberland", derbs: "derbyshire", derbys: "derbyshire",
      dors: "dorset", glos: "gloucestershire", hants: "hampshire", heref: "herefordshire",
      herts: "hertfordshire", lancs: "lancashire", leics: "leicestershire", lincs: "lincolnshire",
      northants: "northamptonshire", northumb: "northumberland", notts: "nottinghamshire",
      oxon: "oxfordshire", salop: "shropshire", som: "somerset", staffs: "staffordshire",
      suff: "suffolk", wilts: "wiltshire", warks: "warwickshire", worcs: "worcestershire",
      yorks: "yorkshire"
    };
    // A county council split since into councils whose names do not hold its own, which
    // readers still look for by it (Cumbria, split in April 2023, as these councils' pages
    // quote Ofsted). Northamptonshire needs none: its successors' names hold it.
    var FORMER = {cumbria: ["cumberland", "westmorland and furness"]};
    // Found as it is typed, from its first five letters ("cumbr"), not only once it is whole.
    function successors(name) {
      var found = [];
      if (name.length >= 5) {
        Object.keys(FORMER).forEach(function (old) {
          if (old.indexOf(name) === 0) found = found.concat(FORMER[old]);
        });
      }
      return found;
    }

    function spelt(text) {
      return text.split(" ").map(function (w) { return SHORT.hasOwnProperty(w) ? SHORT[w] : w; }).join(" ");
    }
    // A shire's short form also finds the town it is named after, a council of its own in
    // the same county: "notts" finds Nottingham as well as Nottinghamshire, "beds" Bedford.
    // The name written in full finds the county alone, as it says.
    function towns(text) {
      return text.split(" ").filter(function (w) {
        return SHORT.hasOwnProperty(w) && /..shire$/.test(SHORT[w]);
      }).map(function (w) { return SHORT[w].slice(0, -5); });
    }

    // A search, worked out once for all the rows: the words that name a place, or failing
    // them the words written.
    function asked(value) {
      var written = saints(normal(value)), text = spelt(written);
      var words = text.split(" ").filter(function (w) { return GENERIC.indexOf(w) < 0; });
      var named = words.filter(function (w) { return PLACES.indexOf(w) < 0; });
      words = named.length ? named : words;
      return {text: text, words: words, letters: words.join(""), towns: towns(written),
        successors: successors(words.join(" "))};
    }

    // A row's searched text and initials, worked out once, not at every key pressed.
    var prepared = new WeakMap();
    function prepare(row, key) {
      var entry = prepared.get(row);
      if (!entry) {
        entry = {initials: initialsOf(row.cells[0].textContent)};
        prepared.set(row, entry);
      }
      if (!(key in entry)) entry[key] = saints(normal(row.dataset[key] || ""));
      return entry;
    }

    // How well a row's name answers a search: 2 where each word starts a word of the name
    // ("hull city"), or the search is its initials; 1 where the search is only inside a
    // word ("shire"); 0 not at all. Only the best answers are shown, so "hull" finds
    // Kingston upon Hull and not Solihull, while "shire" still finds every shire.
    function level(row, key, query) {
      var mine = prepare(row, key), hay = mine[key], words = query.words;
      if (query.successors.some(function (name) { return hay.indexOf(name) === 0; })) return 2;
      if (words.length && words.every(function (w) {
        var town = w.slice(0, -5);  // only where a short form was written: "notts", not "nottinghamshire"
        return (" " + hay).indexOf(" " + w) >= 0 ||
          (query.towns.indexOf(town) >= 0 && (" " + hay + " ").indexOf(" " + town + " ") >= 0);
      })) return 2;
      // Its initials, with or without the small words, however spaced: "BANES", "B&NES"
      // and "bnes" are Bath and North East Somerset.
      if (query.letters.length > 1 && mine.initials.indexOf(query.letters) >= 0) return 2;
      return hay.indexOf(query.text) >= 0 ? 1 : 0;
    }

    function found(row, key, query) {
      return query.best > 0 && level(row, key, query) === query.best;
    }

    function initialsOf(name) {
      var all = normal(name).split(" ").filter(Boolean);
      var main = all.filter(function (w) { return MINOR.indexOf(w) < 0; });
      function first(words) { return words.map(function (w) { return w.charAt(0); }).join(""); }
      return main.length >= 3 ? [first(main), first(all)] : [];
    }

    // Whether a row passes every filter set (but the one given as except).
    function matches(row, queries, except) {
      return fields.every(function (field, index) {
        var value = field.value;
        if (!value || field === except) return true;
        var key = field.dataset.filter;
        if (field.type === "search") return found(row, key, queries[index]);
        // A list of things a row may be (overdue, quiet): the option names the row's flag.
        if (field.dataset.match === "flag") return row.dataset[value] !== undefined;
        return row.dataset[key] === value;
      });
    }

    // A filter's name, without the hint its label may hold ("or short form, such as Herts").
    function labelOf(field) { return field.labels[0].firstChild.textContent.trim(); }

    // Why no row is left: a name that matches none is worth another try; a name that does
    // match, hidden by another filter, must not be told it is not here.
    function nothingShown(queries) {
      var named = fields.map(function (field, index) {
        return field.type === "search" && field.value ? [field.dataset.filter, queries[index]] : null;
      }).filter(Boolean);
      if (!named.length) {
        var chosen = fields.filter(function (field) { return field.value; }).map(labelOf);
        if (chosen.length < 2) return "";  // a filter offers only what some row has
        return ". None matches " + (chosen.length === 2 ? "both filters" : "all " + chosen.length + " filters") +
          ": change " + chosen.slice(0, -1).join(", ") + " or " + chosen[chosen.length - 1] + ".";
      }
      var anywhere = rows.some(function (row) {
        return named.every(function (pair) { return found(row, pair[0], pair[1]); });
      });
      return anywhere ? ". The name matches, but not with the other filters: clear one" : ". No name matches: try part of one";
    }

    // A grade chosen leaves out the authorities whose latest inspection gave no overall grade
    // but graded one of its judgements so (data-in-part): they are named, not lost.
    function inPart(queries) {
      var grade = fields.filter(function (field) { return field.dataset.filter === "grade" && field.value; })[0];
      if (!grade) return "";
      var named = rows.filter(function (row) {
        var held = " " + (row.dataset.inPart || "") + " ";
        return held.indexOf(" " + grade.value + " ") >= 0 && matches(row, queries, grade);
      }).map(function (row) { return row.cells[0].textContent.trim(); });
      if (!named.length) return "";
      return ". Not shown, with no overall grade but a judgement graded " +
        grade.selectedOptions[0].textContent.trim().toLowerCase() + ": " + named.join(", ");
    }

    function applyFilters() {
      shown = 0;
      var queries = fields.map(function (field) {
        if (field.type !== "search") return null;
        var query = asked(field.value), key = field.dataset.filter;
        query.best = rows.reduce(function (best, row) { return Math.max(best, level(row, key, query)); }, 0);
        return query;
      });
      rows.forEach(function (row) {
        var match = matches(row, queries);
        row.hidden = !match;
        if (match) shown += 1;
      });
      // With nothing to filter (a plan table that only sorts), nothing to say until a sort.
      if (status && fields.length) status.textContent = "Showing " + shown + " of " + rows.length + " " + noun +
        (shown === 0 ? nothingShown(queries) : "") + inPart(queries);
      describe();
      save();
    }

    // The caption says what the table shows now: a caption that starts with the count of
    // rows ("153 authorities") says how many of them a filter leaves ("5 of 153
    // authorities") and which filters ("; region “London”"), since a printed table has no
    // filters to show them; and the sort replaces the order it names.
    function describe() {
      if (!caption) return;
      var text = captionText;
      if (sorted) text = text.replace(/, by .*$/, "") + ", " + sortedBy();
      if (shown < rows.length && text.indexOf(rows.length + " ") === 0) text = shown + " of " + text;
      fields.forEach(function (field) {
        if (!field.value) return;
        var label = labelOf(field).toLowerCase();
        var value = field.type === "search" ? field.value.trim() : field.selectedOptions[0].textContent.trim();
        text += "; " + label + " \u201c" + value + "\u201d";
      });
      caption.textContent = text;
    }

    // The order in a reader's words, not "ascending": a column names its own (data-order,
    // "best first|worst first"), else its kind of value does.
    var ORDER_WORDS = {text: "A to Z|Z to A", number: "lowest first|highest first"};
    function sortedBy() {
      var th = headers[sorted.index];
      var words = (th.dataset.order || ORDER_WORDS[th.dataset.sort] || "ascending|descending").split("|");
      return "sorted by " + th.textContent.trim().toLowerCase() + ", " + words[sorted.ascending ? 0 : 1];
    }

    function cellValue(row, index, kind) {
      var cell = row.cells[index];
      if (kind === "order") return original.indexOf(row);
      if (kind === "rank") {
        // The first of the cell's elements that the list names: an action's status follows
        // the word "Overdue", which is not a status.
        var ranks = headers[index].dataset.rank.split("|"), place = -1;
        for (var el = cell.firstElementChild; el && place < 0; el = el.nextElementSibling) {
          place = ranks.indexOf(el.textContent.trim());
        }
        // An overdue row (the plan table's) comes before the others of its status: "on
        // track" is the council's word, overdue the site's, and both count when sorting.
        return place < 0 ? Infinity : place - (row.dataset.overdue !== undefined ? 0.5 : 0);
      }
      var raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
      if (kind === "number") { var n = parseFloat(raw); return isNaN(n) ? Infinity : n; }
      return raw.toLowerCase();
    }

    function sortBy(index, ascending, announce) {
      var th = headers[index];
      var kind = th.dataset.sort;
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var order = original.slice().sort(function (a, b) {
        var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
        // A cell with nothing to sort by ("Not recorded") goes last, whichever the direction.
        var xMissing = x === "" || x === Infinity, yMissing = y === "" || y === Infinity;
        if (xMissing !== yMissing) return xMissing ? 1 : -1;
        var result = x < y ? -1 : x > y ? 1 : 0;
        // Rows alike keep an order of their own (data-then), whichever the direction: an
        // authority with no single overall grade comes after those graded as its worst judgement.
        if (!result) return (Number(a.cells[index].dataset.then) || 0) - (Number(b.cells[index].dataset.then) || 0);
        return ascending ? result : -result;
      });
      order.forEach(function (row) { tbody.appendChild(row); });
      rows = order;
      sorted = {index: index, ascending: ascending};
      // Said, as a filter's result is: the new order is otherwise seen only in the table. With
      // no row shown, the line saying why (and which filter to change) stays.
      if (status && announce && shown > 0) {
        status.textContent = "Showing " + shown + " of " + rows.length + " " + noun + ", " + sortedBy();
      }
      describe();
      save();
    }

    function save() {
      if (!inUrl || revealing || !window.history.replaceState) return;
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (field) {
        var name = prefix + field.dataset.filter;
        if (field.value) params.set(name, field.value); else params.delete(name);
      });
      if (sorted) {
        params.set(prefix + "sort", headers[sorted.index].dataset.key || String(sorted.index));
        params.set(prefix + "order", sorted.ascending ? "ascending" : "descending");
      }
      var query = params.toString();
      // A plan's table is far down its page: an address that asks for its view leads to it.
      var hash = window.location.hash;
      if (!hash && prefix && query && caption && caption.id) hash = "#" + caption.id;
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + hash);
      shownSearch = window.location.search;
    }

    // Named by its column alone (the name is the column header's too), a button is described
    // as what it does: a screen reader otherwise says "Owner, button", and nothing of sorting.
    var hint = document.createElement("span");
    hint.id = controls.id + "-sort-hint";
    hint.hidden = true;
    hint.textContent = "Sorts the table by this column";
    controls.appendChild(hint);
    Array.prototype.forEach.call(headers, function (th, index) {
      if (!th.dataset.sort) return;
      // The order the rows came in, where it is a column's: a first press reverses it.
      if (th.dataset.sorted) th.setAttribute("aria-sort", th.dataset.sorted);
      table.classList.add("table--sortable");
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-describedby", hint.id);
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(index, th.getAttribute("aria-sort") !== "ascending", true);
      });
    });
    // While a name is typed, the count changes at each key: the status is marked busy, so that a
    // screen reader says it once typing pauses, not over every letter.
    var typing = null;
    fields.forEach(function (field) {
      field.addEventListener(field.type === "search" ? "input" : "change", function () {
        if (status && field.type === "search") {
          status.setAttribute("aria-busy", "true");
          window.clearTimeout(typing);
          typing = window.setTimeout(function () { status.removeAttribute("aria-busy"); }, 600);
        }
        applyFilters();
      });
    });

    // The view the address asks for: on arrival, and when Back or Forward returns to an
    // address the page made, so that what is shown and what would be shared agree.
    var shownSearch = null; // the address's query the table shows
    function restore() {
      // A link within the page moves history too, without changing the query: nothing to do.
      if (window.location.search === shownSearch) return;
      shownSearch = window.location.search;
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (field) {
        var wanted = params.get(prefix + field.dataset.filter);
        var known = wanted !== null && (field.tagName !== "SELECT" ||
          Array.prototype.some.call(field.options, function (o) { return o.value === wanted; }));
        field.value = known ? wanted : "";
      });
      var key = params.get(prefix + "sort");
      // An earlier plan's table, folded away: the view the address asks for is shown.
      var folded = table.closest("details");
      var inAddress = key || fields.some(function (field) { return params.get(prefix + field.dataset.filter) !== null; });
      if (folded && inAddress) folded.open = true;
      if (key) {
        Array.prototype.forEach.call(headers, function (th, index) {
          if (th.dataset.sort && (th.dataset.key || String(index)) === key) {
            sortBy(index, params.get(prefix + "order") !== "descending");
          }
        });
      }
      applyFilters();
    }
    if (inUrl) {
      restore();
      window.addEventListener("popstate", restore);
    } else {
      applyFilters();
    }

    // A link to a row the filters hide (the checklist's link to an action) would lead
    // nowhere: the filters are cleared first, and the status says so.
    // Clicked, the address is not yet the link's: the one left behind keeps the reader's
    // filters, and the new one gets the cleared view once it is there.
    var revealing = false;
    function reveal(id) {
      var target = id ? document.getElementById(id) : null;
      if (!target || rows.indexOf(target) < 0 || !target.hidden) return;
      fields.forEach(function (field) { field.value = ""; });
      revealing = true;
      applyFilters();
      revealing = false;
      if (status) status.textContent = "Filters cleared to show the linked row. " + status.textContent;
      // Once the page has moved to the row: where the line saying so fits on the screen with
      // it, both are shown, so that a reader sees why the table looks different.
      window.requestAnimationFrame(function () {
        if (target.getBoundingClientRect().bottom - controls.getBoundingClientRect().top <= window.innerHeight) {
          controls.scrollIntoView();
        }
        // Scrolling moved where the next Tab starts, to the filters above: the row is where
        // the reader was sent, and the keyboard goes on from it.
        target.tabIndex = -1;
        target.focus({ preventScroll: true });
      });
    }
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
      if (link) reveal(fragment(link.hash));
    });
    window.addEventListener("hashchange", function () {
      reveal(fragment(window.location.hash));
      save();
    });
    reveal(fragment(window.location.hash));
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-enhance]"), enhance);

  // The overview's counts by region lead to the table of all authorities filtered to them:
  // links only once its filters work, as without them the table lists every authority.
  var filters = document.getElementById("filters");
  if (filters && !filters.hidden) {
    Array.prototype.forEach.call(document.querySelectorAll("td[data-link]"), function (cell) {
      var link = document.createElement("a");
      link.href = cell.dataset.link;
      link.setAttribute("aria-label", cell.dataset.linkLabel);
      link.textContent = cell.textContent;
      cell.textContent = "";
      cell.appendChild(link);
    });
    var told = document.getElementById("by-region-links");
    if (told) told.hidden = false;
  }

  // A link to what is folded away (a row of an earlier plan; a point of an earlier
  // inspection, from the action answering it) opens every disclosure around it: not every
  // browser does so on its own. Before the browser follows the link, so that it scrolls there.
  // Returns the target where a disclosure had to be opened, else false.
  function unfold(hash) {
    var target = hash.length > 1 ? document.getElementById(fragment(hash)) : null;
    var opened = false;
    if (!target || !target.closest) return false;
    for (var folded = target.closest("details"); folded; folded = folded.parentNode.closest("details")) {
      opened = opened || !folded.open;
      folded.open = true;
    }
    return opened ? target : false;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) unfold(link.hash);
  });
  // Arrived at already (a new address, or the page opened at it), the browser will not
  // scroll to it again once it shows.
  function show() {
    var shown = unfold(window.location.hash);
    if (shown) shown.scrollIntoView();
  }
  window.addEventListener("hashchange", show);
  show();

  // A box that scrolls sideways is a tab stop, so that the keyboard can scroll it (without
  // JavaScript every box is one). A box that fits is not: a stop that does nothing is one
  // more for everyone who tabs through the page.
  // The line above a figure that says it is wider than the screen is shown by the same
  // measure: the stylesheet's widths, for a reader without the script, cannot know a chart
  // that widens with each quarter, nor the reader's own text size.
  // A box that fits is no landmark either: a table's region, named by its caption, was
  // heard twice ("region Statistical neighbours, table Statistical neighbours"), and a page
  // of them was a long list of landmarks. Its name goes with its role, which ARIA does not
  // let a plain box have, and both come back when it is cut.
  var boxes = document.querySelectorAll("[role=region][tabindex]");
  var names = Array.prototype.map.call(boxes, function (box) {
    var by = box.hasAttribute("aria-labelledby") ? "aria-labelledby" : "aria-label";
    return [by, box.getAttribute(by)];
  });
  function stops() {
    Array.prototype.forEach.call(boxes, function (box, n) {
      var cut = box.scrollWidth > box.clientWidth;
      var figure = box.closest("figure");
      var hint = figure ? figure.querySelector(".figure__hint") : null;
      box.tabIndex = cut ? 0 : -1;
      if (cut) {
        box.setAttribute("role", "region");
        if (names[n][1] !== null) box.setAttribute(names[n][0], names[n][1]);
      } else {
        box.removeAttribute("role");
        box.removeAttribute(names[n][0]);
      }
      if (hint) hint.classList.toggle("figure__hint--cut", cut);
    });
  }
  document.documentElement.classList.add("hints-measured");
  stops();
  if (window.ResizeObserver) {
    // Measured again whenever a box or what it holds changes size: a window resized, a
    // disclosure opened, or a reader's own text spacing or zoom applied after the page loaded.
    var observer = new ResizeObserver(stops);
    Array.prototype.forEach.call(boxes, function (box) {
      observer.observe(box);
      if (box.firstElementChild) observer.observe(box.firstElementChild);
    });
  } else {
    window.addEventListener("resize", stops);
    document.addEventListener("toggle", stops, true); // a box in a disclosure is measured once it opens
  }

  // A link focused inside a box that scrolls sideways (the hex map on a narrow screen) is
  // brought into view: browsers do not scroll to a link inside an SVG on their own.
  Array.prototype.forEach.call(document.querySelectorAll(".figure__scroll"), function (box) {
    box.addEventListener("focusin", function (event) {
      if (event.target !== box) event.target.scrollIntoView({block: "nearest", inline: "nearest"});
    });
  });
  // A hexagon shows only a letter; the one the keyboard is on is named in words just below
  // it, as a pointer's tooltip names it, where the eye already is: a line under the map was
  // off the screen while the keyboard was on its upper half. Screen readers hear the link's
  // own name instead. The listeners are on the map's box, not the SVG: Chromium makes an
  // SVG element with a focus listener a tab stop of its own.
  var named = document.querySelector(".map-focus");
  var map = document.querySelector("svg.hexmap");
  if (named && map && map.parentNode) {
    var figure = named.parentNode;
    map.parentNode.addEventListener("focusin", function (event) {
      var link = map.contains(event.target) && event.target.closest ? event.target.closest("a") : null;
      var title = link ? link.querySelector("title") : null;
      // The name and grade; a list of judgements in brackets stays in the link's own name,
      // where it does not cover the map.
      named.textContent = title ? title.textContent.replace(/ \(.*\)$/, "") : "";
      if (!title) return;
      var hex = link.getBoundingClientRect();
      var box = figure.getBoundingClientRect();
      named.style.top = (hex.bottom - box.top + 4) + "px";
      // Under the hexagon, moved left where it would run past the map's right edge; measured
      // at the left edge first, where it has its widest, so that moving it breaks no line.
      named.style.left = "0";
      var room = box.width - named.getBoundingClientRect().width;
      named.style.left = Math.floor(Math.max(0, Math.min(hex.left - box.left, room))) + "px";
      // The browser brought the hexagon into view, not the name under it, which was below
      // the window's foot for many hexagons on a short or zoomed screen.
      named.scrollIntoView({block: "nearest", inline: "nearest"});
    });
    map.parentNode.addEventListener("focusout", function () { named.textContent = ""; });
    // It covers the hexagons below it: Escape puts it away, as a tooltip is (WCAG 1.4.13).
    map.parentNode.addEventListener("keydown", function (event) {
      if (event.key === "Escape") named.textContent = "";
    });
  }

  // A text clamped to a few lines offers itself in full (data-full names the link's
  // paragraph) by its length alone without JavaScript; here, only where it is cut short at
  // the width the page has now.
  var clamped = document.querySelectorAll("[data-full]");
  function offerWhereCut() {
    Array.prototype.forEach.call(clamped, function (text) {
      var full = document.getElementById(text.dataset.full);
      if (full) full.hidden = text.scrollHeight <= text.clientHeight + 1;
    });
  }
  if (clamped.length) {
    offerWhereCut();
    if (window.ResizeObserver) {
      // Measured again whenever the page's text reflows, not only when the window is
      // resized: a reader's own text spacing or zoom, applied after the page loaded, may cut
      // a text that fitted (WCAG 1.4.12). In the next frame: showing a link reflows the page.
      var pending = false;
      var reflowed = new ResizeObserver(function () {
        if (pending) return;
        pending = true;
        window.requestAnimationFrame(function () { pending = false; offerWhereCut(); });
      });
      reflowed.observe(document.body);
      Array.prototype.forEach.call(clamped, function (text) { reflowed.observe(text); });
    } else {
      window.addEventListener("resize", offerWhereCut);
    }
  }
})();
