//! Whether a few words read as English: the attribution rules are English ("Roe said", "the
//! spokesman told"), so a quote attributed in German ("sagte der Sprecher"), French ("a
//! déclaré le porte-parole"), Spanish ("dijo la ministra") or another script ("заявив
//! Президент") keeps an unknown speaker rather than one guessed from a capitalised word.
//!
//! Function words are counted rather than a language detector used: the attribution around a
//! quote is a handful of words, too few for character statistics, and function words are what
//! tells "said the minister" from "dijo la ministra".

/// Common English words of attributions.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "said",
    "says",
    "told",
    "of",
    "and",
    "to",
    "he",
    "she",
    "they",
    "was",
    "is",
    "his",
    "her",
    "their",
    "with",
    "for",
    "on",
    "at",
    "by",
    "according",
    "added",
    "asked",
    "stated",
    "wrote",
    "noted",
    "from",
    "who",
    "that",
    "it",
    "an",
    "spokesman",
    "minister",
    "president",
];

/// Function words and speech verbs of German, French, Spanish, Italian and Portuguese that are
/// not English words too.
const OTHER_WORDS: &[&str] = &[
    // German
    "der",
    "die",
    "das",
    "und",
    "sagte",
    "sagt",
    "erklärte",
    "betonte",
    "ist",
    "nicht",
    "ein",
    "eine",
    "im",
    "am",
    "mit",
    "von",
    "zu",
    "dem",
    "den",
    "des",
    "auf",
    "sich",
    "laut",
    // French
    "le",
    "la",
    "les",
    "du",
    "et",
    "déclaré",
    "dit",
    "affirmé",
    "est",
    "une",
    "dans",
    "au",
    "aux",
    "selon",
    "il",
    "elle",
    "pour",
    "sur",
    "qui",
    "été",
    // Spanish, Italian, Portuguese
    "el",
    "los",
    "las",
    "dijo",
    "y",
    "del",
    "en",
    "que",
    "según",
    "afirmó",
    "declaró",
    "con",
    "por",
    "ha",
    "detto",
    "disse",
    "afirmou",
    "segundo",
    "os",
    "ao",
];

/// What a text's words say about its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Reads as English, or has too few words to tell.
    EnglishOrUnknown,
    /// Reads as another language.
    Foreign,
}

/// Reads `text`: another language when most of its letters are of another script than Latin,
/// or when it holds more function words of other languages than English ones.
pub fn reading_of(text: &str) -> Reading {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let non_latin = text
        .chars()
        .filter(|c| c.is_alphabetic() && !is_latin(*c))
        .count();
    if letters > 0 && non_latin * 2 > letters {
        return Reading::Foreign;
    }
    let mut english = 0;
    let mut other = 0;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        if ENGLISH_WORDS.contains(&lower.as_str()) {
            english += 1;
        } else if OTHER_WORDS.contains(&lower.as_str()) {
            other += 1;
        }
    }
    if other > english {
        Reading::Foreign
    } else {
        Reading::EnglishOrUnknown
    }
}

/// Latin letters, accented ones included (Latin-1 Supplement to Latin Extended Additional).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{c0}'..='\u{24f}').contains(&c)
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_attributions_read_as_english() {
        assert_eq!(reading_of(", Roe said."), Reading::EnglishOrUnknown);
        assert_eq!(
            reading_of(", the Kremlin spokesman told reporters on Monday."),
            Reading::EnglishOrUnknown
        );
        assert_eq!(reading_of(""), Reading::EnglishOrUnknown);
    }

    #[test]
    fn german_french_and_spanish_attributions_read_as_foreign() {
        assert_eq!(
            reading_of(", sagte der Sprecher der Bundesregierung am Freitag in Berlin."),
            Reading::Foreign
        );
        assert_eq!(
            reading_of(", a déclaré le porte-parole du Quai d'Orsay."),
            Reading::Foreign
        );
        assert_eq!(
            reading_of(", dijo la ministra de Asuntos Exteriores en Madrid."),
            Reading::Foreign
        );
    }

    #[test]
    fn another_script_reads_as_foreign() {
        assert_eq!(
            reading_of(", – заявив Президент України."),
            Reading::Foreign
        );
        assert_eq!(reading_of("Ми готові до переговорів"), Reading::Foreign);
    }

    #[test]
    fn a_name_with_a_foreign_particle_stays_english() {
        assert_eq!(
            reading_of(", said Ursula von der Leyen, the commission president."),
            Reading::EnglishOrUnknown
        );
    }
}
