//! The JSON export document (`parallax-export/1`), built from an
//! [`Analysis`] with serde.

use std::io::Write;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::align::Change;
use crate::align::Passage;
use crate::analysis::{Analysis, ModelUse};
use crate::ingest::Article;
use crate::labels::Labels;
use crate::story::{Cluster, Discrepancy, QuoteGroup};
use crate::text::{Span, sanitize};
use crate::timeline::Event;

pub const FORMAT: &str = "parallax-export/1";

#[derive(Serialize)]
pub struct Document<'a> {
    pub format: &'static str,
    pub generated_by: String,
    /// Whether the sentence model took part, and how.
    pub model: ModelOut,
    pub articles: Vec<ArticleOut<'a>>,
    /// The stories the articles were grouped into.
    pub stories: Vec<StoryOut<'a>>,
    pub passages: Vec<PassageOut<'a>>,
    pub timeline: Vec<EventOut<'a>>,
    pub clusters: Vec<ClusterOut<'a>>,
    pub discrepancies: Vec<DiscrepancyOut<'a>>,
    pub quotes: Vec<QuoteGroupOut<'a>>,
}

#[derive(Serialize)]
pub struct StoryOut<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// Its articles' ids, in article order.
    pub articles: Vec<&'a str>,
    pub outlets: usize,
    /// How many of `outlets` are articles that name no outlet.
    pub unnamed: usize,
    /// Earliest and latest publication dates (`YYYY-MM-DD`), where known.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The statement most of its sources carry: a cluster id and its words.
    pub lead: Option<&'a str>,
    pub lead_summary: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ClusterOut<'a> {
    pub id: &'a str,
    /// The story its members belong to.
    pub story: &'a str,
    pub summary: &'a str,
    /// How many different wordings the members give (1: word for word).
    pub wordings: usize,
    pub members: Vec<MemberOut<'a>>,
    /// For a statement carried by more than
    /// [`crate::align::copies::PAIRWISE_CARRIERS`] sources: each other
    /// wording's word differences from wording 0.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantOut<'a>>,
}

/// One wording of a widely carried statement against the one most of its
/// sources carry.
#[derive(Serialize)]
pub struct VariantOut<'a> {
    /// The wording, as its members' `wording` gives it.
    pub wording: usize,
    /// How many members give it.
    pub members: usize,
    /// Its words that differ, in order: `delete` for words only wording 0
    /// has, `insert` for words only this one has.
    pub changes: Vec<ChangeOut<'a>>,
}

#[derive(Serialize)]
pub struct ChangeOut<'a> {
    pub change: crate::align::Change,
    pub text: &'a str,
}

/// One source's report of a statement, and which of the statement's
/// wordings it gives (0: the one most sources carry).
#[derive(Serialize)]
pub struct MemberOut<'a> {
    #[serde(flatten)]
    pub span: SpanOut<'a>,
    pub wording: usize,
}

#[derive(Serialize)]
pub struct DiscrepancyOut<'a> {
    pub cluster: &'a str,
    pub kind: &'static str,
    /// False for spelling variants of one name.
    pub significant: bool,
    /// Within what a hedge allows ("about 6:10" / "6:07"): present, true,
    /// only then.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub small: bool,
    /// How far apart two numbers or times are ("3 minutes").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<&'a str>,
    pub a: SpanOut<'a>,
    pub b: SpanOut<'a>,
    /// How many sources give `a`'s words and `b`'s (their wordings):
    /// present only when either is more than one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<[usize; 2]>,
}

#[derive(Serialize)]
pub struct QuoteOut<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
}

#[derive(Serialize)]
pub struct QuoteGroupOut<'a> {
    pub id: &'a str,
    pub speaker: Option<&'a str>,
    pub fidelity: &'static str,
    pub members: Vec<QuoteOut<'a>>,
}

#[derive(Serialize)]
pub struct ArticleOut<'a> {
    pub id: &'a str,
    pub path: &'a str,
    /// The article's address (a link's canonical address, or where it was
    /// found; the address a file declares).
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<String>,
    pub dateline: Option<&'a str>,
    pub credit: Option<&'a str>,
    /// The short name the app shows for the source (see [`crate::labels`]).
    pub label: String,
    pub word_count: usize,
    /// Share of its words in sentences no other source has.
    pub exclusive_share: f64,
    pub body: &'a str,
    pub sentences: &'a [Span],
    pub warnings: &'a [crate::ingest::Warning],
    /// What was taken out of the file's text, by kind.
    pub removed: Vec<RemovedOut<'a>>,
}

/// The lines of one kind taken out of an article's text.
#[derive(Serialize)]
pub struct RemovedOut<'a> {
    pub kind: &'static str,
    pub lines: usize,
    pub text: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct SpanOut<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct PassageOut<'a> {
    /// The story both sides belong to.
    pub story: &'a str,
    pub a: SpanOut<'a>,
    pub b: SpanOut<'a>,
    pub similarity: f64,
    pub kind: &'static str,
    /// `words`, `model` or `statement`: what found the passage.
    pub found_by: &'static str,
}

#[derive(Serialize)]
pub struct ModelOut {
    /// `off` (words alone, as asked), `used`, or `failed` (words alone).
    pub status: &'static str,
    /// The model, when it was used.
    pub name: Option<&'static str>,
    /// Distinct texts the model encoded this run, and those read from the cache.
    pub computed: usize,
    pub cached: usize,
    /// Why the model could not be used, or what went wrong with its cache.
    pub notes: Vec<String>,
}

impl ModelOut {
    fn from(model: &ModelUse) -> ModelOut {
        let (status, computed, cached) = match model {
            ModelUse::Off => ("off", 0, 0),
            ModelUse::Used { computed, cached, .. } => ("used", *computed, *cached),
            ModelUse::Failed(_) => ("failed", 0, 0),
        };
        let notes = model.warnings().iter().map(ToString::to_string).collect();
        let name = matches!(model, ModelUse::Used { .. }).then_some(crate::embed::MODEL_NAME);
        ModelOut { status, name, computed, cached, notes }
    }
}

#[derive(Serialize)]
pub struct MentionOut<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub expression: Option<&'a str>,
}

#[derive(Serialize)]
pub struct EventOut<'a> {
    pub id: String,
    /// The story of its first mention.
    pub story: &'a str,
    pub date: String,
    pub date_end: Option<String>,
    pub approximate: bool,
    pub basis: &'static str,
    pub summary: &'a str,
    pub mentions: Vec<MentionOut<'a>>,
}

fn span_out<'a>(articles: &'a [Article], article: usize, span: Span) -> SpanOut<'a> {
    let a = &articles[article];
    SpanOut { article: &a.id, start: span.start, end: span.end, text: span.slice(&a.body) }
}

pub fn passage<'a>(articles: &'a [Article], story: &'a str, p: &Passage) -> PassageOut<'a> {
    PassageOut {
        story,
        a: span_out(articles, p.a.article, p.a.span),
        b: span_out(articles, p.b.article, p.b.span),
        similarity: p.similarity_shown(),
        kind: p.kind.as_str(),
        found_by: p.found_by.as_str(),
    }
}

pub fn event<'a>(articles: &'a [Article], story: &'a str, e: &'a Event) -> EventOut<'a> {
    EventOut {
        id: e.id.clone(),
        story,
        date: e.when.date_string(),
        date_end: e.when.end_string(),
        approximate: e.when.approximate,
        basis: e.basis.as_str(),
        summary: &e.summary,
        mentions: e
            .mentions
            .iter()
            .map(|m| {
                let a = &articles[m.article];
                MentionOut {
                    article: &a.id,
                    start: m.span.start,
                    end: m.span.end,
                    text: m.span.slice(&a.body),
                    expression: m.expression.as_deref(),
                }
            })
            .collect(),
    }
}

/// Builds the export document.
pub fn document(analysis: &Analysis) -> Document<'_> {
    let articles = &analysis.articles;
    let story = &analysis.story;
    let story_of = |article: usize| story_id(analysis, article);
    let labels = Labels::of(articles);
    Document {
        format: FORMAT,
        generated_by: format!("parallax {}", env!("CARGO_PKG_VERSION")),
        model: ModelOut::from(&analysis.model),
        articles: articles
            .iter()
            .enumerate()
            .map(|(index, article)| article_out(analysis, &labels, index, article))
            .collect(),
        stories: analysis.overviews.iter().map(|o| story_out(analysis, o)).collect(),
        passages: analysis.passages.iter().map(|p| passage(articles, story_of(p.a.article), p)).collect(),
        timeline: analysis
            .timeline
            .iter()
            .map(|e| event(articles, e.mentions.first().map_or("", |m| story_of(m.article)), e))
            .collect(),
        clusters: story
            .clusters
            .iter()
            .map(|c| cluster_out(articles, c.members.first().map_or("", |m| story_of(m.article)), c))
            .collect(),
        discrepancies: story.discrepancies.iter().map(|d| discrepancy_out(analysis, d)).collect(),
        quotes: story.quote_groups.iter().map(|g| quote_group_out(analysis, g)).collect(),
    }
}

fn article_out<'a>(analysis: &'a Analysis, labels: &Labels, index: usize, article: &'a Article) -> ArticleOut<'a> {
    let coverage = analysis.story.coverage.get(index);
    ArticleOut {
        id: &article.id,
        path: &article.path,
        url: article.url.as_deref(),
        title: article.title.as_deref(),
        outlet: article.outlet.as_deref(),
        published: article.published.map(|p| p.to_string()),
        dateline: article.dateline.as_deref(),
        credit: article.credit.as_deref(),
        label: labels.get(index),
        word_count: article.word_count,
        exclusive_share: crate::align::two_places(coverage.map_or(0.0, |c| c.exclusive_share)),
        body: &article.body,
        sentences: &article.sentences,
        warnings: &article.warnings,
        removed: crate::ingest::removed::by_kind(&article.removed)
            .into_iter()
            .map(|group| RemovedOut { kind: group.kind.as_str(), lines: group.lines.len(), text: group.lines })
            .collect(),
    }
}

/// The id of the story an article belongs to.
fn story_id(analysis: &Analysis, article: usize) -> &str {
    analysis.stories.story.get(article).and_then(|&s| analysis.overviews.get(s)).map_or("", |o| o.id.as_str())
}

fn story_out<'a>(analysis: &'a Analysis, overview: &'a crate::story::Overview) -> StoryOut<'a> {
    let lead = overview.lead.and_then(|c| analysis.story.clusters.get(c));
    StoryOut {
        id: &overview.id,
        title: &overview.title,
        articles: overview.articles.iter().map(|&a| analysis.articles[a].id.as_str()).collect(),
        outlets: overview.outlets,
        unnamed: overview.unnamed,
        first: overview.first.map(|d| d.to_string()),
        last: overview.last.map(|d| d.to_string()),
        lead: lead.map(|c| c.id.as_str()),
        lead_summary: lead.map(|c| c.summary.as_str()),
    }
}

fn cluster_out<'a>(articles: &'a [Article], story: &'a str, cluster: &'a Cluster) -> ClusterOut<'a> {
    let wordings = cluster.wordings(articles);
    let mut wording_of = vec![0; cluster.members.len()];
    for (wording, members) in wordings.iter().enumerate() {
        for &member in members {
            wording_of[member] = wording;
        }
    }
    ClusterOut {
        id: &cluster.id,
        story,
        summary: &cluster.summary,
        wordings: wordings.len(),
        members: cluster
            .members
            .iter()
            .enumerate()
            .map(|(index, m)| MemberOut { span: span_out(articles, m.article, m.span), wording: wording_of[index] })
            .collect(),
        variants: variants_out(articles, cluster, &wordings),
    }
}

/// The word differences of each wording of a statement many sources carry
/// from its most carried wording (none for a statement of few sources:
/// its passages pair every two members).
fn variants_out<'a>(articles: &'a [Article], cluster: &Cluster, wordings: &[Vec<usize>]) -> Vec<VariantOut<'a>> {
    if cluster.members.len() <= crate::align::copies::PAIRWISE_CARRIERS {
        return Vec::new();
    }
    let Some(most) = wordings.first().map(|wording| &cluster.members[wording[0]]) else { return Vec::new() };
    let body_a = &articles[most.article].body;
    wordings
        .iter()
        .enumerate()
        .skip(1)
        .map(|(wording, indices)| {
            let other = &cluster.members[indices[0]];
            let body_b = &articles[other.article].body;
            let diff = crate::align::diff::diff(body_a, most.span, body_b, other.span);
            let changes = diff
                .chunks
                .iter()
                .filter_map(|chunk| match chunk.change {
                    Change::Equal => None,
                    Change::Delete => Some(ChangeOut { change: Change::Delete, text: chunk.a.slice(body_a) }),
                    Change::Insert => Some(ChangeOut { change: Change::Insert, text: chunk.b.slice(body_b) }),
                })
                .collect();
            VariantOut { wording, members: indices.len(), changes }
        })
        .collect()
}

fn discrepancy_out<'a>(analysis: &'a Analysis, discrepancy: &'a Discrepancy) -> DiscrepancyOut<'a> {
    let articles = &analysis.articles;
    DiscrepancyOut {
        cluster: &analysis.story.clusters[discrepancy.cluster].id,
        kind: discrepancy.kind.as_str(),
        significant: discrepancy.kind.significance() > 0,
        small: discrepancy.small,
        difference: discrepancy.difference.as_deref(),
        a: span_out(articles, discrepancy.a.0, discrepancy.a.1),
        b: span_out(articles, discrepancy.b.0, discrepancy.b.1),
        sources: (discrepancy.sources != (1, 1)).then_some([discrepancy.sources.0, discrepancy.sources.1]),
    }
}

fn quote_group_out<'a>(analysis: &'a Analysis, group: &'a QuoteGroup) -> QuoteGroupOut<'a> {
    let quote_out = |&member: &usize| {
        let quote = &analysis.story.quotes[member];
        let article = &analysis.articles[quote.article];
        QuoteOut {
            article: &article.id,
            start: quote.span.start,
            end: quote.span.end,
            text: quote.span.slice(&article.body),
            speaker: quote.speaker.as_deref(),
        }
    };
    QuoteGroupOut {
        id: &group.id,
        speaker: group.speaker.as_deref(),
        fidelity: group.fidelity.as_str(),
        members: group.members.iter().map(quote_out).collect(),
    }
}

/// The export as pretty-printed JSON.
pub fn render(analysis: &Analysis) -> String {
    let mut out = Vec::new();
    write(analysis, &mut out).expect("export document serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Streams the export as pretty-printed JSON to `out` (no whole-document
/// string in memory).
pub fn write(analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut serializer = serde_json::Serializer::with_formatter(&mut buf, Escaping::default());
    document(analysis).serialize(&mut serializer)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// Pretty-printed JSON with nothing a terminal would act on: serde_json
/// escapes C0 controls itself; C1 controls, line separators and text
/// direction overrides (possible in a path or an id, which come from file
/// names) are written as `\u` escapes too, so the strings read back the
/// same and `cat story.json` cannot drive the terminal.
#[derive(Default)]
struct Escaping<'a>(PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|(_, c)| sanitize::needs_escape(*c)) {
            out.write_all(&fragment.as_bytes()[start..at])?;
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(out, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        out.write_all(&fragment.as_bytes()[start..])
    }

    // The rest is PrettyFormatter's.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.0.begin_array(out)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.0.end_array(out)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, out: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(out, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(out)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.0.begin_object(out)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.0.end_object(out)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, out: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(out, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(out)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(out)
    }
}
