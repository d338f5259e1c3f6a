// Material's script (search, palette toggle, menus, table-of-contents tracking) is not needed to
// read a page: the page renders, switches language and shows glossary tooltips without it.
// It loads on the reader's first interaction instead of with the page, so that a phone's first
// load carries the text, not 50 KB of script and the search index ("import on interaction").
(() => {
  const events = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll", "focusin"];
  const load = () => {
    for (const event of events) removeEventListener(event, load, true);
    const inert = [...document.querySelectorAll("script[data-on-interaction]")];
    inert.forEach((placeholder, index) => {
      const script = document.createElement("script");
      script.src = placeholder.dataset.onInteraction;
      script.async = false; // in document order, as they were written
      if (index === inert.length - 1) {
        // Material mounts its components on DOMContentLoaded, long past by now; then the page
        // says so (data-dp-material="ready"), for whoever waits on it, the browser tests included.
        script.addEventListener("load", () => {
          document.dispatchEvent(new Event("DOMContentLoaded"));
          document.documentElement.dataset.dpMaterial = "ready";
        });
      }
      placeholder.replaceWith(script);
    });
  };
  for (const event of events) addEventListener(event, load, { capture: true, passive: true });
})();
