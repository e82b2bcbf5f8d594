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

/// The comparison row a lesson teaches.
pub fn row(slug: LessonSlug) -> &'static ComparisonRow {
    // COMPARISON lists the slugs in course order, so the position indexes it;
    // the test below keeps the two in step.
    &COMPARISON[slug.position() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_lesson_in_course_order() {
        assert_eq!(COMPARISON.len(), LessonSlug::ALL.len());
        for (row, slug) in COMPARISON.iter().zip(LessonSlug::ALL) {
            assert_eq!(row.slug, slug);
            assert_eq!(super::row(slug).slug, slug);
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
