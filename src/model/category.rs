//! The kind of an event (diplomacy, military, …), as written in files and shown to users.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de};

/// What kind of event something is; each category gets its own colour and filter toggle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Talks, visits, statements, summits.
    Diplomacy,
    /// Fighting, attacks, troop movements.
    Military,
    /// Sanctions and other economic measures.
    Sanctions,
    /// Signed agreements, ceasefires, treaties.
    Agreement,
    /// Refugees, aid, prisoner exchanges, civilian harm.
    Humanitarian,
    /// Domestic politics: elections, laws, appointments.
    Politics,
    /// Anything else; imported timelines that name no category land here.
    Other,
}

/// A text that names no [`Category`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown category {found:?}; expected one of: {}", allowed_list())]
pub struct UnknownCategory {
    /// The text that was found.
    pub found: String,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 7] = [
        Category::Diplomacy,
        Category::Military,
        Category::Sanctions,
        Category::Agreement,
        Category::Humanitarian,
        Category::Politics,
        Category::Other,
    ];

    /// Name for people: `"Diplomacy"`.
    pub fn label(self) -> &'static str {
        match self {
            Category::Diplomacy => "Diplomacy",
            Category::Military => "Military",
            Category::Sanctions => "Sanctions",
            Category::Agreement => "Agreement",
            Category::Humanitarian => "Humanitarian",
            Category::Politics => "Politics",
            Category::Other => "Other",
        }
    }

    /// Name in files: `"diplomacy"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Diplomacy => "diplomacy",
            Category::Military => "military",
            Category::Sanctions => "sanctions",
            Category::Agreement => "agreement",
            Category::Humanitarian => "humanitarian",
            Category::Politics => "politics",
            Category::Other => "other",
        }
    }

    /// The category whose file name is exactly `text`.
    pub fn parse(text: &str) -> Result<Category, UnknownCategory> {
        Category::ALL
            .into_iter()
            .find(|category| category.as_str() == text)
            .ok_or_else(|| UnknownCategory {
                found: text.chars().take(40).collect(),
            })
    }
}

fn allowed_list() -> String {
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    names.join(", ")
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CategoryVisitor)
    }
}

struct CategoryVisitor;

impl de::Visitor<'_> for CategoryVisitor {
    type Value = Category;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "a category, one of: {}", allowed_list())
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Category, E> {
        Category::parse(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_parses_from_its_file_name() {
        for category in Category::ALL {
            assert_eq!(Category::parse(category.as_str()), Ok(category));
        }
    }

    #[test]
    fn labels_are_capitalised_names() {
        assert_eq!(Category::Diplomacy.label(), "Diplomacy");
        assert_eq!(Category::Humanitarian.as_str(), "humanitarian");
    }

    #[test]
    fn unknown_category_lists_the_allowed_values() {
        let error = Category::parse("Diplomacy").expect_err("case matters");
        assert_eq!(
            error.to_string(),
            "unknown category \"Diplomacy\"; expected one of: \
             diplomacy, military, sanctions, agreement, humanitarian, politics, other"
        );
    }

    #[test]
    fn serde_uses_lowercase_names() {
        let json = serde_json::to_string(&Category::Sanctions).expect("serialize");
        assert_eq!(json, r#""sanctions""#);
        let back: Category = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, Category::Sanctions);
        let error = serde_json::from_str::<Category>(r#""war""#).expect_err("unknown");
        assert!(error.to_string().starts_with("unknown category \"war\""));
    }
}
