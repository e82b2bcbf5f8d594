// Wires the crash banner's button without the Wasm module, which cannot run
// again after a panic has aborted it.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("crash-reload");
  if (button) {
    button.addEventListener("click", function () { window.location.reload(); });
  }
});
