// Switching language keeps the reader's place: a page's anchors (passages, sentences, headings)
// are the same in every language, so the language switcher's links carry the one the reader is
// at. Without this script they lead to the top of the other language's page.
(() => {
  const carry = () => {
    for (const link of document.querySelectorAll(".md-select__link[hreflang]")) link.hash = location.hash;
  };
  carry();
  addEventListener("hashchange", carry);
})();
