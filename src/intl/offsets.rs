//! A zone's offsets found with few questions to a slow source (the browser's `Intl`, about 5 µs
//! a question on a fast machine): the offsets asked so far, by quarter hour (every offset change
//! in the database falls on one), and what they say about the quarters between.
//!
//! No zone changes its clocks twice within a week (the closest two changes in the database,
//! Morocco's around Ramadan, are about five weeks apart). So two known quarters at most a week
//! apart with the same offset have it all between; otherwise the offsets at the ends of the
//! quarter's week are asked, and a change between them is found by halving. A zone costs about
//! one question per week a feed spans and ten per change of its clocks, not one per day a
//! meeting falls on (which was about 40 ms of a 5,000-meeting feed's parse on the benchmark's
//! slow phone).

/// Quarter hours in a week.
const WEEK: i64 = 7 * 96;

#[derive(Default)]
pub struct Offsets {
    /// Sorted by quarter; `None` where the source had no answer.
    known: Vec<(i64, Option<i32>)>,
}

impl Offsets {
    /// The offset at quarter hour `quarter` (seconds since the epoch / 900), asking `ask` only
    /// what the quarters known so far do not tell.
    pub fn at(&mut self, quarter: i64, mut ask: impl FnMut(i64) -> Option<i32>) -> Option<i32> {
        let i = match self.known.binary_search_by_key(&quarter, |(q, _)| *q) {
            Ok(i) => return self.known[i].1,
            Err(i) => i,
        };
        if let (Some(&(q0, before)), Some(&(q1, after))) =
            (i.checked_sub(1).and_then(|i| self.known.get(i)), self.known.get(i))
        {
            if before == after && q1 - q0 <= WEEK {
                return before;
            }
        }
        let mut asked = |q| self.asked(q, &mut ask);
        let mut low = quarter.div_euclid(WEEK) * WEEK;
        let mut high = low + WEEK;
        let (first, last) = (asked(low), asked(high));
        if first == last {
            return first;
        }
        // The change is after `low` and at or before `high`.
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if asked(middle) == first {
                low = middle;
            } else {
                high = middle;
            }
        }
        if quarter <= low {
            first
        } else {
            asked(high)
        }
    }

    /// The offset at `quarter`, asked of `ask` once.
    fn asked(&mut self, quarter: i64, ask: &mut impl FnMut(i64) -> Option<i32>) -> Option<i32> {
        match self.known.binary_search_by_key(&quarter, |(q, _)| *q) {
            Ok(i) => self.known[i].1,
            Err(i) => {
                let found = ask(quarter);
                self.known.insert(i, (quarter, found));
                found
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zone at +1 h that moves to +2 h at quarter `on` and back at quarter `off`.
    fn zone(on: i64, off: i64) -> impl Fn(i64) -> Option<i32> {
        move |q| Some(if (on..off).contains(&q) { 7200 } else { 3600 })
    }

    #[test]
    fn every_quarter_agrees_with_the_source_in_any_order_with_few_questions() {
        // Under three weeks of summer time, starting mid-week.
        let (on, off) = (10 * WEEK + 301, 13 * WEEK + 5);
        let truth = zone(on, off);
        // Quarters in a scattered order: before and after the summer first (what is known then
        // agrees weeks apart, the summer between), around both changes (after them, then
        // before), then every quarter of twenty weeks.
        let mut order = vec![
            on - 2 * WEEK,
            off + 2 * WEEK,
            (on + off) / 2,
            on + 3,
            on,
            on - 1,
            off,
            off - 1,
            off + 1,
        ];
        order.extend((0..20 * WEEK).map(|i| (i * 7919) % (20 * WEEK)));
        let mut offsets = Offsets::default();
        let mut questions = 0;
        for &q in &order {
            let answer = offsets.at(q, |q| {
                questions += 1;
                truth(q)
            });
            assert_eq!(answer, truth(q), "quarter {q}");
        }
        assert!(questions < 21 + 2 * 12, "about one question a week and ten a change: {questions}");
    }

    #[test]
    fn a_source_with_no_answer_has_none_everywhere() {
        let mut offsets = Offsets::default();
        assert_eq!(offsets.at(12_345, |_| None), None);
        assert_eq!(offsets.at(12_346, |_| None), None);
    }
}
