//! Embedding in course sites, without the DOM: the message protocol to the
//! parent page, which progress changes become which messages, and what they
//! tell an LMS through SCORM 1.2. The UI's bridge only carries the results.

pub mod events;
pub mod protocol;
pub mod scorm;
pub mod suspend;

pub use events::{events, right_answers, Subject};
pub use protocol::{hides_show_me, origin_from_query, parse_inbound, Inbound, Outbound, TargetOrigin, PROTOCOL_VERSION, SOURCE};
