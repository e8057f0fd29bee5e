//! A finding of source criticism: what kind, the phrase or item it concerns, and why.

use chrono::NaiveDate;
use serde::Serialize;

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A phrase that dates the text to another period than its publication date.
    StalePhrase,
    /// An event dated after the publication of a source cited for it.
    AfterPublication,
    /// A quote marked unverified, or a speaker no other source knows.
    UnverifiedQuote,
    /// The same quote worded differently in two sources.
    QuoteVariants,
    /// An event only one independent source supports.
    SingleSource,
}

impl FindingKind {
    /// Every kind, in the order findings are listed.
    pub const ALL: [FindingKind; 5] = [
        FindingKind::StalePhrase,
        FindingKind::AfterPublication,
        FindingKind::UnverifiedQuote,
        FindingKind::QuoteVariants,
        FindingKind::SingleSource,
    ];

    /// The name used in output: `stale-phrase`, `after-publication`, …
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::StalePhrase => "stale-phrase",
            FindingKind::AfterPublication => "after-publication",
            FindingKind::UnverifiedQuote => "unverified-quote",
            FindingKind::QuoteVariants => "quote-variants",
            FindingKind::SingleSource => "single-source",
        }
    }
}

/// A period of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DayRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DayRange {
    /// The days from `from` to `to`, in whichever order they are given.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            from: from.min(to),
            to: from.max(to),
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// "24 Nov 2023 – 23 Feb 2024", or one day when both ends are the same.
    pub fn display(&self) -> String {
        let day = |date: NaiveDate| date.format("%-d %b %Y").to_string();
        if self.from == self.to {
            day(self.from)
        } else {
            format!("{} – {}", day(self.from), day(self.to))
        }
    }
}

/// One thing a reader should look at, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The words of the text the finding is about, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
    /// What was found and the evidence, naming the phrase or item.
    pub message: String,
    /// When the phrase says the text was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied: Option<DayRange>,
    /// The id of the event, quote or source concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The file the text or item comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Finding {
    /// A finding with a message only; the other fields are set by the checks that know them.
    pub fn new(kind: FindingKind, message: String) -> Self {
        Self {
            kind,
            phrase: None,
            message,
            implied: None,
            item: None,
            file: None,
        }
    }
}

/// The findings of a check, as `{"findings":[…]}` with the fields that do not apply left out.
pub fn findings_json(findings: &[Finding]) -> String {
    #[derive(Serialize)]
    struct Findings<'a> {
        findings: &'a [Finding],
    }
    serde_json::to_string(&Findings { findings }).unwrap_or_else(|_| "{\"findings\":[]}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_leaves_out_the_fields_that_do_not_apply() {
        let day = |d| NaiveDate::from_ymd_opt(2024, 1, d).unwrap_or_default();
        let mut stale = Finding::new(FindingKind::StalePhrase, "m".to_owned());
        stale.phrase = Some("second winter".to_owned());
        stale.implied = Some(DayRange::new(day(2), day(1)));
        let bare = Finding::new(FindingKind::SingleSource, "n".to_owned());
        assert_eq!(
            findings_json(&[stale, bare]),
            r#"{"findings":[{"kind":"stale-phrase","phrase":"second winter","message":"m","implied":{"from":"2024-01-01","to":"2024-01-02"}},{"kind":"single-source","message":"n"}]}"#
        );
    }
}
