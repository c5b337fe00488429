//! The app: routes keys to the view shown (or the overlay over it),
//! targets to the view that can show them, and places to and from the
//! saved state. Nothing here draws or touches the terminal: key handling
//! is tested as state transitions.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use parallax::analysis::{Analysis, ModelUse, Stage};
use parallax::config::{Positions, SavedSet};
use parallax::ingest::Article;
use parallax::warning::Warning;

use super::keymap::{Action, Keymap};
use super::overlays::{Help, Links, Outcome, Overlay};
use super::shared::{ModelStatus, Mouse, Notice, Pointer, Request, Shared, Target};
use super::theme::Theme;
use super::views::stories::Stories;
use super::views::{VIEWS, View, index_of};

/// The longest search, in characters.
const SEARCH_MAX: usize = 200;

/// The saved-state key of the source list's place.
const SOURCES_KEY: &str = "sources";

/// The source list's place: the article under the cursor and the marked
/// pair, by id.
#[derive(serde::Serialize, serde::Deserialize)]
struct SourcesPlace {
    cursor: Option<String>,
    #[serde(default)]
    marked: Vec<String>,
}

/// Where a jump came from: the view, every view's place, and the overlay
/// that was open (tig's and lazygit's view history).
struct Crumb {
    view: usize,
    places: Positions,
    overlay: Option<Box<dyn Overlay>>,
}

/// Where a search being typed started: each key typed searches again from
/// there, so the view follows the search as it is typed (vim's
/// `incsearch`), and Esc goes back to it.
struct SearchOrigin {
    /// Every view's place (none on the Stories list, which keeps its own).
    places: Option<Positions>,
    /// The search before this one.
    search: Option<String>,
}

/// Actions that belong to some views only: pressed where nothing takes
/// them, the status line says so. (Moving past the end of a list says
/// nothing: that is no surprise.)
const FEATURES: &[Action] = &[
    Action::NextShared,
    Action::PrevShared,
    Action::ToggleList,
    Action::NextItem,
    Action::PrevItem,
    Action::Mark,
    Action::AllPairs,
    Action::Split,
    Action::ClosePane,
    Action::Statements,
    Action::Exclusive,
    Action::Hidden,
    Action::Background,
];

/// How many jumps back are remembered.
const HISTORY: usize = 50;

pub struct App {
    pub shared: Shared,
    views: Vec<Box<dyn View>>,
    /// The Stories list, shown in place of the views while a pile of
    /// stories has none open.
    stories: Stories,
    /// Every view's place in each story left, by the id of the story's
    /// first article.
    story_places: std::collections::HashMap<String, Positions>,
    /// The view shown (index into [`VIEWS`]).
    pub current: usize,
    pub overlay: Option<Box<dyn Overlay>>,
    /// The search being typed.
    pub input: Option<String>,
    /// Problems to tell the user (config, state, skipped files): shown in
    /// the status line until the first key, printed again on exit.
    pub warnings: Vec<Warning>,
    /// A key has been pressed since the warnings were shown.
    pub warnings_seen: bool,
    pub quit: bool,
    /// What the set's links came to, once they are all read.
    pub links_summary: Option<parallax::ingest::Summary>,
    /// Places in views that need the analysis, restored from the last
    /// session and applied when the analysis arrives.
    pending: Option<Positions>,
    /// Remembered state, applied once every article is read.
    pub pending_restore: Option<SavedSet>,
    /// The status line says the last session was taken up again, and no
    /// key has been pressed since.
    restore_unread: bool,
    /// The passages words alone found, kept when part of the sentence
    /// model's work came in, for its closing message.
    by_words: Option<usize>,
    /// Where each jump came from, the last on top.
    history: Vec<Crumb>,
    /// Where the search being typed started.
    search_origin: Option<SearchOrigin>,
    /// An overlay closed by the key being handled: where a jump it asked
    /// for comes back to.
    closing: Option<Box<dyn Overlay>>,
}

impl App {
    pub fn new(articles: Vec<Article>, theme: Theme, keymap: Keymap, size: (u16, u16)) -> App {
        let mut app = App {
            shared: Shared::new(Vec::new(), theme, keymap, size),
            views: VIEWS.iter().map(|e| (e.make)()).collect(),
            stories: Stories::default(),
            story_places: std::collections::HashMap::new(),
            current: 0,
            overlay: None,
            input: None,
            warnings: Vec::new(),
            warnings_seen: false,
            quit: false,
            links_summary: None,
            by_words: None,
            pending: None,
            pending_restore: None,
            restore_unread: false,
            history: Vec::new(),
            search_origin: None,
            closing: None,
        };
        app.append(articles);
        app
    }

    pub fn articles(&self) -> &[Article] {
        self.shared.articles()
    }

    /// The view shown: the Stories list, or a view of [`VIEWS`].
    pub fn view(&self) -> &dyn View {
        if self.on_list() { &self.stories } else { self.views[self.current].as_ref() }
    }

    /// Runs `act` on the view shown, with the shared state.
    fn with_view<R>(&mut self, act: impl FnOnce(&mut dyn View, &mut Shared) -> R) -> R {
        let view: &mut dyn View = if self.on_list() { &mut self.stories } else { self.views[self.current].as_mut() };
        act(view, &mut self.shared)
    }

    /// Whether the Stories list is shown (a pile with no story open).
    pub fn on_list(&self) -> bool {
        self.shared.pile.as_ref().is_some_and(|pile| pile.open.is_none())
    }

    /// Whether a story of a pile is open.
    pub fn in_story(&self) -> bool {
        self.shared.open_story().is_some()
    }

    /// The view of type `T`, for tests and tools that look inside one.
    #[cfg_attr(not(test), allow(dead_code, reason = "used by tests and the latency example, not the app"))]
    pub fn view_of<T: 'static>(&self) -> Option<&T> {
        self.views.iter().find_map(|v| v.as_any().downcast_ref::<T>())
    }

    /// Files read so far and in all, while reading.
    pub fn set_loading(&mut self, loading: Option<(usize, usize)>) {
        self.shared.loading = loading;
    }

    pub fn loading(&self) -> Option<(usize, usize)> {
        self.shared.loading
    }

    fn append(&mut self, mut batch: Vec<Article>) {
        let first = self.shared.articles().len();
        if batch.is_empty() {
            return;
        }
        self.shared.add_articles(&mut batch);
        self.broadcast(Notice::ArticlesAdded { first });
    }

    /// A batch of articles has been read: show it at once.
    pub fn add_articles(&mut self, batch: Vec<Article>) {
        if self.shared.analysed() {
            return;
        }
        self.append(batch);
        if let Some(saved) = self.pending_restore.take() {
            if self.shared.loading.is_none() {
                self.restore(&saved);
            } else {
                self.pending_restore = Some(saved);
            }
        }
    }

    /// A link moved on: its line in the list of links changes.
    pub fn link_status(&mut self, status: parallax::ingest::LinkStatus) {
        match self.shared.links.iter_mut().find(|known| known.link == status.link) {
            Some(known) => *known = status,
            None => self.shared.links.push(status),
        }
    }

    /// Every link has been read.
    pub fn links_done(&mut self, summary: &parallax::ingest::Summary) {
        self.links_summary = Some(summary.clone());
    }

    /// Every article has been read.
    pub fn loading_done(&mut self) {
        self.shared.loading = None;
        if let Some(saved) = self.pending_restore.take() {
            self.restore(&saved);
        }
        if self.articles().is_empty() {
            self.shared.message = Some("no articles to read: every input was skipped".into());
        }
    }

    /// The analysis has arrived: views that waited for it can draw. A
    /// later analysis of the same articles replaces it, each view keeping
    /// its place ([`App::replace_analysis`]).
    pub fn set_analysis(&mut self, analysis: Analysis) {
        if self.shared.analysed() {
            self.replace_analysis(analysis);
            return;
        }
        if analysis.stories.len() > 1 {
            // A pile opens on the Stories list; the places from the last
            // session wait for the story that holds them.
            self.shared.set_pile(analysis);
            self.stories.analysis_arrived(&self.shared);
            self.list_at_story_left();
            self.overlay = None;
            return;
        }
        self.shared.set_analysis(analysis);
        for v in &mut self.views {
            v.analysis_arrived(&self.shared);
        }
        if let Some(pending) = self.pending.take() {
            self.restore_views(&pending, true);
        }
        self.shared.clamp();
    }

    /// Shows a new analysis of the same articles (a better sentence model,
    /// more passages) with every view at the same passage, sentence or
    /// event: places are saved by their text and found again in the new
    /// analysis.
    pub fn replace_analysis(&mut self, analysis: Analysis) {
        if self.shared.pile.is_some() || analysis.stories.len() > 1 {
            self.replace_pile(analysis);
            return;
        }
        let places = self.positions();
        self.shared.set_analysis(analysis);
        for v in &mut self.views {
            v.analysis_arrived(&self.shared);
        }
        self.restore_views(&places, false);
        self.shared.clamp();
    }

    /// [`App::replace_analysis`] where either analysis is a pile of
    /// stories: the reader stays on the list, at the story holding the
    /// same article, or in the story holding the article they are at.
    fn replace_pile(&mut self, analysis: Analysis) {
        let on_list = self.on_list();
        let at = if on_list {
            self.shared.pile.as_ref().and_then(|pile| Stories::first_article(&pile.whole, self.stories.cursor))
        } else {
            self.shared.id(self.shared.source)
        };
        let places = (!on_list).then(|| self.positions());
        let story = at.as_deref().and_then(|id| Stories::story_of(&analysis, id)).unwrap_or(0);
        if analysis.stories.len() <= 1 {
            self.shared.set_analysis(analysis);
            let places = places.or_else(|| self.pending.clone());
            self.fresh_views(places.as_ref());
            return;
        }
        self.shared.set_pile(analysis);
        self.stories.cursor = story;
        if !on_list && self.shared.show_story(story) {
            self.fresh_views(places.as_ref());
        }
    }

    /// Views made afresh for the analysis shown (a story opened, or a new
    /// grouping), each at its place in `places` where that is in it.
    fn fresh_views(&mut self, places: Option<&Positions>) {
        self.views = VIEWS.iter().map(|e| (e.make)()).collect();
        for v in &mut self.views {
            v.analysis_arrived(&self.shared);
        }
        if let Some(places) = places {
            self.restore_places(places);
        }
        self.shared.clamp();
    }

    /// Opens story `index` of the pile: every view then works within it,
    /// at the places it had when the reader left it (or the last session's).
    pub fn open_story(&mut self, index: usize) {
        if !self.shared.show_story(index) {
            return;
        }
        self.stories.cursor = index;
        self.history.clear();
        self.overlay = None;
        let key = self.shared.pile.as_ref().and_then(|pile| Stories::first_article(&pile.whole, index));
        let places = key.and_then(|key| self.story_places.get(&key).cloned()).or_else(|| self.pending.clone());
        self.fresh_views(places.as_ref());
    }

    /// Back to the Stories list from a story, its places kept for a return.
    pub fn show_list(&mut self) {
        let Some(open) = self.shared.open_story() else { return };
        let places = self.positions();
        let key = self.shared.pile.as_ref().and_then(|pile| Stories::first_article(&pile.whole, open));
        if let Some(key) = key {
            self.story_places.insert(key, places.clone());
        }
        self.pending = Some(places);
        self.shared.show_list();
        self.stories.cursor = open;
        self.history.clear();
        self.overlay = None;
    }

    pub fn set_progress(&mut self, stage: Stage) {
        self.shared.set_progress(stage);
    }

    /// The sentence model has encoded `done` of `total` texts.
    pub fn set_model_progress(&mut self, done: usize, total: usize) {
        self.shared.model = ModelStatus::Reading { done, total };
    }

    /// The analysis with the sentence model has arrived: it replaces the
    /// words-only one with every view kept at its place, and the status
    /// line says what it added (or, once, why the model was not used).
    pub fn model_arrived(&mut self, analysis: Analysis) {
        let shown = self.shared.whole().map_or(0, |shown| shown.passages.len());
        let before = self.by_words.take().unwrap_or(shown);
        let after = analysis.passages.len();
        let problem = analysis.model.warnings().first().cloned();
        let used = matches!(analysis.model, ModelUse::Used { .. });
        if used {
            self.set_analysis(analysis);
        }
        self.shared.model = if used { ModelStatus::Done } else { ModelStatus::Off };
        let said = match &problem {
            Some(warning) => format!("warning: {warning}"),
            None => {
                let passages = if after == 1 { "passage" } else { "passages" };
                format!("sentence model: {after} shared {passages} (words alone: {before})")
            }
        };
        // The session taken up again, said before any key was pressed, is
        // not lost: this follows it.
        self.shared.message = Some(match self.shared.message.take().filter(|_| self.restore_unread) {
            Some(unread) => format!("{unread} · {said}"),
            None => said,
        });
        self.warnings.extend(problem);
    }

    /// Part of the sentence model's work is in (the stories whose vectors
    /// are): its analysis replaces the one shown, every view kept at its
    /// place, while the model reads on.
    pub fn model_partial(&mut self, analysis: Analysis) {
        if matches!(analysis.model, ModelUse::Used { .. }) {
            let shown = self.shared.whole().map_or(0, |shown| shown.passages.len());
            self.by_words.get_or_insert(shown);
            self.set_analysis(analysis);
        }
    }

    /// Shows view `index` (a number key, the config's default view): a
    /// top view, so the trail of jumps starts afresh.
    pub fn set_view(&mut self, index: usize) {
        if self.on_list() {
            self.open_story(self.stories.cursor);
        } else if let Some(at) = self.views[self.current].reading_at(&self.shared) {
            self.shared.reading = Some(at);
        }
        self.current = index.min(self.views.len() - 1);
        self.overlay = None;
        self.history.clear();
        self.views[self.current].enter(&self.shared);
    }

    /// Whether a jump can be undone (the view shown is a drill-down).
    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
    }

    /// Back to where the last jump came from: that view, every view's
    /// place then, and the overlay that was open.
    fn back(&mut self) -> bool {
        if self.on_list() {
            return false;
        }
        let Some(crumb) = self.history.pop() else { return false };
        self.restore_places(&crumb.places);
        self.current = crumb.view;
        self.views[self.current].enter(&self.shared);
        self.overlay = crumb.overlay;
        true
    }

    fn broadcast(&mut self, notice: Notice) {
        for v in &mut self.views {
            v.notice(notice, &self.shared);
        }
    }

    // ----- keys -----

    /// Handles a key press: typing a search, else the keymap.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.warnings_seen = true;
        if self.input.is_some() {
            self.type_search(key);
            return;
        }
        let actions = self.shared.keymap.actions(key).to_vec();
        self.shared.message = None;
        self.restore_unread = false;
        // A key may mean several actions (`n`: the next passage in Compare,
        // else the next match): the first that something takes wins.
        let taken = actions.iter().any(|&action| self.update(action));
        if !taken {
            self.say_not_here(&actions);
        }
        self.run_requests();
    }

    /// A key of one view's feature pressed where nothing takes it (another
    /// view's key, or one that wants another pane focused or mode): the
    /// status line says so, rather than nothing happening.
    fn say_not_here(&mut self, actions: &[Action]) {
        let Some(&action) = actions.iter().find(|action| FEATURES.contains(action)) else { return };
        let help = super::keymap::actions().into_iter().find(|(a, _, _)| *a == action).map(|(_, _, help)| help);
        let key = self.shared.keymap.keys_of(action);
        self.shared.message =
            Some(format!("{key} ({}) does nothing here · ? lists the keys", help.unwrap_or_default()));
    }

    /// Handles pasted text: taken into a search being typed (on one line,
    /// cleaned of control characters, within the search's length limit);
    /// anywhere else it is not read as keys.
    pub fn on_paste(&mut self, text: &str) {
        self.warnings_seen = true;
        let Some(input) = &mut self.input else {
            self.shared.message = Some("pasted text is taken only while typing a search (/)".into());
            return;
        };
        let (clean, _) = parallax::text::sanitize::sanitize(text);
        let room = SEARCH_MAX.saturating_sub(input.chars().count());
        input.extend(clean.chars().map(|c| if c == '\n' { ' ' } else { c }).take(room));
        self.follow_search();
    }

    /// A mouse event: the tab bar switches views, an overlay takes the
    /// wheel, the view takes the rest (scrolling the pane under the
    /// pointer, focusing or selecting what was clicked).
    pub fn on_mouse(&mut self, mouse: Mouse) {
        self.warnings_seen = true;
        if self.input.is_some() {
            return;
        }
        self.shared.message = None;
        if let Some(overlay) = &mut self.overlay {
            let action = match mouse.kind {
                Pointer::WheelDown => Action::Down,
                Pointer::WheelUp => Action::Up,
                Pointer::Click => return,
            };
            if overlay.handle(action, &mut self.shared) == Outcome::Close {
                self.closing = self.overlay.take();
            }
        } else if mouse.row == 0 && mouse.kind == Pointer::Click {
            match super::draw::tab_at(self, mouse.column) {
                Some(super::draw::Tab::Stories) => self.show_list(),
                Some(super::draw::Tab::View(i)) => self.set_view(i),
                None => {}
            }
        } else if mouse.inside(super::layout::body(self.shared.size)) {
            self.with_view(|view, shared| view.mouse(mouse, shared));
            self.shared.clamp();
        }
        self.run_requests();
    }

    /// A key while the search is being typed.
    fn type_search(&mut self, key: KeyEvent) {
        let Some(input) = &mut self.input else { return };
        match key.code {
            KeyCode::Enter => self.finish_search(),
            KeyCode::Esc => self.cancel_search(),
            KeyCode::Backspace => {
                input.pop();
                self.follow_search();
            }
            KeyCode::Char(c)
                if !key.modifiers.contains(KeyModifiers::CONTROL)
                    && !c.is_control()
                    && input.chars().count() < SEARCH_MAX =>
            {
                input.push(c);
                self.follow_search();
            }
            _ => {}
        }
    }

    /// `/`: a search starts here.
    fn start_search(&mut self) {
        let places = (!self.on_list()).then(|| self.positions());
        self.search_origin = Some(SearchOrigin { places, search: self.shared.search.clone() });
        self.input = Some(String::new());
    }

    /// The search as typed so far, from where it started: the view shows
    /// its first match, the status line how many there are.
    fn follow_search(&mut self) {
        let query = self.input.as_deref().unwrap_or_default().trim().to_string();
        if let Some(places) = self.search_origin.as_ref().and_then(|origin| origin.places.clone()) {
            self.restore_places(&places);
        }
        self.shared.message = None;
        self.shared.search = (!query.is_empty()).then_some(query);
        if self.shared.search.is_some() {
            self.search_step(true, true);
        }
    }

    /// Enter: the search typed stays, at the match shown.
    fn finish_search(&mut self) {
        self.follow_search();
        self.input = None;
        self.search_origin = None;
    }

    /// Esc: back where the search started, with the search before it.
    fn cancel_search(&mut self) {
        self.input = None;
        let Some(origin) = self.search_origin.take() else { return };
        if let Some(places) = &origin.places {
            self.restore_places(places);
        }
        self.shared.search = origin.search;
        self.shared.message = None;
    }

    /// What the marks now mean, and what comes next.
    fn say_marks(&mut self) {
        let compare = self.shared.keymap.keys_of(Action::View(2));
        let compare = compare.split(' ').next().unwrap_or("2").to_string();
        let mark = self.shared.keymap.keys_of(Action::Mark);
        let mark = mark.split(' ').next().unwrap_or("m").to_string();
        self.shared.message = Some(match self.shared.marked[..] {
            [] => "no source marked: Compare shows every pair".into(),
            [x] => {
                format!("{} marked · {mark} on a second source, then {compare} compares the two", self.shared.label(x))
            }
            [x, y] => format!("{} and {} marked · {compare} compares them", self.shared.label(x), self.shared.label(y)),
            _ => return,
        });
    }

    /// Applies an action; returns whether anything took it.
    pub fn update(&mut self, action: Action) -> bool {
        if self.overlay.is_some() {
            self.update_overlay(action);
            return true;
        }
        match action {
            Action::Quit => self.quit = true,
            // `q` goes back from a drill-down, from a story to the list of
            // stories, and quits only at the top.
            Action::Close if self.back() => {}
            Action::Close if self.in_story() => self.show_list(),
            Action::Close => self.quit = true,
            Action::Stories if self.in_story() => self.show_list(),
            Action::Stories if self.on_list() => {}
            Action::Stories => self.shared.message = Some("one story: no list of stories".into()),
            Action::Back if self.back() => {}
            Action::Back if self.in_story() => self.show_list(),
            Action::Back => self.shared.message = Some("nothing to go back to".into()),
            Action::Help => self.overlay = Some(Box::new(Help::default())),
            Action::Links => self.overlay = Some(Box::new(Links::default())),
            Action::View(n) => self.set_view((n as usize).clamp(1, self.views.len()) - 1),
            Action::Search => self.start_search(),
            Action::SearchNext => self.search_step(true, false),
            Action::SearchPrev => self.search_step(false, false),
            Action::Suspend => {} // handled by the terminal loop
            Action::Escape if self.shared.search.is_some() => self.shared.search = None,
            Action::Escape if self.back() => {}
            _ => {
                let taken = self.with_view(|view, shared| view.handle(action, shared));
                self.shared.clamp();
                // Esc that nothing in a story took goes back to the list.
                if !taken && action == Action::Escape && self.in_story() {
                    self.show_list();
                    return true;
                }
                return taken;
            }
        }
        true
    }

    /// Keys while an overlay is open: it takes them all, but a view's key,
    /// which closes it and shows that view.
    fn update_overlay(&mut self, action: Action) {
        let Some(overlay) = &mut self.overlay else { return };
        let outcome = match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::View(n) => {
                self.overlay = None;
                self.update(Action::View(n));
                return;
            }
            // q closes an overlay, as in less and htop.
            Action::Close | Action::Escape | Action::Back => Outcome::Close,
            Action::Help if overlay.is_help() => Outcome::Close,
            _ => overlay.handle(action, &mut self.shared),
        };
        if outcome == Outcome::Close {
            self.closing = self.overlay.take();
        }
    }

    /// Does what the views asked for while handling the key.
    fn run_requests(&mut self) {
        let requests = std::mem::take(&mut self.shared.requests);
        for request in requests {
            match request {
                Request::Show(target) => self.show(&target),
                Request::Open(overlay) => self.overlay = Some(overlay),
                Request::ToggleMark(article) => {
                    toggle_mark(&mut self.shared.marked, article);
                    self.say_marks();
                    self.broadcast(Notice::MarksChanged);
                }
                Request::ClearMarks => {
                    self.shared.marked.clear();
                    self.broadcast(Notice::MarksChanged);
                }
                Request::OpenStory(index) => self.open_story(index),
            }
        }
        self.closing = None;
    }

    /// Shows `target` in the first view that can, remembering where the
    /// jump came from.
    fn show(&mut self, target: &Target) {
        if self.on_list() {
            return;
        }
        let crumb = Crumb { view: self.current, places: self.positions(), overlay: None };
        for i in 0..self.views.len() {
            if self.views[i].show(target, &mut self.shared) {
                let overlay = self.overlay.take().or_else(|| self.closing.take());
                self.history.push(Crumb { overlay, ..crumb });
                if self.history.len() > HISTORY {
                    self.history.remove(0);
                }
                self.current = i;
                self.views[i].enter(&self.shared);
                return;
            }
        }
    }

    /// Moves to the next (or previous) search match in the current view.
    /// `fresh`: a new search, which may match at the current position.
    fn search_step(&mut self, forward: bool, fresh: bool) {
        let Some(q) = self.shared.search.clone() else {
            self.shared.message = Some("no search: press / to search".into());
            return;
        };
        let found = self.with_view(|view, shared| view.search(&q, forward, fresh, shared));
        self.shared.message = Some(match found {
            Some(m) => m,
            None => format!("“{}” not found here · Esc ends the search", parallax::text::sanitize::sanitize(&q).0),
        });
    }

    /// The key hints for the status line: the view's, then search, help
    /// and quit.
    pub fn hints(&self) -> Vec<(Action, &'static str)> {
        let mut h = self.view().hints(&self.shared);
        if !self.shared.links.is_empty() {
            h.push((Action::Links, "links"));
        }
        if self.in_story() && self.can_go_back() {
            h.push((Action::Stories, "stories"));
        }
        let close = match (self.can_go_back(), self.in_story()) {
            (true, _) => "back",
            (false, true) => "stories",
            (false, false) => "quit",
        };
        if self.shared.search.is_some() {
            // `n`/`N` step the search's matches while there is one (they
            // step a view's items again once Esc has ended it).
            h.retain(|(action, _)| !matches!(action, Action::NextItem | Action::PrevItem));
            h.splice(0..0, [(Action::SearchNext, "next match"), (Action::Escape, "end search")]);
        }
        h.extend([(Action::Search, "search"), (Action::Help, "help"), (Action::Close, close)]);
        h
    }

    /// The terminal was resized.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.shared.size = (w, h);
        self.stories.resized(&self.shared);
        for v in &mut self.views {
            v.resized(&self.shared);
        }
    }

    // ----- places -----

    /// The Stories list's cursor on the story the last session left, the
    /// one holding the source it was at (`pending`), where the pile has it.
    fn list_at_story_left(&mut self) {
        let left = self.pending.as_ref().and_then(|places| places.get::<SourcesPlace>(SOURCES_KEY)?.cursor);
        let whole = self.shared.pile.as_ref().map(|pile| &pile.whole);
        if let Some(story) = left.zip(whole).and_then(|(id, whole)| Stories::story_of(whole, &id)) {
            self.stories.cursor = story;
        }
    }

    /// Every view's place, anchored in the text.
    pub fn positions(&self) -> Positions {
        let mut p = self.pending.clone().unwrap_or_default();
        // On the list, the places of the story left last (the views hold
        // none of their own there).
        if self.on_list() {
            return p;
        }
        for (entry, view) in VIEWS.iter().zip(&self.views) {
            if let Some(place) = view.save(&self.shared) {
                p.0.insert(entry.key.to_string(), place);
            }
        }
        let cursor = self.shared.id(self.shared.source);
        let marked = self.shared.marked.iter().filter_map(|&m| self.shared.id(m)).collect();
        p.set(SOURCES_KEY, &SourcesPlace { cursor, marked });
        p
    }

    /// Every view back at the places in `places` (a step back).
    fn restore_places(&mut self, places: &Positions) {
        self.restore_sources(places);
        self.restore_views(places, false);
        self.shared.clamp();
    }

    /// The source list's cursor and marks.
    fn restore_sources(&mut self, places: &Positions) {
        let Some(sources) = places.get::<SourcesPlace>(SOURCES_KEY) else { return };
        if let Some(i) = sources.cursor.and_then(|id| self.shared.index_of(&id)) {
            self.shared.source = i;
        }
        self.shared.marked = sources.marked.iter().filter_map(|id| self.shared.index_of(id)).take(2).collect();
    }

    /// Restores each view's place from `positions`; `waiting`: only the
    /// views that need the analysis (the others are where the reader left
    /// them since).
    fn restore_views(&mut self, positions: &Positions, waiting: bool) {
        for (entry, view) in VIEWS.iter().zip(&mut self.views) {
            if waiting && !view.needs_analysis() {
                continue;
            }
            if let Some(place) = positions.raw(entry.key) {
                view.restore(place, &mut self.shared);
            }
        }
    }

    pub fn snapshot(&self) -> SavedSet {
        SavedSet { view: VIEWS[self.current].key.to_string(), positions: self.positions(), used: 0 }
    }

    pub fn restore(&mut self, saved: &SavedSet) {
        // Said, so that panes and marks from last time are no surprise.
        let view = if self.shared.pile.is_some() { String::new() } else { format!(" ({})", saved_view_name(saved)) };
        self.shared.message = Some(format!("back where you left these sources last time{view}"));
        self.restore_unread = true;
        if self.shared.pile.is_some() {
            // Applied as each story opens, in the view left.
            self.pending = Some(saved.positions.clone());
            self.current = index_of(&saved.view).unwrap_or(self.current);
            self.list_at_story_left();
            return;
        }
        self.restore_sources(&saved.positions);
        if self.shared.analysis.is_some() {
            self.restore_views(&saved.positions, false);
        } else {
            for (entry, view) in VIEWS.iter().zip(&mut self.views) {
                if let Some(place) = saved.positions.raw(entry.key).filter(|_| !view.needs_analysis()) {
                    view.restore(place, &mut self.shared);
                }
            }
            self.pending = Some(saved.positions.clone());
        }
        if let Some(i) = index_of(&saved.view) {
            self.set_view(i);
        }
        self.shared.clamp();
    }
}

/// The name of the view a saved session was in.
fn saved_view_name(saved: &SavedSet) -> &'static str {
    index_of(&saved.view).map_or("Read", |i| VIEWS[i].name)
}

/// Marks `article` or unmarks it; two at most (the first goes).
fn toggle_mark(marked: &mut Vec<usize>, article: usize) {
    if let Some(i) = marked.iter().position(|&m| m == article) {
        marked.remove(i);
    } else {
        if marked.len() == 2 {
            marked.remove(0);
        }
        marked.push(article);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ui::overlays::{Exclusive, Mentions};
    use crate::ui::views::compare::{Compare, Focus as CompareFocus};
    use crate::ui::views::coverage::Coverage;
    use crate::ui::views::read::{Focus as ReadFocus, Read};
    use crate::ui::views::timeline::{self, Timeline};

    pub(crate) fn app() -> App {
        let loaded = parallax::ingest::load(&[]).unwrap();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut app = App::new(loaded.articles.clone(), Theme::MONO, keymap, (80, 24));
        app.set_analysis(parallax::analyse(loaded));
        app
    }

    pub(crate) fn press(app: &mut App, keys: &str) {
        for c in keys.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    pub(crate) fn key(app: &mut App, code: KeyCode) {
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn read(a: &App) -> &Read {
        a.view_of::<Read>().unwrap()
    }

    fn compare(a: &App) -> &Compare {
        a.view_of::<Compare>().unwrap()
    }

    fn event(a: &App) -> usize {
        a.view_of::<Timeline>().unwrap().event
    }

    fn view_key(a: &App) -> &'static str {
        VIEWS[a.current].key
    }

    fn analysis(a: &App) -> &Analysis {
        a.shared.analysis.as_ref().unwrap()
    }

    #[test]
    fn views_switch_with_number_keys_and_q_quits() {
        let mut a = app();
        assert_eq!(view_key(&a), "read");
        press(&mut a, "2");
        assert_eq!(view_key(&a), "compare");
        press(&mut a, "3");
        assert_eq!(view_key(&a), "timeline");
        press(&mut a, "5");
        assert_eq!(view_key(&a), "discrepancies");
        press(&mut a, "q");
        assert!(a.quit);
    }

    #[test]
    fn timeline_opens_on_the_storys_days_and_steps() {
        let mut a = app();
        press(&mut a, "3");
        let first = event(&a);
        let when = analysis(&a).timeline[first].when.date_string();
        assert!(when.as_str() >= "2025-11-19", "opens at {when}");
        assert!(first > 0, "older events sit above");
        press(&mut a, "j");
        assert_eq!(event(&a), first + 1);
        press(&mut a, "kk");
        assert_eq!(event(&a), first - 1);
        press(&mut a, "g");
        assert_eq!(event(&a), 0);
        press(&mut a, "G");
        assert_eq!(event(&a), analysis(&a).timeline.len() - 1);
    }

    #[test]
    fn enter_on_an_event_lists_sources_and_jumps_to_the_sentence() {
        let mut a = app();
        press(&mut a, "3");
        key(&mut a, KeyCode::Enter);
        let cursor = a.overlay.as_ref().and_then(|o| o.as_any().downcast_ref::<Mentions>()).map(|m| m.cursor);
        assert_eq!(cursor, Some(0));
        let m = analysis(&a).timeline[event(&a)].mentions[0].clone();
        key(&mut a, KeyCode::Enter);
        assert!(a.overlay.is_none());
        assert_eq!(view_key(&a), "read");
        let r = read(&a);
        let p = &r.panes[r.active];
        assert_eq!((p.article, p.target), (m.article, Some(m.span)));
    }

    #[test]
    fn help_opens_and_escape_closes() {
        let mut a = app();
        press(&mut a, "?");
        assert!(a.overlay.as_ref().is_some_and(|o| o.is_help()));
        key(&mut a, KeyCode::Esc);
        assert!(a.overlay.is_none());
    }

    #[test]
    fn compare_steps_through_passages_of_a_marked_pair() {
        let mut a = app();
        press(&mut a, "2");
        let all = Compare::passages(&a.shared).len();
        key(&mut a, KeyCode::BackTab);
        assert_eq!(compare(&a).focus, CompareFocus::Sources);
        press(&mut a, "mjm");
        assert_eq!(a.shared.marked, [0, 1]);
        let pair = Compare::passages(&a.shared).len();
        assert!(pair > 0 && pair < all);
        key(&mut a, KeyCode::Tab);
        press(&mut a, "n");
        assert_eq!(compare(&a).passage, 1.min(pair - 1));
        press(&mut a, "p");
        assert_eq!(compare(&a).passage, 0);
        press(&mut a, "a");
        assert!(a.shared.marked.is_empty());
    }

    #[test]
    fn statements_mode_steps_clusters_and_member_pairs() {
        let mut a = app();
        // `c` on a passage opens the statement holding both its sides.
        let an = analysis(&a).clone();
        let overlaps = |m: &parallax::story::Member, side: &parallax::align::Side| {
            m.article == side.article && m.span.start < side.span.end && side.span.start < m.span.end
        };
        let holds = |c: &parallax::story::Cluster, p: &parallax::align::Passage| {
            c.members.iter().any(|m| overlaps(m, &p.a)) && c.members.iter().any(|m| overlaps(m, &p.b))
        };
        let passage = an.passages.iter().position(|p| an.story.clusters.iter().any(|c| holds(c, p))).unwrap();
        press(&mut a, "2");
        press(&mut a, &"j".repeat(passage));
        press(&mut a, "c");
        assert!(compare(&a).statements);
        let (cluster, pair) = (compare(&a).cluster, compare(&a).pair);
        let c = &an.story.clusters[cluster];
        assert!(holds(c, &an.passages[passage]), "{c:?}");
        let pairs = super::super::views::compare::statement_pairs(&an.articles, c).len();
        press(&mut a, "l");
        assert_eq!(compare(&a).pair, (pair + 1) % pairs);
        press(&mut a, "j");
        assert_eq!((compare(&a).cluster, compare(&a).pair), ((cluster + 1).min(an.story.clusters.len() - 1), 0));
    }

    #[test]
    fn search_moves_to_matches_in_each_view() {
        let mut a = app();
        press(&mut a, "/");
        assert!(a.input.is_some());
        press(&mut a, "Zakharova");
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.shared.search.as_deref(), Some("Zakharova"));
        let r = read(&a);
        let p = &r.panes[r.active];
        let t = p.target.expect("a match is highlighted");
        assert!(a.articles()[p.article].body[t.start..t.end].eq_ignore_ascii_case("zakharova"));
        press(&mut a, "3n");
        let e = &analysis(&a).timeline[event(&a)];
        let arts = a.articles();
        let texts: Vec<&str> = e.mentions.iter().map(|m| m.span.slice(&arts[m.article].body)).collect();
        assert!(e.summary.contains("Zakharova") || texts.iter().any(|t| t.contains("Zakharova")), "{e:?}");
        let m = a.shared.message.clone().unwrap_or_default();
        assert!(m.starts_with("match ") && m.contains('/'), "{m}");
    }

    #[test]
    fn a_search_moves_as_it_is_typed_and_esc_goes_back() {
        let mut a = app();
        // Where each pane is (its row hint is only a hint).
        let place = |a: &App| {
            let panes: Vec<_> = read(a).panes.iter().map(|p| (p.article, p.top, p.target)).collect();
            (panes, a.shared.source)
        };
        let before = place(&a);
        press(&mut a, "/Zakharova");
        // Before Enter, the pane is at the first match already.
        assert!(a.input.is_some());
        let r = read(&a);
        let p = &r.panes[r.active];
        let t = p.target.expect("the first match is shown while typing");
        assert!(a.articles()[p.article].body[t.start..t.end].eq_ignore_ascii_case("zakharova"));
        assert!(a.shared.message.as_deref().is_some_and(|m| m.starts_with("match ")), "{:?}", a.shared.message);
        assert_ne!(place(&a), before, "the view follows the search");
        // A query with no match says so; taking the letter back finds it again.
        press(&mut a, "q");
        assert!(a.shared.message.as_deref().is_some_and(|m| m.contains("not found")), "{:?}", a.shared.message);
        key(&mut a, KeyCode::Backspace);
        assert!(a.shared.message.as_deref().is_some_and(|m| m.starts_with("match ")), "{:?}", a.shared.message);
        key(&mut a, KeyCode::Esc);
        assert!(a.input.is_none());
        assert_eq!(a.shared.search, None);
        assert_eq!(place(&a), before);
    }

    #[test]
    fn a_kept_search_says_so_and_owns_n_until_esc() {
        let mut a = app();
        press(&mut a, "2");
        assert!(a.hints().iter().any(|(action, _)| *action == Action::NextItem));
        press(&mut a, "/Zakharova");
        key(&mut a, KeyCode::Enter);
        press(&mut a, "j");
        let hints = a.hints();
        assert_eq!(hints[0], (Action::SearchNext, "next match"));
        assert!(!hints.iter().any(|(action, _)| *action == Action::NextItem), "{hints:?}");
        let last_row = |a: &App| crate::ui::snapshots::screen(a).lines().last().unwrap_or_default().to_string();
        assert!(last_row(&a).contains(" /Zakharova · passage "), "{}", last_row(&a));
        key(&mut a, KeyCode::Esc);
        assert!(a.hints().iter().any(|(action, _)| *action == Action::NextItem));
        assert!(!last_row(&a).contains("Zakharova"), "{}", last_row(&a));
    }

    #[test]
    fn enter_keeps_the_match_the_typed_search_shows() {
        let mut a = app();
        press(&mut a, "/Zakharova");
        let shown = read(&a).panes.clone();
        key(&mut a, KeyCode::Enter);
        assert!(a.input.is_none());
        assert_eq!(read(&a).panes, shown);
        assert_eq!(a.shared.search.as_deref(), Some("Zakharova"));
    }

    #[test]
    fn a_search_across_sources_counts_over_all_of_them() {
        let mut a = app();
        press(&mut a, "/Trump");
        key(&mut a, KeyCode::Enter);
        let overall = |a: &App| -> (usize, usize) {
            let m = a.shared.message.clone().unwrap_or_default();
            let (n, total) = m.strip_prefix("match ").and_then(|r| r.split(' ').next()?.split_once('/')).expect(&m);
            assert!(m.contains(" in all sources · "), "{m}");
            (n.parse().unwrap(), total.parse().unwrap())
        };
        let (first, total) = overall(&a);
        let articles = a.articles().iter().filter(|x| x.body.contains("Trump")).count();
        assert!(articles > 1 && total > articles, "{total} in {articles} articles");
        // Each step is the next match overall, across articles too.
        for step in 1..total {
            press(&mut a, "n");
            assert_eq!(overall(&a), ((first - 1 + step) % total + 1, total));
        }
    }

    #[test]
    fn reading_panes_split_scroll_and_close() {
        let mut a = app();
        key(&mut a, KeyCode::Enter);
        assert_eq!(read(&a).focus, ReadFocus::Pane(0));
        key(&mut a, KeyCode::PageDown);
        let rows = a.shared.rows(read(&a).panes[0].article, 50);
        assert!(read(&a).panes[0].top >= rows[10].start, "a page down scrolls the text");
        press(&mut a, "s");
        assert_eq!(read(&a).panes.len(), 2);
        assert_eq!(read(&a).focus, ReadFocus::Pane(1));
        press(&mut a, "ss");
        assert_eq!(read(&a).panes.len(), 3);
        assert!(a.shared.message.is_some());
        press(&mut a, "x");
        assert_eq!(read(&a).panes.len(), 2);
    }

    #[test]
    fn discrepancy_opens_its_pair_side_by_side() {
        let mut a = app();
        press(&mut a, "5");
        key(&mut a, KeyCode::Enter);
        assert_eq!(view_key(&a), "compare");
        assert!(compare(&a).statements);
        let d = &analysis(&a).story.discrepancies[0];
        assert_eq!(compare(&a).cluster, d.cluster);
    }

    #[test]
    fn state_round_trips() {
        let mut a = app();
        press(&mut a, "3jj");
        let s = a.snapshot();
        let mut b = app();
        b.restore(&s);
        assert_eq!((view_key(&b), event(&b)), ("timeline", event(&a)));
    }

    #[test]
    fn every_position_comes_back_even_when_restored_before_the_analysis() {
        let mut a = app();
        press(&mut a, "2jjjj");
        press(&mut a, "4jjl");
        press(&mut a, "5");
        let s = a.snapshot();
        let coverage = |a: &App| {
            let c = a.view_of::<Coverage>().unwrap();
            (c.row, c.column)
        };
        // A new start: the articles are read, the analysis is not there yet.
        let loaded = parallax::ingest::load(&[]).unwrap();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut b = App::new(loaded.articles.clone(), Theme::MONO, keymap, (80, 24));
        b.restore(&s);
        assert_eq!(b.snapshot().positions, s.positions, "kept while waiting");
        b.set_analysis(parallax::analyse(loaded));
        assert_eq!((view_key(&b), compare(&b).passage, coverage(&b)), ("discrepancies", 4, (2, 1)));
        // Statement mode too.
        let mut c = app();
        press(&mut c, "2cj");
        let s = c.snapshot();
        let mut d = app();
        d.restore(&s);
        assert!(compare(&d).statements && compare(&d).cluster == 1);
    }

    #[test]
    fn compare_keys_work_from_the_source_list() {
        let mut a = app();
        press(&mut a, "2");
        key(&mut a, KeyCode::BackTab);
        assert_eq!(compare(&a).focus, CompareFocus::Sources);
        press(&mut a, "c");
        assert!(compare(&a).statements);
        press(&mut a, "cn");
        assert_eq!(compare(&a).passage, 1);
    }

    #[test]
    fn overlays_page_and_jump_to_the_ends() {
        let mut a = app();
        press(&mut a, "4e");
        let cursor =
            |a: &App| a.overlay.as_ref().and_then(|o| o.as_any().downcast_ref::<Exclusive>()).map(|e| e.cursor);
        let n = analysis(&a).story.coverage[0].exclusive().count();
        assert!(n > 3);
        key(&mut a, KeyCode::End);
        assert_eq!(cursor(&a), Some(n - 1));
        key(&mut a, KeyCode::Home);
        assert_eq!(cursor(&a), Some(0));
        key(&mut a, KeyCode::PageDown);
        assert!(cursor(&a).is_some_and(|c| c > 1));
    }

    #[test]
    fn a_timeline_page_is_what_the_screen_shows() {
        let mut a = app();
        press(&mut a, "3g");
        key(&mut a, KeyCode::PageDown);
        // 80x24: the list shows 14 rows, day headings among them.
        let rows = timeline::rows(&a.shared, false);
        let at = rows.iter().position(|r| *r == timeline::Row::Event(event(&a))).unwrap();
        assert!((12..=15).contains(&at), "{at}");
    }

    #[test]
    fn a_small_screen_works_and_warnings_go_after_a_key() {
        let mut a = app();
        a.warnings.push(parallax::warning::Warning::config("config.toml", "broken"));
        a.resize(40, 12);
        press(&mut a, "3");
        assert_eq!(view_key(&a), "timeline");
        assert!(a.warnings_seen);
        press(&mut a, "q");
        assert!(a.quit);
    }

    #[test]
    fn q_closes_an_overlay_and_ctrl_c_quits_from_one() {
        let mut a = app();
        press(&mut a, "?q");
        assert!(a.overlay.is_none() && !a.quit);
        press(&mut a, "3");
        key(&mut a, KeyCode::Enter);
        assert!(a.overlay.is_some());
        a.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert!(a.quit);
    }

    /// The analysis a first, quicker pass gives: fewer passages, fewer
    /// events, statements in another order.
    fn first_pass(full: &Analysis) -> Analysis {
        let mut a = full.clone();
        a.passages = full.passages.iter().step_by(2).cloned().collect();
        a.timeline.drain(..3);
        a.story.clusters.reverse();
        let n = a.story.clusters.len();
        for d in &mut a.story.discrepancies {
            d.cluster = n - 1 - d.cluster;
        }
        a.story.discrepancies.reverse();
        a
    }

    #[test]
    fn a_new_analysis_keeps_every_views_place() {
        let full = analysis(&app()).clone();
        let mut a = app();
        a.set_analysis(first_pass(&full));
        // Read: scrolled; Compare: a passage; Timeline: an event; Coverage:
        // a statement; Discrepancies: the second one.
        key(&mut a, KeyCode::Enter);
        press(&mut a, "jjjjj");
        press(&mut a, "2jjj3jj4jjj5j");
        let before = a.positions();
        let passage = {
            let list = Compare::passages(&a.shared);
            analysis(&a).passages[list[compare(&a).passage]].clone()
        };
        let mention = analysis(&a).timeline[event(&a)].mentions[0].clone();
        let top = read(&a).panes[0].top;
        let indexes = |a: &App| (compare(a).passage, event(a), a.view_of::<Coverage>().unwrap().row);
        let old = indexes(&a);
        a.replace_analysis(full);
        let new = indexes(&a);
        assert!(old.0 != new.0 && old.1 != new.1 && old.2 != new.2, "{old:?} {new:?}");
        let after = &analysis(&a).passages[Compare::passages(&a.shared)[compare(&a).passage]];
        assert_eq!((after.a.span, after.b.span), (passage.a.span, passage.b.span));
        assert!(analysis(&a).timeline[event(&a)].mentions.contains(&mention));
        assert_eq!(read(&a).panes[0].top, top);
        assert_eq!(view_key(&a), "discrepancies");
        // Every place is the same place, though most indexes changed.
        assert_eq!(a.positions(), before);
    }

    #[test]
    fn the_models_analysis_replaces_the_first_and_says_what_it_added() {
        let mut full = analysis(&app()).clone();
        full.model = ModelUse::Used { computed: 10, cached: 0, waiting: 0, notes: Vec::new() };
        let mut a = app();
        a.set_analysis(first_pass(&full));
        a.shared.model = ModelStatus::Reading { done: 3, total: 10 };
        press(&mut a, "2jj");
        let before = a.positions();
        let (shown, now) = (analysis(&a).passages.len(), full.passages.len());
        a.model_arrived(full);
        assert_eq!(analysis(&a).passages.len(), now);
        assert_eq!(a.positions(), before);
        assert_eq!(a.shared.model, ModelStatus::Done);
        let said = a.shared.message.clone().unwrap();
        assert_eq!(said, format!("sentence model: {now} shared passages (words alone: {shown})"));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn part_of_the_models_work_comes_in_without_moving_the_reader_or_ending_the_count() {
        let mut part = analysis(&app()).clone();
        part.model = ModelUse::Used { computed: 0, cached: 10, waiting: 2, notes: Vec::new() };
        let mut a = app();
        a.set_analysis(first_pass(&part));
        a.shared.model = ModelStatus::Reading { done: 3, total: 10 };
        press(&mut a, "2jj");
        let before = a.positions();
        a.model_partial(part.clone());
        assert_eq!(analysis(&a).passages.len(), part.passages.len());
        assert_eq!(a.positions(), before);
        assert_eq!(a.shared.model, ModelStatus::Reading { done: 3, total: 10 });
        assert_eq!(a.shared.message, None);
        // The closing message counts what words alone found, not the part.
        let words = first_pass(&part).passages.len();
        a.model_arrived(part);
        let said = a.shared.message.clone().unwrap();
        assert!(said.ends_with(&format!("(words alone: {words})")), "{said}");
    }

    #[test]
    fn a_model_that_failed_leaves_the_analysis_and_warns_once() {
        let mut failed = analysis(&app()).clone();
        let why = Warning::model(None, "the model cannot load");
        failed.model = ModelUse::Failed(why.clone());
        failed.passages.clear();
        let mut a = app();
        let shown = analysis(&a).passages.len();
        a.shared.model = ModelStatus::Waiting;
        a.model_arrived(failed);
        assert_eq!(analysis(&a).passages.len(), shown);
        assert_eq!(a.shared.model, ModelStatus::Off);
        assert_eq!(a.warnings, vec![why.clone()]);
        assert!(a.shared.message.as_deref().is_some_and(|m| m.contains("the model cannot load")));
    }

    /// An app over `texts` (one article each), analysed.
    pub(crate) fn app_of(texts: &[&str]) -> App {
        let sources: Vec<parallax::ingest::Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parallax::ingest::Source {
                path: format!("{i}.txt"),
                stem: format!("a{i}"),
                bytes: t.as_bytes().to_vec(),
                truncated_from: None,
            })
            .collect();
        let loaded = parallax::ingest::parse_all(&sources);
        let (keymap, _) = Keymap::new(&Default::default());
        let mut app = App::new(loaded.articles.clone(), Theme::MONO, keymap, (80, 24));
        app.set_analysis(parallax::analyse(loaded));
        app
    }

    /// An app over one report each of a flood's death toll, in the same
    /// words but for the number: `tolls` of 12 and 15 disagree.
    pub(crate) fn toll_reports(tolls: &[u32]) -> App {
        let texts: Vec<String> = tolls
            .iter()
            .map(|toll| {
                format!(
                    "Flood toll rises\n2025-03-04\n\nThe death toll in Dunmore rose to {toll} on Tuesday after the \
                     levee broke, regional officials said in a statement."
                )
            })
            .collect();
        app_of(&texts.iter().map(String::as_str).collect::<Vec<_>>())
    }

    fn ids(a: &App) -> Vec<String> {
        a.articles().iter().map(|article| article.id.clone()).collect()
    }

    fn pile() -> App {
        app_of(&super::super::properties::PILE)
    }

    #[test]
    fn a_views_key_pressed_elsewhere_says_where_it_is_not() {
        let mut a = app();
        press(&mut a, "1o");
        let said = a.shared.message.clone().unwrap_or_default();
        assert!(said.contains("Timeline: fold") && said.contains("does nothing here"), "{said}");
        // Where it works, it works; moving past a list's end says nothing.
        press(&mut a, "3o");
        assert!(a.shared.message.as_deref().is_none_or(|m| !m.contains("nothing here")), "{:?}", a.shared.message);
        press(&mut a, "4e");
        assert!(a.shared.message.as_deref().is_none_or(|m| !m.contains("nothing here")), "{:?}", a.shared.message);
        key(&mut a, KeyCode::Esc);
        press(&mut a, "3");
        assert_eq!(view_key(&a), "timeline");
        for _ in 0..500 {
            press(&mut a, "j");
        }
        assert_eq!(a.shared.message, None);
    }

    #[test]
    fn a_views_key_closes_an_overlay_and_shows_that_view() {
        let mut a = app();
        press(&mut a, "?");
        assert!(a.overlay.is_some());
        press(&mut a, "3");
        assert!(a.overlay.is_none());
        assert_eq!(view_key(&a), "timeline");
    }

    #[test]
    fn a_session_taken_up_again_says_so() {
        let mut first = app();
        press(&mut first, "3");
        let saved = first.snapshot();
        let mut again = app();
        assert_eq!(again.shared.message, None);
        again.restore(&saved);
        assert_eq!(view_key(&again), "timeline");
        let said = again.shared.message.clone().unwrap_or_default();
        assert!(said.contains("back where you left") && said.contains("Timeline"), "{said}");
    }

    #[test]
    fn a_story_numbers_only_its_own_sources() {
        // One outlet in both stories: the pile numbers it, each story not.
        let texts: Vec<String> =
            super::super::properties::PILE.iter().map(|t| t.replace("coasttimes.example", "herald.example")).collect();
        let mut a = app_of(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(a.shared.label_in_whole(1), "herald.example 2");
        press(&mut a, "j");
        key(&mut a, KeyCode::Enter);
        assert_eq!((ids(&a)[0].as_str(), a.shared.label(0)), ("a1", "herald.example".to_string()));
        press(&mut a, "S");
        assert_eq!(a.shared.label(1), "herald.example 2", "the list names sources as the pile does");
    }

    #[test]
    fn a_pile_opens_on_its_stories_and_each_view_works_within_the_one_opened() {
        let mut a = pile();
        assert!(a.on_list() && a.shared.analysis.is_none());
        assert_eq!(a.view().location(&a.shared), "Stories · story 1/2");
        let whole = a.shared.whole().unwrap().clone();
        assert_eq!(whole.stories.members, [vec![0, 2, 4], vec![1, 3, 5]]);
        // Enter opens the first story: three sources, its passages alone.
        key(&mut a, KeyCode::Enter);
        assert!(a.in_story());
        assert_eq!(ids(&a), ["a0", "a2", "a4"]);
        assert_eq!(view_key(&a), "read");
        let shown = analysis(&a);
        assert!(!shown.passages.is_empty() && shown.passages.iter().all(|p| p.a.article < 3 && p.b.article < 3));
        assert!(shown.timeline.iter().flat_map(|e| &e.mentions).all(|m| m.article < 3));
        assert_eq!(a.shared.label(1), a.shared.label_in_whole(2));
        // Every view works in it; S comes back to the list, at that story.
        press(&mut a, "2345");
        assert_eq!(view_key(&a), "discrepancies");
        press(&mut a, "S");
        assert!(a.on_list() && a.shared.analysis.is_none());
        assert_eq!(a.stories.cursor, 0);
        // A number key opens the story under the cursor in that view.
        press(&mut a, "j3");
        assert_eq!((a.in_story(), view_key(&a)), (true, "timeline"));
        assert_eq!(ids(&a), ["a1", "a3", "a5"]);
        // q at a story's top goes to the list, and quits only from there.
        press(&mut a, "q");
        assert!(a.on_list() && !a.quit);
        press(&mut a, "q");
        assert!(a.quit);
    }

    #[test]
    fn esc_in_a_story_steps_back_first_then_goes_to_the_list() {
        let mut a = pile();
        key(&mut a, KeyCode::Enter);
        press(&mut a, "3");
        key(&mut a, KeyCode::Enter); // an event's sources
        key(&mut a, KeyCode::Enter); // jump to the sentence
        assert!(a.can_go_back());
        assert!(a.hints().contains(&(Action::Stories, "stories")));
        key(&mut a, KeyCode::Esc);
        assert_eq!(view_key(&a), "timeline");
        key(&mut a, KeyCode::Esc); // the overlay it came from
        assert!(a.in_story());
        key(&mut a, KeyCode::Esc);
        assert!(a.on_list());
    }

    #[test]
    fn each_story_keeps_its_places_and_a_one_story_set_has_no_list() {
        let mut a = pile();
        key(&mut a, KeyCode::Enter);
        press(&mut a, "jj");
        assert_eq!(a.shared.source, 2);
        press(&mut a, "Sj");
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.shared.source, 0);
        press(&mut a, "Sk");
        key(&mut a, KeyCode::Enter);
        assert_eq!((a.shared.source, a.shared.id(2).as_deref()), (2, Some("a4")));
        // The saved state from the list is the last story's places.
        press(&mut a, "S");
        let saved = a.snapshot();
        let mut again = pile();
        again.restore(&saved);
        key(&mut again, KeyCode::Enter);
        assert_eq!(again.shared.source, 2);
        // One story: as before, no list.
        let mut one = app();
        assert!(!one.on_list() && one.shared.pile.is_none());
        press(&mut one, "S");
        assert_eq!(one.shared.message.as_deref(), Some("one story: no list of stories"));
        assert!(!one.hints().iter().any(|(action, _)| *action == Action::Stories));
    }

    #[test]
    fn a_pile_reopens_on_the_story_left() {
        let mut a = pile();
        press(&mut a, "j");
        key(&mut a, KeyCode::Enter);
        press(&mut a, "jS");
        let saved = a.snapshot();
        // Restored once the pile is analysed...
        let mut again = pile();
        again.restore(&saved);
        assert_eq!((again.on_list(), again.stories.cursor), (true, 1));
        key(&mut again, KeyCode::Enter);
        assert_eq!(ids(&again), ["a1", "a3", "a5"]);
        assert_eq!(again.shared.id(again.shared.source).as_deref(), Some("a3"));
        // ...and before: the list opens at that story when the pile arrives.
        let whole = pile().shared.whole().unwrap().clone();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut early = App::new(whole.articles.clone(), Theme::MONO, keymap, (80, 24));
        early.restore(&saved);
        early.set_analysis(whole);
        assert_eq!((early.on_list(), early.stories.cursor), (true, 1));
    }

    #[test]
    fn a_new_analysis_of_a_pile_keeps_the_reader_in_their_story_or_on_the_list() {
        let full = pile().shared.whole().unwrap().clone();
        let mut a = pile();
        press(&mut a, "j");
        a.replace_analysis(full.clone());
        assert!(a.on_list());
        assert_eq!(a.stories.cursor, 1);
        key(&mut a, KeyCode::Enter);
        press(&mut a, "3j");
        let event = event(&a);
        let before = a.positions();
        let mut with_model = full.clone();
        with_model.model = ModelUse::Used { computed: 3, cached: 0, waiting: 0, notes: Vec::new() };
        a.model_arrived(with_model);
        assert!(a.in_story());
        assert_eq!(ids(&a), ["a1", "a3", "a5"]);
        assert_eq!((view_key(&a), self::event(&a)), ("timeline", event));
        assert_eq!(a.positions(), before);
        // A set first analysed as one story and then as a pile: the reader
        // is in the story of the source they were at.
        let mut one = full.clone();
        one.stories = parallax::align::Stories::one(one.articles.len());
        one.overviews.truncate(1);
        let (keymap, _) = Keymap::new(&Default::default());
        let mut b = App::new(Vec::new(), Theme::MONO, keymap, (80, 24));
        b.set_analysis(one);
        assert!(!b.on_list());
        press(&mut b, "jjj");
        assert_eq!(b.shared.id(b.shared.source).as_deref(), Some("a3"));
        b.replace_analysis(full);
        assert!(b.in_story());
        assert_eq!(ids(&b), ["a1", "a3", "a5"]);
        assert_eq!(b.shared.id(b.shared.source).as_deref(), Some("a3"));
    }

    #[test]
    fn paging_an_empty_timeline_does_nothing() {
        let mut a = app_of(&["A quiet day\n\nNothing happened."]);
        assert!(analysis(&a).timeline.is_empty());
        press(&mut a, "3");
        for code in [KeyCode::PageUp, KeyCode::PageDown] {
            key(&mut a, code);
        }
        press(&mut a, "b");
        for c in ['u', 'd'] {
            a.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        }
        assert_eq!((view_key(&a), event(&a)), ("timeline", 0));
    }

    #[test]
    fn a_paste_goes_into_the_search_and_nowhere_else() {
        let mut a = app();
        a.on_paste("q");
        assert!(!a.quit && a.shared.message.is_some());
        press(&mut a, "/");
        a.on_paste("Zakha\u{1b}[2Jrova\nsaid");
        assert_eq!(a.input.as_deref(), Some("Zakharova said"));
        a.on_paste(&"x".repeat(500));
        assert_eq!(a.input.as_ref().unwrap().chars().count(), SEARCH_MAX);
    }

    /// The view names the config accepts are the app's views.
    #[test]
    fn config_view_names_are_the_views() {
        let keys: Vec<&str> = VIEWS.iter().map(|e| e.key).collect();
        assert_eq!(keys, parallax::config::VIEWS);
    }

    #[test]
    fn a_drill_down_and_back_with_esc_q_or_backspace() {
        for back in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Backspace] {
            let mut a = app();
            press(&mut a, "4jjj");
            let row = a.view_of::<Coverage>().unwrap().row;
            key(&mut a, KeyCode::Enter);
            assert_eq!(view_key(&a), "compare");
            assert!(a.can_go_back());
            key(&mut a, back);
            assert_eq!((view_key(&a), a.view_of::<Coverage>().unwrap().row), ("coverage", row), "{back:?}");
            assert!(!a.quit && !a.can_go_back());
        }
        // At a top view, q quits; Q quits from anywhere.
        let mut a = app();
        press(&mut a, "4j");
        key(&mut a, KeyCode::Enter);
        press(&mut a, "Q");
        assert!(a.quit);
    }

    #[test]
    fn back_from_a_jump_reopens_the_overlay_it_came_from() {
        let mut a = app();
        press(&mut a, "3j");
        let e = event(&a);
        key(&mut a, KeyCode::Enter);
        press(&mut a, "j");
        key(&mut a, KeyCode::Enter);
        assert_eq!(view_key(&a), "read");
        key(&mut a, KeyCode::Esc);
        assert_eq!((view_key(&a), event(&a)), ("timeline", e));
        let cursor = a.overlay.as_ref().and_then(|o| o.as_any().downcast_ref::<Mentions>()).map(|m| m.cursor);
        assert_eq!(cursor, Some(1.min(analysis(&a).timeline[e].mentions.len() - 1)));
        key(&mut a, KeyCode::Esc);
        assert!(a.overlay.is_none());
        press(&mut a, "q");
        assert!(a.quit);
    }

    #[test]
    fn enter_on_a_shared_line_lists_who_shares_it_and_opens_the_pair() {
        let mut a = app();
        key(&mut a, KeyCode::Enter);
        // The first line another source shares is the current one.
        let s = read(&a).current_sentence(&a.shared, 0).unwrap();
        assert!(analysis(&a).story.coverage[0].shared[s]);
        key(&mut a, KeyCode::Enter);
        let shares = a.overlay.as_ref().and_then(|o| o.as_any().downcast_ref::<crate::ui::overlays::SharedBy>());
        assert!(shares.is_some_and(|o| !o.is_empty()));
        key(&mut a, KeyCode::Enter);
        assert_eq!(view_key(&a), "compare");
        assert_eq!(a.shared.marked.len(), 2);
        assert!(a.shared.marked.contains(&0));
        let sentence = a.articles()[0].sentences[s];
        let p = &analysis(&a).passages[Compare::passages(&a.shared)[compare(&a).passage]];
        let side = if p.a.article == 0 { &p.a } else { &p.b };
        assert!(side.span.start <= sentence.start && sentence.end <= side.span.end);
        key(&mut a, KeyCode::Esc);
        assert_eq!(view_key(&a), "read");
        assert!(a.shared.marked.is_empty(), "the marks come back as they were");
    }

    #[test]
    fn j_and_k_move_the_marker_and_the_text_follows() {
        let mut a = app();
        key(&mut a, KeyCode::Enter);
        let first = read(&a).current_sentence(&a.shared, 0).unwrap();
        press(&mut a, "j");
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(first + 1));
        assert_eq!(read(&a).panes[0].top, 0, "a sentence on screen does not scroll the text");
        press(&mut a, "k");
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(first));
        // Stepping on past the last line shown scrolls the text, with a few
        // rows of what comes next still in view; the last sentence stays
        // the last.
        let last = a.articles()[0].sentences.len() - 1;
        let r = read(&a).pane_rects(&a.shared).1[0];
        let (width, height) = (crate::ui::layout::text_width(r), crate::ui::layout::text_height(r));
        let rows = a.shared.rows(0, width);
        for _ in 0..last + 2 {
            press(&mut a, "j");
            let pane = &read(&a).panes[0];
            let shown = pane.first_row(&rows, height)..pane.first_row(&rows, height) + height;
            let end_of_sentence = rows.partition_point(|r| r.start < pane.target.unwrap().end) - 1;
            let ahead = (end_of_sentence + 3).min(rows.len() - 1);
            assert!(shown.contains(&ahead), "row {ahead} not in {shown:?}");
        }
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(last));
        assert!(read(&a).panes[0].top > 0);
        // And back up to the first.
        press(&mut a, &"k".repeat(last + 2));
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(0));
        assert_eq!(read(&a).panes[0].top, 0);
        // G and g: the last and the first sentence.
        press(&mut a, "G");
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(last));
        press(&mut a, "k");
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(last - 1));
        press(&mut a, "g");
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(0));
    }

    #[test]
    fn compare_opens_on_the_passage_of_the_line_read() {
        let mut a = app();
        key(&mut a, KeyCode::Enter);
        press(&mut a, "]]]");
        let sentence = a.articles()[0].sentences[read(&a).current_sentence(&a.shared, 0).unwrap()];
        press(&mut a, "2");
        let p = &analysis(&a).passages[Compare::passages(&a.shared)[compare(&a).passage]];
        let side = if p.a.article == 0 { &p.a } else { &p.b };
        assert_eq!(side.article, 0);
        assert!(side.span.start <= sentence.start && sentence.start < side.span.end, "{p:?}");
        // Another source picked in the list, nothing selected in it: a
        // passage of that source.
        press(&mut a, "1");
        key(&mut a, KeyCode::Esc);
        key(&mut a, KeyCode::BackTab);
        press(&mut a, "jjj");
        let source = a.shared.source;
        assert_eq!((source, read(&a).panes[0].article), (3, 3));
        press(&mut a, "2");
        let p = &analysis(&a).passages[Compare::passages(&a.shared)[compare(&a).passage]];
        assert!(p.a.article == source || p.b.article == source, "{source} {p:?}");
    }

    #[test]
    fn e_in_read_lists_what_only_the_source_read_has_and_marks_say_what_next() {
        let mut a = app();
        press(&mut a, "e");
        let only = a.overlay.as_ref().and_then(|o| o.as_any().downcast_ref::<Exclusive>());
        assert!(only.is_some(), "e on the source list opens what only that source has");
        key(&mut a, KeyCode::Esc);
        press(&mut a, "m");
        let said = a.shared.message.clone().unwrap_or_default();
        assert!(said.contains("marked") && said.contains("second source"), "{said}");
        press(&mut a, "jm");
        let said = a.shared.message.clone().unwrap_or_default();
        assert!(said.contains(" and ") && said.contains("compares them"), "{said}");
    }

    #[test]
    fn compare_with_one_source_says_it_needs_two() {
        let mut a = app_of(&["Dam gives way\n\nThe earthen dam gave way after two days of rain."]);
        press(&mut a, "2");
        let screen = crate::ui::snapshots::screen(&a);
        assert!(screen.contains("One source: Compare needs two"), "{screen}");
    }

    #[test]
    fn who_shares_a_line_counts_every_carrier_of_its_statement() {
        let mut a = app();
        let an = analysis(&a).clone();
        let mut through_statement = None;
        for (article, of) in a.articles().iter().enumerate() {
            for s in 0..of.sentences.len() {
                let listed = crate::ui::overlays::SharedBy::new(&a.shared, article, s).sources();
                for cluster in
                    an.story.clusters.iter().filter(|c| c.member(article).is_some_and(|m| m.sentences.contains(&s)))
                {
                    for m in cluster.members.iter().filter(|m| m.article != article) {
                        assert!(
                            listed.iter().any(|(x, _)| *x == m.article),
                            "{article}:{s} misses {} ({listed:?})",
                            m.article
                        );
                    }
                }
                if let Some(&(other, _)) = listed.iter().find(|(_, by_statement)| *by_statement) {
                    through_statement.get_or_insert((article, s, other));
                }
            }
        }
        // Enter on a source only a statement brings opens that statement.
        let (article, s, other) =
            through_statement.expect("the sample has a statement with a carrier no passage pairs");
        let mut overlay = crate::ui::overlays::SharedBy::new(&a.shared, article, s);
        overlay.cursor = overlay.sources().iter().position(|&(x, _)| x == other).unwrap();
        a.overlay = Some(Box::new(overlay));
        key(&mut a, KeyCode::Enter);
        assert_eq!(view_key(&a), "compare");
        assert!(compare(&a).statements);
    }

    #[test]
    fn brackets_step_through_shared_lines() {
        let mut a = app();
        key(&mut a, KeyCode::Enter);
        let first = read(&a).current_sentence(&a.shared, 0).unwrap();
        press(&mut a, "]");
        let next = read(&a).current_sentence(&a.shared, 0).unwrap();
        assert!(next > first && analysis(&a).story.coverage[0].shared[next]);
        press(&mut a, "[");
        assert_eq!(read(&a).current_sentence(&a.shared, 0), Some(first));
    }

    #[test]
    fn enter_in_compare_opens_both_articles_at_the_passage_and_esc_comes_back() {
        let mut a = app();
        press(&mut a, "2jj");
        let p = analysis(&a).passages[Compare::passages(&a.shared)[2]].clone();
        key(&mut a, KeyCode::Enter);
        assert_eq!(view_key(&a), "read");
        let panes: Vec<_> = read(&a).panes.iter().map(|x| (x.article, x.target)).collect();
        assert_eq!(panes, [(p.a.article, Some(p.a.span)), (p.b.article, Some(p.b.span))]);
        key(&mut a, KeyCode::Backspace);
        assert_eq!((view_key(&a), compare(&a).passage), ("compare", 2));
        assert_eq!(read(&a).panes.len(), 1, "Read as it was before the jump");
    }

    #[test]
    fn the_source_list_previews_as_the_cursor_moves() {
        let mut a = app();
        press(&mut a, "jj");
        assert_eq!(read(&a).focus, ReadFocus::Sources);
        assert_eq!(read(&a).panes[0].article, 2);
        key(&mut a, KeyCode::Enter);
        assert_eq!((read(&a).focus, read(&a).panes[0].article), (ReadFocus::Pane(0), 2));
    }

    /// The sentence at the top of the active reading pane.
    fn top_sentence(a: &App) -> usize {
        let r = read(a);
        let p = &r.panes[r.active];
        a.articles()[p.article].sentence_at(p.top).unwrap()
    }

    #[test]
    fn a_resize_or_a_reopen_keeps_the_sentence_at_the_top() {
        let mut a = app();
        key(&mut a, KeyCode::Enter);
        press(&mut a, "jjjjjjjjjjj");
        let sentence = top_sentence(&a);
        let text = a.articles()[0].sentence(sentence).to_string();
        for (w, h) in [(60, 20), (200, 60), (40, 12), (80, 24)] {
            a.resize(w, h);
            assert_eq!(top_sentence(&a), sentence, "{w}x{h}");
            // The first row drawn is part of that sentence (unless the
            // article ends above the bottom of the pane: then it is on
            // screen, the pane showing the article's end).
            let row = read(&a).top_row(&a.shared, read(&a).active).unwrap();
            let shown = &a.articles()[0].body[row.start..row.end];
            let span = a.articles()[0].sentences[sentence];
            let at_top = row.start < span.end && span.start < row.end.max(row.start + 1);
            let screen = crate::ui::snapshots::screen(&a);
            let first_words: String = text.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            assert!(at_top || (row.start == 0 && screen.contains(&first_words)), "{w}x{h}: {shown:?} not in {text:?}");
            assert!(screen.contains(shown.split_whitespace().next().unwrap()));
        }
        // Reopened at another size: the same sentence on top.
        let saved = a.snapshot();
        let loaded = parallax::ingest::load(&[]).unwrap();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut b = App::new(loaded.articles.clone(), Theme::MONO, keymap, (200, 60));
        b.set_analysis(parallax::analyse(loaded));
        b.restore(&saved);
        assert_eq!(top_sentence(&b), sentence);
    }

    fn mouse(a: &mut App, kind: Pointer, column: u16, row: u16) {
        a.on_mouse(Mouse { kind, column, row });
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_the_pointer_and_a_click_selects() {
        let mut a = app();
        press(&mut a, "s");
        let tops = |a: &App| read(a).panes.iter().map(|p| p.top).collect::<Vec<_>>();
        let before = tops(&a);
        // 80x24: the list is 26 columns, the two panes stacked after it
        // (27 columns each would be too narrow side by side).
        mouse(&mut a, Pointer::WheelDown, 70, 18);
        let after = tops(&a);
        assert_eq!(after[0], before[0]);
        assert!(after[1] > before[1], "{before:?} {after:?}");
        // A click on the list's third entry picks that source.
        mouse(&mut a, Pointer::Click, 5, 6);
        assert_eq!((a.shared.source, read(&a).focus), (2, ReadFocus::Sources));
        // A click in a pane focuses it and marks the sentence clicked.
        mouse(&mut a, Pointer::Click, 40, 5);
        assert_eq!(read(&a).focus, ReadFocus::Pane(0));
        let s = read(&a).current_sentence(&a.shared, 0);
        assert!(s.is_some() && read(&a).panes[0].target.is_some());
        // The tab bar switches views.
        mouse(&mut a, Pointer::Click, 22, 0);
        assert_eq!(view_key(&a), "timeline");
        let e = event(&a);
        mouse(&mut a, Pointer::WheelDown, 30, 8);
        assert_eq!(event(&a), e + 1);
    }

    #[test]
    fn the_wheel_scrolls_a_long_comparison() {
        let mut a = app();
        a.resize(40, 12);
        press(&mut a, "2c");
        let top = compare(&a).top;
        mouse(&mut a, Pointer::WheelDown, 20, 6);
        assert_ne!(compare(&a).top, top);
        mouse(&mut a, Pointer::WheelUp, 20, 6);
        assert_eq!(compare(&a).top, top);
    }
}
