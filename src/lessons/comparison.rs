//! The comparison the course teaches, row by row, as the source text puts it.
//! Each row is one lesson; the lesson then proves or qualifies the claim.

use crate::lessons::slug::LessonSlug;

/// One row of the client-server versus peer-to-peer comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComparisonRow {
    pub slug: LessonSlug,
    /// The aspect compared, as a short heading.
    pub aspect: &'static str,
    pub client_server: &'static str,
    pub peer_to_peer: &'static str,
    /// What the lesson's experiment shows, in one line.
    pub experiment: &'static str,
}

pub const COMPARISON: [ComparisonRow; 8] = [
    ComparisonRow {
        slug: LessonSlug::Role,
        aspect: "Roles",
        client_server: "Clients and servers are distinct",
        peer_to_peer: "Every node is both client and server",
        experiment: "Watch who asks and who answers, and count requests served per node.",
    },
    ComparisonRow {
        slug: LessonSlug::Focus,
        aspect: "Focus",
        client_server: "Information sharing",
        peer_to_peer: "Connectivity",
        experiment: "Find data with one lookup at a central index, or by flooding a query across peers.",
    },
    ComparisonRow {
        slug: LessonSlug::Data,
        aspect: "Data",
        client_server: "Data is stored centrally",
        peer_to_peer: "Each peer has its own data",
        experiment: "Take a peer offline and update a copy: see what goes missing and what goes stale.",
    },
    ComparisonRow {
        slug: LessonSlug::Service,
        aspect: "Service",
        client_server: "The server answers clients' requests",
        peer_to_peer: "Each node both requests and provides services",
        experiment: "Add clients until the server's queue saturates, then spread the load across peers.",
    },
    ComparisonRow {
        slug: LessonSlug::Cost,
        aspect: "Cost",
        client_server: "More expensive",
        peer_to_peer: "More affordable",
        experiment: "Add up servers, bandwidth and administration against what peers contribute, and see who pays.",
    },
    ComparisonRow {
        slug: LessonSlug::Stability,
        aspect: "Stability",
        client_server: "More stable",
        peer_to_peer: "Less stable",
        experiment: "Fail the server, then let peers come and go, and measure availability over time.",
    },
    ComparisonRow {
        slug: LessonSlug::NetworkSize,
        aspect: "Network size",
        client_server: "Suits small and large networks",
        peer_to_peer: "Suits fewer than 10 computers",
        experiment: "Count the administration a workgroup needs as it grows, with and without a server.",
    },
    ComparisonRow {
        slug: LessonSlug::Scalability,
        aspect: "Scalability",
        client_server: "Adding clients loads the server",
        peer_to_peer: "Peers add capacity as they join",
        experiment: "Time how long sending a file to N nodes takes, beside the textbook's bounds.",
    },
];

/// The lessons of part 2, which teach no row of the table: each one's
/// title and what its experiment shows, in one line.
pub const COMBINED: [(LessonSlug, &str, &str); 3] = [
    (
        LessonSlug::Hybrid,
        "An index or tracker, with peer-to-peer transfer",
        "Let receivers arrive over time and join a swarm through a tracker; then fail the tracker.",
    ),
    (LessonSlug::Dht, "A distributed index", "Follow a lookup round a Chord ring, against a central index, while peers come and go."),
    (LessonSlug::Incentives, "Free riders and tit-for-tat", "Add free riders to a swarm and see whom BitTorrent's choking serves first."),
];

/// The comparison row a lesson teaches; `None` for part 2's lessons.
pub fn row(slug: LessonSlug) -> Option<&'static ComparisonRow> {
    COMPARISON.iter().find(|r| r.slug == slug)
}

/// A lesson's title: its row's aspect, or its part-2 title.
pub fn title(slug: LessonSlug) -> &'static str {
    match row(slug) {
        Some(r) => r.aspect,
        None => COMBINED.iter().find(|(s, ..)| *s == slug).map_or("", |c| c.1),
    }
}

/// What a lesson's experiment shows, in one line.
pub fn experiment(slug: LessonSlug) -> &'static str {
    match row(slug) {
        Some(r) => r.experiment,
        None => COMBINED.iter().find(|(s, ..)| *s == slug).map_or("", |c| c.2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_part_one_lesson_and_a_title_for_every_lesson() {
        let part_one: Vec<LessonSlug> = LessonSlug::ALL.into_iter().filter(|s| s.part() == crate::lessons::slug::Part::Comparison).collect();
        assert_eq!(COMPARISON.iter().map(|r| r.slug).collect::<Vec<_>>(), part_one, "the table's rows, in course order");
        for slug in LessonSlug::ALL {
            assert!(!title(slug).is_empty() && !experiment(slug).is_empty(), "{slug}");
            assert_eq!(row(slug).is_some(), slug.part() == crate::lessons::slug::Part::Comparison);
        }
    }

    #[test]
    fn every_cell_has_text() {
        for row in &COMPARISON {
            for text in [row.aspect, row.client_server, row.peer_to_peer, row.experiment] {
                assert!(!text.trim().is_empty(), "empty cell in row {}", row.slug);
            }
        }
    }
}
