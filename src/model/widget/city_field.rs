//! The city field's state and its keyboard rules, after the WAI-ARIA practices ("editable
//! combobox with list autocomplete"): what the reader is typing, whether the list is open, the
//! entries it shows ("All cities" and every city, or the cities the typed text matches:
//! `places::city_search`) and the entry the keys are on. Arrow keys move through the list (no
//! wrapping), Page Up and Page Down ten entries at once; Enter chooses; Escape closes and
//! restores the field; Home and End are the text's (they move the caret). Plain data:
//! `components/city_combobox.rs` keeps one in a signal and renders from it.

use crate::model::index::CityIndex;
use crate::model::places::city_search;

/// One entry of the list: a city (its index), or `None` for "All cities".
pub type Entry = Option<CityIndex>;

/// The cities a list is made of.
#[derive(Clone, Copy)]
pub struct Cities<'a> {
    /// In the order the list shows them: by name, or nearest first after "Near me".
    pub order: &'a [CityIndex],
    /// Each city's label as the search compares it (`Listing::city_keys`), indexed like the
    /// cities: asked for only once the reader types.
    pub keys: &'a dyn Fn() -> &'a [String],
}

/// A key the field acts on, from a keyboard event's `key` (and whether Alt is down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Alt+ArrowDown: opens the list, and moves nothing.
    Open,
    Down,
    Up,
    PageDown,
    PageUp,
    Enter,
    Escape,
}

impl Key {
    /// The key of a `KeyboardEvent.key`; `None`: not one of the field's.
    pub fn of(name: &str, alt: bool) -> Option<Key> {
        Some(match name {
            "ArrowDown" if alt => Key::Open,
            "ArrowDown" => Key::Down,
            "ArrowUp" => Key::Up,
            "PageDown" => Key::PageDown,
            "PageUp" => Key::PageUp,
            "Enter" => Key::Enter,
            "Escape" => Key::Escape,
            _ => return None,
        })
    }
}

/// What a key press did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// Nothing: the key is left to the browser and the page (Page Down scrolls while the list is
    /// closed, Escape reaches the host page).
    Ignored,
    /// Opened the list.
    Opened,
    /// Moved the active entry, or closed the list.
    Handled,
    /// Chose an entry (Enter on it), and closed the list.
    Chose(Entry),
}

/// How far Page Up and Page Down move.
const PAGE: isize = 10;

/// The state of the city field. Closed, and showing the chosen city, at first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CityField {
    /// What the reader typed; `None` while the field shows the chosen city.
    typed: Option<String>,
    open: bool,
    /// The entry the keys are on (what Enter takes), while the list is open.
    active: Option<Entry>,
    /// The list's entries: empty while it is closed.
    shown: Vec<Entry>,
}

impl CityField {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// What the reader typed, while the field shows that rather than the chosen city.
    pub fn typed(&self) -> Option<&str> {
        self.typed.as_deref()
    }

    /// The entry the keys are on (`aria-activedescendant`): none while the list is closed.
    pub fn active(&self) -> Option<Entry> {
        self.active.filter(|_| self.open)
    }

    /// Where the active entry is in the list.
    pub fn active_at(&self) -> Option<usize> {
        let active = self.active()?;
        self.shown.iter().position(|&e| e == active)
    }

    /// The list's entries, in order.
    pub fn shown(&self) -> &[Entry] {
        &self.shown
    }

    /// The typed text, when no city matches it.
    pub fn no_match(&self) -> Option<&str> {
        self.typed.as_deref().filter(|_| self.shown.is_empty()).map(str::trim)
    }

    /// The entries for what is typed: "All cities" and every city while nothing is, else the
    /// cities that match it, best first.
    fn entries(&self, cities: Cities) -> Vec<Entry> {
        match self.typed.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => std::iter::once(None).chain(cities.order.iter().copied().map(Some)).collect(),
            Some(t) => city_search::matches((cities.keys)(), cities.order, t)
                .into_iter()
                .map(Some)
                .collect(),
        }
    }

    /// Opens the list on the chosen city (a tap on the field, its button, or a key). `false`:
    /// it was open already, and nothing changed.
    pub fn open(&mut self, chosen: Entry, cities: Cities) -> bool {
        if self.open {
            return false;
        }
        self.open = true;
        self.active = Some(chosen);
        self.shown = self.entries(cities);
        true
    }

    /// The reader typed (or deleted): the list opens with the cities that match, and the best
    /// match is the one Enter takes.
    pub fn type_text(&mut self, text: String, cities: Cities) {
        self.typed = Some(text);
        self.open = true;
        self.shown = self.entries(cities);
        self.active = self.shown.first().copied();
    }

    /// The cities' order changed (the reader's position came): an open list follows it, its
    /// active entry kept.
    pub fn reorder(&mut self, cities: Cities) -> bool {
        if self.open {
            self.shown = self.entries(cities);
        }
        self.open
    }

    /// Closes the list and forgets what was typed: the field shows the chosen city again.
    /// `false`: it was so already.
    pub fn close(&mut self) -> bool {
        let changed = self.open || self.typed.is_some();
        self.typed = None;
        self.open = false;
        self.active = None;
        self.shown = Vec::new();
        changed
    }

    /// Moves the active entry `step` entries on, stopping at either end of the list; from no
    /// entry, down goes to the first and up to the last.
    fn move_by(&mut self, step: isize) {
        let Some(last) = self.shown.len().checked_sub(1) else { return };
        let next = match self.active_at() {
            Some(at) => at.saturating_add_signed(step).min(last),
            None if step > 0 => 0,
            None => last,
        };
        self.active = Some(self.shown[next]);
    }

    /// A key pressed in the field, with the city chosen now.
    pub fn press(&mut self, key: Key, chosen: Entry, cities: Cities) -> Press {
        match key {
            Key::Open | Key::Down | Key::Up if !self.open => {
                self.open(chosen, cities);
                return Press::Opened;
            }
            Key::Open => {}
            Key::Down => self.move_by(1),
            Key::Up => self.move_by(-1),
            Key::PageDown if self.open => self.move_by(PAGE),
            Key::PageUp if self.open => self.move_by(-PAGE),
            Key::Enter if self.open => {
                let active = self.active;
                self.close();
                if let Some(entry) = active {
                    return Press::Chose(entry);
                }
            }
            Key::Escape if self.open || self.typed.is_some() => {
                self.close();
            }
            Key::PageDown | Key::PageUp | Key::Enter | Key::Escape => return Press::Ignored,
        }
        Press::Handled
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::places::city_name::key;

    /// The cities by name, and their labels' keys.
    const LABELS: [&str; 5] = ["Berlin", "Bern", "München", "New Berlin, WI", "Oberlin"];

    /// Runs `f` with the cities of `LABELS` in `order`, and counts how often the keys were asked
    /// for.
    fn with_cities<T>(order: &[CityIndex], f: impl FnOnce(Cities) -> T) -> (T, usize) {
        let keys: Vec<String> = LABELS.iter().map(|l| key(l)).collect();
        let asked = std::cell::Cell::new(0);
        let get = || {
            asked.set(asked.get() + 1);
            &keys[..]
        };
        let out = f(Cities { order, keys: &get });
        (out, asked.get())
    }

    /// The entries of an open list with nothing typed: "All cities", then these cities.
    fn all_cities_then(cities: &[usize]) -> Vec<Entry> {
        std::iter::once(None).chain(cities.iter().map(|&c| Some(CityIndex(c)))).collect()
    }

    const BY_NAME: [CityIndex; 5] =
        [CityIndex(0), CityIndex(1), CityIndex(2), CityIndex(3), CityIndex(4)];

    /// A field after `keys`, with Bern (1) chosen.
    fn after(keys: &[Key]) -> (CityField, Vec<Press>) {
        let mut field = CityField::default();
        let (presses, _) = with_cities(&BY_NAME, |c| {
            keys.iter().map(|&k| field.press(k, Some(CityIndex(1)), c)).collect::<Vec<_>>()
        });
        (field, presses)
    }

    #[test]
    fn keys_by_name() {
        assert_eq!(Key::of("ArrowDown", false), Some(Key::Down));
        assert_eq!(Key::of("ArrowDown", true), Some(Key::Open));
        assert_eq!(Key::of("Escape", false), Some(Key::Escape));
        assert_eq!(Key::of("Home", false), None, "the caret's");
        assert_eq!(Key::of("End", false), None, "the caret's");
        assert_eq!(Key::of("a", false), None);
    }

    #[test]
    fn opens_on_the_chosen_city_with_all_cities_first() {
        let mut field = CityField::default();
        assert!(!field.is_open());
        assert_eq!(field.shown(), []);
        let ((), asked) = with_cities(&[4, 0, 1, 2, 3].map(CityIndex), |c| {
            assert!(field.open(Some(CityIndex(1)), c));
            assert!(!field.open(Some(CityIndex(2)), c), "open already");
        });
        assert_eq!(asked, 0, "no key made before a letter is typed");
        assert!(field.is_open());
        assert_eq!(field.shown(), all_cities_then(&[4, 0, 1, 2, 3]));
        assert_eq!(field.active(), Some(Some(CityIndex(1))));
        assert_eq!(field.active_at(), Some(3));
    }

    #[test]
    fn arrows_move_through_the_list_and_stop_at_its_ends() {
        let (field, presses) = after(&[Key::Down]);
        assert_eq!(presses, [Press::Opened]);
        assert_eq!(field.active(), Some(Some(CityIndex(1))), "the chosen city, Bern");
        let (field, _) = after(&[Key::Up, Key::Down, Key::Down]);
        assert_eq!(field.active(), Some(Some(CityIndex(3))));
        let (field, _) = after(&[Key::Down, Key::Up, Key::Up, Key::Up, Key::Up]);
        assert_eq!(field.active(), Some(None), "All cities, first: no wrapping");
        let (field, _) = after(&[Key::Down, Key::PageDown]);
        assert_eq!(field.active(), Some(Some(CityIndex(4))), "Oberlin, last: no wrapping");
        let (field, _) = after(&[Key::Down, Key::PageDown, Key::PageUp]);
        assert_eq!(field.active(), Some(None));
        let (field, presses) = after(&[Key::Open, Key::Open, Key::Down]);
        assert_eq!(presses, [Press::Opened, Press::Handled, Press::Handled]);
        assert_eq!(field.active(), Some(Some(CityIndex(2))));
    }

    #[test]
    fn enter_chooses_the_active_entry_and_closes() {
        let (field, presses) = after(&[Key::Down, Key::Down, Key::Enter]);
        assert_eq!(presses.last(), Some(&Press::Chose(Some(CityIndex(2)))));
        assert_eq!(field, CityField::default());
        let (_, presses) = after(&[Key::Down, Key::Up, Key::Up, Key::Enter]);
        assert_eq!(presses.last(), Some(&Press::Chose(None)), "All cities");
        let (_, presses) = after(&[Key::Enter]);
        assert_eq!(presses, [Press::Ignored], "closed: Enter is the page's");
    }

    #[test]
    fn escape_closes_and_a_second_is_the_pages() {
        let (field, presses) = after(&[Key::Down, Key::Escape, Key::Escape]);
        assert_eq!(presses, [Press::Opened, Press::Handled, Press::Ignored]);
        assert_eq!(field, CityField::default());
        let (field, presses) = after(&[Key::PageDown, Key::PageUp]);
        assert_eq!(presses, [Press::Ignored, Press::Ignored], "closed: the page scrolls");
        assert_eq!(field, CityField::default());
    }

    #[test]
    fn typing_narrows_the_list_and_the_best_match_is_active() {
        let mut field = CityField::default();
        let ((), asked) = with_cities(&BY_NAME, |c| {
            field.type_text("BERL".into(), c);
            assert!(field.is_open());
            assert_eq!(field.typed(), Some("BERL"));
            assert_eq!(field.shown(), [Some(CityIndex(0)), Some(CityIndex(3)), Some(CityIndex(4))]);
            assert_eq!(field.active(), Some(Some(CityIndex(0))));
            assert_eq!(field.press(Key::Down, Some(CityIndex(1)), c), Press::Handled);
            assert_eq!(
                field.press(Key::Enter, Some(CityIndex(1)), c),
                Press::Chose(Some(CityIndex(3)))
            );
            field.type_text("munch".into(), c);
            assert_eq!(field.shown(), [Some(CityIndex(2))]);
            field.type_text("atlantis ".into(), c);
            assert_eq!(field.shown(), []);
            assert_eq!(field.active(), None);
            assert_eq!(field.no_match(), Some("atlantis"));
            assert_eq!(
                field.press(Key::Enter, Some(CityIndex(1)), c),
                Press::Handled,
                "nothing to take"
            );
            assert!(!field.is_open());
            // An emptied field lists every city again, All cities first, and Enter takes it.
            field.type_text(String::new(), c);
            assert_eq!(field.shown().len(), LABELS.len() + 1);
            assert_eq!(field.press(Key::Enter, Some(CityIndex(1)), c), Press::Chose(None));
        });
        assert!(asked >= 1);
    }

    #[test]
    fn escape_forgets_what_was_typed() {
        let mut field = CityField::default();
        with_cities(&BY_NAME, |c| {
            field.type_text("ber".into(), c);
            assert_eq!(field.press(Key::Escape, Some(CityIndex(1)), c), Press::Handled);
        });
        assert_eq!(field.typed(), None, "the field shows the chosen city again");
        assert_eq!(field.no_match(), None);
        assert!(!field.close(), "closed already");
    }

    #[test]
    fn an_open_list_follows_a_new_order() {
        let mut field = CityField::default();
        with_cities(&BY_NAME, |c| {
            assert!(!field.reorder(c), "closed: nothing to do");
            field.open(Some(CityIndex(1)), c);
        });
        with_cities(&[4, 3, 2, 1, 0].map(CityIndex), |c| assert!(field.reorder(c)));
        assert_eq!(field.shown(), all_cities_then(&[4, 3, 2, 1, 0]));
        assert_eq!(field.active(), Some(Some(CityIndex(1))));
        assert_eq!(field.active_at(), Some(4));
    }
}
