//! The views, one struct each: a view owns its cursor and state, handles
//! its keys, names its key hints and draws itself from `&self` (ratatui's
//! demo2 tabs, gitui's components). The app only routes: keys to the view
//! shown, targets to the view that can show them, places to and from the
//! saved state.
//!
//! Adding a view is one struct implementing [`View`] and one line in
//! [`VIEWS`].

pub mod compare;
pub mod coverage;
pub mod discrepancies;
pub mod quotes;
pub mod read;
pub mod sources;
pub mod stories;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::keymap::Action;
use super::shared::{Mouse, Notice, Shared, Target};

/// A view's entry in the tab bar.
pub struct Entry {
    /// Its key in the config (`default_view`, `view_<key>`) and in the
    /// saved state.
    pub key: &'static str,
    /// Its name on the tab and in the help.
    pub name: &'static str,
    /// Its name on a tab when the whole names do not fit.
    pub short: &'static str,
    pub make: fn() -> Box<dyn View>,
}

/// Every view in tab order. Number keys 1, 2, ... show them in this order.
pub const VIEWS: &[Entry] = &[
    Entry { key: "read", name: "Read", short: "Read", make: || Box::new(read::Read::default()) },
    Entry { key: "compare", name: "Compare", short: "Comp", make: || Box::new(compare::Compare::default()) },
    Entry { key: "timeline", name: "Timeline", short: "Time", make: || Box::new(timeline::Timeline::default()) },
    Entry { key: "coverage", name: "Coverage", short: "Cover", make: || Box::new(coverage::Coverage::default()) },
    Entry {
        key: "discrepancies",
        name: "Discrepancies",
        short: "Discr",
        make: || Box::new(discrepancies::Discrepancies::default()),
    },
    Entry { key: "quotes", name: "Quotes", short: "Quotes", make: || Box::new(quotes::Quotes::default()) },
];

/// The index in [`VIEWS`] of the view with this key.
pub fn index_of(key: &str) -> Option<usize> {
    VIEWS.iter().position(|e| e.key.eq_ignore_ascii_case(key))
}

/// A view as `Any`, to look inside a particular one (tests, tools).
pub trait AsAny {
    #[cfg_attr(not(test), allow(dead_code, reason = "used by tests and the latency example, not the app"))]
    fn as_any(&self) -> &dyn std::any::Any;
}

impl<T: std::any::Any> AsAny for T {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// One view of the analysis.
pub trait View: AsAny {
    /// Handles an action; returns whether it did anything with it (an
    /// action a view leaves is offered to the app: `n` is the next passage
    /// in Compare, else the next search match).
    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool;

    /// The keys worth showing in the status line, most useful first.
    fn hints(&self, shared: &Shared) -> Vec<(Action, &'static str)>;

    /// Where the reader is, in words, for the status line.
    fn location(&self, shared: &Shared) -> String;

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect);

    /// Moves to the next (or previous) match of `query`; `fresh`: a new
    /// search, which may match where the cursor is. Returns the message
    /// for the status line, or `None` when nothing matches.
    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String>;

    /// Shows `target` if this view can; returns whether it did.
    fn show(&mut self, _target: &Target, _shared: &mut Shared) -> bool {
        false
    }

    /// The view is being shown (a number key, a jump): where the keyboard
    /// starts.
    fn enter(&mut self, _shared: &Shared) {}

    /// Whether the view needs the analysis (else it works on the articles
    /// alone, while the analysis runs).
    fn needs_analysis(&self) -> bool {
        true
    }

    /// The analysis arrived, or replaced the one shown.
    fn analysis_arrived(&mut self, _shared: &Shared) {}

    /// Something the view may care about changed.
    fn notice(&mut self, _notice: Notice, _shared: &Shared) {}

    /// The terminal was resized.
    fn resized(&mut self, _shared: &Shared) {}

    /// A mouse event inside the view's area: the wheel steps the cursor,
    /// unless the view knows better (scrolling the pane under the pointer,
    /// selecting what was clicked). Returns whether it did anything.
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        match mouse.wheel() {
            1 => self.handle(Action::Down, shared),
            -1 => self.handle(Action::Up, shared),
            _ => false,
        }
    }

    /// The article the reader is at, and the start of the sentence
    /// selected in it, for a view that reads text (Read).
    fn reading_at(&self, _shared: &Shared) -> Option<(usize, Option<usize>)> {
        None
    }

    /// The place to remember, anchored in the text; `None` when there is
    /// nothing to anchor it to yet.
    fn save(&self, shared: &Shared) -> Option<serde_json::Value>;

    /// Goes back to a remembered place (what [`View::save`] gave, perhaps
    /// from another analysis of the same articles, or another size).
    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared);
}

/// Moves a cursor by `delta` within `0..len`.
pub fn step(cursor: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (cursor as isize).saturating_add(delta).clamp(0, len as isize - 1) as usize
}

/// How far a movement key moves a cursor when a page is `page` items.
pub fn movement(action: Action, page: usize) -> Option<isize> {
    let page = page as isize;
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::HalfDown => (page / 2).max(1),
        Action::HalfUp => -(page / 2).max(1),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// A list's cursor under the mouse: the wheel steps it, a click selects
/// the item clicked in `list` (a bordered area showing the window of
/// `len` items around the cursor). Whether the event was taken.
pub fn list_mouse(cursor: &mut usize, len: usize, mouse: Mouse, list: Rect) -> bool {
    list_mouse_rows(cursor, len, mouse, list, 1)
}

/// [`list_mouse`] for a list whose items take `rows` lines each.
pub fn list_mouse_rows(cursor: &mut usize, len: usize, mouse: Mouse, list: Rect, rows: usize) -> bool {
    if mouse.kind != super::shared::Pointer::Click {
        *cursor = step(*cursor, mouse.wheel(), len);
        return true;
    }
    let Some(line) = mouse.line_in(list) else { return false };
    let rows = rows.max(1);
    let item = super::draw::window(*cursor, len, (super::layout::text_height(list) / rows).max(1)).start + line / rows;
    if item < len {
        *cursor = item;
    }
    true
}

/// A list's cursor moved by a movement key; whether `action` was one.
pub fn list_key(cursor: &mut usize, len: usize, action: Action, page: usize) -> bool {
    let Some(delta) = movement(action, page) else { return false };
    *cursor = step(*cursor, delta, len);
    true
}

/// Whether an action pages (rather than steps).
pub fn is_paging(action: Action) -> bool {
    matches!(action, Action::PageDown | Action::PageUp | Action::HalfDown | Action::HalfUp)
}

/// Search over the items of a list: moves `cursor` to the next item that
/// holds `query` and says which match of how many it is (`None`, and the
/// cursor left, when no item holds it).
pub fn search_list(texts: &[String], cursor: &mut usize, query: &str, forward: bool, fresh: bool) -> Option<String> {
    let (hit, message) = next_match(texts, *cursor, query, forward, fresh)?;
    *cursor = hit;
    Some(message)
}

/// A list's cursor kept on one of its `len` items (the first when empty),
/// after the items changed under it.
pub fn clamped(cursor: usize, len: usize) -> usize {
    cursor.min(len.saturating_sub(1))
}

/// The item to move to from `cursor` for [`search_list`], and its message.
fn next_match(texts: &[String], cursor: usize, query: &str, forward: bool, fresh: bool) -> Option<(usize, String)> {
    let n = texts.len();
    if n == 0 {
        return None;
    }
    let order: Vec<usize> = if forward {
        (usize::from(!fresh)..n + usize::from(!fresh)).map(|k| (cursor + k) % n).collect()
    } else {
        (1..=n).map(|k| (cursor + n - k) % n).collect()
    };
    let hits: Vec<usize> =
        (0..n).filter(|&i| parallax::text::search::find_start(&texts[i], query, 0).is_some()).collect();
    let hit = order.into_iter().find(|i| hits.binary_search(i).is_ok())?;
    let k = hits.iter().position(|&i| i == hit).unwrap_or(0);
    Some((hit, format!("match {}/{}", k + 1, hits.len())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::shared::Pointer;

    #[test]
    fn a_click_selects_the_item_of_the_line_clicked_whatever_its_rows() {
        // A bordered list at rows 0..10: lines 1..9 inside.
        let list = Rect::new(0, 0, 40, 10);
        let click = |row: u16| Mouse { kind: Pointer::Click, column: 5, row };
        let mut cursor = 0;
        assert!(list_mouse(&mut cursor, 8, click(4), list));
        assert_eq!(cursor, 3);
        // Two lines an item: the fourth line inside is the second item's
        // second, the fifth the third item's first.
        let mut cursor = 0;
        list_mouse_rows(&mut cursor, 8, click(4), list, 2);
        assert_eq!(cursor, 1);
        list_mouse_rows(&mut cursor, 8, click(5), list, 2);
        assert_eq!(cursor, 2);
    }
}
