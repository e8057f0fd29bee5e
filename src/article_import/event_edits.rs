//! The user's say over each proposed event before it is added: keep it or not, and its title,
//! date (and end) and category as edited in the import window. An edit is checked here, so that
//! a date the user mistyped is reported, never silently dropped or replaced.

use super::events::ProposedEvent;
use crate::model::category::Category;
use crate::model::date::{DateError, PartialDate};

/// What becomes of one proposed event.
#[derive(Clone, Debug, PartialEq)]
pub struct EventChoice {
    pub keep: bool,
    pub title: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub approximate: bool,
    pub category: Category,
}

impl EventChoice {
    /// The proposal as it stands, kept or not.
    pub fn proposed(event: &ProposedEvent, keep: bool) -> Self {
        Self {
            keep,
            title: event.title.clone(),
            date: event.date,
            end: event.end,
            approximate: event.approximate,
            category: event.category,
        }
    }
}

/// A proposed event as the user edits it: the texts as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct EventEdit {
    pub keep: bool,
    pub title: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date_text: String,
    /// The last day of a range, same shapes; empty for a single date.
    pub end_text: String,
    pub category: Category,
    /// The proposal's dates as text and whether they are approximate: an approximate range
    /// ("earlier this week") stays approximate only while its dates are left as proposed.
    proposed_dates: (String, String),
    proposed_approximate: bool,
}

/// Why an edited event cannot be added.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EventEditError {
    #[error("the title is empty")]
    EmptyTitle,
    #[error("the date is not valid: {0}")]
    Date(DateError),
    #[error("the end date is not valid: {0}")]
    End(DateError),
    #[error("the end date {end} is before the date {date}")]
    EndBeforeDate { date: String, end: String },
}

impl EventEdit {
    /// The edit form of a proposal, kept or not.
    pub fn from_proposal(event: &ProposedEvent, keep: bool) -> Self {
        let date_text = event.date.to_iso();
        let end_text = event.end.map(|end| end.to_iso()).unwrap_or_default();
        Self {
            keep,
            title: event.title.clone(),
            date_text: date_text.clone(),
            end_text: end_text.clone(),
            category: event.category,
            proposed_dates: (date_text, end_text),
            proposed_approximate: event.approximate,
        }
    }

    /// The choice this edit stands for, or what is wrong with it (whether kept or not).
    pub fn to_choice(&self) -> Result<EventChoice, EventEditError> {
        let title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Err(EventEditError::EmptyTitle);
        }
        let date_text = self.date_text.trim();
        let end_text = self.end_text.trim();
        let date = PartialDate::parse(date_text).map_err(EventEditError::Date)?;
        let end = match end_text {
            "" => None,
            text => Some(PartialDate::parse(text).map_err(EventEditError::End)?),
        };
        if let Some(end) = end
            && end.end_days() < date.end_days()
        {
            return Err(EventEditError::EndBeforeDate {
                date: date.to_iso(),
                end: end.to_iso(),
            });
        }
        let unchanged = (date_text, end_text)
            == (
                self.proposed_dates.0.as_str(),
                self.proposed_dates.1.as_str(),
            );
        Ok(EventChoice {
            keep: self.keep,
            title,
            date,
            end,
            approximate: self.proposed_approximate && unchanged,
            category: self.category,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal() -> ProposedEvent {
        ProposedEvent {
            mention: 0,
            date: PartialDate::parse("2022-03-14").expect("date"),
            end: Some(PartialDate::parse("2022-03-20").expect("date")),
            approximate: true,
            title: "Talks went on".to_owned(),
            summary: "Earlier this week talks went on.".to_owned(),
            sentence_range: 0..32,
            category: Category::Diplomacy,
            actors: Vec::new(),
        }
    }

    #[test]
    fn an_untouched_edit_is_the_proposal() {
        let edit = EventEdit::from_proposal(&proposal(), true);
        assert_eq!(
            edit.to_choice(),
            Ok(EventChoice::proposed(&proposal(), true))
        );
    }

    #[test]
    fn edited_title_date_and_category_are_the_choice() {
        let mut edit = EventEdit::from_proposal(&proposal(), true);
        edit.title = "  Istanbul   talks ".to_owned();
        edit.date_text = "2022-03-29".to_owned();
        edit.end_text = String::new();
        edit.category = Category::Agreement;
        let choice = edit.to_choice().expect("valid");
        assert_eq!(choice.title, "Istanbul talks");
        assert_eq!(choice.date.to_iso(), "2022-03-29");
        assert_eq!(choice.end, None);
        assert!(!choice.approximate, "a date the user typed is not a guess");
        assert_eq!(choice.category, Category::Agreement);
    }

    #[test]
    fn a_month_or_a_year_is_a_valid_date() {
        let mut edit = EventEdit::from_proposal(&proposal(), true);
        edit.end_text = String::new();
        edit.date_text = "2022-03".to_owned();
        assert_eq!(
            edit.to_choice().map(|c| c.date.to_iso()),
            Ok("2022-03".to_owned())
        );
        edit.date_text = "2022".to_owned();
        assert_eq!(
            edit.to_choice().map(|c| c.date.to_iso()),
            Ok("2022".to_owned())
        );
    }

    #[test]
    fn an_invalid_date_says_what_was_expected() {
        let mut edit = EventEdit::from_proposal(&proposal(), true);
        edit.date_text = "29 March".to_owned();
        let error = edit.to_choice().expect_err("invalid");
        assert_eq!(
            error.to_string(),
            "the date is not valid: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"29 March\""
        );
        edit.date_text = "2022-13-01".to_owned();
        assert!(matches!(edit.to_choice(), Err(EventEditError::Date(_))));
    }

    #[test]
    fn an_end_before_the_date_is_refused() {
        let mut edit = EventEdit::from_proposal(&proposal(), true);
        edit.end_text = "2022-03-01".to_owned();
        assert_eq!(
            edit.to_choice(),
            Err(EventEditError::EndBeforeDate {
                date: "2022-03-14".to_owned(),
                end: "2022-03-01".to_owned()
            })
        );
        edit.end_text = "2022-0".to_owned();
        assert!(matches!(edit.to_choice(), Err(EventEditError::End(_))));
    }

    #[test]
    fn an_empty_title_is_refused() {
        let mut edit = EventEdit::from_proposal(&proposal(), true);
        edit.title = "   ".to_owned();
        assert_eq!(edit.to_choice(), Err(EventEditError::EmptyTitle));
    }
}
