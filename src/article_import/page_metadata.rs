//! What a saved web page states about its article, in order of trust: JSON-LD
//! (`NewsArticle`/`Article`, also inside `@graph` and arrays), OpenGraph and `article:*` meta
//! tags, `<time datetime>`, `<link rel=canonical>` and `<html lang>`.

use chrono::{DateTime, NaiveDate};
use dom_query::Document;
use serde_json::Value;

use super::dates::parse_published;

/// The article's metadata as the page states it; `None` where it does not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMetadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub modified: Option<NaiveDate>,
    /// The authors, as one line ("Jane Roe, John Doe").
    pub byline: Option<String>,
    /// Where the article lives (canonical URL).
    pub url: Option<String>,
    /// Language code, such as `en` or `pt-BR`.
    pub language: Option<String>,
}

impl PageMetadata {
    /// Each field from `self`, else from `fallback`.
    pub fn or(self, fallback: PageMetadata) -> PageMetadata {
        PageMetadata {
            title: self.title.or(fallback.title),
            outlet: self.outlet.or(fallback.outlet),
            published: self.published.or(fallback.published),
            modified: self.modified.or(fallback.modified),
            byline: self.byline.or(fallback.byline),
            url: self.url.or(fallback.url),
            language: self.language.or(fallback.language),
        }
    }
}

/// JSON-LD `@type`s that describe an article (schema.org's `Article` and its subtypes).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "ScholarlyArticle",
    "TechArticle",
];

/// How deep JSON-LD nesting is searched for an article (`@graph` in an array in …).
const MAX_JSON_LD_DEPTH: usize = 8;
/// At most this many JSON-LD blocks are read (a page has a handful).
const MAX_JSON_LD_BLOCKS: usize = 64;
/// Longest value taken from the page for a title, outlet or byline; longer ones are not metadata.
const MAX_FIELD_CHARS: usize = 400;

/// Meta tags (`property` or `name`, lower case) stating each field, most trusted first.
const TITLE_META: &[&str] = &["og:title", "twitter:title", "dc.title", "dcterms.title"];
const OUTLET_META: &[&str] = &["og:site_name", "application-name", "dc.publisher"];
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
];
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
];
const AUTHOR_META: &[&str] = &["author", "article:author", "dc.creator", "byl"];

/// Everything `document` states about its article (see the module's order of trust).
pub fn page_metadata(document: &Document) -> PageMetadata {
    let json_ld = json_ld_blocks(document)
        .iter()
        .find_map(article_metadata_in_json_ld)
        .unwrap_or_default();
    json_ld.or(tag_metadata(document))
}

/// The parsed JSON-LD blocks of the page; blocks that are no JSON are skipped.
fn json_ld_blocks(document: &Document) -> Vec<Value> {
    let Some(scripts) = document.try_select(r#"script[type="application/ld+json"]"#) else {
        return Vec::new();
    };
    scripts
        .iter()
        .take(MAX_JSON_LD_BLOCKS)
        .filter_map(|script| {
            let text = script.text();
            let text = text.trim();
            let text = text
                .strip_prefix("//<![CDATA[")
                .or_else(|| text.strip_prefix("<![CDATA["))
                .unwrap_or(text);
            let text = text
                .strip_suffix("//]]>")
                .or_else(|| text.strip_suffix("]]>"))
                .unwrap_or(text);
            serde_json::from_str(text.trim()).ok()
        })
        .collect()
}

/// The metadata of the first article object in one JSON-LD block, if there is one.
pub fn article_metadata_in_json_ld(block: &Value) -> Option<PageMetadata> {
    let mut objects = Vec::new();
    collect_objects(block, 0, &mut objects);
    let article = objects.iter().copied().find(|object| is_article(object))?;
    // `@graph` blocks name the publisher and authors once and point at them by `@id`.
    let resolve = |value: &'_ Value| -> Value {
        match value.get("@id").and_then(Value::as_str) {
            Some(id) if value.get("name").is_none() => objects
                .iter()
                .find(|object| object.get("@id").and_then(Value::as_str) == Some(id))
                .map_or_else(|| value.clone(), |&object| object.clone()),
            _ => value.clone(),
        }
    };
    let string = |key: &str| article.get(key).and_then(Value::as_str).and_then(clean);
    let title = string("headline").or_else(|| string("name"));
    let published = string("datePublished").and_then(|text| parse_page_date(&text));
    let modified = string("dateModified").and_then(|text| parse_page_date(&text));
    let outlet = article.get("publisher").and_then(|publisher| {
        let publisher = match publisher {
            Value::Array(items) => items.first().map(&resolve)?,
            other => resolve(other),
        };
        name_of(&publisher)
    });
    let byline = article.get("author").and_then(|author| {
        let names: Vec<String> = match author {
            Value::Array(items) => items.iter().filter_map(|a| name_of(&resolve(a))).collect(),
            other => name_of(&resolve(other)).into_iter().collect(),
        };
        clean(&names.join(", "))
    });
    let url = string("url")
        .or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|page| page.get("@id").or(Some(page)))
                .and_then(Value::as_str)
                .and_then(clean)
        })
        .filter(|url| is_web_url(url));
    let language = string("inLanguage");
    Some(PageMetadata {
        title,
        outlet,
        published,
        modified,
        byline,
        url,
        language,
    })
}

/// Every object in `value`, depth first, through arrays and `@graph`.
fn collect_objects<'a>(value: &'a Value, depth: usize, objects: &mut Vec<&'a Value>) {
    if depth > MAX_JSON_LD_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_objects(item, depth + 1, objects);
            }
        }
        Value::Object(map) => {
            objects.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, depth + 1, objects);
            }
        }
        _ => {}
    }
}

/// Whether a JSON-LD object's `@type` (a string or a list) is an article type.
fn is_article(object: &Value) -> bool {
    let named = |name: &str| {
        let name = name.rsplit(['/', ':']).next().unwrap_or(name);
        ARTICLE_TYPES.contains(&name)
    };
    match object.get("@type") {
        Some(Value::String(name)) => named(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(named),
        _ => false,
    }
}

/// A person's or organisation's name: a string, or an object's `name`.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => clean(name),
        Value::Object(map) => map.get("name").and_then(Value::as_str).and_then(clean),
        _ => None,
    }
    .filter(|name| !is_web_url(name))
}

/// The value with its white space collapsed; `None` when blank or too long to be metadata.
fn clean(text: &str) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty() && collapsed.chars().count() <= MAX_FIELD_CHARS).then_some(collapsed)
}

fn is_web_url(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//")
}

/// What the page's tags state: meta tags, `<time datetime>`, the canonical link, `<html lang>`.
fn tag_metadata(document: &Document) -> PageMetadata {
    let meta: Vec<(String, String)> = document
        .try_select("meta[content]")
        .map(|tags| {
            tags.iter()
                .filter_map(|tag| {
                    let key = tag
                        .attr("property")
                        .or_else(|| tag.attr("name"))
                        .or_else(|| tag.attr("itemprop"))?;
                    let content = tag.attr("content")?;
                    Some((key.trim().to_ascii_lowercase(), content.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    let first = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            meta.iter()
                .filter(|(name, _)| name == key)
                .find_map(|(_, content)| clean(content))
        })
    };
    let first_date = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            meta.iter()
                .filter(|(name, _)| name == key)
                .find_map(|(_, content)| parse_page_date(content))
        })
    };
    let attribute = |selector: &str, name: &str| {
        document
            .try_select(selector)
            .and_then(|found| found.iter().find_map(|node| node.attr(name)))
            .and_then(|value| clean(&value))
    };
    let published = first_date(PUBLISHED_META).or_else(|| time_element_date(document));
    let url = attribute(r#"link[rel="canonical"]"#, "href")
        .or_else(|| first(&["og:url"]))
        .filter(|url| is_web_url(url));
    let language = attribute("html[lang]", "lang")
        .or_else(|| first(&["og:locale", "content-language", "dc.language"]))
        .or_else(|| attribute(r#"meta[http-equiv="content-language" i]"#, "content"))
        .map(|code| code.replace('_', "-"));
    PageMetadata {
        title: first(TITLE_META),
        outlet: first(OUTLET_META),
        published,
        modified: first_date(MODIFIED_META),
        byline: first(AUTHOR_META).filter(|name| !is_web_url(name)),
        url,
        language,
    }
}

/// The date of the page's publication `<time>`: one marked as such (`pubdate`,
/// `itemprop=datePublished`), else the first `<time datetime>` in an `<article>`, else the
/// first in the page.
fn time_element_date(document: &Document) -> Option<NaiveDate> {
    [
        "time[pubdate][datetime]",
        r#"time[itemprop="datePublished"][datetime]"#,
        "article time[datetime]",
        "time[datetime]",
    ]
    .iter()
    .find_map(|selector| {
        document.try_select(selector).and_then(|times| {
            times
                .iter()
                .find_map(|time| time.attr("datetime").and_then(|d| parse_page_date(&d)))
        })
    })
}

/// The day a page's date states: ISO 8601 (`2015-07-24T05:36:09+01:00`, the day as the page
/// writes it, in its own time zone), RFC 2822, or a date as written ("24 July 2015").
pub fn parse_page_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let iso_day = text
        .get(..10)
        .filter(|day| {
            day.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-' || b == b'/'
                } else {
                    b.is_ascii_digit()
                }
            })
        })
        .and_then(|day| NaiveDate::parse_from_str(&day.replace('/', "-"), "%Y-%m-%d").ok());
    iso_day
        .or_else(|| {
            DateTime::parse_from_rfc2822(text)
                .ok()
                .map(|date| date.date_naive())
        })
        .or_else(|| parse_published(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    #[test]
    fn page_dates_keep_the_day_the_page_writes() {
        assert_eq!(
            parse_page_date("2015-07-24T05:36:09+01:00"),
            day("2015-07-24")
        );
        assert_eq!(
            parse_page_date("2019-01-03T07:00:02.000Z"),
            day("2019-01-03")
        );
        assert_eq!(parse_page_date("2019-04-28 06:01:07"), day("2019-04-28"));
        assert_eq!(parse_page_date("2015/04/30"), day("2015-04-30"));
        assert_eq!(
            parse_page_date("Fri, 24 Jul 2015 05:36:09 +0100"),
            day("2015-07-24")
        );
        assert_eq!(parse_page_date("24 July 2015"), day("2015-07-24"));
        assert_eq!(parse_page_date("2015-13-45"), None);
        assert_eq!(parse_page_date("yesterday"), None);
    }

    #[test]
    fn an_article_inside_a_graph_resolves_its_publisher_by_id() {
        let block = json!({
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "Organization", "@id": "#org", "name": "Example News"},
                {"@type": "WebPage", "@id": "https://example.com/a", "name": "Page"},
                {
                    "@type": ["NewsArticle"],
                    "headline": "  Talks  resume ",
                    "datePublished": "2022-03-20T08:00:00Z",
                    "author": [{"@type": "Person", "name": "Jane Roe"}, "John Doe"],
                    "publisher": {"@id": "#org"},
                    "mainEntityOfPage": {"@id": "https://example.com/a"}
                }
            ]
        });
        let found = article_metadata_in_json_ld(&block).expect("an article");
        assert_eq!(found.title.as_deref(), Some("Talks resume"));
        assert_eq!(found.outlet.as_deref(), Some("Example News"));
        assert_eq!(found.published, day("2022-03-20"));
        assert_eq!(found.byline.as_deref(), Some("Jane Roe, John Doe"));
        assert_eq!(found.url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn an_array_of_blocks_is_searched_for_the_article() {
        let block = json!([
            {"@type": "BreadcrumbList", "name": "Home"},
            {"@type": "http://schema.org/ReportageNewsArticle", "name": "Flood", "author": "https://example.com/staff"}
        ]);
        let found = article_metadata_in_json_ld(&block).expect("an article");
        assert_eq!(found.title.as_deref(), Some("Flood"));
        assert_eq!(found.byline, None);
    }

    #[test]
    fn json_ld_without_an_article_states_nothing() {
        let block = json!({"@type": "WebSite", "name": "Example", "publisher": "X"});
        assert_eq!(article_metadata_in_json_ld(&block), None);
    }

    #[test]
    fn json_ld_wins_over_meta_tags_which_win_over_time_elements() {
        let html = r#"<html lang="en-GB"><head>
            <link rel="canonical" href="https://example.com/story">
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="OG Outlet">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD title","datePublished":"2022-03-19"}</script>
            </head><body><time datetime="2021-01-01">then</time></body></html>"#;
        let found = page_metadata(&Document::from(html));
        assert_eq!(found.title.as_deref(), Some("LD title"));
        assert_eq!(found.outlet.as_deref(), Some("OG Outlet"));
        assert_eq!(found.published, day("2022-03-19"));
        assert_eq!(found.url.as_deref(), Some("https://example.com/story"));
        assert_eq!(found.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn a_time_element_dates_a_page_without_meta_dates() {
        let html = r#"<html><body><nav><time datetime="2030-01-01">now</time></nav>
            <article><time datetime="2022-03-18T10:00">Friday</time><p>Text</p></article></body></html>"#;
        let found = page_metadata(&Document::from(html));
        assert_eq!(found.published, day("2022-03-18"));
    }

    #[test]
    fn malformed_json_ld_is_skipped() {
        let html = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script>
            <meta property="article:published_time" content="2022-03-17T09:00:00+02:00"></head></html>"#;
        let found = page_metadata(&Document::from(html));
        assert_eq!(found.published, day("2022-03-17"));
        assert_eq!(found.title, None);
    }
}
