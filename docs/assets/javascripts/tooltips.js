// Glossary tooltips (drawn by CSS on hover and focus) can be dismissed without moving the
// pointer or the focus: Escape closes the open one until the pointer or focus leaves it
// (WCAG 1.4.13).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const term of document.querySelectorAll(".dp-term:hover, .dp-term:focus-within")) {
    term.classList.add("dp-term--dismissed");
  }
});
for (const leave of ["mouseleave", "focusout"]) {
  document.addEventListener(leave, (event) => {
    const term = event.target.closest && event.target.closest(".dp-term");
    if (term && !term.matches(":hover, :focus-within")) term.classList.remove("dp-term--dismissed");
  }, true);
}
