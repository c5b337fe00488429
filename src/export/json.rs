//! The JSON export document (`parallax-export/1`), built from an
//! [`Analysis`] with serde.

use std::io::Write;

use serde::Serialize;

use crate::align::Passage;
use crate::analysis::Analysis;
use crate::ingest::Article;
use crate::text::Span;
use crate::timeline::Event;

pub const FORMAT: &str = "parallax-export/1";

#[derive(Serialize)]
pub struct Document<'a> {
    pub format: &'static str,
    pub generated_by: String,
    pub articles: Vec<ArticleOut<'a>>,
    pub passages: Vec<PassageOut<'a>>,
    pub timeline: Vec<EventOut<'a>>,
    pub clusters: Vec<ClusterOut<'a>>,
    pub discrepancies: Vec<DiscrepancyOut<'a>>,
    pub quotes: Vec<QuoteGroupOut<'a>>,
}

#[derive(Serialize)]
pub struct ClusterOut<'a> {
    pub id: &'a str,
    pub summary: &'a str,
    pub members: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
pub struct DiscrepancyOut<'a> {
    pub cluster: &'a str,
    pub kind: &'static str,
    /// False for spelling variants of one name.
    pub significant: bool,
    pub a: SpanOut<'a>,
    pub b: SpanOut<'a>,
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
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<String>,
    pub dateline: Option<&'a str>,
    pub credit: Option<&'a str>,
    pub word_count: usize,
    /// Share of its words in sentences no other source has.
    pub exclusive_share: f64,
    pub body: &'a str,
    pub sentences: &'a [Span],
    pub warnings: &'a [crate::ingest::Warning],
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
    pub a: SpanOut<'a>,
    pub b: SpanOut<'a>,
    pub similarity: f64,
    pub kind: &'static str,
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

/// Rounds a score to two decimals for stable, readable output.
fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

pub fn passage<'a>(articles: &'a [Article], p: &Passage) -> PassageOut<'a> {
    PassageOut {
        a: span_out(articles, p.a.article, p.a.span),
        b: span_out(articles, p.b.article, p.b.span),
        similarity: round2(p.similarity),
        kind: p.kind.as_str(),
    }
}

pub fn event<'a>(articles: &'a [Article], e: &'a Event) -> EventOut<'a> {
    EventOut {
        id: e.id.clone(),
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
    let arts = &analysis.articles;
    Document {
        format: FORMAT,
        generated_by: format!("parallax {}", env!("CARGO_PKG_VERSION")),
        articles: arts
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleOut {
                id: &a.id,
                path: &a.path,
                title: a.title.as_deref(),
                outlet: a.outlet.as_deref(),
                published: a.published.map(|p| p.to_string()),
                dateline: a.dateline.as_deref(),
                credit: a.credit.as_deref(),
                word_count: a.word_count,
                exclusive_share: round2(analysis.story.coverage.get(i).map_or(0.0, |c| c.exclusive_share)),
                body: &a.body,
                sentences: &a.sentences,
                warnings: &a.warnings,
            })
            .collect(),
        passages: analysis.passages.iter().map(|p| passage(arts, p)).collect(),
        timeline: analysis.timeline.iter().map(|e| event(arts, e)).collect(),
        clusters: analysis
            .story
            .clusters
            .iter()
            .map(|c| ClusterOut {
                id: &c.id,
                summary: &c.summary,
                members: c.members.iter().map(|m| span_out(arts, m.article, m.span)).collect(),
            })
            .collect(),
        discrepancies: analysis
            .story
            .discrepancies
            .iter()
            .map(|d| DiscrepancyOut {
                cluster: &analysis.story.clusters[d.cluster].id,
                kind: d.kind.as_str(),
                significant: d.kind.significance() > 0,
                a: span_out(arts, d.a.0, d.a.1),
                b: span_out(arts, d.b.0, d.b.1),
            })
            .collect(),
        quotes: analysis
            .story
            .quote_groups
            .iter()
            .map(|g| QuoteGroupOut {
                id: &g.id,
                speaker: g.speaker.as_deref(),
                fidelity: g.fidelity.as_str(),
                members: g
                    .members
                    .iter()
                    .map(|&m| {
                        let q = &analysis.story.quotes[m];
                        let a = &arts[q.article];
                        QuoteOut {
                            article: &a.id,
                            start: q.span.start,
                            end: q.span.end,
                            text: q.span.slice(&a.body),
                            speaker: q.speaker.as_deref(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The export as pretty-printed JSON.
pub fn render(analysis: &Analysis) -> String {
    let mut s = serde_json::to_string_pretty(&document(analysis)).expect("export document serialises");
    s.push('\n');
    s
}

/// Streams the export as pretty-printed JSON to `out` (no whole-document
/// string in memory).
pub fn write(analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buf, &document(analysis))?;
    buf.write_all(b"\n")?;
    buf.flush()
}
