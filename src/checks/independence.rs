//! Which sources are the same voice: one outlet counts once, a wire copy (a source whose byline
//! is a news agency's) counts as that agency, and an event's reference link counts as another
//! source only when it is not on the site of a source already cited.

use crate::model::dataset::{Dataset, Event, Source};

/// "Middle East Eye" → "middleeasteye": letters and digits, lower case.
pub fn outlet_key(outlet: &str) -> String {
    outlet
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "https://www.dailysabah.com/world/…" → "dailysabah.com" (no scheme, `www.`, `m.`, `amp.`).
pub fn site_of(url: &str) -> Option<String> {
    host_of(url).map(str::to_lowercase)
}

/// News agencies whose copy outlets run under the agency's byline, each with the names a byline
/// gives it; matched as whole words.
const WIRE_AGENCIES: &[(&str, &[&str])] = &[
    ("Reuters", &["reuters"]),
    ("Associated Press", &["associated press", "ap"]),
    (
        "AFP",
        &["afp", "agence france-presse", "agence france presse"],
    ),
    ("Anadolu Agency", &["anadolu", "aa"]),
    ("TASS", &["tass"]),
    ("Interfax", &["interfax", "interfax-ukraine"]),
    ("Ukrinform", &["ukrinform"]),
    ("dpa", &["dpa"]),
    ("Xinhua", &["xinhua"]),
];

/// The agency a source's byline names ("Reuters", "By Reuters Staff", "AFP"), if it is a wire
/// copy.
pub fn wire_agency(source: &Source) -> Option<&'static str> {
    let byline = source.author.as_deref()?.to_lowercase();
    let words: Vec<&str> = byline
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|word| !word.is_empty())
        .collect();
    WIRE_AGENCIES.iter().find_map(|(agency, names)| {
        names
            .iter()
            .any(|name| {
                let name_words: Vec<&str> = name.split(' ').collect();
                words
                    .windows(name_words.len())
                    .any(|run| run == name_words.as_slice())
            })
            .then_some(*agency)
    })
}

/// The voice a source speaks with: its wire agency, else its outlet (see [`outlet_key`]).
pub fn voice_key(source: &Source) -> String {
    outlet_key(wire_agency(source).unwrap_or(&source.outlet))
}

/// The site of `url` as written (case kept), borrowed: see [`site_of`]. Byte searches only
/// (every separator is ASCII), as it runs for every event's reference.
fn host_of(url: &str) -> Option<&str> {
    let bytes = url.as_bytes();
    let after_scheme = bytes
        .windows(3)
        .position(|window| window == b"://")
        .map_or(0, |at| at + 3);
    let rest = url.get(after_scheme..)?;
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let host = rest.get(..end)?;
    let host = match host.bytes().rposition(|b| b == b'@') {
        Some(at) => host.get(at + 1..)?,
        None => host,
    };
    let mut host = match host.bytes().position(|b| b == b':') {
        Some(at) => host.get(..at)?,
        None => host,
    };
    for prefix in ["www.", "m.", "amp."] {
        if let Some(start) = host.get(..prefix.len())
            && start.eq_ignore_ascii_case(prefix)
        {
            host = host.get(prefix.len()..).unwrap_or_default();
        }
    }
    (!host.is_empty()).then_some(host)
}

/// `true` when a site belongs to an outlet: the same site as its URL, or its name before the
/// first dot is the outlet's key ("dailysabah.com" and "Daily Sabah").
fn site_is_outlet(site: &str, source: &Source) -> bool {
    let same_site = source.url.as_deref().and_then(site_of).as_deref() == Some(site);
    let name = site.split('.').next().unwrap_or(site);
    same_site || name == outlet_key(&source.outlet)
}

/// The independent voices behind an event, each once: outlet keys of its sources, then the
/// site of its reference when no cited source is on it. Shown as written (outlet or site).
pub fn independent_supports(dataset: &Dataset, event: &Event) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    let sources: Vec<&Source> = event
        .sources()
        .iter()
        .filter_map(|index| dataset.sources.get(index))
        .collect();
    for source in &sources {
        let key = voice_key(source);
        if !keys.contains(&key) {
            keys.push(key);
            shown.push(match wire_agency(source) {
                Some(agency) => format!("{agency} (wire copy in {})", source.outlet),
                None => source.outlet.clone(),
            });
        }
    }
    if let Some(site) = event.reference().and_then(site_of)
        && !sources.iter().any(|source| site_is_outlet(&site, source))
    {
        shown.push(site);
    }
    shown
}

/// For every event, how many independent voices support it, as [`independent_supports`]
/// counts them (at most 255): linear in events and sources, each source's outlet key and site
/// worked out once rather than per event that cites it.
pub fn independent_support_counts(dataset: &Dataset) -> Vec<u8> {
    struct SourceVoice {
        key_id: usize,
        key: String,
        site: Option<String>,
    }
    let mut key_ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let voices: Vec<SourceVoice> = dataset
        .sources
        .iter()
        .map(|source| {
            let key = voice_key(source);
            let next = key_ids.len();
            let key_id = *key_ids.entry(key.clone()).or_insert(next);
            SourceVoice {
                key_id,
                key,
                site: source.url.as_deref().and_then(site_of),
            }
        })
        .collect();
    let count_voices = |event: &Event| -> u8 {
        let cited = || event.sources().iter().filter_map(|index| voices.get(index));
        let outlets = distinct_outlets(cited().map(|voice| voice.key_id));
        let mut count = outlets;
        // Borrowed and compared without case: a million references are not copied.
        if let Some(host) = event.reference().and_then(host_of) {
            let on_a_cited_site = if outlets == 0 {
                false
            } else if host.is_ascii() {
                let name = host.split('.').next().unwrap_or(host);
                cited().any(|voice| {
                    voice
                        .site
                        .as_deref()
                        .is_some_and(|site| site.eq_ignore_ascii_case(host))
                        || voice.key.eq_ignore_ascii_case(name)
                })
            } else {
                let site = host.to_lowercase();
                let name = site.split('.').next().unwrap_or(&site);
                cited()
                    .any(|voice| voice.site.as_deref() == Some(site.as_str()) || voice.key == name)
            };
            if !on_a_cited_site {
                count += 1;
            }
        }
        u8::try_from(count).unwrap_or(u8::MAX)
    };
    crate::parallel::map_in_parallel(&dataset.events, count_voices)
}

/// How many different outlets (key ids) there are among an event's sources: compared pairwise
/// for the few sources events have, through a set for many.
fn distinct_outlets(key_ids: impl Iterator<Item = usize> + Clone) -> usize {
    const PAIRWISE_UP_TO: usize = 16;
    if key_ids.clone().nth(PAIRWISE_UP_TO).is_some() {
        return key_ids.collect::<std::collections::HashSet<usize>>().len();
    }
    key_ids
        .clone()
        .enumerate()
        .filter(|&(n, key)| !key_ids.clone().take(n).any(|earlier| earlier == key))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_are_counted_once_whether_few_or_many() {
        assert_eq!(distinct_outlets([3, 1, 3, 2, 1].into_iter()), 3);
        assert_eq!(distinct_outlets(std::iter::empty()), 0);
        let many: Vec<usize> = (0..40).map(|i| i % 7).collect();
        assert_eq!(distinct_outlets(many.iter().copied()), 7);
    }

    #[test]
    fn support_counts_agree_with_the_supports_listed() {
        let mut dataset = Dataset::empty();
        crate::builtin::add_builtin(&mut dataset).expect("the built-in chronology loads");
        let counts = independent_support_counts(&dataset);
        assert_eq!(counts.len(), dataset.events.len());
        for (event, count) in dataset.events.iter().zip(&counts) {
            let listed = independent_supports(&dataset, event).len();
            assert_eq!(usize::from(*count), listed, "{}", event.id());
        }
        assert!(counts.contains(&1) && counts.contains(&2), "{counts:?}");
    }

    #[test]
    fn sites_lose_scheme_prefixes_and_paths() {
        assert_eq!(
            site_of("https://www.dailysabah.com/world/x?y=1").as_deref(),
            Some("dailysabah.com")
        );
        assert_eq!(
            site_of("http://amp.example.org").as_deref(),
            Some("example.org")
        );
        assert_eq!(site_of("").as_deref(), None);
    }

    #[test]
    fn a_wire_copy_speaks_with_its_agencys_voice() {
        let source = |outlet: &str, author: Option<&str>| Source {
            id: outlet.to_owned(),
            outlet: outlet.to_owned(),
            title: String::new(),
            published: crate::model::date::PartialDate::year(2025)
                .unwrap_or_else(|| unreachable!()),
            url: None,
            author: author.map(str::to_owned),
            language: None,
            notes: None,
            files: Vec::new(),
        };
        let daily = source("Daily Sabah", Some("By Reuters Staff"));
        let times = source("The Moscow Times", Some("Reuters"));
        let own = source("Kyiv Independent", Some("Martin Fornusek"));
        assert_eq!(wire_agency(&daily), Some("Reuters"));
        assert_eq!(voice_key(&daily), voice_key(&times));
        assert_eq!(voice_key(&own), "kyivindependent");
        // "AP" only as a whole word: not in "Apostolos".
        assert_eq!(wire_agency(&source("X", Some("Apostolos Doxiadis"))), None);
    }

    #[test]
    fn outlets_compare_by_letters_and_digits() {
        assert_eq!(outlet_key("Middle East Eye"), "middleeasteye");
        assert_eq!(outlet_key("middle-east eye"), "middleeasteye");
    }
}
