// The copy-link and cite controls of the full text. Without this script, each passage has its
// permanent link and a "Cite" disclosure that shows its citation, to copy by hand; with it, two
// buttons copy the permanent address (the page's canonical address, and the passage's anchor)
// or the citation, and say so: on the button for a moment, and to screen readers.
(() => {
  const announce = document.querySelector(".dp-announce");
  const canonical = document.querySelector("link[rel=canonical]")?.href || location.href;
  for (const button of document.querySelectorAll("[data-dp-copy]")) button.hidden = false;

  const copied = (button) => {
    // The label before any copy: a second click within the moment must not keep "copied" for good.
    button.dataset.dpLabel ??= button.textContent;
    button.textContent = button.dataset.dpDone;
    if (announce) {
      // Emptied first: a screen reader announces a live region when its content changes.
      announce.textContent = "";
      setTimeout(() => { announce.textContent = button.dataset.dpDone; }, 50);
    }
    clearTimeout(button.dpReset);
    button.dpReset = setTimeout(() => { button.textContent = button.dataset.dpLabel; }, 2000);
  };

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-dp-copy]");
    if (!button) return;
    const row = button.closest(".dp-row");
    const text = button.dataset.dpCopy === "link"
      ? new URL(row.querySelector(".dp-permalink").getAttribute("href"), canonical).href
      : row.querySelector(".dp-citation").textContent;
    try {
      await navigator.clipboard.writeText(text);
      copied(button);
    } catch {
      // No clipboard (an insecure origin, a refused permission): select the citation instead,
      // ready to be copied by hand.
      const citation = row.querySelector(".dp-citation");
      row.querySelector(".dp-cite").open = true;
      getSelection().selectAllChildren(citation);
    }
  });
})();
