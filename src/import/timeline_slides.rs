//! What TimelineJS JSON and its spreadsheet CSV have in common: slides with year/month/day
//! dates, HTML text, media and a group, turned into the events, sources and eras of a set.

use crate::model::article_set::{ArticleSet, EraRecord, EventRecord};
use crate::model::category::Category;
use crate::model::date::PartialDate;
use crate::model::load_error::{JsonPath, Problem, TextPosition};

use super::html_text::{plain_text_from_html, single_line};
use super::report::ImportReport;
use super::source_registry::{NewSource, SourceRegistry, url_host};
use super::unique_ids::UniqueIds;

/// A title made from a slide's text is cut to this many characters.
const MAX_TITLE_CHARS: usize = 80;

/// Where a slide is in its file, for messages.
#[derive(Clone, Debug)]
pub enum Origin {
    /// A JSON path (its line:column is looked up when the report is finished).
    Json(JsonPath),
    /// A spreadsheet row (the header is row 1) and where it starts.
    Csv { row: usize, position: TextPosition },
}

impl Origin {
    pub fn warn(&self, report: &mut ImportReport, message: impl FnOnce() -> String) {
        match self {
            Origin::Json(path) => report.warn_at(path, message),
            Origin::Csv { row, position } => {
                report.warn(|| {
                    Problem::new(format!("row {row}: {}", message())).at_position(*position)
                });
            }
        }
    }
}

/// One part of a TimelineJS date (`year`, `month`, `day`), read from a number or a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatePart {
    /// Not given (absent, null or blank).
    Missing,
    /// A whole number.
    Number(i64),
    /// A whole number too large for any date, as written.
    TooLarge(String),
}

/// Reads a date part written as text: `"1963"`, `" 05 "`, `"-13800000000"`, `"1963.0"`.
/// `Err` when the text is no whole number.
pub fn parse_date_part(text: &str) -> Result<DatePart, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(DatePart::Missing);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()) {
        let unsigned = text.strip_prefix('+').unwrap_or(text);
        return Ok(unsigned
            .parse()
            .map_or_else(|_| DatePart::TooLarge(text.to_owned()), DatePart::Number));
    }
    match text.parse::<f64>() {
        Ok(number) if number.is_finite() && number.fract() == 0.0 => Ok(date_part_of_f64(number)),
        _ => Err(()),
    }
}

/// A whole JSON number as a date part (`Err` for a fraction).
pub fn date_part_of_number(number: &serde_json::Number) -> Result<DatePart, ()> {
    if let Some(whole) = number.as_i64() {
        return Ok(DatePart::Number(whole));
    }
    match number.as_f64() {
        Some(value) if value.is_finite() && value.fract() == 0.0 => Ok(date_part_of_f64(value)),
        _ => Err(()),
    }
}

fn date_part_of_f64(number: f64) -> DatePart {
    // Whole and within ±2^53, so the conversion is exact; beyond that no date is that far.
    if number.abs() < 9.0e15 {
        DatePart::Number(number as i64)
    } else {
        DatePart::TooLarge(number.to_string())
    }
}

/// The date a year, month and day stand for, at the finest precision given; `Err` says why
/// no date can hold it (the slide is then skipped).
pub fn slide_date(
    year: &DatePart,
    month: &DatePart,
    day: &DatePart,
) -> Result<PartialDate, String> {
    let year = match year {
        DatePart::Number(year) => *year,
        DatePart::TooLarge(text) => return Err(year_out_of_range(text)),
        DatePart::Missing => return Err("it has no year".to_owned()),
    };
    let Ok(year_i32) = i32::try_from(year) else {
        return Err(year_out_of_range(&year.to_string()));
    };
    if !(1..=9999).contains(&year_i32) {
        return Err(year_out_of_range(&year.to_string()));
    }
    let month = match month {
        DatePart::Missing => {
            return PartialDate::year(year_i32).ok_or_else(|| year_out_of_range(&year.to_string()));
        }
        DatePart::Number(month) if (1..=12).contains(month) => *month as u32,
        DatePart::Number(month) => return Err(format!("month {month} does not exist")),
        DatePart::TooLarge(text) => return Err(format!("month {text} does not exist")),
    };
    let day = match day {
        DatePart::Missing => {
            return PartialDate::month(year_i32, month)
                .ok_or_else(|| format!("month {month} does not exist"));
        }
        DatePart::Number(day) => *day,
        DatePart::TooLarge(text) => return Err(format!("day {text} does not exist")),
    };
    u32::try_from(day)
        .ok()
        .and_then(|day| PartialDate::day(year_i32, month, day))
        .ok_or_else(|| format!("day {day} does not exist in {year:04}-{month:02}"))
}

fn year_out_of_range(year: &str) -> String {
    format!("year {year} is outside the years 1 to 9999 that Chronoscope dates can hold")
}

/// A slide's media, as written (HTML in caption and credit).
#[derive(Clone, Debug, Default)]
pub struct SlideMedia {
    pub url: String,
    pub caption: String,
    pub credit: String,
}

/// One event slide, dates already read.
#[derive(Clone, Debug)]
pub struct Slide {
    pub origin: Origin,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// Plain text such as "Spring 1943", shown instead of the date by TimelineJS.
    pub display_date: String,
    /// HTML.
    pub headline: String,
    /// HTML.
    pub text: String,
    pub media: Option<SlideMedia>,
    pub group: String,
    pub unique_id: String,
}

/// Builds an article set from slides, one at a time.
pub struct TimelineBuilder {
    set: ArticleSet,
    event_ids: UniqueIds,
    sources: SourceRegistry,
    /// Names the kind of file in source notes: "TimelineJS file".
    file_kind: &'static str,
}

impl TimelineBuilder {
    pub fn new(default_title: &str, file_kind: &'static str) -> Self {
        Self {
            set: ArticleSet::new(default_title),
            event_ids: UniqueIds::default(),
            sources: SourceRegistry::default(),
            file_kind,
        }
    }

    /// Sets the set's title and description from a title slide (HTML).
    pub fn set_title_slide(&mut self, headline: &str, text: &str) {
        let title = single_line(&plain_text_from_html(headline));
        if !title.is_empty() {
            self.set.title = title;
        }
        self.set.description = plain_text_from_html(text);
    }

    pub fn add_event(&mut self, slide: Slide, report: &mut ImportReport) {
        let headline = single_line(&plain_text_from_html(&slide.headline));
        let mut summary = plain_text_from_html(&slide.text);
        let display_date = single_line(&slide.display_date);
        let title = if !headline.is_empty() {
            headline
        } else if let Some(first_line) = summary.lines().find(|line| !line.trim().is_empty()) {
            shorten(first_line, MAX_TITLE_CHARS)
        } else if !display_date.is_empty() {
            display_date.clone()
        } else {
            "Untitled slide".to_owned()
        };
        if !display_date.is_empty() {
            summary = if summary.is_empty() {
                display_date
            } else {
                format!("{display_date} — {summary}")
            };
        }

        let mut end = slide.end;
        if let Some(end_date) = end
            && end_date.end_days() <= slide.start.start_days()
        {
            slide.origin.warn(report, || {
                format!(
                    "{}: the end date {} is before the start date {}; the end is left out",
                    quoted(&title),
                    end_date.to_iso(),
                    slide.start.to_iso()
                )
            });
            end = None;
        }

        let wanted_id = slide.unique_id.trim();
        let id = if wanted_id.is_empty() {
            self.event_ids
                .claim(&format!("tl-{}", self.set.events.len() + 1))
        } else {
            let id = self.event_ids.claim(wanted_id);
            if id != wanted_id {
                slide.origin.warn(report, || {
                    format!(
                        "unique_id {} is used by an earlier slide; this event gets the id {}",
                        quoted(wanted_id),
                        quoted(&id)
                    )
                });
            }
            id
        };

        let mut source_id = None;
        if let Some(media) = &slide.media {
            let url = media.url.trim();
            if url.starts_with('<') || url.contains(char::is_whitespace) {
                // Embedded HTML (a blockquote, an iframe) rather than a link: keep its words.
                let embedded = plain_text_from_html(url);
                if !embedded.is_empty() {
                    summary = if summary.is_empty() {
                        embedded
                    } else {
                        format!("{summary}\n\n{embedded}")
                    };
                }
            } else if !url.is_empty() {
                let file_kind = self.file_kind;
                let id = self.sources.cite(url, slide.start, || NewSource {
                    outlet: source_outlet(&media.credit, url),
                    title: {
                        let caption = single_line(&plain_text_from_html(&media.caption));
                        if caption.is_empty() {
                            title.clone()
                        } else {
                            caption
                        }
                    },
                    url: Some(url.to_owned()),
                    notes: format!(
                        "The {file_kind} gives no publication date; this is the date of the \
                         earliest event showing this media."
                    ),
                });
                source_id = Some(id.to_owned());
            }
        }

        let group = single_line(&slide.group);
        let category = Category::parse(&group.to_lowercase()).unwrap_or(Category::Other);
        let mut event = EventRecord::new(&id, slide.start, &title, &summary, category);
        event.end = end;
        if !group.is_empty() {
            event.set_tags([group.as_str()]);
        }
        if let Some(source_id) = source_id {
            event.set_sources([source_id.as_str()]);
        }
        self.set.events.push(event);
    }

    /// Adds an era (headline as HTML); one ending before it starts is skipped with a warning.
    pub fn add_era(
        &mut self,
        origin: &Origin,
        headline: &str,
        start: PartialDate,
        end: PartialDate,
        report: &mut ImportReport,
    ) {
        let number = self.set.eras.len() + 1;
        let mut title = single_line(&plain_text_from_html(headline));
        if title.is_empty() {
            title = format!("Era {number}");
        }
        if end.end_days() <= start.start_days() {
            origin.warn(report, || {
                format!(
                    "era {} is skipped: its end {} is before its start {}",
                    quoted(&title),
                    end.to_iso(),
                    start.to_iso()
                )
            });
            return;
        }
        self.set.eras.push(EraRecord {
            id: format!("era-{number}"),
            title,
            start,
            end,
            color: None,
        });
    }

    pub fn finish(mut self) -> ArticleSet {
        self.set.sources = self.sources.into_sources();
        self.set
    }
}

/// A source's outlet: the media credit, else the URL's host, else the URL.
fn source_outlet(credit_html: &str, url: &str) -> String {
    let credit = single_line(&plain_text_from_html(credit_html));
    if !credit.is_empty() {
        return credit;
    }
    url_host(url).unwrap_or(url).to_owned()
}

/// User text in double quotes, shortened, for messages.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(&shorten(text, 60)).unwrap_or_default()
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("date")
    }

    fn number(n: i64) -> DatePart {
        DatePart::Number(n)
    }

    fn slide(headline: &str) -> Slide {
        Slide {
            origin: Origin::Json(JsonPath::root().key("events").index(0)),
            start: date("1963-08-09"),
            end: None,
            display_date: String::new(),
            headline: headline.to_owned(),
            text: String::new(),
            media: None,
            group: String::new(),
            unique_id: String::new(),
        }
    }

    #[test]
    fn date_parts_read_from_text() {
        assert_eq!(parse_date_part(" 05 "), Ok(number(5)));
        assert_eq!(parse_date_part("-13800000000"), Ok(number(-13_800_000_000)));
        assert_eq!(parse_date_part("1963.0"), Ok(number(1963)));
        assert_eq!(parse_date_part(""), Ok(DatePart::Missing));
        assert_eq!(
            parse_date_part("99999999999999999999"),
            Ok(DatePart::TooLarge("99999999999999999999".to_owned()))
        );
        assert_eq!(parse_date_part("1963.5"), Err(()));
        assert_eq!(parse_date_part("May"), Err(()));
    }

    #[test]
    fn the_precision_is_the_finest_part_given() {
        let missing = DatePart::Missing;
        assert_eq!(
            slide_date(&number(1963), &missing, &missing),
            Ok(date("1963"))
        );
        assert_eq!(
            slide_date(&number(1963), &number(8), &missing),
            Ok(date("1963-08"))
        );
        assert_eq!(
            slide_date(&number(1963), &number(8), &number(9)),
            Ok(date("1963-08-09"))
        );
    }

    #[test]
    fn dates_no_partial_date_can_hold_say_why() {
        let missing = DatePart::Missing;
        assert_eq!(
            slide_date(&number(-13_800_000_000), &missing, &missing),
            Err(
                "year -13800000000 is outside the years 1 to 9999 that Chronoscope dates can hold"
                    .to_owned()
            )
        );
        assert_eq!(
            slide_date(&number(2020), &number(13), &missing),
            Err("month 13 does not exist".to_owned())
        );
        assert_eq!(
            slide_date(&number(2023), &number(2), &number(30)),
            Err("day 30 does not exist in 2023-02".to_owned())
        );
    }

    #[test]
    fn a_slide_becomes_an_event_with_its_media_as_source_and_group_as_category() {
        let mut report = ImportReport::new("t");
        let mut builder = TimelineBuilder::new("T", "TimelineJS file");
        let mut first = slide("A <b>Musical</b> Heritage");
        first.media = Some(SlideMedia {
            url: "https://example.org/a.jpg".to_owned(),
            caption: String::new(),
            credit: String::new(),
        });
        first.group = "Diplomacy".to_owned();
        let mut second = slide("Later");
        second.start = date("1960");
        second.media = first.media.clone();
        second.group = "Music".to_owned();
        builder.add_event(first, &mut report);
        builder.add_event(second, &mut report);
        let set = builder.finish();
        assert_eq!(set.events[0].title(), "A Musical Heritage");
        assert_eq!(set.events[0].id(), "tl-1");
        assert_eq!(set.events[0].category, Category::Diplomacy);
        assert_eq!(set.events[1].category, Category::Other);
        assert_eq!(set.events[1].tags().to_vec(), ["Music"]);
        assert_eq!(set.sources.len(), 1);
        assert_eq!(set.sources[0].outlet, "example.org");
        assert_eq!(set.sources[0].title, "A Musical Heritage");
        assert_eq!(set.sources[0].published, date("1960"));
        assert_eq!(set.events[1].sources().to_vec(), ["src-1"]);
    }

    #[test]
    fn a_repeated_unique_id_is_made_unique_with_a_warning() {
        let mut report = ImportReport::new("t");
        let mut builder = TimelineBuilder::new("T", "TimelineJS file");
        for _ in 0..2 {
            let mut repeated = slide("x");
            repeated.unique_id = "same".to_owned();
            builder.add_event(repeated, &mut report);
        }
        let set = builder.finish();
        assert_eq!(set.events[1].id(), "same-2");
        assert_eq!(
            report.warning_lines(),
            [
                "t: $.events[0]: unique_id \"same\" is used by an earlier slide; this event gets the id \"same-2\""
            ]
        );
    }

    #[test]
    fn an_untitled_slide_is_named_by_its_text_and_an_end_before_the_start_is_dropped() {
        let mut report = ImportReport::new("t");
        let mut builder = TimelineBuilder::new("T", "TimelineJS file");
        let mut untitled = slide("");
        untitled.text = "<p>First line</p><p>second</p>".to_owned();
        untitled.end = Some(date("1900"));
        untitled.display_date = "Summer".to_owned();
        builder.add_event(untitled, &mut report);
        let set = builder.finish();
        assert_eq!(set.events[0].title(), "First line");
        assert_eq!(set.events[0].summary(), "Summer — First line\n\nsecond");
        assert_eq!(set.events[0].end, None);
        assert_eq!(report.warning_lines().len(), 1);
    }
}
