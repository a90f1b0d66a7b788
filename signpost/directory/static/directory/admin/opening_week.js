// Typing a time into a day marked "Closed" or "Open 24 hours" chooses "Open at these times".
// Without JavaScript the form says plainly that the choice and the times disagree.
document.addEventListener("input", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.closest(".signpost-week__time")) return;
  if (!input.value.trim()) return;
  const day = input.closest(".signpost-week__day");
  const open = day && day.querySelector('input[type="radio"][value="open"]');
  if (open && !open.checked) {
    open.checked = true;
    open.dispatchEvent(new Event("change", { bubbles: true }));
  }
});
