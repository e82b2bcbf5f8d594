//! The event log: what happened, newest last, the oldest lines dropping
//! off once it is full.

use std::collections::VecDeque;

/// Lines kept; older ones scroll away.
pub const LOG_LINES: usize = 50;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventLog {
    lines: VecDeque<String>,
}

impl EventLog {
    pub fn push(&mut self, line: String) {
        if self.lines.len() == LOG_LINES {
            self.lines.pop_front();
        }
        self.lines.push_back(line);
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn last(&self) -> Option<&str> {
        self.lines.back().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().map(String::as_str)
    }
}
