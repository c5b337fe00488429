//! What every view reads and some write: the articles and the analysis,
//! the source list (its cursor and the marked pair), the active search, the
//! terminal size, and the requests a view makes of the app.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use parallax::analysis::{Analysis, Stage};
use parallax::ingest::Article;
use parallax::text::Span;

use super::keymap::Keymap;
use super::theme::Theme;
use super::wrap::{Row, wrap_spaced};
use parallax::labels::Labels;

/// Analysis progress, for the gauge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: usize,
    pub total: usize,
    pub label: &'static str,
}

/// Where the sentence model is, for the status line: it reads the set in
/// the background after the words-only analysis is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ModelStatus {
    /// Not asked for (`--no-model`), or refused for this set.
    #[default]
    Off,
    /// Asked for: waits for the words-only analysis, then loads.
    Waiting,
    /// Texts encoded so far (those not in the vector cache).
    Reading { done: usize, total: usize },
    /// Its analysis is shown.
    Done,
}

impl ModelStatus {
    /// A few words for the status line while it works.
    pub fn working(self) -> Option<String> {
        match self {
            ModelStatus::Waiting => Some("sentence model waiting".into()),
            ModelStatus::Reading { done, total } => Some(format!("sentence model {done}/{total}")),
            ModelStatus::Off | ModelStatus::Done => None,
        }
    }
}

/// Where to take the reader: what a drill-down asks for. The app offers a
/// target to each view in turn; the first that can show it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A sentence (or any span) of an article, in the Read view.
    Sentence { article: usize, span: Span },
    /// Two articles side by side, each at a span, in the Read view.
    Both { left: (usize, Span), right: (usize, Span) },
    /// The passage two articles share that holds these (article, offset)
    /// points, in Compare, the two marked as the pair compared.
    Passage { a: (usize, usize), b: (usize, usize) },
    /// A statement and which pair of its members, in Compare.
    Statement { cluster: usize, pair: usize },
    /// A timeline event.
    Event(usize),
}

/// Something a view asks of the app, done after the key is handled
/// (gitui's queue of internal events).
pub enum Request {
    /// Go to a target (a drill-down: remembered, so Esc comes back).
    Show(Target),
    /// Open an overlay over the view.
    Open(Box<dyn super::overlays::Overlay>),
    /// Mark or unmark a source for the compared pair.
    ToggleMark(usize),
    /// Clear the marked pair.
    ClearMarks,
    /// Open story `n` of the pile (the Stories list's Enter).
    OpenStory(usize),
}

/// What the mouse did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    WheelUp,
    WheelDown,
    Click,
}

/// A mouse event where it happened (terminal cells, 0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mouse {
    pub kind: Pointer,
    pub column: u16,
    pub row: u16,
}

impl Mouse {
    /// Whether it happened inside `r`.
    pub fn inside(&self, r: ratatui::layout::Rect) -> bool {
        self.column >= r.x && self.column < r.x + r.width && self.row >= r.y && self.row < r.y + r.height
    }

    /// The wheel as a step: +1 down, -1 up, 0 for a click.
    pub fn wheel(&self) -> isize {
        match self.kind {
            Pointer::WheelDown => 1,
            Pointer::WheelUp => -1,
            Pointer::Click => 0,
        }
    }

    /// The line inside a bordered `r` it is on (0 the first inside the
    /// border), if it is on one.
    pub fn line_in(&self, r: ratatui::layout::Rect) -> Option<usize> {
        (self.inside(r) && self.row > r.y && self.row + 1 < r.y + r.height).then(|| (self.row - r.y - 1) as usize)
    }
}

/// Rows a wheel step scrolls a text.
pub const WHEEL_ROWS: isize = 3;

/// What changed that views may want to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The marked pair changed.
    MarksChanged,
    /// Articles were read, the first new one at this index.
    ArticlesAdded { first: usize },
}

/// A set that is several stories: the analysis of the whole pile, and the
/// story open (`None`: the Stories list is shown).
pub struct Pile {
    pub whole: Analysis,
    pub open: Option<usize>,
}

pub struct Shared {
    pub theme: Theme,
    pub keymap: Keymap,
    /// Articles as loaded; replaced by the analysis' copy when it arrives.
    articles: Vec<Article>,
    /// What the views show: the analysis of the whole set, or of the story
    /// open in a pile (`None` before the analysis and on the Stories list).
    pub analysis: Option<Analysis>,
    /// A set of several stories.
    pub pile: Option<Pile>,
    pub progress: Progress,
    /// The sentence model's work in the background.
    pub model: ModelStatus,
    /// Files read so far and in all, while reading.
    pub loading: Option<(usize, usize)>,
    /// Each link of the set and where it stands, in the order heard of.
    pub links: Vec<parallax::ingest::LinkStatus>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The source list's cursor (Read and Compare show the same list).
    pub source: usize,
    /// Sources marked for comparison (at most two).
    pub marked: Vec<usize>,
    /// The active search.
    pub search: Option<String>,
    /// Where the reader was in Read when they left it for another view:
    /// the article, and the start of the sentence selected in it (with
    /// `j`/`k`, a click, a jump or a search), if one was. Compare opens on
    /// a passage holding it, or of that article.
    pub reading: Option<(usize, Option<usize>)>,
    /// A one-line message for the status line.
    pub message: Option<String>,
    pub requests: Vec<Request>,
    /// A short name for each source.
    labels: Labels,
    /// The names of the open story's sources, numbered within it.
    story_labels: Option<Labels>,
    wrapped: RefCell<WrapCache>,
}

/// Wrapped rows by (article, width).
type WrapCache = HashMap<(usize, usize), Rc<Vec<Row>>>;

impl Shared {
    pub fn new(articles: Vec<Article>, theme: Theme, keymap: Keymap, size: (u16, u16)) -> Shared {
        Shared {
            theme,
            keymap,
            articles,
            analysis: None,
            pile: None,
            progress: Progress { stage: 0, total: Stage::ALL.len(), label: "starting" },
            model: ModelStatus::Off,
            loading: None,
            links: Vec::new(),
            size,
            source: 0,
            marked: Vec::new(),
            search: None,
            reading: None,
            message: None,
            requests: Vec::new(),
            labels: Labels::default(),
            story_labels: None,
            wrapped: RefCell::new(HashMap::new()),
        }
    }

    /// The articles the views show: the story open in a pile, else all.
    pub fn articles(&self) -> &[Article] {
        match (&self.analysis, &self.pile) {
            (Some(shown), _) => &shown.articles,
            (None, Some(pile)) => &pile.whole.articles,
            (None, None) => &self.articles,
        }
    }

    /// Whether an analysis has arrived (of one story, or of a pile).
    pub fn analysed(&self) -> bool {
        self.analysis.is_some() || self.pile.is_some()
    }

    /// The analysis of the whole set, once it has arrived.
    pub fn whole(&self) -> Option<&Analysis> {
        self.pile.as_ref().map(|pile| &pile.whole).or(self.analysis.as_ref())
    }

    /// The story open in a pile.
    pub fn open_story(&self) -> Option<usize> {
        self.pile.as_ref().and_then(|pile| pile.open)
    }

    /// A batch of articles read before the analysis.
    pub fn add_articles(&mut self, batch: &mut Vec<Article>) {
        self.articles.append(batch);
        self.labels.extend(&self.articles);
    }

    /// The analysis has arrived (or replaces the one shown).
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.pile = None;
        self.story_labels = None;
        self.analysis = Some(analysis);
        self.articles = Vec::new();
        if let Some(a) = &self.analysis {
            self.labels.extend(&a.articles);
        }
        self.analysis_done();
    }

    /// The analysis of a pile of stories has arrived (or replaces the one
    /// shown): the Stories list shows, until a story is opened.
    pub fn set_pile(&mut self, whole: Analysis) {
        self.labels.extend(&whole.articles);
        self.pile = Some(Pile { whole, open: None });
        self.story_labels = None;
        self.analysis = None;
        self.articles = Vec::new();
        self.source = 0;
        self.marked.clear();
        self.analysis_done();
    }

    fn analysis_done(&mut self) {
        self.wrapped.borrow_mut().clear();
        self.progress = Progress { stage: self.progress.total, total: self.progress.total, label: "done" };
    }

    /// Opens story `index` of the pile: the views then show its articles
    /// alone ([`Analysis::within`]). Whether there is such a story.
    pub fn show_story(&mut self, index: usize) -> bool {
        let Some(pile) = &mut self.pile else { return false };
        let Some(story) = pile.whole.within(index) else { return false };
        pile.open = Some(index);
        self.story_labels = pile.whole.stories.members.get(index).map(|members| self.labels.within(members));
        self.analysis = Some(story);
        self.story_changed();
        true
    }

    /// Back to the Stories list.
    pub fn show_list(&mut self) {
        if let Some(pile) = &mut self.pile {
            pile.open = None;
            self.analysis = None;
            self.story_changed();
        }
    }

    /// Article numbers now name other articles: nothing kept by them holds.
    fn story_changed(&mut self) {
        if self.open_story().is_none() {
            self.story_labels = None;
        }
        self.wrapped.borrow_mut().clear();
        self.source = 0;
        self.marked.clear();
    }

    /// The index in the whole set of article `i` as the views number it.
    fn in_whole(&self, i: usize) -> usize {
        match &self.pile {
            Some(Pile { whole, open: Some(story) }) => {
                whole.stories.members.get(*story).and_then(|members| members.get(i)).copied().unwrap_or(i)
            }
            _ => i,
        }
    }

    pub fn set_progress(&mut self, stage: Stage) {
        let i = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.progress = Progress { stage: i + 1, total: Stage::ALL.len(), label: stage.label() };
    }

    /// Rows of an article wrapped to `width`, cached.
    pub fn rows(&self, article: usize, width: usize) -> Rc<Vec<Row>> {
        let mut cache = self.wrapped.borrow_mut();
        if cache.len() > 64 {
            cache.clear();
        }
        cache
            .entry((article, width))
            .or_insert_with(|| {
                let a = &self.articles()[article];
                Rc::new(wrap_spaced(&a.body, 0, width, &a.glued))
            })
            .clone()
    }

    /// Keeps the source cursor and the marks inside the list.
    pub fn clamp(&mut self) {
        let n = self.articles().len();
        self.source = self.source.min(n.saturating_sub(1));
        self.marked.retain(|&m| m < n);
    }

    /// The short name of source `i` (its outlet, else its first words):
    /// in a story of a pile, numbered among that story's sources only.
    pub fn label(&self, i: usize) -> String {
        match &self.story_labels {
            Some(labels) => super::wrap::display(&labels.get(i)).into_owned(),
            None => self.label_in_whole(self.in_whole(i)),
        }
    }

    /// Whether source `i`'s name is its outlet's, not its first words.
    pub fn has_outlet(&self, i: usize) -> bool {
        match &self.story_labels {
            Some(labels) => labels.is_outlet(i),
            None => self.labels.is_outlet(self.in_whole(i)),
        }
    }

    /// The names of articles `members` of the whole set without their
    /// numbers, each with how many of them carry it, most first (the first
    /// seen first on a tie): "Reuters ×3, EFE".
    pub fn names_counted(&self, members: &[usize]) -> String {
        let mut counted: Vec<(String, usize)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for &i in members {
            let base = self.labels.base(i);
            match at.get(&base) {
                Some(&k) => counted[k].1 += 1,
                None => {
                    at.insert(base.clone(), counted.len());
                    counted.push((base, 1));
                }
            }
        }
        counted.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let named = |(name, n): (String, usize)| {
            let name = super::wrap::display(&name).into_owned();
            if n > 1 { format!("{name} ×{n}") } else { name }
        };
        counted.into_iter().map(named).collect::<Vec<_>>().join(", ")
    }

    /// The short name of article `i` of the whole set.
    /// (In its display form: emoji sequences as separate emoji.)
    pub fn label_in_whole(&self, i: usize) -> String {
        super::wrap::display(&self.labels.get(i)).into_owned()
    }

    /// "outlet · title", or the title alone when the source has no outlet
    /// (its name would be the title's first words again).
    pub fn heading(&self, i: usize) -> String {
        let title = self.articles().get(i).map(|a| a.label()).unwrap_or_default();
        if self.has_outlet(i) { format!("{} · {title}", self.label(i)) } else { title }
    }

    /// The id of article `i`, for remembering a place.
    pub fn id(&self, article: usize) -> Option<String> {
        self.articles().get(article).map(|a| a.id.clone())
    }

    /// The article with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.articles().iter().position(|a| a.id == id)
    }

    pub fn request(&mut self, request: Request) {
        self.requests.push(request);
    }
}
