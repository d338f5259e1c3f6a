// Glossary tooltips can be dismissed without moving the pointer or the focus (WCAG 1.4.13):
// Material shows them on hover and on focus, but Escape left them open.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const tooltip of document.querySelectorAll(".md-tooltip2--active")) {
    tooltip.classList.remove("md-tooltip2--active");
  }
});
