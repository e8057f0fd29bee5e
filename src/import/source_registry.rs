//! The sources of an imported set, one per distinct key (a URL, or an outlet and title): the
//! first citation creates it, later ones reuse it and move its date to the earliest citation.

use crate::model::article_set::SourceRecord;
use crate::model::date::PartialDate;
use crate::model::text_set::TextSet;

/// Sources made so far, by key.
#[derive(Default)]
pub struct SourceRegistry {
    /// Key `i` is the key of `sources[i]`.
    keys: TextSet,
    sources: Vec<SourceRecord>,
}

/// What a new source is made of; its id and date are the registry's.
pub struct NewSource {
    pub outlet: String,
    pub title: String,
    pub url: Option<String>,
    pub notes: String,
}

impl SourceRegistry {
    /// The id of the source with `key`, made by `make` on first use. Files give no publication
    /// dates, so a source is dated by the earliest record that cites it (`cited_on`).
    pub fn cite(
        &mut self,
        key: &str,
        cited_on: PartialDate,
        make: impl FnOnce() -> NewSource,
    ) -> &str {
        let index = match self.keys.position(key) {
            Some(index) => {
                if let Some(source) = self.sources.get_mut(index)
                    && cited_on < source.published
                {
                    source.published = cited_on;
                }
                index
            }
            None => {
                let new = make();
                let index = self.keys.insert(key).0;
                self.sources.push(SourceRecord {
                    id: format!("src-{}", index + 1),
                    outlet: new.outlet,
                    title: new.title,
                    published: cited_on,
                    url: new.url,
                    author: None,
                    language: None,
                    notes: Some(new.notes),
                });
                index
            }
        };
        self.sources
            .get(index)
            .map_or("", |source| source.id.as_str())
    }

    pub fn into_sources(self) -> Vec<SourceRecord> {
        self.sources
    }
}

/// The host of a URL (`https://www.bbc.com/news` → `www.bbc.com`), if it names one.
pub fn url_host(url: &str) -> Option<&str> {
    let after_scheme = match url.find("://") {
        Some(at) => &url[at + 3..],
        None => url.strip_prefix("//")?,
    };
    let host = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("date")
    }

    fn new_source(title: &str) -> NewSource {
        NewSource {
            outlet: "Outlet".to_owned(),
            title: title.to_owned(),
            url: None,
            notes: "n".to_owned(),
        }
    }

    #[test]
    fn the_same_key_gives_one_source_dated_by_the_earliest_citation() {
        let mut registry = SourceRegistry::default();
        let first = registry
            .cite("k", date("2022-03-01"), || new_source("A"))
            .to_owned();
        let other = registry
            .cite("other", date("2022-03-01"), || new_source("B"))
            .to_owned();
        let again = registry
            .cite("k", date("2021-05"), || new_source("never made"))
            .to_owned();
        assert_eq!(
            (first.as_str(), other.as_str(), again.as_str()),
            ("src-1", "src-2", "src-1")
        );
        let sources = registry.into_sources();
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].title, "A");
        assert_eq!(sources[0].published, date("2021-05"));
    }

    #[test]
    fn hosts_come_from_absolute_and_scheme_relative_urls() {
        assert_eq!(
            url_host("https://www.bbc.com/news?a=1"),
            Some("www.bbc.com")
        );
        assert_eq!(url_host("//flickr.com/photos"), Some("flickr.com"));
        assert_eq!(url_host("http://user@host.org:8080/x"), Some("host.org"));
        assert_eq!(url_host("/static/img/a.jpg"), None);
        assert_eq!(url_host("https://"), None);
    }
}
