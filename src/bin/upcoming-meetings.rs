//! `upcoming-meetings`: the feed publisher's command line. `check` a feed as the widget reads
//! it, `render` it to static HTML or `ics` to a calendar, `import csv` a spreadsheet into a feed.
//! Each command's `--help` says the rest; the work is done in `upcoming_meetings::tools` and
//! `upcoming_meetings::static_page`.
//! A native tool: built for wasm32 (as `cargo test --target wasm32-…` does) it is empty.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::{DateTime, Utc};
    use clap::{Parser, Subcommand, ValueEnum};
    use std::{process::ExitCode, sync::Arc};
    use upcoming_meetings::model::export::ics;
    use upcoming_meetings::model::feed::links::host_of;
    use upcoming_meetings::model::feed::read::parse_feed;
    use upcoming_meetings::model::feed::types::Feed;
    use upcoming_meetings::model::listing::Listing;
    use upcoming_meetings::model::places::cities::slug;
    use upcoming_meetings::model::words::i18n::Lang;
    use upcoming_meetings::publisher::{check, import_csv, import_ics, source, written_feed};
    use upcoming_meetings::static_page::{listings_html, page_html, Output};

    #[derive(Parser)]
    #[command(
        name = "upcoming-meetings",
        version,
        about = "Check, render and make feeds for the upcoming-meetings widget."
    )]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Makes a feed from a spreadsheet or a calendar.
        #[command(subcommand)]
        Import(Import),
        /// Lists every problem the widget would find in a feed, where it is and how to fix it,
        /// then warnings the widget shows no sign of.
        ///
        /// Exit status: 0 when the widget would show everything (warnings allowed), 1 when it
        /// would leave something out or refuse the feed, 2 when the feed cannot be read at all
        /// (no such file, a failed download, not UTF-8 text).
        #[command(
            after_help = concat!(
                "Example:\n",
                "  upcoming-meetings check public/feed.json\n",
                "  upcoming-meetings check https://chapter.example/feed.json --format json"
            )
        )]
        Check {
            /// The feed: a file, an http(s) address, or - for standard input.
            feed: String,
            /// human (default) or json (one object per line, for scripts).
            #[arg(long, value_enum, default_value = "human")]
            format: Format,
            /// The time to judge "past" by (RFC 3339); default: now.
            #[arg(long, value_parser = instant)]
            now: Option<DateTime<Utc>>,
        },
        /// Writes every upcoming meeting (or a city's) as one iCalendar file, which a calendar
        /// can import or subscribe to. Times are in UTC; a date-only meeting is an all-day
        /// event; a meeting with no date is left out.
        #[command(
            after_help = concat!(
                "Example:\n",
                "  upcoming-meetings ics public/feed.json --city new-york --out new-york.ics"
            )
        )]
        Ics {
            /// The feed: a file, an http(s) address, or - for standard input.
            feed: String,
            /// Only this city (its name, or its slug as in the widget's ?city=).
            #[arg(long)]
            city: Option<String>,
            /// Write here instead of standard output.
            #[arg(long)]
            out: Option<String>,
            /// The feed's address, whose host makes each event's UID (default: the FEED address,
            /// or the publisher's url); keep it the same so that calendars update events.
            #[arg(long)]
            origin: Option<String>,
            /// Meetings past at this time (RFC 3339) are left out; default: now.
            #[arg(long, value_parser = instant)]
            now: Option<DateTime<Utc>>,
        },
        /// Renders a feed to static HTML with the widget's own views and stylesheet: a whole
        /// page, or with --prerender the markup to put inside the widget's element.
        #[command(
            after_help = "Example:\n  upcoming-meetings render public/feed.json --out meetings.html"
        )]
        Render {
            /// The feed: a file, an http(s) address, or - for standard input.
            feed: String,
            /// Write here instead of standard output.
            #[arg(long)]
            out: Option<String>,
            /// Only the widget's markup, for inside `<div data-upcoming-meetings>`.
            #[arg(long)]
            prerender: bool,
            /// The page's language: en, de, fr, es, pt or tr (a region, pt-BR, finds its language).
            #[arg(long, default_value = "en", value_parser = lang)]
            lang: Lang,
            /// Meetings past at this time (RFC 3339) are left out; default: now.
            #[arg(long, value_parser = instant)]
            now: Option<DateTime<Utc>>,
        },
    }

    #[derive(Subcommand)]
    enum Import {
        /// A spreadsheet saved as CSV, one row per meeting under a header row, written as a feed
        /// on standard output. Columns (any order, any case): campaign, campaign_title and city
        /// are required; date (2027-04-19 or April 19, 2027), time (19:00, 7:00 pm, 7pm or TBA),
        /// end_time, time_zone, venue, room, street, region, postal_code, country, title, kind,
        /// status, speakers, rsvp_url, rsvp_label, note, lat, lon, meeting_id, campaign_summary
        /// and campaign_url may follow. A row that cannot be read is named on standard error
        /// and left out (exit status 1); the rest is converted.
        #[command(
            after_help = concat!(
                "Example:\n",
                "  upcoming-meetings import csv meetings.csv ",
                "--time-zone America/Detroit > feed.json"
            )
        )]
        Csv {
            /// The sheet, saved as CSV (comma-separated, UTF-8), or - for standard input.
            sheet: String,
            /// The venues' zone, for rows without a time_zone cell (an IANA name: Europe/Berlin).
            #[arg(long)]
            time_zone: Option<String>,
        },
        /// A calendar exported as .ics (Google Calendar: Settings › Import & export › Export),
        /// written as one campaign of a feed on standard output. Times with a TZID keep their
        /// zone; an all-day event becomes a date-only meeting; LOCATION becomes the place (the
        /// city read from the address, or --city); SUMMARY the title, URL an RSVP link, UID a
        /// stable id, STATUS:CANCELLED a cancelled meeting. A repeating event (RRULE, RDATE,
        /// EXDATE) becomes a meeting for each of its dates from now until --until, a changed
        /// instance in place of its date. An event it cannot place is named on standard error
        /// (exit status 1).
        #[command(
            after_help = concat!(
                "Example:\n",
                "  upcoming-meetings import ics chapter.ics --campaign fall-lectures ",
                "--title \"Fall lectures\" --city Detroit > feed.json"
            )
        )]
        Ics {
            /// The calendar file, or - for standard input.
            calendar: String,
            /// The campaign's id in the feed (a short name that stays the same).
            #[arg(long)]
            campaign: String,
            /// The campaign's title.
            #[arg(long)]
            title: String,
            /// The city of events whose LOCATION names none.
            #[arg(long)]
            city: Option<String>,
            /// The zone of floating times (without a TZID or Z) in a calendar that names no zone
            /// of its own (X-WR-TIMEZONE): an IANA name, Europe/Berlin.
            #[arg(long)]
            time_zone: Option<String>,
            /// A repeating event's dates up to this date (2027-06-30, to its end in UTC) or time
            /// (RFC 3339); default: a year after --now.
            #[arg(long, value_parser = instant_or_day)]
            until: Option<DateTime<Utc>>,
            /// A repeating event's dates from this time (RFC 3339); earlier ones are past and left
            /// out. Default: now.
            #[arg(long, value_parser = instant)]
            now: Option<DateTime<Utc>>,
        },
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Human,
        Json,
    }

    fn instant(text: &str) -> Result<DateTime<Utc>, String> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| format!("not an RFC 3339 time ({e}): 2027-04-19T12:00:00Z"))
    }

    fn instant_or_day(text: &str) -> Result<DateTime<Utc>, String> {
        match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) => Ok(day.and_hms_opt(23, 59, 59).expect("a valid time").and_utc()),
            Err(_) => instant(text).map_err(|_| {
                "a date (2027-06-30) or an RFC 3339 time (2027-06-30T12:00:00Z)".to_string()
            }),
        }
    }

    fn lang(text: &str) -> Result<Lang, String> {
        Lang::from_tag(text).ok_or_else(|| {
            format!("one of {}", Lang::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>().join(", "))
        })
    }

    fn now_or(now: Option<DateTime<Utc>>) -> DateTime<Utc> {
        now.unwrap_or_else(|| DateTime::<Utc>::from(std::time::SystemTime::now()))
    }

    /// A failure to read or write: the message on standard error, exit status 2.
    fn fail(message: String) -> ExitCode {
        eprintln!("upcoming-meetings: {message}");
        ExitCode::from(2)
    }

    /// A feed read and parsed as the widget reads it, or why it cannot be.
    fn read_feed(feed: &str) -> Result<Feed, String> {
        parse_feed(&source::read(feed)?).map_err(|e| {
            format!(
                "{feed}: the widget cannot read this feed ({e:?}); \
                 `upcoming-meetings check {feed}` says why"
            )
        })
    }

    /// Standard output. A reader that stops reading early (`| head`) ends the output quietly,
    /// as command-line tools do (where `print!` would panic), and the command keeps its own
    /// exit status; any other failure to write is one.
    fn emit(text: &str) -> Result<(), String> {
        use std::io::{ErrorKind, Write};
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(format!("standard output: {e}")),
            _ => Ok(()),
        }
    }

    /// Writes a command's output to `out`, or to standard output.
    fn write(out: Option<String>, text: &str) -> Result<ExitCode, String> {
        match out {
            Some(path) => std::fs::write(&path, text).map_err(|e| format!("{path}: {e}"))?,
            None => emit(text)?,
        }
        Ok(ExitCode::SUCCESS)
    }

    /// An import's feed on standard output, its notes and what it left out on standard error;
    /// exit status 1 when something was left out.
    fn print_imported(
        source: &str,
        notes: &[String],
        left_out: Vec<String>,
        feed: &written_feed::Feed,
    ) -> Result<ExitCode, String> {
        for note in notes {
            eprintln!("{source}: {note}");
        }
        for what in &left_out {
            eprintln!("{source}: {what}");
        }
        emit(&(feed.text() + "\n"))?;
        Ok(ExitCode::from(u8::from(!left_out.is_empty())))
    }

    fn run(command: Command) -> Result<ExitCode, String> {
        Ok(match command {
            Command::Check { feed, format, now } => {
                let report = check::check(&source::read(&feed)?, now_or(now));
                let name = if feed == "-" { "<stdin>" } else { feed.as_str() };
                match format {
                    Format::Human => emit(&check::human(&report, name))?,
                    Format::Json => emit(&check::json_lines(&report, name))?,
                }
                ExitCode::from(report.exit_code())
            }
            Command::Import(Import::Csv { sheet, time_zone }) => {
                let imported = import_csv::import(&source::read(&sheet)?, time_zone.as_deref())
                    .map_err(|e| format!("{sheet}: {e}"))?;
                let left_out = imported
                    .errors
                    .iter()
                    .map(|e| format!("row {}: left out: {}", e.row, e.reason))
                    .collect();
                print_imported(&sheet, &imported.notes, left_out, &imported.feed)?
            }
            Command::Import(Import::Ics {
                calendar,
                campaign,
                title,
                city,
                time_zone,
                until,
                now,
            }) => {
                let now = now_or(now);
                let until = until.unwrap_or(now + chrono::Duration::days(365));
                let at = |t: DateTime<Utc>| {
                    jiff::Timestamp::from_second(t.timestamp()).map_err(|e| e.to_string())
                };
                let window = import_ics::Window { from: at(now)?, until: at(until)? };
                let settings = import_ics::Settings {
                    campaign: &campaign,
                    title: &title,
                    city: city.as_deref(),
                    time_zone: time_zone.as_deref(),
                    window,
                };
                let imported = import_ics::import(&source::read(&calendar)?, &settings)
                    .map_err(|e| format!("{calendar}: {e}"))?;
                let left_out = imported.errors.iter().map(|e| format!("left out: {e}")).collect();
                print_imported(&calendar, &imported.notes, left_out, &imported.feed)?
            }
            Command::Ics { feed, city, out, origin, now } => {
                let parsed = read_feed(&feed)?;
                let origin =
                    origin.or(Some(feed.clone()).filter(|f| f.starts_with("http"))).or(parsed
                        .publisher
                        .as_ref()
                        .and_then(|p| p.url.as_ref())
                        .map(|u| u.as_str().to_string()));
                let host = origin
                    .as_deref()
                    .and_then(host_of)
                    .unwrap_or_else(|| "upcoming-meetings.invalid".to_string());
                let now = now_or(now);
                let listing = Listing::new(parsed, now);
                let chosen = match &city {
                    Some(name) => Some(listing.city_by_slug(&slug(name)).ok_or_else(|| {
                        format!(
                            "{feed}: no city {name:?}; it has {}",
                            listing
                                .cities
                                .iter()
                                .map(|c| c.label.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })?),
                    None => None,
                };
                write(out, &ics::calendar(listing.upcoming(chosen, None), &host, now))?
            }
            Command::Render { feed, out, prerender, lang, now } => {
                let parsed = read_feed(&feed)?;
                if !parsed.problems.is_empty() {
                    eprintln!(
                        "{feed}: {} problems; `upcoming-meetings check {feed}` lists them",
                        parsed.problems.len()
                    );
                }
                let listing = Arc::new(Listing::new(parsed, now_or(now)));
                write(
                    out,
                    &if prerender {
                        listings_html(listing, lang, Output::Prerender)
                    } else {
                        page_html(listing, lang)
                    },
                )?
            }
        })
    }

    pub fn main() -> ExitCode {
        run(Cli::parse().command).unwrap_or_else(fail)
    }
}
