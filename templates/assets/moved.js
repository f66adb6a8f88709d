// A page at an authority's old address: go on to its new address at once, keeping the part
// after # (a link to a section, or a feed entry's link), which the page's refresh would drop.
// Without JavaScript the refresh alone takes the reader there.
(function () {
  var refresh = document.querySelector('meta[http-equiv="refresh"]');
  var target = refresh && refresh.getAttribute("content").split("url=")[1];
  if (target) location.replace(target + location.hash);
})();
