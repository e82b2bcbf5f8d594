//! The key to the network drawings: fixed markup, kept as HTML.

use yew::prelude::*;

pub fn legend() -> Html {
    Html::from_html_unchecked(AttrValue::Static(include_str!("legend.html")))
}
