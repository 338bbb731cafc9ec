//! The listings for all cities brought into the page a step at a time (`model::reveal`): the
//! budget of meetings shown, raised after each painted frame while All cities is chosen, and
//! put back to the first once a city is chosen (unseen: those lists are hidden then), so
//! that going back to All cities lays out one step before the reader sees it, not every meeting.

use crate::edge::timer::after_paint;
use crate::model::reveal::{Reveal, FIRST};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct AllCities {
    plan: Arc<Reveal>,
    budget: RwSignal<usize>,
}

impl AllCities {
    /// Steps while `city` is All cities, from the first.
    pub fn new(plan: Reveal, city: Memo<Option<usize>>) -> AllCities {
        let all = AllCities { plan: Arc::new(plan), budget: RwSignal::new(FIRST) };
        let stepping = all.clone();
        Effect::new(move |_| match city.get() {
            None => stepping.step(city),
            Some(_) => after_paint({
                let budget = stepping.budget;
                move || {
                    if city.try_get_untracked().flatten().is_some() {
                        budget.set(FIRST);
                    }
                }
            }),
        });
        all
    }

    /// Everything at once: a static page, which has no frames to wait for.
    pub fn whole() -> AllCities {
        AllCities { plan: Arc::new(Reveal::new([])), budget: RwSignal::new(usize::MAX) }
    }

    /// The next step, after the next paint, while All cities stays chosen.
    fn step(&self, city: Memo<Option<usize>>) {
        let all = self.clone();
        after_paint(move || {
            let Some(budget) = all.budget.try_get_untracked() else { return };
            if city.get_untracked().is_none() {
                if let Some(next) = all.plan.next(budget) {
                    all.budget.set(next);
                    all.step(city);
                }
            }
        });
    }

    /// Whether card `card` lists its meetings for all cities now; reactive.
    pub fn shows(&self, card: usize) -> Memo<bool> {
        let (plan, budget) = (self.plan.clone(), self.budget);
        Memo::new(move |_| plan.shows(card, budget.get()))
    }
}
