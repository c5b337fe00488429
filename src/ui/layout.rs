//! Where things go on screen, as pure functions of the terminal size, so
//! that key handling (scroll limits, page sizes) and drawing agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the app draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// The area between the tab bar (first row) and the status line (last row).
pub fn body(size: (u16, u16)) -> Rect {
    Rect::new(0, 1, size.0, size.1.saturating_sub(2))
}

/// Width of the source list.
fn sources_width(area: Rect) -> u16 {
    (area.width / 3).clamp(24, 36)
}

/// The Read view: the source list, then `panes` reading panes side by side.
pub fn read(area: Rect, panes: usize) -> (Rect, Vec<Rect>) {
    let [list, rest] = Layout::horizontal([Constraint::Length(sources_width(area)), Constraint::Min(1)]).areas(area);
    let n = panes.max(1) as u32;
    let rects = Layout::horizontal((0..n).map(|_| Constraint::Ratio(1, n))).split(rest).to_vec();
    (list, rects)
}

/// The Compare view: the source list, then the comparison.
pub fn compare(area: Rect) -> (Rect, Rect) {
    let [list, rest] =
        Layout::horizontal([Constraint::Length(sources_width(area).min(28)), Constraint::Min(1)]).areas(area);
    (list, rest)
}

/// The Compare view's main pane split into its header and two text columns
/// (with a one-column gap): (header, left, gap, right).
pub fn compare_columns(main: Rect) -> (Rect, Rect, Rect, Rect) {
    let inner = Rect::new(main.x + 1, main.y + 1, main.width.saturating_sub(2), main.height.saturating_sub(2));
    let [head, cols] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let [left, gap, right] =
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Length(1), Constraint::Ratio(1, 2)]).areas(cols);
    (head, left, gap, right)
}

/// The Timeline view: the event list and, under it, the selected event.
pub fn timeline(area: Rect) -> (Rect, Rect) {
    let [list, detail] = Layout::vertical([Constraint::Min(6), Constraint::Length(6)]).areas(area);
    (list, detail)
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
    Rect::new(x, inner.y, right - x, inner.height)
}

/// A centred rectangle of at most `w` x `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}
