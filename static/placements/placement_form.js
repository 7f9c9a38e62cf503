// Placement form: show only the workplace supervisors of the chosen host.
// Without JavaScript every supervisor is listed and the server checks the choice.
document.addEventListener("DOMContentLoaded", () => {
  const host = document.getElementById("id_host");
  const lists = [document.getElementById("id_workplace_supervisors"), document.getElementById("id_primary_supervisor")];
  if (!host || lists.some((l) => !l)) return;
  const filter = () => {
    const option = host.options[host.selectedIndex];
    const suffix = option && option.value ? `(${option.text})` : null;
    lists.forEach((list) => {
      Array.from(list.options).forEach((o) => {
        if (!o.value) return;
        const match = !suffix || o.text.endsWith(suffix);
        o.hidden = !match;
        if (!match) o.selected = false;
      });
    });
  };
  host.addEventListener("change", filter);
  filter();
});
