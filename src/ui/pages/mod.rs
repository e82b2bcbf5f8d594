pub mod certificate;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod sandbox;
