use crate::route::Route;
use yew::prelude::*;

pub fn not_found() -> Html {
    html! {
        <article>
            <h1>{ "Page not found" }</h1>
            <p>{ "This address does not match any page of Hub & Mesh. It may be a mistyped link or a lesson that has been renamed." }</p>
            <p><a href={Route::Home.href()}>{ "Go to the list of lessons" }</a></p>
        </article>
    }
}
