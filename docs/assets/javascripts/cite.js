// The copy buttons of the full text's passage menus. Without this script, each passage's menu
// holds its permanent link and its citation, to copy by hand; with it, two buttons copy the
// permanent address (the page's canonical address, and the passage's anchor) or the citation,
// and say so: on the button for a moment, and to screen readers. Escape closes an open menu.
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

  // Where the clipboard refuses (an insecure origin, a refused permission, some in-app browsers),
  // what was to be copied is selected instead, ready for the reader's own copy: the citation, or
  // the address within it.
  const select = (citation, text) => {
    const node = citation.firstChild;
    const start = node.textContent.indexOf(text);
    const range = document.createRange();
    if (start < 0) range.selectNodeContents(citation);
    else {
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
    }
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  };

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-dp-copy]");
    if (!button) return;
    const row = button.closest(".dp-row");
    const citation = row.querySelector(".dp-citation");
    const text = button.dataset.dpCopy === "link"
      ? new URL(row.querySelector(".dp-permalink").getAttribute("href"), canonical).href
      : citation.textContent;
    try {
      await navigator.clipboard.writeText(text);
      copied(button);
    } catch {
      select(citation, text);
    }
  });

  document.addEventListener("keydown", (event) => {
    const menu = event.key === "Escape" && event.target.closest?.(".dp-actions[open]");
    if (!menu) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });
})();
