//! Where things go on screen, as pure functions of the terminal size, so
//! that key handling (scroll limits, page sizes, the mouse) and drawing
//! agree. Every layout degrades rather than refuses: below some width the
//! source list steps aside, reading panes stack, the two sides of a
//! comparison stack, detail panes fold away; nothing assumes more than the
//! area it is given.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the screen shows only a line asking for more room.
pub const TINY: (u16, u16) = (16, 4);

/// Below this width the Read view hides its source list (unless asked).
pub const READ_LIST_MIN: u16 = 60;
/// Below this width Compare hides its source list (unless asked).
pub const COMPARE_LIST_MIN: u16 = 120;
/// A comparison's two sides stand side by side from this inner width on,
/// else one above the other.
pub const SIDE_BY_SIDE_MIN: u16 = 56;
/// Reading panes stand side by side while each gets this many columns.
const PANE_MIN_WIDTH: u16 = 30;
/// ... else one above the other while each gets this many rows.
const PANE_MIN_HEIGHT: u16 = 6;

/// The area between the tab bar (first row) and the status line (last row).
pub fn body(size: (u16, u16)) -> Rect {
    if size.1 < 3 {
        return Rect::new(0, 0, size.0, size.1);
    }
    Rect::new(0, 1, size.0, size.1 - 2)
}

/// Width of the source list beside the view.
fn sources_width(area: Rect) -> u16 {
    (area.width / 3).clamp(24, 36).min(area.width)
}

/// Whether a view's source list is drawn: shown and room for it, or the
/// list has the keyboard.
pub fn list_shown(area: Rect, hidden: bool, min_width: u16, focused: bool) -> bool {
    focused || (!hidden && area.width >= min_width)
}

/// A view with a source list: (list, rest). A list with the keyboard on a
/// narrow screen takes the whole area.
pub fn with_list(area: Rect, shown: bool, min_width: u16) -> (Option<Rect>, Rect) {
    if !shown {
        return (None, area);
    }
    if area.width < min_width {
        return (Some(area), Rect::new(area.x + area.width, area.y, 0, area.height));
    }
    let [list, rest] = Layout::horizontal([Constraint::Length(sources_width(area)), Constraint::Min(1)]).areas(area);
    (Some(list), rest)
}

/// Reading panes in `area`: side by side while each gets
/// [`PANE_MIN_WIDTH`] columns, else one above the other while each gets
/// [`PANE_MIN_HEIGHT`] rows, else only the active one (the others get an
/// empty rectangle).
pub fn panes(area: Rect, panes: usize, active: usize) -> Vec<Rect> {
    let n = panes.max(1) as u16;
    if area.width / n >= PANE_MIN_WIDTH || n == 1 {
        return Layout::horizontal((0..n).map(|_| Constraint::Ratio(1, n.into()))).split(area).to_vec();
    }
    if area.height / n >= PANE_MIN_HEIGHT {
        return Layout::vertical((0..n).map(|_| Constraint::Ratio(1, n.into()))).split(area).to_vec();
    }
    (0..n as usize).map(|i| if i == active { area } else { Rect::new(area.x, area.y, 0, 0) }).collect()
}

/// Compare's main pane: (header, text) inside the border; the header holds
/// the two sources' names, one row each (one row in all on a short screen).
pub fn compare_main(main: Rect) -> (Rect, Rect) {
    let inner = inner(main);
    let head = if inner.height >= 10 { 2 } else { 1.min(inner.height) };
    let [head, text] = Layout::vertical([Constraint::Length(head), Constraint::Min(0)]).areas(inner);
    (head, text)
}

/// The comparison's text area split into the two sides with a one-column
/// gap, when wide enough for side by side.
pub fn compare_columns(text: Rect) -> Option<(Rect, Rect, Rect)> {
    if text.width < SIDE_BY_SIDE_MIN {
        return None;
    }
    let [left, gap, right] =
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Length(1), Constraint::Ratio(1, 2)]).areas(text);
    Some((left, gap, right))
}

/// The Timeline view: the event list and, under it, the selected event's
/// detail (folded away on a short screen).
pub fn timeline(area: Rect) -> (Rect, Rect) {
    let detail = if area.height >= 16 { 6 } else { 0 };
    let [list, detail] = Layout::vertical([Constraint::Min(3), Constraint::Length(detail)]).areas(area);
    (list, detail)
}

/// The Discrepancies view: the list and the selected pair's detail.
pub fn discrepancies(area: Rect) -> (Rect, Rect) {
    let detail = if area.height >= 20 { 9 } else { area.height / 2 };
    let [list, detail] = Layout::vertical([Constraint::Min(3), Constraint::Length(detail)]).areas(area);
    (list, detail)
}

/// The Quotes view: the list and the selected quote as each source gives it.
pub fn quotes(area: Rect) -> (Rect, Rect) {
    let [list, detail] = Layout::vertical([Constraint::Min(3), Constraint::Length(area.height / 2)]).areas(area);
    (list, detail)
}

/// Inside a border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(r.x + 1.min(r.width), r.y + 1.min(r.height), r.width.saturating_sub(2), r.height.saturating_sub(2))
}

/// Columns of text inside a bordered pane, after the two-column gutter.
pub fn text_width(r: Rect) -> usize {
    (r.width as usize).saturating_sub(4).max(2)
}

/// Rows of text inside a bordered pane.
pub fn text_height(r: Rect) -> usize {
    (r.height as usize).saturating_sub(2).max(1)
}

/// `inner` grown by a column each side, inside `area`: cleared under an
/// overlay, so no cut-off text shows at its edges.
pub fn around(area: Rect, inner: Rect) -> Rect {
    let x = inner.x.saturating_sub(1).max(area.x);
    let right = (inner.x + inner.width + 1).min(area.x + area.width);
    Rect::new(x, inner.y, right.saturating_sub(x), inner.height)
}

/// A centred rectangle of at most `w` x `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_stand_side_by_side_then_stack_then_show_the_active_one() {
        let wide = panes(Rect::new(0, 0, 120, 30), 3, 0);
        assert!(wide.iter().all(|r| r.width == 40 && r.height == 30));
        let narrow = panes(Rect::new(0, 0, 60, 30), 3, 0);
        assert!(narrow.iter().all(|r| r.width == 60 && r.height == 10));
        let small = panes(Rect::new(0, 0, 40, 10), 3, 1);
        assert_eq!(small.iter().map(|r| r.area()).collect::<Vec<_>>(), [0, 400, 0]);
    }

    #[test]
    fn lists_step_aside_on_narrow_screens() {
        let area = Rect::new(0, 1, 80, 22);
        assert!(!list_shown(area, false, COMPARE_LIST_MIN, false));
        assert!(list_shown(area, false, READ_LIST_MIN, false));
        assert!(!list_shown(area, true, READ_LIST_MIN, false));
        // With the keyboard, a list on a narrow screen takes it all.
        let (list, rest) = with_list(Rect::new(0, 1, 40, 10), true, READ_LIST_MIN);
        assert_eq!((list.map(|r| r.width), rest.width), (Some(40), 0));
    }

    #[test]
    fn tiny_areas_do_not_underflow() {
        for (w, h) in [(0, 0), (1, 1), (2, 2), (5, 3)] {
            let b = body((w, h));
            let _ = compare_main(b);
            let _ = timeline(b);
            let _ = discrepancies(b);
            let _ = panes(b, 3, 2);
            let _ = with_list(b, true, READ_LIST_MIN);
            assert_eq!(inner(b).width, w.saturating_sub(2));
        }
    }
}
