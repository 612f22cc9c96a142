/* The handler's pages; every page works without this. */
(function () {
  "use strict";
  // conclude: choosing an outcome fills in the article usually cited, unless the handler wrote one
  var data = document.getElementById("basis-suggestions");
  var outcome = document.getElementById("id_outcome");
  var basis = document.getElementById("id_basis");
  if (data && outcome && basis) {
    var suggestions = JSON.parse(data.textContent);
    var last = "";
    outcome.addEventListener("change", function () {
      if (basis.value === "" || basis.value === last) {
        last = suggestions[outcome.value] || "";
        basis.value = last;
      }
    });
  }
  // notices: the print button
  var print = document.querySelector("[data-print]");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
})();
