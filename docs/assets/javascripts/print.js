// What a printout says beyond the page (declaration.css, print): the day it was printed, in the
// print header (main.html gives it its place and label), written as the site writes its dates
// (the page's locale: en_GB, fr_FR); and the full address of each link to the site, which the
// stylesheet writes after the link (data-absolute-href), resolved against the page's canonical
// address, so that a printed address leads to the published page, not to wherever the page was
// read. Without this script, the header lacks the day and the site's links print no address.
addEventListener("beforeprint", () => {
  // The day as a <time>, made here: an empty <time> in the page would be invalid HTML.
  const printed = document.querySelector(".dp-print-header .dp-print-header__printed");
  if (printed) {
    const locale = document.querySelector("meta[property='og:locale']")?.content.replace("_", "-");
    const today = new Date();
    const day = document.createElement("time");
    day.dateTime = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map((part) => String(part).padStart(2, "0")).join("-");
    day.textContent = today.toLocaleDateString(locale || document.documentElement.lang, { dateStyle: "long" });
    printed.replaceChildren(day);
  }
  const canonical = document.querySelector("link[rel=canonical]")?.href;
  if (!canonical) return;
  for (const link of document.querySelectorAll("article a[href]:not([href^='#'], [href*=':'])")) {
    if (!link.closest(".dp-term")) link.dataset.absoluteHref = new URL(link.getAttribute("href"), canonical).href;
  }
});
