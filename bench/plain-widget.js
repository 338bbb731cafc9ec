// The benchmark's plain-JavaScript widget (make bench, section 2): what a few lines of script do
// with the same feed, the comparator the first-paint module is held to at 5,000 meetings. It
// fetches the feed its element names, parses it with the browser's JSON.parse, and writes each
// campaign as a card with its first 20 upcoming meetings (date, time and zone as Intl writes them
// at the venue, title, place) as text, into the element: no checks, no cities, no filter, no
// language but English. A JSON feed must arrive whole before any of it can be read.
for (const host of document.querySelectorAll("[data-plain-widget]")) {
  fetch(host.dataset.feed)
    .then((r) => r.json())
    .then((feed) => {
      const now = Date.parse(globalThis.UPCOMING_MEETINGS_NOW ?? new Date().toISOString());
      const el = (tag, className, text) => {
        const e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined) e.textContent = text;
        return e;
      };
      const cards = [];
      for (const campaign of feed.campaigns ?? []) {
        const card = el("article", "um-card");
        card.append(el("h2", "um-card-title", campaign.title));
        const list = el("ol", "um-meetings");
        const upcoming = (campaign.meetings ?? [])
          .filter((m) => !m.start || Date.parse(m.start) >= now)
          .sort((a, b) => (a.start ?? "").localeCompare(b.start ?? ""))
          .slice(0, 20);
        for (const m of upcoming) {
          const when = m.start
            ? new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeStyle: "short", timeZone: m.time_zone }).format(new Date(m.start))
            : "Date TBA";
          const item = el("li", "um-meeting");
          item.append(el("p", "um-when", when), el("h3", "um-meeting-title", m.title ?? m.place?.name ?? m.place?.city ?? ""));
          item.append(el("p", "um-where", [m.place?.street, m.place?.city].filter(Boolean).join(", ")));
          list.append(item);
        }
        card.append(list);
        cards.push(card);
      }
      host.replaceChildren(...cards);
      performance.mark("upcoming-meetings:listings");
    });
}
