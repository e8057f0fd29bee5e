//! What TimelineJS JSON and its spreadsheet CSV have in common: slides with year/month/day
//! dates, HTML text, media and a group, turned into the events, sources and eras of a set.

use std::borrow::Cow;

use crate::model::article_set::{ArticleSet, EraRecord, EventRecord};
use crate::model::category::Category;
use crate::model::date::PartialDate;
use crate::model::event_record::EventHead;
use crate::model::load_error::{JsonPath, Problem, TextPosition};
use crate::model::message_text::{quoted, shorten};

use super::html_text::{line_from_html, plain_text_from_html, single_line, text_from_html};
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
    /// Item `index` of the top-level array `key` (`$.events[3]`), made into a path only when
    /// there is something to say about it.
    TopLevelItem { key: &'static str, index: usize },
    /// A spreadsheet row (the header is row 1) and where it starts.
    Csv { row: usize, position: TextPosition },
}

impl Origin {
    pub fn warn(&self, report: &mut ImportReport, message: impl FnOnce() -> String) {
        match self {
            Origin::Json(path) => report.warn_at(path, message),
            Origin::TopLevelItem { key, index } => {
                report.warn_at(&JsonPath::root().key(key).index(*index), message);
            }
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

/// The day of a date that gives a day but no month (`{"year": "2014", "day": "5"}`), as
/// written; such a date is read as its year alone, and the readers say so.
pub fn day_without_month(month: &DatePart, day: &DatePart) -> Option<String> {
    if *month != DatePart::Missing {
        return None;
    }
    match day {
        DatePart::Missing => None,
        DatePart::Number(day) => Some(day.to_string()),
        DatePart::TooLarge(text) => Some(text.clone()),
    }
}

/// The warning for a date with a day but no month: `subject` names the slide or era, `which`
/// is "start" or "end".
pub fn day_without_month_warning(subject: &str, which: &str, day: &str) -> String {
    format!(
        "{subject}: its {which} date gives day {day} but no month; it is read as the year alone"
    )
}

fn year_out_of_range(year: &str) -> String {
    format!("year {year} is outside the years 1 to 9999 that Chronoscope dates can hold")
}

/// A slide's media, as written (HTML in caption and credit).
#[derive(Clone, Debug, Default)]
pub struct SlideMedia<'a> {
    pub url: Cow<'a, str>,
    pub caption: Cow<'a, str>,
    pub credit: Cow<'a, str>,
}

/// One event slide, dates already read; its texts borrowed from the file where they can be.
#[derive(Clone, Debug)]
pub struct Slide<'a> {
    pub origin: Origin,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// Plain text such as "Spring 1943", shown instead of the date by TimelineJS.
    pub display_date: Cow<'a, str>,
    /// HTML.
    pub headline: Cow<'a, str>,
    /// HTML.
    pub text: Cow<'a, str>,
    pub media: Option<SlideMedia<'a>>,
    pub group: Cow<'a, str>,
    pub unique_id: Cow<'a, str>,
}

/// A slide turned into an event's texts: all that depends on the slide alone, so that it can
/// be done on the thread that reads the file. [`TimelineBuilder::add_prepared`] gives it its
/// id and source.
pub struct PreparedSlide<'a> {
    origin: Origin,
    start: PartialDate,
    end: Option<PartialDate>,
    title: Cow<'a, str>,
    summary: Cow<'a, str>,
    /// One line; the event's tag.
    group: Cow<'a, str>,
    category: Category,
    /// The slide's `unique_id`, trimmed; empty for none.
    wanted_id: Cow<'a, str>,
    media_link: Option<MediaLink<'a>>,
    /// What to say about the slide, in order (rarely anything).
    warnings: Vec<String>,
}

impl PreparedSlide<'_> {
    /// Notes that the slide's `which` date ("start", "end") gave day `day` but no month.
    pub fn note_day_without_month(&mut self, which: &str, day: &str) {
        let warning = day_without_month_warning(&quoted(&self.title), which, day);
        self.warnings.push(warning);
    }

    /// The same slide owning its texts, to outlive the row it was read from.
    pub fn into_owned(self) -> PreparedSlide<'static> {
        let owned = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        PreparedSlide {
            origin: self.origin,
            start: self.start,
            end: self.end,
            title: owned(self.title),
            summary: owned(self.summary),
            group: owned(self.group),
            category: self.category,
            wanted_id: owned(self.wanted_id),
            media_link: self.media_link.map(|link| MediaLink {
                url: owned(link.url),
                outlet: owned(link.outlet),
                caption: owned(link.caption),
            }),
            warnings: self.warnings,
        }
    }
}

/// One step of building a set, as a reader on another thread hands it to the builder.
pub enum BuildStep<'a> {
    Event(PreparedSlide<'a>),
    /// An era (headline as HTML).
    Era {
        origin: Origin,
        headline: String,
        start: PartialDate,
        end: PartialDate,
    },
    /// The title slide (HTML).
    Title {
        headline: String,
        text: String,
    },
    /// Something to say, such as why a slide was skipped.
    Warning(Origin, String),
}

/// Media that link somewhere: the source of the event.
struct MediaLink<'a> {
    url: Cow<'a, str>,
    outlet: Cow<'a, str>,
    /// The source's title: the caption, else the event's title.
    caption: Cow<'a, str>,
}

impl<'a> Slide<'a> {
    /// The event's texts: HTML made plain, a title for an untitled slide, the display date in
    /// the summary, embedded media as text, the group as category.
    pub fn prepare(self) -> PreparedSlide<'a> {
        let mut warnings = Vec::new();
        let headline = keeping_borrow(&self.headline, line_from_html);
        let mut summary = keeping_borrow(&self.text, text_from_html);
        let display_date = keeping_borrow(&self.display_date, single_line);
        let title = if !headline.is_empty() {
            headline
        } else if let Some(first_line) = summary.lines().find(|line| !line.trim().is_empty()) {
            Cow::Owned(shorten(first_line, MAX_TITLE_CHARS))
        } else if !display_date.is_empty() {
            display_date.clone()
        } else {
            Cow::Borrowed("Untitled slide")
        };
        if !display_date.is_empty() {
            summary = if summary.is_empty() {
                display_date
            } else {
                Cow::Owned(format!("{display_date} — {summary}"))
            };
        }

        let mut end = self.end;
        if let Some(end_date) = end
            && end_date.end_days() <= self.start.start_days()
        {
            warnings.push(format!(
                "{}: the end date {} is before the start date {}; the end is left out",
                quoted(&title),
                end_date.to_iso(),
                self.start.to_iso()
            ));
            end = None;
        }

        let mut media_link = None;
        if let Some(media) = &self.media {
            let url = keeping_borrow(&media.url, |url| Cow::Borrowed(url.trim()));
            if url.starts_with('<') || url.contains(char::is_whitespace) {
                // Embedded HTML (a blockquote, an iframe) rather than a link: keep its words.
                let embedded = text_from_html(&url);
                if !embedded.is_empty() {
                    summary = if summary.is_empty() {
                        Cow::Owned(embedded.into_owned())
                    } else {
                        Cow::Owned(format!("{summary}\n\n{embedded}"))
                    };
                }
            } else if !url.is_empty() {
                let credit = keeping_borrow(&media.credit, line_from_html);
                let outlet = if !credit.is_empty() {
                    credit
                } else {
                    match &url {
                        Cow::Borrowed(url) => Cow::Borrowed(url_host(url).unwrap_or(url)),
                        Cow::Owned(url) => Cow::Owned(url_host(url).unwrap_or(url).to_owned()),
                    }
                };
                let caption = keeping_borrow(&media.caption, line_from_html);
                let caption = if caption.is_empty() {
                    title.clone()
                } else {
                    caption
                };
                media_link = Some(MediaLink {
                    url,
                    outlet,
                    caption,
                });
            }
        }

        let group = keeping_borrow(&self.group, single_line);
        let category = Category::ALL
            .into_iter()
            .find(|category| category.as_str().eq_ignore_ascii_case(&group))
            .unwrap_or(Category::Other);
        PreparedSlide {
            origin: self.origin,
            start: self.start,
            end,
            title,
            summary,
            group,
            category,
            wanted_id: keeping_borrow(&self.unique_id, |id| Cow::Borrowed(id.trim())),
            media_link,
            warnings,
        }
    }
}

/// `clean` applied to a text that may borrow from the file, still borrowing from the file
/// where `clean` borrows from its input.
fn keeping_borrow<'a>(
    text: &Cow<'a, str>,
    clean: impl for<'t> Fn(&'t str) -> Cow<'t, str>,
) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(text) => clean(text),
        Cow::Owned(text) => Cow::Owned(clean(text).into_owned()),
    }
}

/// Builds an article set from slides, one at a time.
pub struct TimelineBuilder {
    set: ArticleSet,
    event_ids: UniqueIds,
    sources: SourceRegistry,
    /// The note every source made from media gets (media carry no publication date).
    source_notes: String,
}

impl TimelineBuilder {
    /// `file_kind` names the kind of file in source notes: "TimelineJS file".
    pub fn new(default_title: &str, file_kind: &str) -> Self {
        Self {
            set: ArticleSet::new(default_title),
            event_ids: UniqueIds::default(),
            sources: SourceRegistry::default(),
            source_notes: format!(
                "The {file_kind} gives no publication date; this is the date of the earliest \
                 event showing this media."
            ),
        }
    }

    /// Sets the set's title and description from a title slide (HTML).
    pub fn set_title_slide(&mut self, headline: &str, text: &str) {
        let title = line_from_html(headline);
        if !title.is_empty() {
            self.set.title = title.into_owned();
        }
        self.set.description = plain_text_from_html(text);
    }

    /// Takes one step a reader handed over.
    pub fn apply(&mut self, step: BuildStep<'_>, report: &mut ImportReport) {
        match step {
            BuildStep::Event(slide) => self.add_prepared(slide, report),
            BuildStep::Era {
                origin,
                headline,
                start,
                end,
            } => self.add_era(&origin, &headline, start, end, report),
            BuildStep::Title { headline, text } => self.set_title_slide(&headline, &text),
            BuildStep::Warning(origin, warning) => origin.warn(report, || warning),
        }
    }

    /// Adds a prepared slide as an event: gives it its id and its source.
    pub fn add_prepared(&mut self, slide: PreparedSlide<'_>, report: &mut ImportReport) {
        for warning in slide.warnings {
            slide.origin.warn(report, || warning);
        }
        let wanted_id = slide.wanted_id.as_ref();
        let numbered_id;
        let id = if wanted_id.is_empty() {
            numbered_id = format!("tl-{}", self.set.events.len() + 1);
            self.event_ids.claim(&numbered_id)
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
        // A numbered id, or a stated one that another slide took first, is the importer's.
        let id_made_up = wanted_id.is_empty() || id != wanted_id;
        let notes = &self.source_notes;
        let source_id = slide.media_link.map(|link| {
            self.sources.cite(&link.url, slide.start, || NewSource {
                outlet: link.outlet.into_owned(),
                title: link.caption.into_owned(),
                url: Some(link.url.clone().into_owned()),
                notes: notes.clone(),
            })
        });
        let head = EventHead {
            id: &id,
            date: slide.start,
            end: slide.end,
            title: &slide.title,
            summary: &slide.summary,
            category: slide.category,
            approximate: false,
            reference: None,
        };
        let no_actors: [&str; 0] = [];
        let tags = (!slide.group.is_empty()).then_some(&*slide.group);
        let mut event = EventRecord::from_parts(head, no_actors, tags, source_id);
        if id_made_up {
            event.mark_id_made_up();
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
        let mut title = line_from_html(headline).into_owned();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("date")
    }

    fn number(n: i64) -> DatePart {
        DatePart::Number(n)
    }

    fn slide(headline: &str) -> Slide<'static> {
        Slide {
            origin: Origin::Json(JsonPath::root().key("events").index(0)),
            start: date("1963-08-09"),
            end: None,
            display_date: Cow::Borrowed(""),
            headline: Cow::Owned(headline.to_owned()),
            text: Cow::Borrowed(""),
            media: None,
            group: Cow::Borrowed(""),
            unique_id: Cow::Borrowed(""),
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
            url: "https://example.org/a.jpg".into(),
            caption: "".into(),
            credit: "".into(),
        });
        first.group = "Diplomacy".into();
        let mut second = slide("Later");
        second.start = date("1960");
        second.media = first.media.clone();
        second.group = "Music".into();
        builder.add_prepared(first.prepare(), &mut report);
        builder.add_prepared(second.prepare(), &mut report);
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
            repeated.unique_id = "same".into();
            builder.add_prepared(repeated.prepare(), &mut report);
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
        untitled.text = "<p>First line</p><p>second</p>".into();
        untitled.end = Some(date("1900"));
        untitled.display_date = "Summer".into();
        builder.add_prepared(untitled.prepare(), &mut report);
        let set = builder.finish();
        assert_eq!(set.events[0].title(), "First line");
        assert_eq!(set.events[0].summary(), "Summer — First line\n\nsecond");
        assert_eq!(set.events[0].end, None);
        assert_eq!(report.warning_lines().len(), 1);
    }
}
