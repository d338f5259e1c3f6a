// Material's script (search, palette toggle, menus, table-of-contents tracking) is not needed to
// read a page: the page renders, switches language and shows glossary tooltips without it.
// It loads on the reader's first interaction instead of with the page, so that a phone's first
// load carries the text, not 50 KB of script and the search index ("import on interaction").
// The header works from the first paint all the same: the search button and the palette toggle
// are shown at once (declaration.css), and until Material's script is ready, their first tap
// does here what Material would do.
(() => {
  const root = document.documentElement;
  const events = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll", "focusin"];
  const ready = () => root.dataset.dpMaterial === "ready";
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
          root.dataset.dpMaterial = "ready";
        });
      }
      placeholder.replaceWith(script);
    });
  };
  for (const event of events) addEventListener(event, load, { capture: true, passive: true });

  // The search button checks Material's search toggle by itself (a label), which opens the
  // search; the field takes the focus within the tap, the one moment a phone opens its keyboard
  // for it. Material reads the toggle and the field as it finds them when it mounts.
  document.addEventListener("click", (event) => {
    if (!ready() && event.target.closest?.(".md-header__button[for=__search]")) {
      document.querySelector(".md-search__input")?.focus();
    }
  });

  // The palette toggle checks the other palette's option by itself (a label): its colours are
  // set, and stored as Material stores them (__md_set, from its inline script), so that Material
  // mounts on the reader's choice.
  document.addEventListener("change", (event) => {
    const input = event.target.closest?.("[data-md-component=palette] input");
    if (ready() || !input) return;
    const color = {};
    for (const key of ["media", "scheme", "primary", "accent"]) {
      color[key] = input.getAttribute(`data-md-color-${key}`);
      document.body.setAttribute(`data-md-color-${key}`, color[key]);
    }
    __md_set("__palette", { index: [...input.form.querySelectorAll("input")].indexOf(input), color });
  });
})();
