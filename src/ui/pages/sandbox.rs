use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SandboxPageProps {
    #[prop_or_default]
    pub embedded: bool,
}

#[component]
pub fn SandboxPage(props: &SandboxPageProps) -> Html {
    let _ = props.embedded;
    html! {
        <article class="sandbox">
            <h1>{ "Sandbox" }</h1>
        </article>
    }
}
