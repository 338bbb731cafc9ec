// upcoming-meetings, iframe mode: on the embedding page, sizes every
// <iframe data-upcoming-meetings-frame> to the height its widget reports.
// Load it once on the page: <script src="https://…/embed-resize.js" defer></script>
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "upcoming-meetings:height") return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height < 0 || height > 100000) return;
  for (const frame of document.querySelectorAll("iframe[data-upcoming-meetings-frame]")) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  }
});
