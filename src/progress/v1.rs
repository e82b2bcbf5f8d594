//! What version 1 of the saved format meant by its quiz answers. Version 1
//! named a question and an option by their positions in the quiz as it was
//! then; version 2 names them by id. This table, frozen, says which ids
//! those positions meant, so a migration gives the same answers whatever
//! the quiz has become since. Never edit it when the quiz changes.

use crate::lessons::LessonSlug;

/// Per lesson, per version 1 question: its id now, and the id each of its
/// options has now (`""` where a question or option has gone). Version 1's
/// first question of each lesson was a prediction; predictions are asked
/// apart from the quiz now, so those answers are not carried over.
/// A version 1 question: its id now, and its options' ids now.
type V1Question = (&'static str, &'static [&'static str]);

const V1_QUIZ: [(LessonSlug, [V1Question; 3]); 8] = [
    (
        LessonSlug::Role,
        [
            ("", &[]),
            ("what-is-a-peer", &["asks-and-answers", "only-downloads", "spare-server"]),
            ("laptop-roles", &["only-client", "only-server", "router", "both-roles"]),
        ],
    ),
    (
        LessonSlug::Focus,
        [
            ("", &[]),
            ("index-always-finds", &["keeps-record", "unlimited-flood", "extra-copies"]),
            ("find-more-without-ttl", &["fewer-copies", "fewer-links", "forward-to-one", "more-copies"]),
        ],
    ),
    (
        LessonSlug::Data,
        [
            ("", &[]),
            ("two-holders", &["eighty", "", "ninety-six", "one-sixty"]),
            ("server-never-stale", &["faster-disk", "one-copy", "locks-readers"]),
        ],
    ),
    (
        LessonSlug::Service,
        [
            ("", &[]),
            ("mm1-mean", &["ten-ms", "two-hundred-ms", "", ""]),
            ("doubling-capacity", &["spare-capacity", "fewer-requests", "exactly-half"]),
        ],
    ),
    (
        LessonSlug::Cost,
        [
            ("", &[]),
            ("who-pays-upload", &["authors", "nobody", "peers", "operator"]),
            ("fixed-cost-shared", &["divided", "faster", "users-pay"]),
        ],
    ),
    (
        LessonSlug::Stability,
        [
            ("", &[]),
            ("three-copies", &["fifty", "seventy-five", "eighty-seven", "one-fifty"]),
            ("single-point", &["stops-everything", "peer-leaves", "happens-once"]),
        ],
    ),
    (
        LessonSlug::NetworkSize,
        [
            ("", &[]),
            ("why-n-n-minus-one", &["every-other-user", "passwords", "server-copy"]),
            ("swarms", &["small-swarms", "software", "central-server"]),
        ],
    ),
    (
        LessonSlug::Scalability,
        [
            ("", &[]),
            ("p2p-bound-limit", &["zero", "download-time", "f-over-u", "unbounded"]),
            ("download-floor", &["slow-peer-upload", "download-link", "many-copies"]),
        ],
    ),
];

/// The question and option ids a version 1 answer meant, if both remain.
pub fn v1_answer(slug: LessonSlug, question: usize, choice: usize) -> Option<(&'static str, &'static str)> {
    let (_, questions) = V1_QUIZ.iter().find(|(s, _)| *s == slug)?;
    let (qid, options) = questions.get(question)?;
    let oid = options.get(choice)?;
    (!qid.is_empty() && !oid.is_empty()).then_some((*qid, *oid))
}
