//! How listings come into the page: card by card in feed order, a first step of meetings at
//! once, then more at a time, each step after the one before was painted, and each twice the
//! one before up to [`STEP`] meetings and [`STEP_CARDS`] cards (a small first step is followed
//! by small ones, so that the frame after it is quick too).
//! Laying out hundreds of meetings at once costs a slow phone half a second, and even a dozen
//! cards with their summaries cost it more than a frame; a step costs a frame, and only adds
//! cards below those already shown, so nothing on screen moves.

/// About how many meetings show as the widget starts (whole cards: a card's list comes in at
/// once). A feed of that size or less shows whole, as tall as the listings pre-rendered into a
/// page, which the widget replaces.
pub const FIRST: usize = 48;
/// About how many meetings show at once when listings are shown on a tap (a city chosen, or
/// All cities again): a phone screen holds about two cards with a meeting each.
pub const SCREEN: usize = 2;
/// About how many meetings each step adds at most.
pub const STEP: usize = 24;
/// How many cards each step adds at most: a card's heading and summary cost a slow phone about
/// as much as a few meetings, and a chosen city's cards list a meeting or two each.
pub const STEP_CARDS: usize = 3;

/// Where each card's meetings start in the listings for all cities.
#[derive(Debug, PartialEq, Eq)]
pub struct Reveal {
    starts: Vec<usize>,
}

impl Reveal {
    /// `lengths`: how many meetings each card lists for all cities, in card order.
    pub fn new(lengths: impl IntoIterator<Item = usize>) -> Reveal {
        let mut total = 0;
        let starts = lengths
            .into_iter()
            .map(|n| {
                total += n;
                total - n
            })
            .collect();
        Reveal { starts }
    }

    /// Whether card `card` lists its meetings once `budget` meetings may be shown: the first
    /// card always does.
    pub fn shows(&self, card: usize, budget: usize) -> bool {
        self.starts.get(card).is_none_or(|&start| start == 0 || start < budget)
    }

    /// The budget of the step after `budget`, or `None` once every card shows its meetings:
    /// twice `budget`, at most [`STEP`] meetings and [`STEP_CARDS`] cards more. After a small
    /// first step, a card of many meetings waits for the budget to reach it (a few frames that
    /// add nothing), rather than making the frame right after a tap a slow one.
    pub fn next(&self, budget: usize) -> Option<usize> {
        let last_start = self.starts.last().copied().unwrap_or(0);
        (budget <= last_start).then(|| {
            let doubled = budget.saturating_add(budget.clamp(1, STEP));
            // The first card not shown yet, and the one STEP_CARDS after it, which stays out.
            let unshown = self.starts.partition_point(|&start| start < budget);
            let beyond = self.starts.get(unshown + STEP_CARDS).copied().unwrap_or(usize::MAX);
            doubled.min(beyond).max(budget + 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_come_in_whole_in_order_a_step_at_a_time() {
        let reveal = Reveal::new([20, 20, 0, 5, 20, 20, 20]);
        let shown = |budget| (0..7).filter(|&c| reveal.shows(c, budget)).collect::<Vec<_>>();
        assert_eq!(
            shown(FIRST),
            [0, 1, 2, 3, 4],
            "the fifth card starts at 45, inside the first 48"
        );
        assert_eq!(shown(FIRST + STEP), [0, 1, 2, 3, 4, 5]);
        assert_eq!(shown(FIRST + 2 * STEP), [0, 1, 2, 3, 4, 5, 6]);
        let steps: Vec<_> = std::iter::successors(Some(FIRST), |&b| reveal.next(b)).collect();
        assert_eq!(
            steps,
            [FIRST, FIRST + STEP, FIRST + 2 * STEP],
            "no step after the last card shows"
        );
    }

    #[test]
    fn a_small_feed_shows_everything_in_the_first_step() {
        let reveal = Reveal::new([10, 20, 18]);
        assert!((0..3).all(|c| reveal.shows(c, FIRST)));
        assert_eq!(reveal.next(FIRST), None);
        assert_eq!(Reveal::new([]).next(FIRST), None);
        assert!(Reveal::new([40]).shows(0, 0), "the first card even with no budget");
    }

    #[test]
    fn steps_from_a_screenful_double_up_to_a_few_cards() {
        // A chosen city's cards: a meeting each.
        let reveal = Reveal::new([1; 20]);
        let steps: Vec<_> = std::iter::successors(Some(SCREEN), |&b| reveal.next(b)).collect();
        assert_eq!(steps, [2, 4, 7, 10, 13, 16, 19, 38]);
        // Cards of twenty meetings: the first alone, the second once the budget has doubled to it.
        let reveal = Reveal::new([20; 6]);
        let steps: Vec<_> = std::iter::successors(Some(SCREEN), |&b| reveal.next(b)).collect();
        assert_eq!(steps, [2, 4, 8, 16, 32, 56, 80, 104]);
    }
}
