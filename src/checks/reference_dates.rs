//! The war's reference dates that phrases such as "nearly two-year-long war", "its second
//! winter" or "the upcoming US election" are counted from. Each date was checked against
//! public reports (listed beside it).

use chrono::NaiveDate;

use super::finding::DayRange;

/// What a war phrase counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarAnchor {
    /// Russia's annexation of Crimea: the treaty of 18 March 2014 (USA Today, 18 Mar 2014).
    CrimeaAnnexation,
    /// The war in Donbas, from April 2014 (Sloviansk seized 12 April, the "anti-terrorist
    /// operation" from 15 April; dates vary by a few days between accounts, so the month).
    DonbasWar,
    /// Russia's full-scale invasion of Ukraine, 24 February 2022.
    FullScaleInvasion,
}

impl WarAnchor {
    /// The days the anchor may stand for: a day, or a month when accounts differ.
    pub fn days(self) -> DayRange {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        match self {
            WarAnchor::CrimeaAnnexation => DayRange::new(day(2014, 3, 18), day(2014, 3, 18)),
            WarAnchor::DonbasWar => DayRange::new(day(2014, 4, 1), day(2014, 4, 30)),
            WarAnchor::FullScaleInvasion => DayRange::new(day(2022, 2, 24), day(2022, 2, 24)),
        }
    }

    /// How messages name it: "the full-scale invasion of 24 Feb 2022".
    pub fn description(self) -> &'static str {
        match self {
            WarAnchor::CrimeaAnnexation => "the annexation of Crimea on 18 Mar 2014",
            WarAnchor::DonbasWar => "the start of the war in Donbas in April 2014",
            WarAnchor::FullScaleInvasion => "the full-scale invasion of 24 Feb 2022",
        }
    }

    /// "The war" at a date: the full-scale war from its first day, the war in Donbas before.
    pub fn war_at(date: NaiveDate) -> WarAnchor {
        if date >= WarAnchor::FullScaleInvasion.days().from {
            WarAnchor::FullScaleInvasion
        } else {
            WarAnchor::DonbasWar
        }
    }
}

/// Whose election.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Country {
    UnitedStates,
    Ukraine,
    Russia,
}

impl Country {
    pub fn adjective(self) -> &'static str {
        match self {
            Country::UnitedStates => "US",
            Country::Ukraine => "Ukrainian",
            Country::Russia => "Russian",
        }
    }
}

/// A presidential election or a US midterm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElectionKind {
    Presidential,
    Midterm,
}

/// An election held or scheduled, on its (last) polling day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Election {
    pub country: Country,
    pub kind: ElectionKind,
    pub day: NaiveDate,
}

impl Election {
    /// The time in which a text may call it "upcoming": two years for a US presidential
    /// election (the second half of the term before it), one year otherwise.
    pub fn upcoming_window(&self) -> DayRange {
        let months = match (self.country, self.kind) {
            (Country::UnitedStates, ElectionKind::Presidential) => 24,
            _ => 12,
        };
        let from = self
            .day
            .checked_sub_months(chrono::Months::new(months))
            .unwrap_or(self.day);
        DayRange::new(from, self.day.pred_opt().unwrap_or(self.day))
    }

    /// "the US presidential election of 5 Nov 2024".
    pub fn description(&self) -> String {
        let kind = match self.kind {
            ElectionKind::Presidential => "presidential election",
            ElectionKind::Midterm => "midterm elections",
        };
        format!(
            "the {} {kind} of {}",
            self.country.adjective(),
            self.day.format("%-d %b %Y")
        )
    }
}

/// The elections phrases may speak of, in date order. Checked: US presidential 8 Nov 2016,
/// 3 Nov 2020 (The Times), 5 Nov 2024, 7 Nov 2028 (scheduled); US midterms 6 Nov 2018,
/// 8 Nov 2022 (USSC), 3 Nov 2026 (scheduled); Ukraine 25 May 2014, 31 Mar / 21 Apr 2019
/// (Interfax-Ukraine); Russia 15–17 Mar 2024.
pub fn elections() -> Vec<Election> {
    use Country::{Russia, Ukraine, UnitedStates};
    use ElectionKind::{Midterm, Presidential};
    let table = [
        (Ukraine, Presidential, (2014, 5, 25)),
        (UnitedStates, Presidential, (2016, 11, 8)),
        (UnitedStates, Midterm, (2018, 11, 6)),
        (Ukraine, Presidential, (2019, 3, 31)),
        (Ukraine, Presidential, (2019, 4, 21)),
        (UnitedStates, Presidential, (2020, 11, 3)),
        (UnitedStates, Midterm, (2022, 11, 8)),
        (Russia, Presidential, (2024, 3, 17)),
        (UnitedStates, Presidential, (2024, 11, 5)),
        (UnitedStates, Midterm, (2026, 11, 3)),
        (UnitedStates, Presidential, (2028, 11, 7)),
    ];
    table
        .iter()
        .filter_map(|&(country, kind, (y, m, d))| {
            Some(Election {
                country,
                kind,
                day: NaiveDate::from_ymd_opt(y, m, d)?,
            })
        })
        .collect()
}

/// Years in which Ukraine ran a major counteroffensive: 2022 (Kherson from late August,
/// Kharkiv from 6 September) and 2023 (from early June).
pub const COUNTEROFFENSIVE_YEARS: [i32; 2] = [2022, 2023];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elections_are_in_date_order_and_all_valid() {
        let list = elections();
        assert_eq!(list.len(), 11);
        assert!(list.windows(2).all(|pair| pair[0].day < pair[1].day));
    }

    #[test]
    fn a_us_presidential_election_is_upcoming_for_two_years() {
        let election = Election {
            country: Country::UnitedStates,
            kind: ElectionKind::Presidential,
            day: NaiveDate::from_ymd_opt(2024, 11, 5).unwrap_or_default(),
        };
        assert_eq!(
            election.upcoming_window().display(),
            "5 Nov 2022 – 4 Nov 2024"
        );
    }
}
