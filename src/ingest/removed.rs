//! What was taken out of a page on the way to the body, and why. Every
//! line of a file that is not in its article's body is one [`Removed`]:
//! the header lines the metadata was read from, and the page furniture
//! (share bars, links, captions, credits, advertisements, end matter). So
//! nothing is dropped silently: the export lists these per article and the
//! terminal app shows them on request.

use serde::Serialize;

/// Why a line is not in the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Removal {
    /// A header line a field was read from (title, outlet, date, byline,
    /// a section label over the headline).
    Metadata,
    /// The headline again, as the first line of the text.
    RepeatedTitle,
    /// No letters or digits (`×`, `***`).
    Symbols,
    /// Share buttons, gallery and video tabs.
    Widget,
    /// A link to another story (`Read more: ...`).
    Link,
    /// The headlines listed under a "Related" heading.
    LinkList,
    /// A photo caption or picture credit.
    Caption,
    /// The outlet's summary points over the story (`Story highlights` and
    /// its bullets, a standfirst's points glued on one line): a summary
    /// of the text below, not its text.
    Highlights,
    /// A credit line (`Source: ...`, `(Reporting by ...)`).
    Credit,
    /// A byline in the text.
    Byline,
    /// A social-media post the page embeds: its words and its signature
    /// (`— AFP news agency (@AFP) September 19, 2017`).
    EmbeddedPost,
    /// A closing paragraph in another language than the story's: a
    /// reader's comment under it.
    OtherLanguage,
    /// IDs, tags, copyright, reading time, advertisements, cookie and
    /// newsletter prompts, navigation.
    Furniture,
    /// A press release's or page's end matter: what follows `About
    /// <company>`, `Media contact:`, `###`.
    EndMatter,
    /// A web page's text outside the `<article>` that holds the story
    /// (other stories' teasers, lists of links).
    OutsideArticle,
    /// A web page's scripts, styles and templates: code, not text a reader
    /// sees, counted in one entry (how many, how many bytes).
    Code,
    /// A line of a Markdown file's code block: shown to a reader, but no
    /// prose.
    CodeBlock,
    /// A Markdown table's header row: its words name the cells of each row
    /// in the text (`Town: Eastport; Shelters: 3.`).
    TableHeader,
}

impl Removal {
    /// The name the export and the app give it.
    pub fn as_str(self) -> &'static str {
        match self {
            Removal::Metadata => "metadata",
            Removal::RepeatedTitle => "repeated title",
            Removal::Symbols => "symbols",
            Removal::Widget => "share widget",
            Removal::Link => "story link",
            Removal::LinkList => "link list",
            Removal::Caption => "caption",
            Removal::Highlights => "highlights",
            Removal::Credit => "credit",
            Removal::Byline => "byline",
            Removal::EmbeddedPost => "embedded post",
            Removal::OtherLanguage => "other language",
            Removal::Furniture => "page furniture",
            Removal::EndMatter => "end matter",
            Removal::OutsideArticle => "outside the article",
            Removal::Code => "script or style",
            Removal::CodeBlock => "code block",
            Removal::TableHeader => "table header",
        }
    }

    /// Whether it is page furniture: everything but the header lines the
    /// fields were read from (which the app shows as those fields) and a
    /// page's code (no line of text).
    pub fn is_furniture(self) -> bool {
        self != Removal::Metadata && self != Removal::Code
    }
}

/// One line (or the part of one) not in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    pub kind: Removal,
    /// The words removed, as the file gives them (after sanitising).
    pub text: String,
    /// Where it stood: in an [`super::Article`], the byte offset in the
    /// body of the paragraph it stood before (the body's length when it
    /// stood after the last); while the header is read
    /// ([`super::meta::Layout`]), the index of that paragraph.
    pub at: usize,
}

/// The removals of one kind in an article: how many lines, and which.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedKind<'a> {
    pub kind: Removal,
    pub lines: Vec<&'a str>,
}

/// An article's removals grouped by kind, in the order each kind first
/// appears.
pub fn by_kind(removed: &[Removed]) -> Vec<RemovedKind<'_>> {
    let mut groups: Vec<RemovedKind<'_>> = Vec::new();
    for line in removed {
        match groups.iter_mut().find(|group| group.kind == line.kind) {
            Some(group) => group.lines.push(&line.text),
            None => groups.push(RemovedKind { kind: line.kind, lines: vec![&line.text] }),
        }
    }
    groups
}

/// How many lines were removed as page furniture (not counting the header
/// lines the metadata was read from).
pub fn furniture_lines(removed: &[Removed]) -> usize {
    removed.iter().filter(|line| line.kind.is_furniture()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_by_kind_in_order_of_appearance() {
        let line = |kind, text: &str| Removed { kind, text: text.into(), at: 0 };
        let removed = [
            line(Removal::Metadata, "Title"),
            line(Removal::Link, "Read more: a"),
            line(Removal::Furniture, "Advertisement"),
            line(Removal::Link, "Read more: b"),
        ];
        let groups = by_kind(&removed);
        let shape: Vec<(&str, usize)> = groups.iter().map(|g| (g.kind.as_str(), g.lines.len())).collect();
        assert_eq!(shape, [("metadata", 1), ("story link", 2), ("page furniture", 1)]);
        assert_eq!(furniture_lines(&removed), 3);
    }
}
