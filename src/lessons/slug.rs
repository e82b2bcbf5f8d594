//! The eight lessons, one per row of the comparison, named by their URL slug.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LessonSlug {
    Role,
    Focus,
    Data,
    Service,
    Cost,
    Stability,
    NetworkSize,
    Scalability,
    Hybrid,
    Dht,
    Incentives,
}

/// The course's two parts: the comparison, a lesson per row; then how
/// real systems combine the two designs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Comparison,
    Combined,
}

impl LessonSlug {
    /// In the order of the comparison table, which is the order of the course.
    pub const ALL: [LessonSlug; 11] = [
        LessonSlug::Role,
        LessonSlug::Focus,
        LessonSlug::Data,
        LessonSlug::Service,
        LessonSlug::Cost,
        LessonSlug::Stability,
        LessonSlug::NetworkSize,
        LessonSlug::Scalability,
        LessonSlug::Hybrid,
        LessonSlug::Dht,
        LessonSlug::Incentives,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LessonSlug::Role => "role",
            LessonSlug::Focus => "focus",
            LessonSlug::Data => "data",
            LessonSlug::Service => "service",
            LessonSlug::Cost => "cost",
            LessonSlug::Stability => "stability",
            LessonSlug::NetworkSize => "network-size",
            LessonSlug::Scalability => "scalability",
            LessonSlug::Hybrid => "hybrid",
            LessonSlug::Dht => "dht",
            LessonSlug::Incentives => "incentives",
        }
    }

    pub fn part(self) -> Part {
        match self {
            LessonSlug::Hybrid | LessonSlug::Dht | LessonSlug::Incentives => Part::Combined,
            _ => Part::Comparison,
        }
    }

    /// Position in the course, from 0.
    pub fn position(self) -> u32 {
        LessonSlug::ALL.iter().position(|s| *s == self).unwrap_or(0) as u32
    }

    pub fn previous(self) -> Option<LessonSlug> {
        let i = self.position() as usize;
        i.checked_sub(1).map(|p| LessonSlug::ALL[p])
    }

    pub fn next(self) -> Option<LessonSlug> {
        LessonSlug::ALL.get(self.position() as usize + 1).copied()
    }
}

impl fmt::Display for LessonSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The slug in a URL that names no lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLesson(pub String);

impl fmt::Display for UnknownLesson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "there is no lesson called \"{}\"", self.0)
    }
}

impl std::error::Error for UnknownLesson {}

impl FromStr for LessonSlug {
    type Err = UnknownLesson;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LessonSlug::ALL
            .into_iter()
            .find(|slug| slug.as_str() == s)
            .ok_or_else(|| UnknownLesson(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_unknown_is_rejected() {
        for slug in LessonSlug::ALL {
            assert_eq!(slug.as_str().parse::<LessonSlug>(), Ok(slug));
        }
        assert!("Role".parse::<LessonSlug>().is_err());
        assert!("".parse::<LessonSlug>().is_err());
    }

    #[test]
    fn course_order_links_up() {
        assert_eq!(LessonSlug::Role.previous(), None);
        assert_eq!(LessonSlug::Role.next(), Some(LessonSlug::Focus));
        assert_eq!(LessonSlug::Scalability.next(), Some(LessonSlug::Hybrid), "part 2 follows part 1");
        assert_eq!(LessonSlug::Incentives.next(), None);
        assert_eq!(LessonSlug::Scalability.previous(), Some(LessonSlug::NetworkSize));
        for (i, slug) in LessonSlug::ALL.into_iter().enumerate() {
            assert_eq!(slug.position() as usize, i);
        }
    }
}
