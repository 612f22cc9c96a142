/* Small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  // The receipt-date label follows the channel (law.md §1: 提交日期 / 签收日期 / 确认日期).
  var meta = document.getElementById("date-labels");
  var channel = document.getElementById("id_channel");
  if (meta && channel) {
    var data = JSON.parse(meta.textContent);
    var label = document.querySelector("label[for=id_received_on]");
    var help = document.querySelector("#field-received_on .help");
    var sync = function () {
      if (label && data.labels[channel.value]) { label.textContent = data.labels[channel.value]; }
      if (help && data.help[channel.value]) { help.textContent = data.help[channel.value]; }
    };
    channel.addEventListener("change", sync);
    sync();
  }
  // A form is sent once: a second click while the first is on its way (a double-click on 登记) would
  // register the application twice. Back on the page from the browser's cache, it can be sent again.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "").toLowerCase() !== "post") { return; }
    if (form.dataset.sending) { event.preventDefault(); return; }
    form.dataset.sending = "1";
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.querySelectorAll("form[data-sending]").forEach(function (form) {
        delete form.dataset.sending;
      });
    }
  });
  // Ctrl+Enter saves any form (the hotline form is built for the keyboard).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var form = event.target && event.target.form;
      if (form) { event.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.submit(); }
    }
  });
})();
