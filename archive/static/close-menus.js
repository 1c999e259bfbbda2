// Datasette's _close_open_menus.html, as a file so that the CSP can forbid inline scripts.
document.body.addEventListener("click", (ev) => {
  /* Close any open details elements that this click is outside of */
  let target = ev.target;
  let detailsClickedWithin = null;
  while (target && target.tagName != "DETAILS") {
    target = target.parentNode;
  }
  if (target && target.tagName == "DETAILS") {
    detailsClickedWithin = target;
  }
  Array.from(document.getElementsByTagName("details"))
    .filter((details) => details.open && details != detailsClickedWithin)
    .forEach((details) => (details.open = false));
});
