//! The Markdown export: the same content as the JSON document, for people.
//! Articles first, then each shared passage as a two-column table with the
//! words that differ marked (struck through on the left, bold on the right),
//! then the timeline grouped by date.

use std::fmt::Write;

use crate::align::{Change, Passage};
use crate::analysis::Analysis;
use crate::ingest::Article;
use crate::labels::Labels;
use crate::text::{Span, sanitize, segment};
use crate::timeline::{Basis, Event};

/// Escapes text so that Markdown shows it as written. Every string that
/// goes into the document passes here (or [`name`]); article text is clean
/// already (sanitised at ingest), anything else a terminal would act on is
/// dropped here too, so the document never carries it.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c != '\n' && !sanitize::is_clean(c.encode_utf8(&mut [0; 4])) {
            continue;
        }
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A file's name, path or id (untrusted, not cleaned at ingest) or a
/// warning about one: what a terminal would act on shown as escapes, on
/// one line, then escaped for Markdown.
pub fn name(s: &str) -> String {
    escape(&sanitize::visible(s))
}

/// A name as a code span: made visible, in a fence longer than any run of
/// backticks inside it (Markdown escapes do not work in code).
fn code(s: &str) -> String {
    let shown = sanitize::visible(s);
    let longest = shown.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{shown}{pad}{fence}")
}

/// Text for a table cell: escaped, on one line.
fn cell(s: &str) -> String {
    escape(s).replace("\n\n", " <br><br> ").replace('\n', " ")
}

/// One side of a passage with the words the other side lacks wrapped in
/// `mark` (`~~` or `**`).
/// Sentences glued together in the source are shown with a space, as in
/// the terminal app (the JSON keeps the body exactly).
fn marked(a: &Article, span: Span, changed: &[Span], mark: &str) -> String {
    let piece = |from: usize, to: usize| cell(&segment::spaced(&a.body, from, to, span.start, &a.glued));
    let mut out = String::new();
    let mut at = span.start;
    for c in changed.iter().filter(|c| !c.is_empty()) {
        out.push_str(&piece(at, c.start));
        // A glued start opening the change: its space before the mark.
        let text = piece(c.start, c.end);
        let (lead, text) = match text.strip_prefix(' ') {
            Some(rest) => (" ", rest),
            None => ("", text.as_str()),
        };
        let _ = write!(out, "{lead}{mark}{text}{mark}");
        at = c.end;
    }
    out.push_str(&piece(at, span.end));
    out
}

/// Whether the sentence model took part, and any warning about it.
fn model_line(out: &mut String, model: &crate::analysis::ModelUse) {
    use crate::analysis::ModelUse;
    match model {
        ModelUse::Off => out.push_str("Matched on shared words alone, without the sentence model.\n\n"),
        ModelUse::Used { .. } => {
            let _ = writeln!(out, "Matched on shared words and the sentence model ({}).\n", crate::embed::MODEL_NAME);
        }
        ModelUse::Failed(_) => out.push_str("Matched on shared words alone: the sentence model could not run.\n\n"),
    }
    for warning in model.warnings() {
        let _ = writeln!(out, "- warning: {}", escape(&warning.to_string()));
    }
    if !model.warnings().is_empty() {
        out.push('\n');
    }
}

/// The name the app shows for source `article` (see [`crate::labels`]).
fn source(labels: &Labels, article: usize) -> String {
    escape(&labels.get(article))
}

fn passage(out: &mut String, n: usize, arts: &[Article], labels: &Labels, p: &Passage) {
    let (x, y) = (&arts[p.a.article], &arts[p.b.article]);
    let _ = writeln!(
        out,
        "### {n}. {} ↔ {} · {} · similarity {:.2} · found by {}\n",
        source(labels, p.a.article),
        source(labels, p.b.article),
        p.kind.as_str(),
        p.similarity_shown(),
        match p.found_by {
            crate::align::FoundBy::Words => "shared words",
            crate::align::FoundBy::Model => "the sentence model",
            crate::align::FoundBy::Statement => "a statement several sources carry",
        }
    );
    let d = p.diff(arts);
    let del: Vec<Span> = d.chunks.iter().filter(|c| c.change == Change::Delete).map(|c| c.a).collect();
    let ins: Vec<Span> = d.chunks.iter().filter(|c| c.change == Change::Insert).map(|c| c.b).collect();
    let _ = writeln!(out, "| {} | {} |", cell(&x.label()), cell(&y.label()));
    out.push_str("|---|---|\n");
    let _ = writeln!(out, "| {} | {} |\n", marked(x, p.a.span, &del, "~~"), marked(y, p.b.span, &ins, "**"));
}

fn event(out: &mut String, arts: &[Article], labels: &Labels, e: &Event) {
    let mut flags = Vec::new();
    if e.basis == Basis::Reported {
        flags.push("reported then, not dated by the text".to_string());
    }
    if e.when.approximate {
        flags.push("approximate".to_string());
    }
    if let Some(end) = e.when.end_string() {
        flags.push(format!("until {end}"));
    }
    let flags = if flags.is_empty() { String::new() } else { format!(" _({})_", flags.join("; ")) };
    let sources = if e.mentions.len() == 1 { "1 source".to_string() } else { format!("{} sources", e.mentions.len()) };
    let _ = writeln!(out, "- **{}** · {sources}{flags} · `{}`", escape(&e.summary), e.id);
    for m in &e.mentions {
        let a = &arts[m.article];
        let expr = m.expression.as_deref().map(|x| format!(" — _{}_", escape(x))).unwrap_or_default();
        let _ = writeln!(out, "  - {}: “{}”{expr}", source(labels, m.article), cell(m.span.slice(&a.body)));
    }
}

/// Statements across sources, discrepancies and quotes.
fn story(out: &mut String, analysis: &Analysis, labels: &Labels) {
    statements(out, analysis, labels);
    exclusive_shares(out, analysis, labels);
    discrepancies(out, analysis, labels);
    quotes(out, analysis, labels);
    out.push('\n');
}

fn statements(out: &mut String, analysis: &Analysis, labels: &Labels) {
    let clusters = &analysis.story.clusters;
    out.push_str("## Statements across sources\n\n");
    if clusters.is_empty() {
        out.push_str("No statement is carried by more than one source.\n\n");
    }
    for cluster in clusters {
        let _ =
            writeln!(out, "- **{}** · {} sources · `{}`", escape(&cluster.summary), cluster.members.len(), cluster.id);
        if cluster.members.len() > crate::align::copies::PAIRWISE_CARRIERS {
            carried(out, analysis, labels, cluster);
            continue;
        }
        for member in &cluster.members {
            let article = &analysis.articles[member.article];
            let _ =
                writeln!(out, "  - {}: “{}”", source(labels, member.article), cell(member.span.slice(&article.body)));
        }
    }
}

/// A statement many sources carry: each wording once, with the sources
/// that give it.
fn carried(out: &mut String, analysis: &Analysis, labels: &Labels, cluster: &crate::story::Cluster) {
    for wording in cluster.wordings(&analysis.articles) {
        let first = &cluster.members[wording[0]];
        let sources: Vec<String> =
            wording.iter().map(|&index| source(labels, cluster.members[index].article)).collect();
        let text = first.span.slice(&analysis.articles[first.article].body);
        let count = if wording.len() == 1 { "1 source".to_string() } else { format!("{} sources", wording.len()) };
        let _ = writeln!(out, "  - {count} ({}): “{}”", sources.join(", "), cell(text));
    }
}

fn exclusive_shares(out: &mut String, analysis: &Analysis, labels: &Labels) {
    out.push_str("\n### Exclusive share per source\n\n| source | words | exclusive |\n|---|---|---|\n");
    for (index, (article, coverage)) in analysis.articles.iter().zip(&analysis.story.coverage).enumerate() {
        let share = coverage.exclusive_share * 100.0;
        let _ = writeln!(out, "| {} | {} | {share:.0}% |", cell(&labels.get(index)), article.word_count);
    }
}

/// How far apart a discrepancy's two sides are, when it says: " (3 minutes
/// apart, small)".
fn apart(discrepancy: &crate::story::Discrepancy) -> String {
    match (&discrepancy.difference, discrepancy.small) {
        (Some(difference), true) => format!(" ({} apart, small)", cell(difference)),
        (Some(difference), false) => format!(" ({} apart)", cell(difference)),
        (None, _) => String::new(),
    }
}

fn discrepancies(out: &mut String, analysis: &Analysis, labels: &Labels) {
    let story = &analysis.story;
    out.push_str("\n## Discrepancies\n\n");
    if story.discrepancies.is_empty() {
        out.push_str("No differences found between sources that carry the same statement.\n\n");
    }
    for discrepancy in &story.discrepancies {
        let (first, second) = (&analysis.articles[discrepancy.a.0], &analysis.articles[discrepancy.b.0]);
        let label = if discrepancy.kind.significance() == 0 {
            "spelling variant of one name, not a disagreement"
        } else {
            discrepancy.kind.as_str()
        };
        let _ = writeln!(
            out,
            "- {label} in `{}`: {}{} “{}” vs {}{} “{}”{}",
            story.clusters[discrepancy.cluster].id,
            source(labels, discrepancy.a.0),
            crate::story::Discrepancy::and_more(discrepancy.sources.0),
            cell(discrepancy.a.1.slice(&first.body)),
            source(labels, discrepancy.b.0),
            crate::story::Discrepancy::and_more(discrepancy.sources.1),
            cell(discrepancy.b.1.slice(&second.body)),
            apart(discrepancy)
        );
    }
    values_given(out, analysis);
}

/// The statements whose sources give three values or more for one thing,
/// each with every value and how many sources give it.
fn values_given(out: &mut String, analysis: &Analysis) {
    let story = &analysis.story;
    // Each statement and kind once, in the order their first row is listed.
    for group in crate::story::discrepancy::groups(&story.discrepancies) {
        let first = &story.discrepancies[group[0]];
        let (cluster, kind) = (first.cluster, first.kind);
        let members = group.iter().map(|&index| &story.discrepancies[index]);
        let values = crate::story::discrepancy::values_among(members, &analysis.articles);
        if values.len() < 3 {
            continue;
        }
        let listed: Vec<String> = values
            .iter()
            .map(|value| {
                let sources = if value.sources == 1 { "source" } else { "sources" };
                format!("“{}” ({} {sources})", cell(&value.words), value.sources)
            })
            .collect();
        let statement = &story.clusters[cluster].id;
        let _ =
            writeln!(out, "- {} values of one {} in `{statement}`: {}", values.len(), kind.as_str(), listed.join(", "));
    }
}

fn quotes(out: &mut String, analysis: &Analysis, labels: &Labels) {
    let story = &analysis.story;
    out.push_str("\n## Quotes across sources\n\n");
    if story.quote_groups.is_empty() {
        out.push_str("No quotation appears in more than one source.\n\n");
    }
    for group in &story.quote_groups {
        let who = group.speaker.as_deref().map(|speaker| format!(" · {}", escape(speaker))).unwrap_or_default();
        let _ = writeln!(out, "- `{}` · {}{who}", group.id, group.fidelity.as_str());
        for &member in &group.members {
            let quote = &story.quotes[member];
            let article = &analysis.articles[quote.article];
            let _ = writeln!(out, "  - {}: “{}”", source(labels, quote.article), cell(quote.span.slice(&article.body)));
        }
    }
}

/// Renders the analysis as a Markdown document.
pub fn render(analysis: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# parallax export\n\nparallax {} · {} articles · {} shared passages · {} timeline events\n",
        env!("CARGO_PKG_VERSION"),
        analysis.articles.len(),
        analysis.passages.len(),
        analysis.timeline.len()
    );
    if !analysis.skipped.is_empty() {
        out.push_str("Skipped inputs:\n\n");
        for warning in &analysis.skipped {
            let _ = writeln!(out, "- {}", escape(&warning.to_string()));
        }
        out.push('\n');
    }
    model_line(&mut out, &analysis.model);
    let labels = Labels::of(&analysis.articles);
    stories(&mut out, analysis, &labels);
    out.push_str("## Articles\n\n");
    for (index, article) in analysis.articles.iter().enumerate() {
        article_section(&mut out, index, article, &labels);
    }
    passages(&mut out, analysis, &labels);
    story(&mut out, analysis, &labels);
    timeline(&mut out, analysis, &labels);
    out
}

/// The stories of a pile, each in brief (nothing when the set is one
/// story): its title, articles, outlets, dates and the statement most of
/// its sources carry. A title is a file's id where no article has one, so
/// it is written as a name.
fn stories(out: &mut String, analysis: &Analysis, labels: &Labels) {
    if analysis.overviews.len() < 2 {
        return;
    }
    let _ = writeln!(
        out,
        "## Stories\n\n{} stories; articles are compared only within their story.\n",
        analysis.overviews.len()
    );
    for overview in &analysis.overviews {
        let dates = match (overview.first, overview.last) {
            (Some(first), Some(last)) if first == last => format!("{first}"),
            (Some(first), Some(last)) => format!("{first} to {last}"),
            _ => "undated".to_string(),
        };
        let articles = if overview.articles.len() == 1 { "article" } else { "articles" };
        let _ = writeln!(
            out,
            "- `{}` **{}** · {} {articles} · {} · {dates}",
            overview.id,
            name(&overview.title),
            overview.articles.len(),
            overview.sources_in_words()
        );
        let names: Vec<String> = overview.articles.iter().map(|&a| source(labels, a)).collect();
        let _ = writeln!(out, "  - articles: {}", names.join(", "));
        if let Some(lead) = overview.lead.and_then(|c| analysis.story.clusters.get(c)) {
            let _ = writeln!(
                out,
                "  - most shared (`{}`, {} sources): “{}”",
                lead.id,
                lead.members.len(),
                cell(&lead.summary)
            );
        }
    }
    out.push('\n');
}

/// One article: its fields, warnings and paragraphs.
fn article_section(out: &mut String, index: usize, article: &Article, labels: &Labels) {
    let _ = writeln!(out, "### {}. {}\n", index + 1, escape(&article.label()));
    let _ = writeln!(out, "- source: {}", source(labels, index));
    let _ = writeln!(out, "- id: {} ({})", code(&article.id), name(&article.path));
    if let Some(url) = &article.url {
        let _ = writeln!(out, "- url: {}", escape(url));
    }
    let field = |value: Option<&str>| value.map_or_else(|| "—".to_string(), escape);
    let _ = writeln!(out, "- outlet: {}", field(article.outlet.as_deref()));
    let published = article.published.map_or_else(|| "—".to_string(), |date| date.to_string());
    let _ = writeln!(out, "- published: {published}");
    let _ = writeln!(out, "- dateline: {}", field(article.dateline.as_deref()));
    let _ = writeln!(out, "- credit: {}", field(article.credit.as_deref()));
    let _ = writeln!(out, "- words: {}", article.word_count);
    for warning in &article.warnings {
        let _ = writeln!(out, "- warning: {}", escape(&warning.message()));
    }
    for group in crate::ingest::removed::by_kind(&article.removed) {
        let lines = if group.lines.len() == 1 { "line" } else { "lines" };
        let _ = writeln!(out, "- removed ({}): {} {lines}", group.kind.as_str(), group.lines.len());
        for line in group.lines {
            let _ = writeln!(out, "  - {}", escape(line));
        }
    }
    out.push('\n');
    for paragraph in &article.paragraphs {
        let text = segment::spaced(&article.body, paragraph.start, paragraph.end, paragraph.start, &article.glued);
        let _ = writeln!(out, "> {}\n>", escape(&text));
    }
    out.push('\n');
}

fn passages(out: &mut String, analysis: &Analysis, labels: &Labels) {
    out.push_str("## Shared passages\n\n");
    if analysis.passages.is_empty() {
        out.push_str("No shared passages found.\n\n");
    }
    out.push_str("Words only on the left are ~~struck through~~; words only on the right are **bold**.\n\n");
    for (index, shared) in analysis.passages.iter().enumerate() {
        passage(out, index + 1, &analysis.articles, labels, shared);
    }
}

/// The events, under a heading per date.
fn timeline(out: &mut String, analysis: &Analysis, labels: &Labels) {
    out.push_str("## Timeline\n\n");
    if analysis.timeline.is_empty() {
        out.push_str("No dated events found.\n");
    }
    let mut current = String::new();
    for happening in &analysis.timeline {
        let date = happening.when.date_string();
        if date != current {
            let _ = writeln!(out, "\n### {date}\n");
            current = date;
        }
        event(out, &analysis.articles, labels, happening);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape("a*b_c|d [x](y) <b>"), "a\\*b\\_c\\|d \\[x\\](y) \\<b\\>");
    }

    #[test]
    fn names_show_escapes_and_keep_to_one_line() {
        let hostile = "\u{1b}]0;HACKED\u{7}\u{1b}[2J\n# heading";
        assert_eq!(name(hostile), "\\\\u{1b}\\]0;HACKED\\\\u{7}\\\\u{1b}\\[2J\\\\u{a}\\# heading");
        assert_eq!(code("a_b"), "`a_b`");
        assert_eq!(code("a`b\u{9b}"), "`` a`b\\u{9b} ``");
        // Text is clean at ingest; anything else is dropped, not printed.
        assert_eq!(escape("a\u{1b}b\u{85}c\nd"), "abc\nd");
    }

    fn article(body: &str) -> Article {
        let a = crate::fixture::article(&format!("Title of the story\n2025-01-01\n\n{body}"));
        assert_eq!(a.body, body);
        a
    }

    #[test]
    fn a_pile_lists_its_stories_with_hostile_titles_escaped() {
        let texts = [
            "Bridge *reopens* [now](x)\n2025-03-05\n\nThe Elm Street bridge in Dunmore reopened on Monday after three months of repairs, Mayor Ada Brandt said.",
            "Ferry sinks\n2025-07-02\n\nA ferry sank off Halvik harbour on Tuesday and all forty passengers were rescued by the coast guard, Captain Liv Sorensen said.",
            "Bridge *reopens* [now](x)\n2025-03-06\n\nMayor Ada Brandt said the Elm Street bridge in Dunmore reopened on Monday after three months of repairs.",
            "Halvik rescue\n2025-07-03\n\nAll forty passengers were rescued by the coast guard after a ferry sank off Halvik harbour on Tuesday, Captain Liv Sorensen said.",
        ];
        let analysis = crate::analyse(crate::ingest::parse_all(&crate::fixture::sources(&texts)));
        assert_eq!(analysis.overviews.len(), 2);
        let document = render(&analysis);
        let section = &document[document.find("## Stories").unwrap()..document.find("## Articles").unwrap()];
        assert!(section.contains("- `s-1` **Bridge \\*reopens\\* \\[now\\](x)** · 2 articles"), "{section}");
        assert!(
            section.contains("2025-03-05 to 2025-03-06") && section.contains("2025-07-02 to 2025-07-03"),
            "{section}"
        );
        assert!(
            section.contains("  - articles: Bridge \\*reopens\\*…, Bridge \\*reopens\\*… 2\n")
                && section.contains("most shared (`c-"),
            "{section}"
        );
        // One story: no section.
        let one = crate::analyse(crate::ingest::parse_all(&crate::fixture::sources(&texts[..1])));
        assert!(!render(&one).contains("## Stories"));
    }

    #[test]
    fn marks_changed_words() {
        let a = article("A US official described the visit.");
        let m = marked(&a, Span::new(0, a.body.len()), &[Span::new(28, 33)], "**");
        assert_eq!(m, "A US official described the **visit**.");
        // Glued sentences apart, the space outside the mark.
        let a = article("He told NBC News.The visit went well.");
        let at = a.body.find("The").unwrap();
        let m = marked(&a, Span::new(0, a.body.len()), &[Span::new(at, at + 3)], "**");
        assert_eq!(m, "He told NBC News. **The** visit went well.");
    }
}
