//! The key to the network drawings.

use yew::prelude::*;

/// A plain function rather than a component: it has no state, and every
/// component type costs the bundle its own copy of Yew's lifecycle code.
pub fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="Key to the drawings">
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><rect class="node server" x="1" y="1" width="10" height="10" rx="1" /></svg>{ "Server (square, S)" }</li>
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><circle class="node client" cx="6" cy="6" r="5" /></svg>{ "Client" }</li>
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><circle class="node peer" cx="6" cy="6" r="5" /></svg>{ "Peer" }</li>
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><g class="node down"><circle cx="6" cy="6" r="5" /><path class="cross" d="M1 1L11 11M11 1L1 11" /></g></svg>{ "Offline (crossed out)" }</li>
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><circle class="packet request" cx="6" cy="6" r="3" /></svg>{ "Request or query" }</li>
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><circle class="packet response" cx="6" cy="6" r="3" /></svg>{ "Answer" }</li>
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><circle class="packet data" cx="6" cy="6" r="3" /></svg>{ "Data" }</li>
            <li><svg viewBox="0 0 12 12" aria-hidden="true"><rect class="meter" x="0" y="5" width="12" height="2" /></svg>{ "Meter: progress or load" }</li>
        </ul>
    }
}
