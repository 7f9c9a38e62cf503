// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Guard against double submits: disable a form's buttons once it is sent.
  // Disabling waits a tick: the browser leaves a disabled button's name and
  // value out of the form data, and some forms have several submit buttons
  // (preview / confirm) that the server tells apart by that name.
  document.querySelectorAll("form[data-once]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
      setTimeout(() => {
        form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
      }, 0);
    });
  });
  // Type-ahead: an input with data-lookup fills its datalist from that URL as
  // one types (the page works without it: the server filters on the text).
  document.querySelectorAll("input[data-lookup]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2 || !list) return;
      timer = setTimeout(async () => {
        const response = await fetch(`${input.dataset.lookup}?q=${encodeURIComponent(q)}`, {credentials: "same-origin"});
        if (!response.ok) return;
        const {names} = await response.json();
        list.replaceChildren(...names.map((name) => Object.assign(document.createElement("option"), {value: name})));
      }, 200);
    });
  });
  // Ask before irreversible actions.
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (event) => {
      if (!window.confirm(el.dataset.confirm)) event.preventDefault();
    });
  });
  // A table that scrolls sideways (on a phone) must be reachable by keyboard
  // (WCAG 2.1.1): while it overflows, its wrapper is a named, focusable region.
  const headings = Array.from(document.querySelectorAll("main h1, main h2, main h3"));
  document.querySelectorAll(".table-responsive").forEach((region) => {
    if (region.hasAttribute("tabindex")) return; // the template made it focusable itself
    const caption = region.querySelector("caption");
    const before = headings.filter((h) => h.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING);
    const label = (caption || before[before.length - 1] || document.querySelector("h1") || {}).textContent;
    const sync = () => {
      if (region.scrollWidth > region.clientWidth) {
        region.tabIndex = 0;
        region.setAttribute("role", "region");
        if (label) region.setAttribute("aria-label", label.trim());
      } else {
        region.removeAttribute("tabindex");
        region.removeAttribute("role");
        region.removeAttribute("aria-label");
      }
    };
    sync();
    if (window.ResizeObserver) new ResizeObserver(sync).observe(region);
  });
});
