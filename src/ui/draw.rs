//! Drawing: the whole frame from the app state, and nothing else. Every
//! view draws only what is on screen (the visible rows of a list, the
//! visible rows of a wrapped text), so drawing costs the same on five
//! articles or five thousand. Here: the frame around the view (tabs,
//! status line) and the pieces every view draws with.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph};

use parallax::text::Span;

use super::app::App;
use super::keymap::Action;
use super::layout::{self, TINY};
use super::shared::Shared;
use super::views::VIEWS;
use super::views::timeline::count;
use super::wrap::{self, Row};

/// Draws the whole screen, at any size: below [`TINY`] a line asking for
/// room, else the views as they fit.
pub fn draw(app: &App, f: &mut Frame) {
    let area = f.area();
    if area.width < TINY.0 || area.height < TINY.1 {
        tiny(app, f, area);
        return;
    }
    tabs(app, f, Rect::new(0, 0, area.width, 1));
    let body = layout::body((area.width, area.height));
    app.view().draw(&app.shared, f, body);
    status(app, f, Rect::new(0, area.height - 1, area.width, 1));
    if let Some(overlay) = &app.overlay {
        overlay.draw(&app.shared, f, body);
    }
}

/// A screen too small for any view: what it is and how to leave.
fn tiny(app: &App, f: &mut Frame, area: Rect) {
    let text = [format!("parallax {}x{}: enlarge, or q quits", area.width, area.height), "enlarge · q".into()]
        .into_iter()
        .find(|l| wrap::width(l) <= area.width as usize)
        .unwrap_or_default();
    let _ = app;
    let r = Rect::new(area.x, area.y + area.height / 2, area.width, 1.min(area.height));
    f.render_widget(Paragraph::new(text), r);
}

/// A tab of the tab bar: the Stories list (a pile of stories) or a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Stories,
    View(usize),
}

/// The tabs' labels at a width: every view named when they fit, else
/// numbers with the current one named. A pile of stories has a Stories tab
/// first, under its key.
fn tab_labels(app: &App, width: u16) -> Vec<(Tab, String)> {
    let stories = app.shared.pile.is_some().then(|| {
        let key = app.shared.keymap.keys_of(Action::Stories);
        (Tab::Stories, key.split(' ').next().unwrap_or("").to_string(), "Stories", "List")
    });
    let views = VIEWS.iter().enumerate().map(|(i, e)| (Tab::View(i), (i + 1).to_string(), e.name, e.short));
    let all: Vec<(Tab, String, &'static str, &'static str)> = stories.into_iter().chain(views).collect();
    let current = current_tab(app);
    // The name each tab but the shown one gets: whole, short ("Discr"), or
    // none (the key alone), the first that fits.
    type Naming = fn(&'static str, &'static str) -> &'static str;
    let labels = |others: Naming| -> Vec<(Tab, String)> {
        all.iter()
            .map(|&(tab, ref key, name, short)| {
                let shown = if tab == current { name } else { others(name, short) };
                let label = if shown.is_empty() { format!(" {key} ") } else { format!(" {key} {shown} ") };
                (tab, label)
            })
            .collect()
    };
    let fits =
        |labels: &Vec<(Tab, String)>| labels.iter().map(|(_, l)| wrap::width(l)).sum::<usize>() <= width as usize;
    let namings: [Naming; 3] = [|name, _| name, |_, short| short, |_, _| ""];
    let mut candidates = namings.into_iter().map(labels);
    let key_only = candidates.next_back().unwrap_or_default();
    candidates.find(fits).unwrap_or(key_only)
}

/// The tab of what is shown.
fn current_tab(app: &App) -> Tab {
    if app.on_list() { Tab::Stories } else { Tab::View(app.current) }
}

/// The tab at `column`.
pub fn tab_at(app: &App, column: u16) -> Option<Tab> {
    let mut x = 0;
    for (tab, label) in tab_labels(app, app.shared.size.0) {
        x += wrap::width(&label);
        if (column as usize) < x {
            return Some(tab);
        }
    }
    None
}

/// The view tabs, and the number of sources (or stories) on the right when
/// it fits.
fn tabs(app: &App, f: &mut Frame, r: Rect) {
    let t = &app.shared.theme;
    let mut spans = Vec::new();
    let current = current_tab(app);
    for (tab, label) in tab_labels(app, r.width) {
        let style = if tab == current { t.selected().add_modifier(ratatui::style::Modifier::BOLD) } else { t.dim() };
        spans.push(TSpan::styled(label, style));
    }
    let (long, short) = match &app.shared.pile {
        Some(pile) if pile.open.is_none() => {
            let n = pile.whole.overviews.len();
            (format!("{n} stories"), format!("{n} st"))
        }
        _ => {
            let n = app.shared.articles().len();
            (count(n, "source"), format!("{n} src"))
        }
    };
    let used: usize = spans.iter().map(|s| wrap::width(&s.content)).sum();
    let room = (r.width as usize).saturating_sub(used);
    let right = [format!("parallax · {long}"), short, String::new()]
        .into_iter()
        .find(|s| wrap::width(s) <= room)
        .unwrap_or_default();
    let pad = room.saturating_sub(wrap::width(&right));
    spans.push(TSpan::raw(" ".repeat(pad)));
    spans.push(TSpan::styled(right, t.title()));
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn status(app: &App, f: &mut Frame, r: Rect) {
    let t = &app.shared.theme;
    let width = r.width as usize;
    let line = if let Some(input) = &app.input {
        // What the search typed so far finds, beside it.
        let found = app.shared.message.as_deref().map(|m| format!("  {}", wrap::display(m))).unwrap_or_default();
        Line::from(vec![
            TSpan::styled(" search: ", t.status()),
            TSpan::raw(format!("/{}█", wrap::display(input))),
            TSpan::styled(found, t.status()),
        ])
    } else {
        let message = &app.shared.message;
        // A problem (a skipped file, a broken config) goes before any
        // message until a key is pressed: a message that arrives on its
        // own (the model's result) must not hide it.
        let warning = app.warnings.first().filter(|_| !app.warnings_seen);
        let left = if let Some(w) = warning {
            let more = app.warnings.len() - 1;
            let more = if more > 0 { format!(" (+{more} more)") } else { String::new() };
            format!("warning: {w}{more} · printed again on exit")
        } else if let Some(m) = message {
            // A message may quote what was searched for, emoji and all.
            wrap::display(m).into_owned()
        } else {
            let mut location = app.view().location(&app.shared);
            // A search kept after Enter takes `n`: say which.
            if let Some(search) = &app.shared.search {
                location = format!("/{} · {location}", wrap::display(search));
            }
            match app.shared.model.working() {
                Some(model) => format!("{location} · {model}"),
                None => location,
            }
        };
        // Where the user is comes first: key hints are dropped, least
        // useful first (help and quit last), until it fits.
        let mut keys: Vec<String> = app
            .hints()
            .into_iter()
            .map(|(a, what)| {
                let k = app.shared.keymap.keys_of(a);
                format!("{} {what}", k.split(' ').next().unwrap_or(""))
            })
            .collect();
        let joined = |k: &[String]| k.join("  ");
        // Help and quit always stay.
        while keys.len() > 2 && wrap::width(&left) + wrap::width(&joined(&keys)) + 5 > width {
            keys.remove(keys.len() - 3);
        }
        let right = joined(&keys);
        // Two spaces at least between where you are and the keys.
        let room = width.saturating_sub(wrap::width(&right) + 5);
        let left = wrap::truncate(&left, room);
        let pad = width.saturating_sub(wrap::width(&left) + wrap::width(&right) + 2);
        let left_style = if warning.is_some() { t.warning() } else { t.status() };
        Line::from(vec![
            TSpan::styled(format!(" {left}"), left_style),
            TSpan::styled(" ".repeat(pad), t.status()),
            TSpan::styled(format!("{right} "), t.status()),
        ])
    };
    f.render_widget(Paragraph::new(line).style(t.status()), r);
}

/// A bordered block, its border highlighted when focused.
pub fn block<'a>(shared: &Shared, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { shared.theme.focused() } else { shared.theme.border() })
        .title(title)
}

/// Progress while the analysis runs in the background.
pub fn progress(shared: &Shared, f: &mut Frame, area: Rect, what: &str) {
    let p = shared.progress;
    let n = shared.articles().len();
    let sentences: usize = shared.articles().iter().map(|a| a.sentences.len()).sum();
    let inner = layout::centered(area, area.width.saturating_sub(8).min(70), 6);
    f.render_widget(Clear, inner);
    let b = block(shared, format!(" {what} "), false);
    let ratio = p.stage.saturating_sub(1) as f64 / p.total.max(1) as f64;
    // The longest label that fits inside the border.
    let room = (inner.width as usize).saturating_sub(2);
    let stage = format!("stage {}/{}: {}", p.stage.max(1), p.total, p.label);
    let label =
        [format!("{stage} · {n} articles, {sentences} sentences"), format!("{stage} · {n} articles"), stage.clone()]
            .into_iter()
            .find(|l| wrap::width(l) <= room)
            .unwrap_or_else(|| wrap::truncate(&stage, room));
    let gauge = Gauge::default().block(b).gauge_style(shared.theme.gauge()).ratio(ratio.clamp(0.0, 1.0)).label(label);
    f.render_widget(gauge, inner);
}

/// A row of text from `text` with styled ranges laid over it. Ranges are
/// byte spans in the same coordinates as `row`; later ranges win.
pub fn styled_row<'a>(text: &'a str, row: Row, marks: &[(Span, Style)], base: Style) -> Line<'a> {
    styled_row_spaced(text, row, marks, base, &[])
}

/// As [`styled_row`], with a space drawn before each offset of `spaces`
/// (sorted) inside the row: the glued sentence starts
/// [`wrap::wrap_spaced`] wrapped as separate words.
pub fn styled_row_spaced<'a>(
    text: &'a str,
    row: Row,
    marks: &[(Span, Style)],
    base: Style,
    spaces: &[usize],
) -> Line<'a> {
    let inside = &spaces[spaces.partition_point(|&g| g <= row.start)..spaces.partition_point(|&g| g < row.end)];
    let mut cuts: Vec<usize> = vec![row.start, row.end];
    cuts.extend(inside.iter().copied().filter(|&g| text.is_char_boundary(g)));
    for (s, _) in marks {
        for x in [s.start, s.end] {
            if x > row.start && x < row.end && text.is_char_boundary(x) {
                cuts.push(x);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans: Vec<TSpan<'a>> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        if inside.binary_search(&w[0]).is_ok() {
            spans.push(TSpan::styled(" ", base));
        }
        let style =
            marks.iter().filter(|(s, _)| s.start <= w[0] && w[1] <= s.end).fold(base, |acc, (_, st)| acc.patch(*st));
        spans.push(TSpan::styled(one_line(wrap::display(&text[w[0]..w[1]])), style));
    }
    Line::from(spans)
}

/// A piece of a row with its line breaks drawn as spaces: a span over a
/// heading and the sentence below it ("... in Gujarat\n\nA London-bound
/// flight") must not read as one word ("GujaratA").
fn one_line(piece: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    if !piece.contains(['\n', '\r']) {
        return piece;
    }
    let words: Vec<&str> = piece.split(['\n', '\r']).map(str::trim).filter(|line| !line.is_empty()).collect();
    let mut out = words.join(" ");
    // A break at either end still parts this piece from its neighbours.
    if piece.starts_with(['\n', '\r']) {
        out.insert(0, ' ');
    }
    if piece.ends_with(['\n', '\r']) {
        out.push(' ');
    }
    std::borrow::Cow::Owned(out)
}

/// `text` as spans in `base` style, the matches of the search marked.
pub fn highlighted(shared: &Shared, text: String, base: Style) -> Vec<TSpan<'static>> {
    let marks = matches_in(shared, &text, 0, text.len());
    if marks.is_empty() {
        return vec![TSpan::styled(text, base)];
    }
    let line = styled_row(&text, Row { start: 0, end: text.len() }, &marks, base);
    line.spans.into_iter().map(|s| TSpan::styled(s.content.into_owned(), s.style)).collect()
}

/// Occurrences of the search in `text` between `from` and `to`.
pub fn matches_in(shared: &Shared, text: &str, from: usize, to: usize) -> Vec<(Span, Style)> {
    let Some(q) = &shared.search else { return Vec::new() };
    parallax::text::search::find_all(text, q, from, to)
        .into_iter()
        .map(|(start, end)| (Span::new(start, end), shared.theme.found()))
        .collect()
}

/// A scrolling window over `len` items that keeps `cursor` in view.
pub fn window(cursor: usize, len: usize, height: usize) -> std::ops::Range<usize> {
    if len <= height {
        return 0..len;
    }
    let start = cursor.saturating_sub(height / 2).min(len - height);
    start..start + height
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_row_over_a_line_break_keeps_the_words_apart() {
        let text = "Air India flight crashes in Gujarat\n\nA London-bound flight crashed.";
        let row = wrap::Row { start: 0, end: text.len() };
        let marked = [(Span::new(38, 39), Style::default())];
        assert_eq!(
            plain(&styled_row(text, row, &[], Style::default())),
            "Air India flight crashes in Gujarat A London-bound flight crashed."
        );
        assert_eq!(
            plain(&styled_row(text, row, &marked, Style::default())),
            "Air India flight crashes in Gujarat A London-bound flight crashed."
        );
    }

    #[test]
    fn a_glued_sentence_start_is_drawn_with_a_space() {
        let text = "Told NBC News.The plan.";
        let at = text.find("The").unwrap();
        let row = Row { start: 5, end: text.len() };
        let mark = [(Span::new(at, at + 3), Style::new().bold())];
        let line = styled_row_spaced(text, row, &mark, Style::new(), &[at]);
        assert_eq!(plain(&line), "NBC News. The plan.");
        // The mark covers the word, not the shown space.
        assert!(line.spans.iter().any(|s| s.content == "The" && s.style == Style::new().bold()));
        // At the start of a row, no space.
        let line = styled_row_spaced(text, Row { start: at, end: text.len() }, &[], Style::new(), &[at]);
        assert_eq!(plain(&line), "The plan.");
        assert_eq!(plain(&styled_row(text, row, &[], Style::new())), "NBC News.The plan.");
    }
}
