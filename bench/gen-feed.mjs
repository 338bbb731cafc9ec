// Writes a large, valid feed for the benchmark: 5,000 meetings in 400 cities across 25
// campaigns, from a fixed seed (the same file every time). Summer dates, so every offset is
// the one its zone has then.
//   node bench/gen-feed.mjs OUT.json [meetings=5000] [cities=400]
import { writeFileSync } from "node:fs";

const [out, meetingCount = "5000", cityCount = "400"] = process.argv.slice(2);
if (!out) throw new Error("usage: node bench/gen-feed.mjs OUT.json [meetings] [cities]");

let seed = 20270401;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(2, "0");

// Zones with their summer offset, and regions in them.
const ZONES = [
  ["America/New_York", "-04:00", ["NY", "MA", "PA", "NJ", "FL", "GA", "OH"]],
  ["America/Chicago", "-05:00", ["IL", "TX", "WI", "MN", "MO"]],
  ["America/Denver", "-06:00", ["CO", "UT", "NM"]],
  ["America/Los_Angeles", "-07:00", ["CA", "OR", "WA", "NV"]],
  ["Europe/Berlin", "+02:00", ["BE", "BY", "HH", "NW"]],
  ["Europe/London", "+01:00", ["ENG", "SCT", "WLS"]],
];
const FIRST = ["Spring", "River", "Oak", "Maple", "Cedar", "Lake", "Hill", "Fair", "Green", "Clear", "Pine", "Stone", "Mill", "Bridge", "Glen", "Ash", "Elm", "Rock", "Bay", "West"];
const LAST = ["field", "ton", "view", "dale", "wood", "port", "ford", "burg", "haven", "side"];

// 400 cities; the same name recurs in another region now and then ("Springfield, IL / MA").
const cities = [];
for (let i = 0; i < Number(cityCount); i++) {
  const [zone, offset, regions] = ZONES[i % ZONES.length];
  const name = `${FIRST[i % FIRST.length]}${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const region = regions[Math.floor(i / (FIRST.length * LAST.length)) % regions.length];
  cities.push({ name, region, zone, offset, country: zone.startsWith("Europe") ? (zone.endsWith("London") ? "GB" : "DE") : "US" });
}

const perCampaign = Math.ceil(Number(meetingCount) / 25);
const campaigns = [];
let made = 0;
for (let c = 0; c < 25; c++) {
  const meetings = [];
  for (let m = 0; m < perCampaign && made < Number(meetingCount); m++, made++) {
    const city = cities[made % cities.length];
    const month = 5 + Math.floor(random() * 4); // May to August
    const day = 1 + Math.floor(random() * 28);
    const hour = 12 + Math.floor(random() * 8);
    const start = `2027-${pad(month)}-${pad(day)}T${pad(hour)}:${pick(["00", "30"])}:00${city.offset}`;
    const meeting = {
      id: `m${m}`,
      start,
      end: `2027-${pad(month)}-${pad(day)}T${pad(hour + 2)}:00:00${city.offset}`,
      time_zone: city.zone,
      place: {
        city: city.name,
        region: city.region,
        country: city.country,
        name: `${pick(["Community Hall", "Student Union", "Public Library", "Union Hall", "Town Hall"])} ${1 + (m % 9)}`,
        room: `Room ${100 + Math.floor(random() * 400)}`,
        street: `${1 + Math.floor(random() * 999)} ${pick(FIRST)} ${pick(["St", "Ave", "Rd", "Blvd"])}`,
        postal_code: String(10000 + Math.floor(random() * 89999)),
      },
    };
    if (random() < 0.5) meeting.rsvp = [{ label: "Facebook Event Page", url: `https://www.facebook.com/events/${100000 + made}/`, kind: "rsvp" }];
    if (random() < 0.1) meeting.status = "cancelled";
    if (random() < 0.05) meeting.kind = "rally";
    meetings.push(meeting);
  }
  campaigns.push({
    id: `campaign-${c}`,
    title: `Campaign ${c + 1}: ${pick(["Against war", "For public education", "Defend democratic rights", "What is socialism?", "The water crisis"])}`,
    kind: pick(["campaign", "lecture series"]),
    summary: "A paragraph about the campaign, long enough to fold on a phone. ".repeat(4) + "\n\nA second paragraph.",
    links: [{ label: "Get involved", url: "https://example.org/join", kind: "contact" }],
    meetings,
  });
}

writeFileSync(out, JSON.stringify({ version: 1, publisher: { name: "Benchmark feed" }, campaigns }, null, 1));
console.log(`${out}: ${made} meetings in ${cities.length} cities, ${campaigns.length} campaigns`);
