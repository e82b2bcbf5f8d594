//! The key to the network drawings: fixed markup, kept as HTML.

use crate::markup::Markup;
use yew::prelude::*;

pub fn legend() -> Html {
    Markup::from_static(include_str!("legend.html")).html()
}
