use crate::lessons::LessonSlug;
use crate::ui::components::comparison_table::ComparisonTable;
use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Home() -> Html {
    html! {
        <article class="home">
            <h1>{ "Hub & Mesh" }</h1>
            <p class="lead">
                { "Two ways to build a network: a hub that serves everyone, or a mesh of equals. \
                   Textbooks compare them in a table. Here you test every row of that table \
                   yourself, in a simulator that agrees with the textbook's formulas." }
            </p>
            <section aria-labelledby="learn-heading">
                <h2 id="learn-heading">{ "What you will learn" }</h2>
                <ul class="learn-list">
                    <li>{ "Who asks and who answers in a client-server network, and in a peer-to-peer one." }</li>
                    <li>{ "Why a server's queue fills up as clients arrive, and how peers spread the load." }</li>
                    <li>{ "What happens to data, cost and stability when there is no central machine." }</li>
                    <li>{ "When the simple claims are wrong: a swarm of millions is peer-to-peer too." }</li>
                </ul>
            </section>
            <section aria-labelledby="table-heading">
                <h2 id="table-heading">{ "The comparison, one lesson per row" }</h2>
                <p>{ "Choose a row to open its lesson. Each lesson states the claim, explains it, and lets you run the experiment that proves or qualifies it." }</p>
                <ComparisonTable />
                <p class="start">
                    <Link<Route> to={Route::Lesson { slug: LessonSlug::ALL[0] }} classes="button">
                        { "Start with lesson 1" }
                    </Link<Route>>
                </p>
            </section>
        </article>
    }
}
