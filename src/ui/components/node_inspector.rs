//! The selected node of one side: what it is and does, and what can be
//! changed on it (fail or revive it, remove it, its own link speeds, its
//! overlay links). The keyboard's and a screen reader's way to everything a
//! click or a key on the drawing does.

use crate::experiment::lab::{EditMsg, Lab, LabMsg, SelectMsg};
use crate::experiment::param::format_number;
use crate::experiment::Side;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub fn node_inspector(lab: &Lab, side: Side, prefix: &str, send: &Callback<LabMsg>) -> Html {
    let bench = lab.bench();
    let id = format!("{prefix}-node-{}", side.index());
    let view = lab.view(side);
    let chosen = lab.selected(side);
    let Some(node) = view.nodes.iter().find(|n| n.id == chosen) else {
        return Html::default();
    };
    let pick = send.reform(move |e: Event| {
        SelectMsg::Pick(side, e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0)).into()
    });
    let options = view.nodes.iter().map(|n| {
        html! { <option value={n.id.to_string()} selected={n.id == chosen}>{ n.name() }</option> }
    });
    let user = lab.user_of(side, chosen);
    let rates = user.filter(|_| bench.rates_editable()).map(|user| {
        let (up, down_mbps) = lab.rates(user);
        let field = |down: bool| {
            let value = if down { down_mbps } else { up };
            let fid = format!("{id}-{}", if down { "down" } else { "up" });
            let onchange = send.reform(move |e: Event| EditMsg::Rate { user, down, text: e.target_unchecked_into::<HtmlInputElement>().value() }.into());
            html! {
                <span class="node-field">
                    <label for={fid.clone()}>{ format!("{} (Mbps)", if down { "Its download" } else { "Its upload" }) }</label>
                    <input type="text" inputmode="decimal" class="number" id={fid} value={format_number(value)} {onchange} />
                </span>
            }
        };
        // Only a peer on the peer-to-peer side passes chunks on.
        let uploads = side == Side::Distributed && lab.serves(user);
        html! { <>if uploads { { field(false) } }{ field(true) }</> }
    });
    // The role matters where peers serve: the peer-to-peer side.
    let words = bench.role_words().filter(|_| side == Side::Distributed);
    let role = user.zip(words).map(|(user, words)| {
        let rid = format!("{id}-role");
        let serves = lab.serves(user);
        let onchange = send.reform(move |e: Event| EditMsg::PeerRole { user, peer: e.target_unchecked_into::<HtmlSelectElement>().value() == "peer" }.into());
        let (peer, client) = (words.peer, words.client);
        html! {
            <div class="node-rates">
                <span class="node-field">
                    <label for={rid.clone()}>{ "Its role" }</label>
                    <select id={rid} {onchange}>
                        <option value="peer" selected={serves}>{ peer }</option>
                        <option value="client" selected={!serves}>{ client }</option>
                    </select>
                </span>
            </div>
        }
    });
    let capacity = user.filter(|&u| side == Side::Distributed && bench.capacity_editable() && lab.serves(u)).map(|user| {
        let cid = format!("{id}-capacity");
        let onchange = send.reform(move |e: Event| EditMsg::Capacity { user, text: e.target_unchecked_into::<HtmlInputElement>().value() }.into());
        html! {
            <div class="node-rates">
                <span class="node-field">
                    <label for={cid.clone()}>{ "Its capacity (requests/s)" }</label>
                    <input type="text" inputmode="decimal" class="number" id={cid} value={format_number(lab.capacity(user))} {onchange} />
                </span>
            </div>
        }
    });
    let links = (side == Side::Distributed && bench.links_editable(lab.params())).then(|| {
        let neighbours: Vec<u32> = view
            .edges
            .iter()
            .filter_map(|&(a, b)| if a == chosen { Some(b) } else if b == chosen { Some(a) } else { None })
            .collect();
        let cut = neighbours.iter().map(|&n| {
            html! { <li><button type="button" onclick={send.reform(move |_| EditMsg::Link(chosen, n).into())}>{ format!("Cut link to peer {n}") }</button></li> }
        });
        let others: Vec<Html> = view
            .nodes
            .iter()
            .filter(|n| n.id != chosen && !neighbours.contains(&n.id))
            .map(|n| html! { <option value={n.id.to_string()}>{ format!("peer {}", n.id) }</option> })
            .collect();
        let cid = format!("{id}-connect");
        let connect = {
            let cid = cid.clone();
            send.reform(move |_| {
                let target = gloo::utils::document()
                    .get_element_by_id(&cid)
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(e).ok())
                    .and_then(|s| s.value().parse().ok())
                    .unwrap_or(chosen);
                EditMsg::Link(chosen, target).into()
            })
        };
        html! {
            <div class="node-links">
                <p>{ format!("Overlay neighbours: {}", if neighbours.is_empty() { "none".to_owned() } else { neighbours.len().to_string() }) }</p>
                <ul>{ for cut }</ul>
                if !others.is_empty() {
                    <label for={cid.clone()}>{ "Connect to" }</label>
                    <select id={cid}>{ for others }</select>
                    <button type="button" onclick={connect}>{ "Connect" }</button>
                } else {
                    <p>{ "Linked to every other peer already." }</p>
                }
            </div>
        }
    });
    html! {
        <div class="node-inspector">
            <div class="fail-control">
                <label for={id.clone()}>{ "Selected node" }</label>
                <select id={id} onchange={pick}>{ for options }</select>
                if lab.can_fail(side) {
                    <button type="button" class="toggle-node" onclick={send.reform(move |_| LabMsg::Toggle(side, chosen))}>
                        { if node.up { "Fail it" } else { "Revive it" } }
                    </button>
                }
                if lab.can_build() && user.is_some() {
                    <button type="button" class="remove-node" onclick={send.reform(move |_| EditMsg::RemoveNode(side, chosen).into())}>{ "Remove it" }</button>
                }
            </div>
            <p class="node-about">
                { format!("{} {} {}; {}.", capital(node.role.label()), node.id, node.role.duty(), if node.up { "online" } else { "offline" }) }
            </p>
            { for role }
            if let Some(fields) = rates {
                <div class="node-rates">{ fields }</div>
            }
            { for capacity }
            if let Some(links) = links {
                { links }
            }
        </div>
    }
}

fn capital(s: &str) -> String {
    // ASCII only: Unicode case tables would add kilobytes to the bundle.
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}
