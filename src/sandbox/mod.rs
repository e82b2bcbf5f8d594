//! The sandbox's state without the UI: which bench, which parameters,
//! which seed, and the share-link codec that carries them in the URL.

pub mod link;
pub mod setup;
pub mod sweep;

pub use link::{decode, encode, LinkError};
pub use setup::SandboxSetup;
