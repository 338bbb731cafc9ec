//! Listings brought into the page a step at a time (`model::widget::reveal`): a budget of meetings
//! shown, raised after each painted frame while the listings are on screen. The listings for
//! all cities start with [`FIRST`] and, while a city is chosen (they are hidden then), go back
//! to [`SCREEN`], so that coming back to All cities lays out a screenful before the reader sees
//! it, not every card; a chosen city's listings start with [`SCREEN`].

use crate::edge::timer::after_paint;
use crate::model::index::CityIndex;
use crate::model::widget::reveal::{Reveal, FIRST, SCREEN};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct Steps {
    plan: Arc<Reveal>,
    budget: RwSignal<usize>,
}

impl Steps {
    /// The listings for all cities: stepping while `city` is All cities, and back to a
    /// screenful (unseen) while a city is chosen.
    pub fn for_all_cities(plan: Reveal, city: Memo<Option<CityIndex>>) -> Steps {
        Steps::new(plan, FIRST, Signal::derive(move || city.get().is_none()))
    }

    /// The listings of a chosen city, made for it: stepping from a screenful until they are
    /// whole or dropped.
    pub fn for_a_city(plan: Reveal) -> Steps {
        Steps::new(plan, SCREEN, Signal::stored(true))
    }

    /// Steps from `first` while `shown`; while hidden, back to a screenful.
    fn new(plan: Reveal, first: usize, shown: Signal<bool>) -> Steps {
        let steps = Steps { plan: Arc::new(plan), budget: RwSignal::new(first) };
        let stepping = steps.clone();
        Effect::new(move |_| match shown.get() {
            true => stepping.step(shown),
            false => after_paint({
                let budget = stepping.budget;
                move || {
                    if shown.try_get_untracked() == Some(false) {
                        budget.set(SCREEN);
                    }
                }
            }),
        });
        steps
    }

    /// The next step, after the next paint, while `shown`.
    fn step(&self, shown: Signal<bool>) {
        let steps = self.clone();
        after_paint(move || {
            let Some(budget) = steps.budget.try_get_untracked() else { return };
            if shown.try_get_untracked() == Some(true) {
                if let Some(next) = steps.plan.next(budget) {
                    steps.budget.set(next);
                    steps.step(shown);
                }
            }
        });
    }

    /// Whether card `card` shows now; reactive.
    pub fn shows(&self, card: usize) -> Signal<bool> {
        let (plan, budget) = (self.plan.clone(), self.budget);
        Memo::new(move |_| plan.shows(card, budget.get())).into()
    }
}
