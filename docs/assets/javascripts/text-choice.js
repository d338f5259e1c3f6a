// The reader's choice, on a translated page, of the French, the translation or both: kept across
// pages with Material's stored preferences (its __md_get and __md_set, defined before this runs),
// and set before the first paint as data-dp-show on <html>, from which the stylesheet shows the
// choice's buttons, the pressed one and the languages chosen: nothing moves once the page is
// drawn. So this script loads in <head>. Without it, the buttons stay hidden and both languages
// are shown.
(() => {
  const KEY = "dp-show";
  const root = document.documentElement;
  const press = () => {
    for (const button of document.querySelectorAll(".dp-choice > button")) {
      button.setAttribute("aria-pressed", String(button.dataset.dpShow === root.dataset.dpShow));
    }
  };
  let stored = null;
  try { stored = __md_get(KEY); } catch { /* no storage: both, as without a choice */ }
  root.dataset.dpShow = ["original", "translation"].includes(stored) ? stored : "both";
  addEventListener("DOMContentLoaded", press);
  document.addEventListener("click", (event) => {
    const button = event.target.closest(".dp-choice > button");
    if (!button) return;
    root.dataset.dpShow = button.dataset.dpShow;
    __md_set(KEY, button.dataset.dpShow);
    press();
  });
})();
