// Glossary tooltips. Without this script, the stylesheet shows a definition on hover and on focus,
// below its term, and the term is a link to the glossary. With it:
// - the definition is placed inside the window and within the text's column, so never over the
//   table of contents: below its term, or above it where there is no room below;
// - a tap or Enter on a term shows its definition, the next follows the link to the glossary (a
//   mouse shows it on hover, and a click follows at once);
// - Escape closes it, as do a tap elsewhere and focus leaving it; a definition shown on hover
//   stays closed until the pointer leaves it (WCAG 1.4.13).
(() => {
  const EDGE = 8; // px kept free between a definition and the edges of the window and the column
  document.documentElement.classList.add("dp-tooltips-js");
  let touch = false; // the last pointer was a finger or a pen: there is no hover to show a definition

  const place = (term) => {
    const link = term.querySelector("a");
    const tip = term.querySelector(".dp-tip");
    const column = (term.closest(".md-content__inner") || document.body).getBoundingClientRect();
    const left = Math.max(EDGE, column.left);
    const right = Math.min(innerWidth - EDGE, column.right);
    const top = (document.querySelector(".md-header")?.getBoundingClientRect().bottom || 0) + EDGE;
    tip.style.setProperty("--dp-tip-width", `${right - left}px`);
    tip.style.setProperty("--dp-tip-x", "0px");
    tip.style.setProperty("--dp-tip-y", "0px");
    tip.classList.add("dp-tip--placed");
    const anchor = link.getBoundingClientRect();
    const { width, height } = tip.getBoundingClientRect();
    // Touching its term: the pointer moves from one to the other without leaving both.
    const below = anchor.bottom;
    const above = anchor.top - height;
    let y = below;
    if (below + height > innerHeight - EDGE) {
      y = above >= top || anchor.top - top > innerHeight - anchor.bottom ? above : below;
      y = Math.max(top, Math.min(y, innerHeight - EDGE - height));
    }
    const x = Math.max(left, Math.min(anchor.left, right - width));
    tip.style.setProperty("--dp-tip-x", `${x}px`);
    tip.style.setProperty("--dp-tip-y", `${y}px`);
  };

  const close = (except) => {
    for (const term of document.querySelectorAll(".dp-term--open")) {
      if (term !== except) term.classList.remove("dp-term--open");
    }
  };

  const open = (term) => {
    close(term);
    term.classList.remove("dp-term--dismissed");
    term.classList.add("dp-term--open");
    place(term);
  };

  document.addEventListener("pointerdown", (event) => {
    touch = event.pointerType !== "mouse";
    close(event.target.closest?.(".dp-term"));
  }, true);

  document.addEventListener("mouseover", (event) => {
    const term = event.target.closest?.(".dp-term");
    if (term && !term.contains(event.relatedTarget)) place(term);
  });

  document.addEventListener("click", (event) => {
    const link = event.target.closest?.(".dp-term > a");
    if (!link || link.parentElement.classList.contains("dp-term--open")) return;
    if (event.detail > 0 && !touch) return; // a mouse click, after the hover that showed it
    event.preventDefault();
    open(link.parentElement);
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const term of document.querySelectorAll(".dp-term:hover, .dp-term--open")) {
      term.classList.remove("dp-term--open");
      term.classList.add("dp-term--dismissed");
    }
  });

  for (const leave of ["mouseleave", "focusout"]) {
    document.addEventListener(leave, (event) => {
      const term = event.target.closest?.(".dp-term");
      if (!term || term.contains(event.relatedTarget)) return;
      if (leave === "focusout") term.classList.remove("dp-term--open");
      if (!term.matches(":hover, :focus-within")) term.classList.remove("dp-term--dismissed");
    }, true);
  }

  // A placed definition is fixed in the window: it follows its term when the page moves.
  for (const move of ["scroll", "resize"]) {
    addEventListener(move, () => {
      for (const term of document.querySelectorAll(".dp-term--open, .dp-term:hover")) place(term);
    }, { passive: true });
  }
})();
