// Datasette's inline "DATASETTE_ALLOW_FACET = …" from table.html, read from a data attribute.
window.DATASETTE_ALLOW_FACET = document.currentScript.dataset.allowFacet === "true";
