//! Inputs that once took time quadratic in their size: each is timed at two sizes, and the
//! larger may take at most a few times as long as the smaller (linear time gives 4 for four
//! times the input, quadratic 16). Never absolute times: these run in debug builds on busy
//! machines.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use chronoscope::article_import::{ArticleImport, ArticleMetadata, import_article, to_article_set};
use chronoscope::explore::lanes::LaneMode;
use chronoscope::explore::time_view::TimeView;
use chronoscope::explorer::Explorer;
use chronoscope::export::{ImageFormat, RenderOptions, render, view_between};
use chronoscope::filter::Filter;
use chronoscope::import::import_bytes;
use chronoscope::model::dataset::Dataset;
use chronoscope::model::{ArticleSet, EraRecord, PartialDate};

/// One measurement at a time: tests run on parallel threads, and two timings sharing the
/// machine's cores would disturb each other.
static MEASURING: Mutex<()> = Mutex::new(());

/// The time of `runs` runs of `operation`.
fn time_of(runs: u32, operation: &dyn Fn()) -> Duration {
    let start = Instant::now();
    for _ in 0..runs {
        operation();
    }
    start.elapsed()
}

/// How many times the small and the large input are timed, by turns (so that a busy spell
/// of the machine slows both alike); the shortest time of each counts.
const TRIES: usize = 5;

/// A measurement shorter than this is lost in the noise of the clock and the scheduler.
const SHORTEST_MEASUREMENT: Duration = Duration::from_millis(20);

/// Times `operation` on `make(n)` and `make(growth * n)` (each run enough times for the
/// smaller to take [`SHORTEST_MEASUREMENT`], [`TRIES`] times); panics when the larger input
/// takes `limit` times as long or longer.
fn assert_time_grows_less_than<T>(
    what: &str,
    n: usize,
    growth: usize,
    limit: u32,
    make: impl Fn(usize) -> T,
    operation: impl Fn(&T),
) {
    let (small, large) = (make(n), make(growth * n));
    let _alone = MEASURING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // A first run warms caches and the allocator; the next say how long one run takes.
    operation(&small);
    let once = (0..3)
        .map(|_| time_of(1, &|| operation(&small)))
        .min()
        .unwrap_or_default()
        .max(Duration::from_micros(1));
    let runs = (SHORTEST_MEASUREMENT.as_secs_f64() / once.as_secs_f64()).ceil() as u32;
    let runs = runs.clamp(1, 1000);
    let (mut small_time, mut large_time) = (Duration::MAX, Duration::MAX);
    for _ in 0..TRIES {
        small_time = small_time.min(time_of(runs, &|| operation(&small)));
        large_time = large_time.min(time_of(runs, &|| operation(&large)));
    }
    // Shown with --nocapture, and with a failure.
    eprintln!(
        "{what}: {runs} × size {n}: {small_time:?}; {runs} × size {}: {large_time:?}",
        growth * n
    );
    assert!(
        large_time < small_time * limit,
        "{what}: size {n} took {small_time:?}, size {} took {large_time:?}: {limit} times as \
         long or more",
        growth * n
    );
}

/// Linear time takes 4 times as long for 4 times the input; quadratic 16. 10 leaves room
/// for a busy machine.
fn assert_linear<T>(what: &str, n: usize, make: impl Fn(usize) -> T, operation: impl Fn(&T)) {
    assert_time_grows_less_than(what, n, 4, 10, make, operation);
}

/// A TimelineJS file whose ignored key `nested` holds arrays `depth` deep, before a slide
/// that is skipped with a warning (its month does not exist), which needs a line:column.
fn deeply_nested_timelinejs(depth: usize) -> String {
    format!(
        r#"{{"title": {{"text": {{"headline": "Deep"}}}}, "nested": {}{}, "events": [
  {{"start_date": {{"year": "2020", "month": "13"}}, "text": {{"headline": "Skipped"}}}},
  {{"start_date": {{"year": "2021"}}, "text": {{"headline": "Kept"}}}}]}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

#[test]
fn deep_nesting_before_a_skipped_timelinejs_slide_is_read_in_linear_time() {
    let text = deeply_nested_timelinejs(3);
    let imported = import_bytes("deep.json", text.as_bytes()).expect("imports");
    assert_eq!(
        imported.warnings,
        ["deep.json:2:3: $.events[0]: skipped \"Skipped\": month 13 does not exist"]
    );
    assert_linear(
        "TimelineJS JSON nested deep",
        20_000,
        deeply_nested_timelinejs,
        |text| {
            let imported = import_bytes("deep.json", text.as_bytes()).expect("imports");
            assert_eq!(imported.warnings.len(), 1);
        },
    );
}

/// A TimelineJS sheet of `rows` events whose lines end in a lone carriage return.
fn timelinejs_csv_with_cr_endings(rows: usize) -> String {
    let mut text = String::from("Year,Month,Day,Headline,Text\r");
    for row in 0..rows {
        let year = 1900 + row % 100;
        text.push_str(&format!(
            "{year},{},1,Row {row},Text of row {row}\r",
            1 + row % 12
        ));
    }
    text
}

#[test]
fn a_timelinejs_sheet_with_carriage_return_line_endings_is_read_in_linear_time() {
    let imported =
        import_bytes("cr.csv", timelinejs_csv_with_cr_endings(3).as_bytes()).expect("imports");
    assert_eq!(imported.set.events.len(), 3);
    assert_linear(
        "TimelineJS CSV with CR line endings",
        5_000,
        timelinejs_csv_with_cr_endings,
        |text| {
            let imported = import_bytes("cr.csv", text.as_bytes()).expect("imports");
            assert_eq!(imported.set.events.len(), text.matches('\r').count() - 1);
        },
    );
}

#[test]
fn an_error_late_in_a_carriage_return_sheet_names_its_line() {
    let mut text = timelinejs_csv_with_cr_endings(3);
    text.push_str("1999,May,1,Bad month,x\r");
    let error = import_bytes("cr.csv", text.as_bytes()).expect_err("a bad month");
    assert_eq!(
        error.to_string(),
        "cr.csv:5:6: row 5, column `Month`: expected a whole number, found \"May\""
    );
}

/// A TimelineJS file of `slides` slides that all want the same `unique_id`.
fn slides_with_one_unique_id(slides: usize) -> String {
    let slide = r#"{"start_date": {"year": "2020"}, "unique_id": "same"}"#;
    format!(r#"{{"events": [{}]}}"#, vec![slide; slides].join(","))
}

#[test]
fn slides_that_all_want_one_unique_id_get_their_ids_in_linear_time() {
    let imported =
        import_bytes("same.json", slides_with_one_unique_id(3).as_bytes()).expect("imports");
    let ids: Vec<&str> = imported.set.events.iter().map(|e| e.id()).collect();
    assert_eq!(ids, ["same", "same-2", "same-3"]);
    assert_linear(
        "repeated unique_id",
        2_000,
        slides_with_one_unique_id,
        |text| {
            let imported = import_bytes("same.json", text.as_bytes()).expect("imports");
            assert_eq!(imported.set.events.len(), text.matches("same").count());
        },
    );
}

/// The lines of the TimelineJS sheet fixture (quotes, years, headlines), repeated to about
/// `bytes` and joined by `separator`.
fn sheet_lines(bytes: usize, separator: char) -> String {
    let sheet = include_str!("fixtures/import/timeline.csv");
    let mut text = String::new();
    for line in sheet.lines().filter(|line| !line.is_empty()).cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(line);
        text.push(separator);
    }
    text
}

fn import_of(text: &str) -> ArticleImport {
    let given = ArticleMetadata {
        published: NaiveDate::from_ymd_opt(2022, 3, 20),
        ..ArticleMetadata::default()
    };
    import_article(text, &given)
}

fn import_as_set(text: &str) -> ArticleSet {
    let import = import_of(text);
    let accepted = vec![true; import.proposed_events.len()];
    to_article_set(&import, &accepted, "sheet.txt").expect("a valid set")
}

#[test]
fn an_article_of_carriage_return_lines_is_imported_in_linear_time() {
    let set = import_as_set(&sheet_lines(2_000, '\r'));
    assert!(set.events.len() > 10, "{} events", set.events.len());
    assert_linear(
        "article of CR-joined CSV lines",
        20_000,
        |bytes| sheet_lines(bytes, '\r'),
        |text| {
            import_as_set(text);
        },
    );
}

#[test]
fn one_long_sentence_with_many_quotes_and_dates_is_imported_in_linear_time() {
    let import = import_of(&sheet_lines(10_000, ' '));
    let quotes = import.quotes.len() + import.scare_quotes.len();
    assert!(quotes > 10 && import.mentions.len() > 10, "{quotes} quotes");
    assert_linear(
        "article of one long sentence",
        20_000,
        |bytes| sheet_lines(bytes, ' '),
        |text| {
            import_as_set(text);
        },
    );
}

/// A TimelineJS file with one slide whose text has `pairs` stray `<` before a single `>`.
fn slide_text_with_stray_angle_brackets(pairs: usize) -> String {
    let text = format!("{}>", "a < b ".repeat(pairs));
    format!(r#"{{"events": [{{"start_date": {{"year": "2020"}}, "text": {{"text": "{text}"}}}}]}}"#)
}

#[test]
fn stray_angle_brackets_in_slide_text_are_read_in_linear_time() {
    assert_linear(
        "HTML text with stray <",
        20_000,
        slide_text_with_stray_angle_brackets,
        |text| {
            let imported = import_bytes("angles.json", text.as_bytes()).expect("imports");
            assert!(imported.set.events[0].summary().ends_with("a < b >"));
        },
    );
}

/// An explorer of a set with `count` eras one after the other over a century (each
/// narrower than a point of the picture), in the four era colours by turn.
fn explorer_with_eras(count: usize) -> Explorer {
    let mut set = ArticleSet::new("Eras");
    let first = PartialDate::parse("1900-01-01")
        .expect("a date")
        .first_day();
    let days = (36_500 / count.max(1)).max(1) as u64;
    let day = |days: u64| {
        let day = first + chrono::Days::new(days);
        PartialDate::parse(&day.to_string()).expect("a date")
    };
    set.eras = (0..count as u64)
        .map(|index| EraRecord {
            id: format!("era-{index}"),
            title: format!("Era {index}"),
            start: day(index * days),
            end: day(index * days + days - 1),
            color: None,
        })
        .collect();
    let dataset = Dataset::from_article_set("eras.json", set);
    Explorer::new(dataset, Filter::default(), LaneMode::Category, false)
}

/// A narrow, tall picture: drawing each era costs its height, so eras outweigh the rest.
fn picture_options() -> RenderOptions {
    RenderOptions {
        width_points: 100.0,
        height_points: 300.0,
        ..RenderOptions::default()
    }
}

fn century() -> TimeView {
    let from = PartialDate::parse("1900").expect("a date");
    let to = PartialDate::parse("1999").expect("a date");
    view_between(from, to).expect("a range")
}

#[test]
fn eras_narrower_than_a_point_are_drawn_as_a_few_rectangles() {
    let svg = render(
        &explorer_with_eras(5_000),
        century(),
        &picture_options(),
        ImageFormat::Svg,
    )
    .expect("renders");
    let rectangles = String::from_utf8_lossy(&svg).matches("<rect").count();
    // Two per point of width at most, whatever the number of eras.
    assert!(rectangles < 2 * 100, "{rectangles} rectangles");
}

#[test]
fn a_picture_of_sixteen_times_as_many_narrow_eras_costs_about_the_same() {
    // Drawn one by one, sixteen times the eras took over four times as long (in a debug
    // build); merged into what a point of the picture shows, about as long.
    assert_time_grows_less_than(
        "PNG of narrow eras",
        500,
        16,
        3,
        explorer_with_eras,
        |explorer| {
            render(explorer, century(), &picture_options(), ImageFormat::Png).expect("renders");
        },
    );
}

#[test]
fn stale_phrases_of_one_long_sentence_take_linear_time() {
    let published = NaiveDate::from_ymd_opt(2025, 11, 18).unwrap_or_default();
    assert_linear(
        "stale phrases of one sentence",
        1_000,
        |n| "as the war enters its second winter, nearly two-year-long war, ".repeat(n),
        |text| {
            let findings = chronoscope::checks::check_article(text, published, None);
            assert!(!findings.is_empty());
        },
    );
}

/// A set of `n` events, each citing its own outlet, and `n` quotes that share most words.
fn set_of_similar_quotes(n: usize) -> Dataset {
    let sources: Vec<String> = (0..n)
        .map(|i| {
            format!(r#"{{"id":"s{i}","outlet":"Outlet {i}","title":"T","published":"2022-03-20"}}"#)
        })
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"e{i}","date":"2022-03-{:02}","title":"Event {i}","summary":"S","category":"diplomacy","actors":["Speaker {i}"],"sources":["s{i}"]}}"#,
                i % 28 + 1
            )
        })
        .collect();
    let quotes: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"q{i}","text":"We are ready to meet at the leaders level soon, said for the {i} time","speaker":"Speaker {i}","source":"s{i}","verified":{}}}"#,
                i % 2 == 0
            )
        })
        .collect();
    let json = format!(
        r#"{{"format":"chronoscope-article-set","version":1,"title":"Similar","sources":[{}],"events":[{}],"quotes":[{}]}}"#,
        sources.join(","),
        events.join(","),
        quotes.join(",")
    );
    let imported = import_bytes("similar.json", json.as_bytes()).expect("the set loads");
    Dataset::from_article_set("similar.json", imported.set)
}

#[test]
fn dataset_checks_of_many_similar_quotes_take_linear_time() {
    assert_linear(
        "checks of a set of similar quotes",
        500,
        set_of_similar_quotes,
        |dataset| {
            let findings = chronoscope::checks::check_dataset(dataset);
            assert!(!findings.is_empty());
        },
    );
}
