//! Changes made to single nodes of a sandbox network, on top of the
//! workload's uniform parameters: one receiver's own link speeds, a peer's
//! capacity or role, an overlay link added or cut by hand. Receivers and
//! peers are named by their index among the users (0-based), so the same
//! edit means the same machine on both sides of a comparison, hub or no hub.

use crate::experiment::param::{Param, ParamError};
use std::fmt;

/// Why a change to a node or link was refused, in words for the learner.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// A value outside its control's range, or not a number.
    Value(ParamError),
    /// More nodes and links changed by hand than a share link may carry.
    TooMany,
    /// A link from a peer to itself.
    SelfLink,
    /// The server or index is what makes the design what it is.
    HubStays,
    /// Making this peer a client would leave no one to answer.
    LastPeer,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Value(e) => f.write_str(&e.message),
            EditError::TooMany => write!(f, "at most {MAX_EDITS} nodes and links can be changed by hand"),
            EditError::SelfLink => f.write_str("a peer cannot be linked to itself"),
            EditError::HubStays => {
                f.write_str("a server or index cannot be removed: it is what makes the design what it is")
            }
            EditError::LastPeer => f.write_str("at least one peer must answer requests, or nothing can be found"),
        }
    }
}

/// One receiver's own upload and download (Mbps), instead of the
/// workload's "peer upload" and "peer download".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeRates {
    pub user: u32,
    pub up_mbps: f64,
    pub down_mbps: f64,
}

/// An overlay link between two peers, connected or cut by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkEdit {
    /// The lower peer index first, so each pair has one spelling.
    pub a: u32,
    pub b: u32,
    pub connected: bool,
}

impl LinkEdit {
    pub fn new(a: u32, b: u32, connected: bool) -> LinkEdit {
        LinkEdit {
            a: a.min(b),
            b: a.max(b),
            connected,
        }
    }
}

/// Edits are bounded so that a tampered link cannot grow them without end.
pub const MAX_EDITS: usize = 300;

/// One peer's own service capacity (requests/s), instead of the
/// workload's "peer capacity".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeCapacity {
    pub user: u32,
    pub per_s: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetworkEdits {
    pub rates: Vec<NodeRates>,
    pub links: Vec<LinkEdit>,
    pub capacities: Vec<NodeCapacity>,
    /// Clients or peers (by index) in the client role on the peer-to-peer
    /// side: they only ask (requests) or only download (distribution).
    pub clients: Vec<u32>,
}

impl NetworkEdits {
    pub fn is_empty(&self) -> bool {
        self.rates.is_empty() && self.links.is_empty() && self.capacities.is_empty() && self.clients.is_empty()
    }

    fn count(&self) -> usize {
        self.rates.len() + self.links.len() + self.capacities.len() + self.clients.len()
    }

    pub fn is_client(&self, user: u32) -> bool {
        self.clients.contains(&user)
    }

    /// Makes a peer a client (`true`) or one that serves too.
    pub fn set_client(&mut self, user: u32, client: bool) -> Result<(), EditError> {
        let at = self.clients.iter().position(|&c| c == user);
        match (client, at) {
            (true, None) if self.count() >= MAX_EDITS => return Err(EditError::TooMany),
            (true, None) => self.clients.push(user),
            (false, Some(i)) => {
                self.clients.remove(i);
            }
            _ => {}
        }
        Ok(())
    }

    pub fn capacity_of(&self, user: u32) -> Option<f64> {
        self.capacities.iter().find(|c| c.user == user).map(|c| c.per_s)
    }

    /// Sets one peer's service capacity, checked against the control's range.
    pub fn set_capacity(&mut self, user: u32, per_s: f64) -> Result<(), EditError> {
        Param::PeerCapacity.spec().check(Param::PeerCapacity, per_s).map_err(EditError::Value)?;
        let per_s = (per_s * 1000.0).round() / 1000.0;
        let full = self.count() >= MAX_EDITS;
        match self.capacities.iter_mut().find(|c| c.user == user) {
            Some(slot) => slot.per_s = per_s,
            None if full => return Err(EditError::TooMany),
            None => self.capacities.push(NodeCapacity { user, per_s }),
        }
        Ok(())
    }

    pub fn rates_of(&self, user: u32) -> Option<NodeRates> {
        self.rates.iter().copied().find(|r| r.user == user)
    }

    /// Sets one receiver's speeds; values outside the controls' ranges are
    /// refused with the control's own reason.
    pub fn set_rates(&mut self, user: u32, up_mbps: f64, down_mbps: f64) -> Result<(), EditError> {
        Param::PeerUpMbps.spec().check(Param::PeerUpMbps, up_mbps).map_err(EditError::Value)?;
        Param::PeerDownMbps.spec().check(Param::PeerDownMbps, down_mbps).map_err(EditError::Value)?;
        // Kept to a thousandth of a Mbps, so a share link stays short.
        let round = |v: f64| (v * 1000.0).round() / 1000.0;
        let rates = NodeRates { user, up_mbps: round(up_mbps), down_mbps: round(down_mbps) };
        let full = self.count() >= MAX_EDITS;
        match self.rates.iter_mut().find(|r| r.user == user) {
            Some(slot) => *slot = rates,
            None if full => return Err(EditError::TooMany),
            None => self.rates.push(rates),
        }
        Ok(())
    }

    /// Asks for two peers to be linked (`connected`) or not, whatever the
    /// generated overlay has.
    pub fn set_link(&mut self, a: u32, b: u32, connected: bool) -> Result<(), EditError> {
        if a == b {
            return Err(EditError::SelfLink);
        }
        let edit = LinkEdit::new(a, b, connected);
        let full = self.count() >= MAX_EDITS;
        match self.links.iter_mut().find(|l| (l.a, l.b) == (edit.a, edit.b)) {
            Some(slot) => *slot = edit,
            None if full => return Err(EditError::TooMany),
            None => self.links.push(edit),
        }
        Ok(())
    }

    /// Drops the hand-made state of a pair, so the generated overlay
    /// decides; true if there was one.
    pub fn forget_link(&mut self, a: u32, b: u32) -> bool {
        let (a, b) = (a.min(b), a.max(b));
        let before = self.links.len();
        self.links.retain(|l| (l.a, l.b) != (a, b));
        self.links.len() != before
    }

    /// Forgets what was set on a removed user; the users after it move down
    /// one place, as they do in the network.
    pub fn remove_user(&mut self, user: u32) {
        self.rates.retain(|r| r.user != user);
        for r in &mut self.rates {
            if r.user > user {
                r.user -= 1;
            }
        }
        self.links.retain(|l| l.a != user && l.b != user);
        for l in &mut self.links {
            *l = LinkEdit::new(shift(l.a, user), shift(l.b, user), l.connected);
        }
        self.capacities.retain(|c| c.user != user);
        for c in &mut self.capacities {
            c.user = shift(c.user, user);
        }
        self.clients.retain(|&c| c != user);
        for c in &mut self.clients {
            *c = shift(*c, user);
        }
    }

    /// Drops edits of users beyond a network of `users`. Where someone
    /// besides the hub must answer (`needs_a_peer`), a network left with
    /// only clients serves again.
    pub fn truncate(&mut self, users: u32, needs_a_peer: bool) {
        self.rates.retain(|r| r.user < users);
        self.links.retain(|l| l.b < users);
        self.capacities.retain(|c| c.user < users);
        self.clients.retain(|&c| c < users);
        if needs_a_peer && self.clients.len() as u32 >= users {
            self.clients.clear();
        }
    }
}

fn shift(i: u32, removed: u32) -> u32 {
    if i > removed {
        i - 1
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_checked_against_the_controls_ranges() {
        let mut e = NetworkEdits::default();
        assert!(e.set_rates(3, 20.0, 50.0).is_ok());
        assert_eq!(
            e.rates_of(3),
            Some(NodeRates {
                user: 3,
                up_mbps: 20.0,
                down_mbps: 50.0
            })
        );
        let why = e.set_rates(3, 0.01, 50.0).unwrap_err().to_string();
        assert!(why.contains("between"), "{why}");
        assert_eq!(
            e.rates_of(3).map(|r| r.up_mbps),
            Some(20.0),
            "a refused value changes nothing"
        );
        e.set_rates(3, 5.0, 50.0).unwrap();
        assert_eq!(e.rates.len(), 1, "setting again replaces");
        assert!(e.set_rates(3, 0.0, 50.0).is_err(), "no upload at all is a role, not a speed");
        e.set_rates(3, 12.345678901, 0.1234).unwrap();
        assert_eq!(e.rates_of(3).map(|r| (r.up_mbps, r.down_mbps)), Some((12.346, 0.123)));
    }

    #[test]
    fn a_pair_has_one_hand_made_state_at_most() {
        let mut e = NetworkEdits::default();
        e.set_link(7, 2, true).unwrap();
        assert_eq!(e.links, vec![LinkEdit { a: 2, b: 7, connected: true }]);
        e.set_link(2, 7, false).unwrap();
        assert_eq!(e.links, vec![LinkEdit { a: 2, b: 7, connected: false }]);
        assert!(e.forget_link(7, 2));
        assert!(e.is_empty() && !e.forget_link(2, 7));
        assert!(e.set_link(4, 4, true).is_err());
    }

    #[test]
    fn capacities_are_checked_and_follow_removals() {
        let mut e = NetworkEdits::default();
        assert!(e.set_capacity(4, 0.0).unwrap_err().to_string().contains("between"));
        e.set_capacity(4, 80.0).unwrap();
        e.set_capacity(6, 20.0).unwrap();
        e.remove_user(4);
        assert_eq!((e.capacity_of(4), e.capacity_of(5)), (None, Some(20.0)));
        e.set_client(7, true).unwrap();
        e.set_client(7, true).unwrap();
        assert_eq!(e.clients, vec![7]);
        e.remove_user(2);
        assert_eq!((e.clients.clone(), e.capacity_of(4)), (vec![6], Some(20.0)));
        e.truncate(4, true);
        assert!(e.is_empty());
        e.set_client(1, true).unwrap();
        e.set_client(1, false).unwrap();
        assert!(e.is_empty());
    }

    #[test]
    fn removing_a_user_renumbers_the_rest() {
        let mut e = NetworkEdits::default();
        e.set_rates(1, 1.0, 1.0).unwrap();
        e.set_rates(2, 2.0, 2.0).unwrap();
        e.set_rates(5, 5.0, 5.0).unwrap();
        e.set_link(2, 6, true).unwrap();
        e.set_link(0, 5, false).unwrap();
        e.remove_user(2);
        assert_eq!(
            e.rates
                .iter()
                .map(|r| (r.user, r.up_mbps))
                .collect::<Vec<_>>(),
            vec![(1, 1.0), (4, 5.0)]
        );
        assert_eq!(
            e.links,
            vec![LinkEdit {
                a: 0,
                b: 4,
                connected: false
            }]
        );
        e.truncate(4, true);
        assert_eq!(e.rates.len(), 1);
        assert!(e.links.is_empty());
    }

    #[test]
    fn edits_are_bounded() {
        let mut e = NetworkEdits::default();
        for u in 0..MAX_EDITS as u32 {
            e.set_rates(u, 1.0, 1.0).unwrap();
        }
        assert!(e.set_rates(MAX_EDITS as u32, 1.0, 1.0).is_err());
        assert!(e.set_link(0, 1, true).is_err());
        assert!(
            e.set_rates(0, 2.0, 2.0).is_ok(),
            "changing an existing edit is still allowed"
        );
    }
}
