//! Hub & Mesh: client-server versus peer-to-peer, simulated.

pub mod sim;
