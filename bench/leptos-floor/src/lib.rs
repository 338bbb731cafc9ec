//! The floor: the least Leptos machinery the widget's first card uses (a fetched feed in a
//! LocalResource, Suspense, a keyed For of cards with a reactive class and a click handler, a
//! memo and an effect), mounted in a shadow root. No feed reader, no words, no dates.
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[derive(Clone, PartialEq)]
struct Card { id: usize, title: String, place: String }

async fn load(url: String) -> Vec<Card> {
    let text = match gloo_net::http::Request::get(&url).send().await {
        Ok(r) => r.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    };
    text.lines().enumerate().map(|(id, l)| {
        let (title, place) = l.split_once('\t').unwrap_or((l, ""));
        Card { id, title: title.to_string(), place: place.to_string() }
    }).collect()
}

#[component]
fn Cards(cards: Vec<Card>) -> impl IntoView {
    let chosen = RwSignal::new(None::<usize>);
    let count = Memo::new(move |_| chosen.get().map_or(0, |c| c + 1));
    Effect::new(move |_| { let _ = count.get(); });
    view! {
        <p>{move || count.get()}</p>
        <For each=move || cards.clone() key=|c| c.id let:card>
            <article class="card" class:chosen=move || chosen.get() == Some(card.id)>
                <h2>{card.title.clone()}</h2>
                <p>{card.place.clone()}</p>
                <button on:click=move |_| chosen.set(Some(card.id))>"Details"</button>
            </article>
        </For>
    }
}

#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, url: String) {
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    let root = host.attach_shadow(&init).unwrap();
    let root: web_sys::HtmlElement = root.unchecked_into();
    let handle = mount_to(root, move || {
        let feed = LocalResource::new(move || load(url.clone()));
        view! {
            <Suspense fallback=|| view! { <p>"Loading"</p> }>
                {move || Suspend::new(async move { view! { <Cards cards=feed.await /> } })}
            </Suspense>
        }
    });
    handle.forget();
}
