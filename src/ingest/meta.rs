//! Reads the metadata a saved article gives (title, outlet, publication
//! date, dateline, credit) and separates it from the body.
//!
//! Pages are saved in many shapes: the title may come first, under an outlet
//! line, as a markdown heading, or not at all; the date may sit on its own
//! line, share a line with an outlet or section, or be glued to the first
//! sentence. The rules here look at the *shape* of each line (a date and
//! little else, a domain name, a short line without a final stop) rather than
//! at any one site's layout. A field the file does not give stays `None`.

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

use super::boilerplate::{self, Boilerplate};
use super::embeds;
use super::published::{self, Published};
use super::removed::{Removal, Removed};
use crate::text::words;

/// What the header and body of one file hold.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Layout {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub dateline: Option<String>,
    pub credit: Option<String>,
    /// The credit is the byline's names: no credit line or agency named one.
    pub credit_is_byline: bool,
    /// Where a dateline opening the first paragraph ends (0 when none).
    pub dateline_end: usize,
    /// Body paragraphs, whitespace collapsed, boilerplate removed.
    pub paragraphs: Vec<String>,
    /// Every line (or part of one) not in the paragraphs, and why; `at` is
    /// the index of the paragraph it stood before.
    pub removed: Vec<Removed>,
    /// The address front matter gives (`source:`, `url:`, `canonical:`;
    /// a saved page's canonical link), as written.
    pub url: Option<String>,
    /// The byline's names: the credit when no credit line or agency names one.
    byline: Option<String>,
    /// How the publication date was given ([`DateRank`]).
    date_rank: Option<DateRank>,
    /// What the reader should know about the fields, for the article's
    /// warnings (which of two dates the page gives was taken, and why).
    pub notes: Vec<String>,
}

/// How a page gives a date, best first: the story's own dated line (its
/// dateline, `Originally published ...`), a plain date, a date of a later
/// change or a re-post (`Updated`, `Reposted`, `Accessed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum DateRank {
    Own,
    Plain,
    Later,
}

impl DateRank {
    /// The rank a date has on `line`.
    fn of(line: &str) -> DateRank {
        static OWN: LazyLock<Pattern> = LazyLock::new(|| {
            Pattern::new(r"(?i)\b(?:originally|first) (?:published|appeared|posted|ran)\b|\bthis (?:article|story|report) (?:was )?(?:originally |first )?(?:published|appeared|ran)\b").unwrap()
        });
        static LATER: LazyLock<Pattern> = LazyLock::new(|| {
            Pattern::new(r"(?i)\b(?:updated|modified|reposted|republished|re-published|shared|saved|accessed|retrieved|archived)\b").unwrap()
        });
        if OWN.is_match(line) {
            DateRank::Own
        } else if LATER.is_match(line) {
            DateRank::Later
        } else {
            DateRank::Plain
        }
    }
}

impl Layout {
    /// Takes `date`, given on `line`, as the publication date unless a date
    /// given better (or as well, earlier in the file) is already taken.
    /// A line of several dated parts (`Updated 12 March 2025 | Originally
    /// published 10 March 2025`) offers each part's date with its own rank.
    fn offer_date(&mut self, date: Published, line: &str) {
        let dated: Vec<(Published, &str)> = line
            .split(['|', '·', ';'])
            .filter_map(|part| published::find(part).map(|found| (found.published, part)))
            .collect();
        if dated.len() > 1 {
            for (date, part) in dated {
                self.offer_ranked(date, DateRank::of(part), line);
            }
            return;
        }
        self.offer_ranked(date, DateRank::of(line), line);
    }

    fn offer_ranked(&mut self, date: Published, rank: DateRank, line: &str) {
        match (self.published, self.date_rank) {
            (None, _) => {}
            (Some(taken), Some(taken_rank)) if rank < taken_rank && taken.date != date.date => {
                self.notes.push(format!(
                    "dated {} by its own dated line ({:?}); the page also gives {}, a later date",
                    date.date,
                    collapse(line),
                    taken.date
                ));
            }
            _ => return,
        }
        self.published = Some(date);
        self.date_rank = Some(rank);
    }
}

/// How many non-blank lines from the top may hold header metadata.
const HEADER_LINES: usize = 10;

static DOMAIN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)^(?:https?://)?(?:www\.)?(?P<d>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*\.[a-z]{2,})/?$")
        .unwrap()
});

static HEADING: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^#{1,6}\s+(?P<t>.+?)\s*#*$").unwrap());

/// Words that may surround a date on a date line without making it prose.
static DATE_LINE_FILLER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)\b(?:published|updated|posted|last|modified|first|originally|date|dated|on|at|time|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|ce[s]?t|ee[s]?t|bst|ist|msk|kyiv|local|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?)\b").unwrap()
});

/// A dateline opening the first paragraph: `WASHINGTON: `, `KYIV, Ukraine (AP) — `.
static DATELINE: LazyLock<Pattern> = LazyLock::new(|| {
    // Plain classes here, and the capitals checked in code: Unicode letter
    // classes made this pattern slow to compile. The place takes hyphenated
    // parts in capitals whole (`PORT-AU-PRINCE`) before a hyphen may end it.
    Pattern::new(r"^(?P<place>[^\s,()/:a-z][^,()/:a-z]*?(?:-[A-Z][^\s,()/:a-z-]*)*(?:,\s*[A-Z][^\s,()/:]+(?:\s[A-Z][^\s,()/:]+)?)?)(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?)\.?)?\s*(?:\((?P<agency>[^()\s][^()]*)\))?\s*(?:/(?P<agency2>[^/\s]+)/\.?-?|:|—|–|--?)\s*(?P<next>\S)").unwrap()
});

/// A video's length closing its title: `Storm hits the coast 01:11`.
static VIDEO_LENGTH: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\s[0-9]{1,2}:[0-9]{2}$").unwrap());

static LABELLED_TITLE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?i:title|headline|heading)\s*:\s*(\S.*)$").unwrap());

static DATELINE_TITLED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?P<place>[^\s,()/]+(?:\s[^\s,()/]+){0,2})(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?)\.?\s*(?:\((?P<agency>[^()\s][^()]*)\)|/(?P<agency2>[^/\s]+)/)\.?\s*(?:-+|—|–|:)?|\s+\((?P<agency3>[A-Z]{2,10})\)\s*(?:-+|—|–)?)\s*(?P<next>\S)").unwrap()
});

/// A dateline of a place in title case and a full date, the text after it
/// (`Addis Ababa March 10/2019 Ethiopian Airlines ...`, `Nairobi, March 10,
/// 2019 (KNA) -`): the date may be glued to its month and its year set
/// after a slash, as some agencies write it.
static DATELINE_DATED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),?\s+(?P<date>(?P<month>[A-Z][a-z]{2,8})\.?\s*[0-9]{1,2}(?:,\s*|\s*/\s*|\s+)[0-9]{4})\.?\s*(?:\((?P<agency>[A-Z][^()]*)\))?\s*(?:-+|—|–|:)?\s*(?P<next>\S)").unwrap()
});

/// Splits a whole file (already decoded and sanitised) into metadata and body.
pub fn parse(text: &str) -> Layout {
    parse_page(text, Vec::new())
}

/// Splits a file into metadata and body, with what was left out before the
/// text was made (a web page's furniture, [`super::html::Page::dropped`]:
/// `at` the index of the line of `text` it stood before) listed as removed
/// where it stood.
pub fn parse_page(whole: &str, mut left_out: Vec<Removed>) -> Layout {
    // Fields a Markdown tool wrote above the text come first.
    let (layout, text) = front_matter(whole).unwrap_or((Layout::default(), whole));
    let first_line = whole[..whole.len() - text.len()].matches('\n').count();
    left_out.sort_by_key(|removed| removed.at);
    let mut left_out = left_out.into_iter().peekable();
    let mut reader = LineReader::new(text, layout);
    for (index, raw) in text.split('\n').enumerate() {
        while let Some(removed) = left_out.next_if(|removed| removed.at <= first_line + index) {
            reader.left_out(removed);
        }
        reader.read(raw);
    }
    left_out.for_each(|removed| reader.left_out(removed));
    reader.finish()
}

/// One pass over a file's lines, top to bottom: header lines fill the
/// layout's fields, page furniture is dropped, and the rest is body.
struct LineReader<'t> {
    /// The whole text, for looking at the lines after the current one.
    text: &'t str,
    layout: Layout,
    /// Body lines; "" separates blocks.
    body: Vec<String>,
    /// Non-blank lines looked at, page furniture aside.
    seen: usize,
    /// Still among the first lines, where metadata stands.
    in_header: bool,
    /// Under a "Related" heading: the headlines that follow are links.
    in_link_list: bool,
    /// Past a press release's end matter (`About ...`, `Media contact:`).
    in_tail: bool,
    /// Lines of prose read so far.
    prose_lines: usize,
    /// Lines still to come of a dateline set over three (`New York` /
    /// `CNN` / `—`): the name, then the dash.
    dateline_lines: u8,
    /// Lines a video player copied with the page may still take (its
    /// videos' titles and buttons); 0 outside one.
    player_lines: u8,
    /// A byline's role or desk line still to come (`Jane Smith` over
    /// `Political correspondent`).
    role_follows: bool,
    /// Under a `Story highlights` heading over the lede: its bullets follow.
    in_highlights: bool,
    /// A photo's alt text was read over the lede: its caption is next.
    caption_follows: bool,
    /// What was left out before the text was made, where it stood: the
    /// index in `layout.removed` it goes in at (kept apart while reading,
    /// so that no rule reads a page's furniture as this text's).
    left_out: Vec<(usize, Removed)>,
}

impl<'t> LineReader<'t> {
    fn new(text: &'t str, layout: Layout) -> Self {
        LineReader {
            text,
            layout,
            body: Vec::new(),
            seen: 0,
            in_header: true,
            in_link_list: false,
            in_tail: false,
            prose_lines: 0,
            dateline_lines: 0,
            player_lines: 0,
            role_follows: false,
            in_highlights: false,
            caption_follows: false,
            left_out: Vec::new(),
        }
    }

    /// Lists `removed`, left out before the text was made, here.
    fn left_out(&mut self, removed: Removed) {
        let at = self.body.len();
        self.left_out.push((self.layout.removed.len(), Removed { at, ..removed }));
    }

    /// Reads one line, `raw` (a slice of the text).
    fn read(&mut self, raw: &'t str) {
        let labelled = strip_bold_label(raw.trim());
        let line = strip_emphasis(&labelled);
        // A wire's sign-off glued to the last sentence.
        let line = match line.strip_suffix(" Enditem") {
            Some(rest) => {
                self.remove(Removal::Furniture, "Enditem");
                rest
            }
            None => line,
        };
        if line.is_empty() {
            self.body.push(String::new());
            return;
        }
        if self.embedded_post(line)
            || self.split_dateline(line, raw)
            || self.author_block(line, raw)
            || self.caption_over_credit(line, raw)
            || self.video_player(line)
            || self.highlights(line, raw)
            || self.glued_points(line)
            || self.photo_over_lede(line, raw)
        {
            return;
        }
        if let Some(kind) =
            self.furniture(line).or_else(|| self.cut_off_furniture(line)).or_else(|| self.agency_credit(line))
        {
            self.remove(kind, line);
            // `By Jane Smith` over `Political correspondent`.
            self.role_follows = kind == Removal::Byline
                && self.prose_lines == 0
                && lines_after(self.text, raw).next().is_some_and(is_role_line);
            return;
        }
        if self.in_tail {
            self.remove(Removal::EndMatter, line);
            return;
        }
        if self.link_in_list(line) {
            self.remove(Removal::LinkList, line);
            return;
        }
        // After a few lines of story; a press release may be shorter.
        let story_told = self.prose_lines >= 3 || self.prose_lines >= 1 && self.is_release();
        if story_told && boilerplate::is_tail_heading(line) && self.end_matter_follows(line, raw) {
            self.in_tail = true;
            self.remove(Removal::EndMatter, line);
            return;
        }
        // Page furniture does not count towards the header's length.
        self.seen += 1;
        if self.seen > HEADER_LINES {
            self.in_header = false;
        }
        if self.read_date_line(line, raw)
            || self.in_header && self.header_field(line, raw)
            || self.outlet_under_standfirst(line, raw)
        {
            return;
        }
        self.body_line(line);
    }

    /// A dateline set over three lines, as some pages copy (`New York` /
    /// `CNN` / `—`, the lede after the dash or under it): the place is the
    /// dateline, the name the credit, the dash furniture.
    fn split_dateline(&mut self, line: &str, raw: &'t str) -> bool {
        match self.dateline_lines {
            2 => {
                self.layout.credit.get_or_insert_with(|| line.to_string());
                if crate::text::lexicon::is_outlet_name(line) {
                    self.layout.outlet.get_or_insert_with(|| line.to_string());
                }
                self.remove(Removal::Credit, line);
            }
            1 => {
                let lede = line.trim_start_matches(['—', '–', '-']).trim_start();
                self.remove(Removal::Furniture, line[..line.len() - lede.len()].trim());
                if !lede.is_empty() {
                    self.body_line(lede);
                }
            }
            _ if self.prose_lines == 0 && opens_split_dateline(self.text, line, raw) => {
                self.layout.dateline = Some(line.to_string());
                self.remove(Removal::Metadata, line);
                self.dateline_lines = 3;
            }
            _ => return false,
        }
        self.dateline_lines -= 1;
        true
    }

    /// A byline set over two lines or three, as BBC pages copy (`Jane
    /// Smith` over `Political correspondent` or `BBC News, Wales`, or
    /// both): the name is the byline, the lines under it too (a desk names
    /// the outlet when it can).
    fn author_block(&mut self, line: &str, raw: &'t str) -> bool {
        if std::mem::take(&mut self.role_follows) {
            if let Some((desk, _)) = line.split_once(", ").filter(|(desk, _)| names_an_outlet(desk)) {
                self.layout.outlet.get_or_insert_with(|| desk.to_string());
            }
            self.remove(Removal::Byline, line);
            // `BBC News, Wales` may stand over the role too.
            self.role_follows = lines_after(self.text, raw).next().is_some_and(is_role_line);
            return true;
        }
        let name = line.trim_end_matches(',');
        let block = self.layout.title.is_some()
            && self.prose_lines == 0
            && is_persons_name(name)
            && boilerplate::classify(name).is_none()
            && lines_after(self.text, raw).next().is_some_and(is_role_line);
        if block {
            self.layout.byline.get_or_insert_with(|| name.to_string());
            self.remove(Removal::Byline, line);
            self.role_follows = true;
        }
        block
    }

    /// `Story highlights` (or `Key points`) over bullet points, over the
    /// story: the outlet's summary of the story below, not its text. The
    /// heading and each point leave the body; the first line that is no
    /// point ends them.
    fn highlights(&mut self, line: &str, raw: &str) -> bool {
        if self.in_highlights && is_bullet(line) {
            self.remove(Removal::Highlights, line);
            return true;
        }
        self.in_highlights = false;
        // Over the story: before three lines of its prose (a promotion's
        // line may stand above), as end matter waits for three after.
        let opens = self.prose_lines < 3
            && boilerplate::is_highlights_heading(line)
            && lines_after(self.text, raw).next().is_some_and(is_bullet);
        if opens {
            self.in_highlights = true;
            self.remove(Removal::Highlights, line);
        }
        opens
    }

    /// A standfirst's points glued on one line by the copy that dropped
    /// their list (`... outside No10 She said ... Mrs May will stand down
    /// ...`), right under the headline: more than a standfirst's forty
    /// words and not one stop, which no sentence of prose is. The story's
    /// highlights, as under a `Story highlights` heading.
    fn glued_points(&mut self, line: &str) -> bool {
        static STOP: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r#"[.!?]["”’')]?(?:\s|$)"#).unwrap());
        let glued = self.layout.title.is_some()
            && self.prose_lines == 0
            && body_is_blank(&self.body)
            && words::rough_count(line) > 40
            && !STOP.is_match(line);
        if glued {
            self.remove(Removal::Highlights, line);
        }
        glued
    }

    /// A photo between the headline and the lede, as a page copies it: its
    /// alt text, the name of whom it shows (a person the story names again
    /// further down, which a byline's name is not), over its caption (a short
    /// description with no stop). Both leave the body as the caption.
    fn photo_over_lede(&mut self, line: &str, raw: &str) -> bool {
        if std::mem::take(&mut self.caption_follows) {
            self.remove(Removal::Caption, line);
            return true;
        }
        if self.layout.title.is_none() || self.prose_lines > 0 || !is_persons_name(line) {
            return false;
        }
        let Some(caption) = lines_after(self.text, raw).next() else { return false };
        let described = is_caption(caption) && words::rough_count(caption) >= 4 && !caption.ends_with(['.', '!', '?']);
        let caption_end = caption.as_ptr() as usize - self.text.as_ptr() as usize + caption.len();
        let named_again = self.text[caption_end..].contains(line);
        self.caption_follows = described && named_again;
        if self.caption_follows {
            self.remove(Removal::Caption, line);
        }
        self.caption_follows
    }

    /// A photo's caption over its credit (`Rescuers search the wreckage`
    /// over `Photo: Amit Dave/Reuters` or `(Reuters)`): both leave the body.
    /// `line` is the credit; the caption is the line right above it.
    fn caption_over_credit(&mut self, line: &str, raw: &str) -> bool {
        // An image's line (`![...](...)`, a link) is no credit.
        let image = line.starts_with(['!', '<', '[']) || line.starts_with("http");
        let credit = matches!(boilerplate::classify(line), Some(Boilerplate::Caption))
            && words::rough_count(line) <= 8
            && !image
            || is_bare_agency_credit(line) && lines_after(self.text, raw).next().is_some();
        // `Reuters` alone under a caption, which has no stop of its own.
        let unbracketed = is_agency_name(line)
            && lines_after(self.text, raw).next().is_some()
            && self.body.last().is_some_and(|above| !above.ends_with(['.', '!', '?', '"', '”', ':']));
        let credit = credit || unbracketed;
        let Some(above) = self.body.last().filter(|above| credit && is_caption(above)) else { return false };
        self.prose_lines -= usize::from(is_prose(above)).min(self.prose_lines);
        let caption = self.body.pop().unwrap_or_default();
        self.remove(Removal::Caption, &caption);
        self.remove(Removal::Caption, line);
        true
    }

    /// `ARTICLE CONTINU` at the end of a file cut short: the start of a
    /// furniture line the page repeats, removed as that line was.
    fn cut_off_furniture(&self, line: &str) -> Option<Removal> {
        let last = self.text.trim_end().ends_with(line);
        let earlier = self.layout.removed.iter().filter(|removed| removed.kind.is_furniture());
        earlier
            .filter(|removed| {
                last && line.len() >= 8 && removed.text.len() > line.len() && removed.text.starts_with(line)
            })
            .map(|removed| removed.kind)
            .next()
    }

    /// `AFP | Times of Malta` in the body, past the header: the agency's
    /// credit (under the title the header reads it as the outlet too).
    fn agency_credit(&mut self, line: &str) -> Option<Removal> {
        if self.in_header {
            return None;
        }
        let agency = boilerplate::agency_and_outlet(line)?;
        self.layout.credit.get_or_insert(agency);
        Some(Removal::Credit)
    }

    /// Records `text` as removed from the body, where it stood.
    fn remove(&mut self, kind: Removal, text: &str) {
        self.layout.removed.push(Removed { kind, text: text.to_string(), at: self.body.len() });
    }

    /// Whether what follows an end-matter heading (`line`, a slice of the
    /// text at `raw`) is end matter. A heading of contacts, legal notes or
    /// `###` says so itself; `About <name>` says so when the page is a
    /// press release or the section is a short description of that name.
    /// A section with more than a few lines of prose is never removed on
    /// the heading's shape alone: "About The New Pope" over a biography is
    /// a sub-heading.
    fn end_matter_follows(&self, line: &str, raw: &str) -> bool {
        let section: Vec<&str> = lines_after(self.text, raw).collect();
        let prose = section.iter().filter(|l| is_prose(l)).count();
        boilerplate::is_end_matter(line, &section, prose, self.is_release())
    }

    /// The page is a press release: a release credit (`SOURCE Meridian`,
    /// `/PRNewswire/`) or its furniture (`FOR IMMEDIATE RELEASE`, `News
    /// provided by`) was read.
    fn is_release(&self) -> bool {
        self.layout.removed.iter().any(|line| boilerplate::is_release_marker(&line.text))
            || self.body.iter().take(8).any(|line| boilerplate::is_release_marker(line))
    }

    /// Page furniture (credits, bylines, link headings, share widgets):
    /// read for the fields it gives, never part of the body.
    /// Returns why it is not text, or `None` when it may be.
    fn furniture(&mut self, line: &str) -> Option<Removal> {
        // `### Related` is the heading `Related`.
        let probe = HEADING.captures(line).and_then(|c| c.get(1)).map_or(line, |m| m.as_str());
        Some(match boilerplate::classify(probe)? {
            Boilerplate::Credit(who) => {
                self.layout.credit.get_or_insert(who);
                if self.in_header {
                    if let Some(found) = published::find(line) {
                        self.layout.offer_date(found.published, line);
                    }
                }
                Removal::Credit
            }
            Boilerplate::Byline { who, date, from } => {
                self.layout.byline.get_or_insert(who);
                // `By Jane Doe, Reuters`: the agency's text, whoever wrote it.
                if let Some(from) = from {
                    self.layout.credit.get_or_insert(from);
                }
                if let Some(date) = date.filter(|_| self.in_header) {
                    self.layout.offer_date(date, line);
                }
                Removal::Byline
            }
            Boilerplate::Link => {
                self.in_link_list = boilerplate::is_link_list_heading(probe);
                Removal::Link
            }
            Boilerplate::Symbols => Removal::Symbols,
            Boilerplate::Widget => {
                if boilerplate::opens_video_player(line) {
                    self.open_video_player();
                }
                Removal::Widget
            }
            // `date 2025-11-21 The mayor at the dam. Credit: PA`: the date first.
            Boilerplate::Caption if self.in_header && opens_with_date(line) => return None,
            Boilerplate::Caption => {
                self.take_back_photo(line);
                Removal::Caption
            }
            Boilerplate::Furniture => {
                // `This article was originally published on June 6, 2025.`
                if let Some(found) = published::find(line).filter(|_| DateRank::of(line) == DateRank::Own) {
                    self.layout.offer_date(found.published, line);
                }
                Removal::Furniture
            }
        })
    }

    /// A headline in a list of links (questions among them); the list ends
    /// at a sentence of prose.
    fn link_in_list(&mut self, line: &str) -> bool {
        if !self.in_link_list {
            return false;
        }
        let count = words::rough_count(line);
        let headline = !line.ends_with(['.', '!', '"', '”']) && (count <= 12 || !is_prose(line) && count <= 25);
        self.in_link_list = headline;
        headline
    }

    /// A date line: its date recorded, and what else it holds that is
    /// article text (a first sentence glued to it) taken into the body, or
    /// the title (a headline glued to it).
    fn read_date_line(&mut self, line: &str, raw: &str) -> bool {
        let Some(rest) = date_line(line, self.in_header, &mut self.layout) else { return false };
        let head = line.strip_suffix(rest.as_str()).unwrap_or(line).trim_end();
        if rest.is_empty() {
            self.remove(Removal::Metadata, line);
        } else if boilerplate::classify(&rest) == Some(Boilerplate::Caption) {
            // The date was glued to a photo's caption (`date 2025-11-21 The mayor at the dam. Credit: PA`).
            self.remove(Removal::Metadata, head);
            self.remove(Removal::Caption, &rest);
        } else if !is_prose(&rest) && self.title(&rest, raw) {
            // The date was glued to the headline (`date 2019-05-24 Storm closes the coast road`).
            self.remove(Removal::Metadata, line);
        } else {
            // The date was glued to the first sentence (`date 2025-11-21 US President ...`).
            self.remove(Removal::Metadata, head);
            self.in_header = false;
            self.body.push(rest);
        }
        true
    }

    /// A header line that gives a field (outlet, title, byline) or labels
    /// the headline, tried rule by rule.
    fn header_field(&mut self, line: &str, raw: &'t str) -> bool {
        let field = self.domain_outlet(line)
            || self.heading_title(line)
            || self.masthead_over_title(line, raw)
            || self.outlet_under_title(line, raw)
            || self.fields_under_title(line)
            || self.byline_under_title(line)
            || self.label_over_headline(line, raw)
            || self.title(line, raw);
        if field {
            self.remove(Removal::Metadata, line);
        }
        field
    }

    /// `example.org`: the outlet.
    fn domain_outlet(&mut self, line: &str) -> bool {
        let Some(captures) = DOMAIN.captures(line) else { return false };
        self.layout.outlet.get_or_insert_with(|| captures["d"].to_lowercase());
        true
    }

    /// `# Talks resume`: the title, when there is none yet.
    fn heading_title(&mut self, line: &str) -> bool {
        match HEADING.captures(line) {
            Some(captures) if self.layout.title.is_none() => {
                self.layout.title = Some(captures["t"].to_string());
                true
            }
            _ => false,
        }
    }

    /// Nothing read yet: no title, no outlet, no body.
    fn at_the_top(&self) -> bool {
        self.layout.title.is_none() && self.layout.outlet.is_none() && body_is_blank(&self.body)
    }

    /// A headline of more than three words follows `raw`.
    fn headline_follows(&self, raw: &str) -> bool {
        next_line(self.text, raw).is_some_and(|next| title_line(next).is_some() && words::rough_count(next) > 3)
    }

    /// `Metro Ledger` over the title: a short name, then a headline; or
    /// `InfraWeek | Cloud & Infrastructure`, the name and a section or
    /// tagline beside it.
    fn masthead_over_title(&mut self, line: &str, raw: &str) -> bool {
        if !self.at_the_top() {
            return false;
        }
        let name = if is_masthead(line) { Some(line) } else { field_masthead(line) };
        // `Latest`, `Weather Forecast`: a section of the site, not its name.
        match name.filter(|name| !crate::text::lexicon::is_site_section(name)) {
            Some(name) if self.headline_follows(raw) => {
                self.layout.outlet = Some(name.to_string());
                true
            }
            _ => false,
        }
    }

    /// `Metro Wire Service` or `Reuters` between the title and its date: a
    /// name that says it is an outlet, or a news agency's (a person's name
    /// there is left alone).
    /// Also `*Nation Online*` right under the title, set apart in emphasis,
    /// and a well-known outlet's name (`Al Jazeera`, `NPR`) with or without
    /// a date.
    fn outlet_under_title(&mut self, line: &str, raw: &str) -> bool {
        let emphasised = strip_emphasis(raw.trim()) != raw.trim() && body_is_blank(&self.body);
        let named = self.layout.title.is_some()
            && self.layout.outlet.is_none()
            && self.prose_lines == 0
            && (crate::text::lexicon::is_outlet_name(line)
                || is_outlet_masthead(line) && (emphasised || date_follows(self.text, raw)));
        if named {
            self.layout.outlet = Some(line.to_string());
        }
        named
    }

    /// `Al Jazeera` under the standfirst (`The plane was carrying 242
    /// people when it came down in a residential area`): the outlet, read
    /// as the outlet rules under the title read it.
    fn outlet_under_standfirst(&mut self, line: &str, raw: &str) -> bool {
        let mut lines = self.body.iter().filter(|line| !line.is_empty());
        let standfirst = lines.next().is_some_and(|first| words::rough_count(first) <= 40) && lines.next().is_none();
        let named = standfirst
            && self.layout.title.is_some()
            && self.layout.outlet.is_none()
            && (crate::text::lexicon::is_outlet_name(line) || is_outlet_masthead(line) && date_follows(self.text, raw));
        if named {
            self.layout.outlet = Some(line.to_string());
            self.remove(Removal::Metadata, line);
        }
        named
    }

    /// `AFP | Times of Malta`, `Mehr News Agency | News ID: 232993`,
    /// `InvestingCube · Shares` under the title: names between separators,
    /// one of them an outlet's, and page furniture. The agencies named are
    /// the credit, the first other name the outlet.
    fn fields_under_title(&mut self, line: &str) -> bool {
        if self.layout.title.is_none() || self.prose_lines > 0 || !body_is_blank(&self.body) {
            return false;
        }
        let Some(names) = outlet_fields(line) else { return false };
        let (agencies, outlets): (Vec<&str>, Vec<&str>) =
            names.into_iter().partition(|name| crate::text::lexicon::is_news_agency(name));
        if let Some(outlet) = outlets.first() {
            self.layout.outlet.get_or_insert_with(|| outlet.to_string());
        }
        if !agencies.is_empty() {
            self.layout.credit.get_or_insert_with(|| agencies.join(", "));
        }
        true
    }

    /// `Sophie Marchetti in Amsterdam` under the title.
    fn byline_under_title(&mut self, line: &str) -> bool {
        if self.layout.title.is_none() || self.prose_lines > 0 {
            return false;
        }
        let Some(who) = name_in_place(line) else { return false };
        self.layout.byline.get_or_insert(who.to_string());
        true
    }

    /// A kicker or section label over the headline (`Pharmaceuticals
    /// industry`, `Live`, `Columbus`): passed over.
    fn label_over_headline(&self, line: &str, raw: &str) -> bool {
        self.layout.title.is_none() && body_is_blank(&self.body) && is_label_word(line) && self.headline_follows(raw)
    }

    /// The headline, with the outlet when the line names one.
    fn title(&mut self, line: &str, raw: &str) -> bool {
        if self.layout.title.is_some() || !body_is_blank(&self.body) {
            return false;
        }
        // `Title: ...` and `Headline: ...` as some pages label them.
        let line = LABELLED_TITLE.captures(line).and_then(|c| c.get(1)).map_or(line, |m| m.as_str());
        // Two words are a title only when a date line follows (`Storm news`
        // / `2025-01-02`): alone they are as likely a section or a name.
        let short = || short_title(line) && date_follows(self.text, raw);
        let Some((title, outlet)) = title_line(line).or_else(|| short().then(|| (line.to_string(), None))) else {
            return false;
        };
        self.layout.title = Some(title);
        if let Some(outlet) = outlet {
            self.layout.outlet.get_or_insert(outlet);
        }
        true
    }

    /// A line of the body (a heading without its `#`), unless it repeats
    /// the title.
    fn body_line(&mut self, line: &str) {
        let line = if line.starts_with('#') {
            HEADING.captures(line).map_or(line, |c| c.get(1).map_or(line, |m| m.as_str()))
        } else {
            line
        };
        if self.layout.title.as_deref() == Some(line) {
            self.remove(Removal::RepeatedTitle, line);
            return;
        }
        if is_prose(line) {
            self.in_header = false;
            self.prose_lines += 1;
        }
        self.body.push(line.to_string());
    }

    /// A social-media post the page embeds ([`embeds`]): its signature, the
    /// words above a signature alone on its line, a line linking a post.
    fn embedded_post(&mut self, line: &str) -> bool {
        if embeds::is_signature_alone(line) {
            // The post's words are the line directly above; blanked, not
            // cut, as the removed lines' places are line indexes.
            let above = self.body.len().checked_sub(1).filter(|&last| !self.body[last].is_empty());
            if let Some(last) = above.filter(|&last| self.layout.removed.last().is_none_or(|r| r.at <= last)) {
                let words = std::mem::take(&mut self.body[last]);
                self.prose_lines -= usize::from(is_prose(&words)).min(self.prose_lines);
                self.layout.removed.push(Removed { kind: Removal::EmbeddedPost, text: words, at: last });
            }
        } else if let Some((prose, links)) =
            embeds::prose_around_post_links(line).filter(|_| !embeds::is_signature(line))
        {
            // Prose longer than a post, linking one: the links alone go.
            for link in links {
                self.remove(Removal::EmbeddedPost, link);
            }
            self.body_line(&prose);
            return true;
        } else if !embeds::is_signature(line) && !embeds::links_a_post(line) {
            return false;
        }
        self.remove(Removal::EmbeddedPost, line);
        true
    }

    /// A video player copied with the page (`JUST WATCHED` over its
    /// video's title, `Replay`, `More Videos ...`, the next video's title
    /// and length, `Storm hits the coast 01:11`): its short lines are its
    /// videos' titles, up to a video's length or a line of prose.
    fn video_player(&mut self, line: &str) -> bool {
        if self.player_lines == 0 {
            return false;
        }
        self.player_lines -= 1;
        let title = words::rough_count(line) <= 16 && !line.ends_with(['.', '!', '?', '"', '”']) && !is_prose(line);
        if !title && boilerplate::classify(line) != Some(Boilerplate::Widget) {
            self.player_lines = 0;
            return false;
        }
        if VIDEO_LENGTH.is_match(line) {
            self.player_lines = 0;
        }
        self.remove(Removal::Widget, line);
        true
    }

    /// Opens a video player: the titles over its first line (its video's,
    /// once or twice) are its own.
    fn open_video_player(&mut self) {
        self.player_lines = 8;
        self.take_back(|above| (words::rough_count(above) <= 16 && !is_prose(above)).then_some(Removal::Widget));
    }

    /// A closing paragraph in another language than the story's (a
    /// reader's comment under an English story, in French): its words hold
    /// almost none of the story's function words.
    fn remove_closing_other_language(&mut self) {
        let Some(last) = self.body.iter().rposition(|line| !line.is_empty()) else { return };
        let share = |lines: &[String]| {
            let (mut function, mut all) = (0, 0);
            for (_, word) in lines.iter().flat_map(|line| words::words(line)) {
                all += 1;
                function += usize::from(crate::text::lexicon::is_stopword(&word.to_lowercase()));
            }
            (function as f64 / all.max(1) as f64, all)
        };
        let (story_share, story_words) = share(&self.body[..last]);
        let (closing_share, closing_words) = share(&self.body[last..]);
        let foreign = story_words >= 60 && story_share >= 0.3 && closing_words >= 12 && closing_share < 0.05;
        if foreign {
            let comment = std::mem::take(&mut self.body[last]);
            self.prose_lines -= usize::from(is_prose(&comment)).min(self.prose_lines);
            let place = self.layout.removed.partition_point(|line| line.at <= last);
            self.layout.removed.insert(place, Removed { kind: Removal::OtherLanguage, text: comment, at: last });
        }
    }

    /// What stood over a photo's caption (`caption`) as a gallery copies
    /// it: the caption without its credit, and the photo's count between
    /// (`The mayor at the dam` / `17` / `The mayor at the damCredit: PA`).
    fn take_back_photo(&mut self, caption: &str) {
        self.take_back(|above| {
            if above.len() <= 3 && above.chars().all(|c| c.is_ascii_digit()) {
                Some(Removal::Widget)
            } else {
                (words::rough_count(above) >= 3 && caption.starts_with(above)).then_some(Removal::Caption)
            }
        });
    }

    /// Takes the last two lines of the body back out, or the last when only
    /// it belongs to what is being removed (`belongs` says as what), each
    /// listed where it stood.
    fn take_back(&mut self, belongs: impl Fn(&str) -> Option<Removal>) {
        let earliest = self.layout.removed.last().map_or(0, |removed| removed.at);
        let mut taken = Vec::new();
        let mut end = self.body.len();
        while taken.len() < 2 {
            let Some(last) = self.body[..end].iter().rposition(|line| !line.is_empty()) else { break };
            let Some(kind) = belongs(&self.body[last]).filter(|_| last >= earliest) else { break };
            taken.push((last, kind));
            end = last;
        }
        // Blanked, not cut: the removed lines' places are line indexes.
        for (last, kind) in taken.into_iter().rev() {
            let words = std::mem::take(&mut self.body[last]);
            self.prose_lines -= usize::from(is_prose(&words)).min(self.prose_lines);
            self.layout.removed.push(Removed { kind, text: words, at: last });
        }
    }

    /// Notes on who wrote the story closing it (`Sarah Okafor is a reporter
    /// covering education. She can be reached at ...`): end matter.
    fn remove_closing_author_notes(&mut self) {
        // Blanked, not cut: the removed lines' places are line indexes.
        while self.prose_lines > 1 {
            let Some(last) = self.body.iter().rposition(|line| !line.is_empty()) else { break };
            if !boilerplate::is_author_note(&self.body[last]) {
                break;
            }
            let note = std::mem::take(&mut self.body[last]);
            self.prose_lines -= usize::from(is_prose(&note)).min(self.prose_lines);
            let place = self.layout.removed.partition_point(|line| line.at <= last);
            self.layout.removed.insert(place, Removed { kind: Removal::EndMatter, text: note, at: last });
        }
    }

    /// The paragraphs, the dateline that opens them, and the credit.
    fn finish(mut self) -> Layout {
        self.remove_closing_author_notes();
        self.remove_closing_other_language();
        // Last first, so that each index still points where it did.
        for (index, removed) in self.left_out.drain(..).rev() {
            self.layout.removed.insert(index, removed);
        }
        let (paragraphs, paragraph_of_line) = paragraphs(&self.body);
        self.layout.paragraphs = paragraphs;
        for line in &mut self.layout.removed {
            line.at = paragraph_of_line[line.at];
        }
        read_dateline(&mut self.layout);
        // A credit line or the dateline's agency names the source of the
        // text; failing those, the byline.
        if self.layout.credit.is_none() {
            self.layout.credit = self.layout.byline.take();
            self.layout.credit_is_byline = self.layout.credit.is_some();
        }
        self.layout
    }
}

/// The dateline that opens the first paragraph of prose (short lines above
/// it, a standfirst or a company name, are passed over): its place, where
/// it ends, and the agency it names as the credit when there is none yet.
fn read_dateline(layout: &mut Layout) {
    // Read already from the lines over the lede (`New York` / `CNN` / `—`).
    if layout.dateline.is_some() {
        return;
    }
    let lede = dateline_paragraph(&layout.paragraphs);
    let offset: usize = layout.paragraphs[..lede.min(layout.paragraphs.len())].iter().map(|p| p.len() + 2).sum();
    let Some(first) = layout.paragraphs.get(lede).cloned() else { return };
    let first = first.as_str();
    let Some(captures) = opening_dateline(first) else { return };
    layout.dateline = Some(captures["place"].trim().trim_end_matches(',').to_string());
    layout.dateline_end = offset + captures.name("next").map_or(0, |m| m.start());
    // The story's own date, as its dateline gives it, beats a later date a
    // re-posting page put over it.
    if let Some(date) = captures.name("date").and_then(|m| dateline_date(m.as_str(), layout.published)) {
        let line = &first[..captures.name("next").map_or(first.len(), |m| m.start())];
        // On a page that gives no date, the dateline's is the story's.
        if layout.published.is_none_or(|taken| date.date < taken.date) {
            let line = line.trim().to_string();
            layout.offer_ranked(date, DateRank::Own, &line);
        }
    }
    if let Some(agency) = captures.name("agency").or(captures.name("agency2")).or(captures.name("agency3")) {
        let agency = agency.as_str().trim();
        // The agency names who ran the text; a credit line naming its
        // reporters ("Reporting by …", read at the end) does not.
        if layout.credit.as_deref().is_none_or(boilerplate::names_reporters) {
            layout.credit = Some(agency.to_string());
        }
        // `Mexico City (CNN)`: an outlet's own dateline on a page that names
        // no outlet is its publisher's. A news agency's is the copy another
        // outlet runs, and stays the credit alone.
        let outlet = crate::text::lexicon::is_outlet_name(agency) && !crate::text::lexicon::is_news_agency(agency);
        if outlet && layout.outlet.is_none() {
            layout.outlet = Some(agency.to_string());
        }
    }
}

/// The paragraph a dateline would open: the first of prose among the
/// first four, an editor's note passed over; or one of eight words or
/// more above it that opens with a dateline (a lede heavy with capitals,
/// `TOKYO — Prime Minister Sanae Takaichi Said ...`, does not read as
/// prose). The first paragraph when none is prose.
fn dateline_paragraph(paragraphs: &[String]) -> usize {
    let first_prose = paragraphs.iter().position(|p| is_prose(p) && !is_editors_note(p)).filter(|&i| i <= 3);
    let above = &paragraphs[..first_prose.unwrap_or(paragraphs.len().min(4))];
    let lede =
        above.iter().position(|p| words::rough_count(p) >= 8 && !is_editors_note(p) && opening_dateline(p).is_some());
    lede.or_else(|| first_prose.filter(|&first| opening_dateline(&paragraphs[first]).is_some()))
        .or_else(|| agency_dateline_below(paragraphs, first_prose))
        .or(first_prose)
        .unwrap_or(0)
}

/// A lede under a page's promotions and a story's highlights, the first
/// prose there having none: a paragraph of prose among the first eight
/// that opens with a place and an agency (`Mexico City (CNN)Rescuers ...`),
/// which only a lede does.
fn agency_dateline_below(paragraphs: &[String], first_prose: Option<usize>) -> Option<usize> {
    let from = first_prose? + 1;
    let agency = |captures: crate::text::pattern::Captures<'_>| {
        ["agency", "agency2", "agency3"].iter().any(|name| captures.name(name).is_some())
    };
    (from..paragraphs.len().min(8))
        .find(|&index| is_prose(&paragraphs[index]) && opening_dateline(&paragraphs[index]).is_some_and(agency))
}

/// `Editor's note: This story has been updated ...`: a note on the story
/// over it, never its lede.
fn is_editors_note(paragraph: &str) -> bool {
    let head: String = paragraph.chars().take(14).collect::<String>().to_lowercase().replace('’', "'");
    head.starts_with("editor's note") || head.starts_with("editors' note") || head.starts_with("editor note")
}

/// The dateline opening `paragraph`: a place in capitals; or one in title
/// case when a date and an agency follow (`Bogotá, Jul 30 (EFE).-`), as
/// some wires write it. A section's label (`BREAKING:`) is no place.
fn opening_dateline(paragraph: &str) -> Option<crate::text::pattern::Captures<'_>> {
    let capitals = DATELINE.captures(paragraph).filter(|c| {
        let place = c["place"].trim();
        place.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && place.chars().filter(|c| c.is_alphabetic()).take(3).all(char::is_uppercase)
            && !place.split_whitespace().all(crate::text::lexicon::is_section_word)
    });
    capitals
        .or_else(|| DATELINE_TITLED.captures(paragraph).filter(is_titled_dateline))
        .or_else(|| DATELINE_DATED.captures(paragraph).filter(is_dated_dateline))
}

/// A place and a date over the lede ([`DATELINE_DATED`]): the place's
/// words are names (no function word, no month or weekday: `On March 10,
/// 2019 the ...` is prose), the month is one, and the lede opens after.
fn is_dated_dateline(captures: &crate::text::pattern::Captures<'_>) -> bool {
    use crate::text::lexicon::{is_stopword, month_number, weekday_number};
    let names = captures["place"].split([' ', '-']).all(|word| {
        let lower = word.to_lowercase();
        !is_stopword(&lower) && month_number(word).is_none() && weekday_number(&lower).is_none()
    });
    let lede = captures["next"].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    names && month_number(&captures["month"]).is_some() && lede && published::find(&captures["date"]).is_some()
}

/// The date a dateline gives (`June 6, 2025`, `Oct. 20`): with its year,
/// or in the year that puts it nearest the page's date; `None` without
/// either.
fn dateline_date(text: &str, page: Option<Published>) -> Option<Published> {
    if let Some(found) = published::find(text) {
        return Some(found.published);
    }
    let page = page?.date;
    let (month, day) = text.split_once([' ', '.'])?;
    let month = crate::text::lexicon::month_number(month)?;
    let day: i8 = day.trim_start_matches(['.', ' ']).trim().parse().ok()?;
    let nearest = [page.year() - 1, page.year(), page.year() + 1]
        .into_iter()
        .filter_map(|year| jiff::civil::Date::new(year, month, day).ok())
        .min_by_key(|date| date.until(page).map_or(i32::MAX, |span| span.get_days().abs()))?;
    Some(Published::from_date(nearest))
}

/// A dateline in title case: each word of the place a capital, then small
/// letters, and an agency named with a capital. An agency in capitals
/// without a dash after it (`Mexico City (CNN)Rescuers dug ...`) has the
/// lede's capital glued to it: `The Foreign Office (FCO) said` is prose.
fn is_titled_dateline(captures: &crate::text::pattern::Captures<'_>) -> bool {
    let title_case = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    };
    let glued_or_dashed = match (captures.name("agency3"), captures.name("next")) {
        (Some(agency), Some(next)) => {
            let glued = next.start() == agency.end() + 1 && next.as_str().starts_with(char::is_uppercase);
            let whole = captures.get(0).map_or("", |m| m.as_str());
            let tail_start = agency.end() - captures.get(0).map_or(0, |m| m.start());
            glued || whole[tail_start..].contains(['-', '—', '–'])
        }
        _ => true,
    };
    glued_or_dashed
        && captures["place"].split(' ').all(title_case)
        && [captures.name("agency"), captures.name("agency2")]
            .iter()
            .flatten()
            .all(|agency| agency.as_str().starts_with(char::is_uppercase))
}

/// One or two words with no stop: a label, never a headline.
fn is_label_word(line: &str) -> bool {
    words::rough_count(line) <= 2 && !line.ends_with(['.', '!', '?', ':'])
}

/// A short name in capitals: one to three words, no stop, no date.
fn is_masthead(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().collect();
    (1..=3).contains(&ws.len())
        && ws.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        && !line.ends_with(['.', '!', '?', ':', ','])
}

/// `Metro Wire Service`, `Reuters`, `The New York Times`: a masthead
/// (four words when the first is `The`) that says it is an outlet's name
/// or a news agency's.
fn is_outlet_masthead(line: &str) -> bool {
    let shaped = is_masthead(line) || line.strip_prefix("The ").is_some_and(is_masthead);
    shaped
        && (line.split_whitespace().any(crate::text::lexicon::is_outlet_word)
            || crate::text::lexicon::is_news_agency(line))
}

/// `THE BOATHOUSE END · independent fansite`, `InfraWeek | Cloud &
/// Infrastructure`: a masthead name, then short labels between separators.
/// Returns the name.
fn field_masthead(line: &str) -> Option<&str> {
    let mut fields = line.split(['|', '·', '•']).map(str::trim);
    let name = fields.next().map(strip_emphasis).filter(|n| is_masthead(n))?;
    let mut rest = fields.peekable();
    rest.peek()?;
    rest.all(|f| !f.is_empty() && words::rough_count(f) <= 6 && !f.ends_with(['.', '!', '?'])).then_some(name)
}

/// The names in a line of fields (`AFP | Times of Malta`), when every
/// field is a name or page furniture (`News ID: 232993`, `Shares`) and one
/// name is plainly an outlet's or an agency's (`Times`, `News`, a name in
/// one word with a capital inside such as `InvestingCube`, `AFP`); `None`
/// otherwise (a section path such as `Politics | Europe`).
fn outlet_fields(line: &str) -> Option<Vec<&str>> {
    let separated = [" | ", " · ", " • "].iter().any(|separator| line.contains(separator));
    if !separated {
        return None;
    }
    let mut names = Vec::new();
    for field in line.split(['|', '·', '•']).map(|field| strip_emphasis(field.trim())) {
        let widgets = words::words(field).all(|(_, word)| crate::text::lexicon::is_widget_word(word));
        if field.is_empty() || boilerplate::classify(field).is_some() || widgets {
            continue;
        }
        if words::rough_count(field) > 4 || field.ends_with(['.', '!', '?', ':', ',']) {
            return None;
        }
        let capitalised = field.split_whitespace().all(|word| {
            word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(word, "of" | "the" | "and" | "de" | "la" | "el" | "for")
        });
        if !capitalised {
            return None;
        }
        names.push(field);
    }
    let outlet_like = |name: &&str| {
        let inner_capital =
            !name.contains(' ') && name.chars().skip(1).any(char::is_uppercase) && name.chars().any(char::is_lowercase);
        name.split_whitespace().any(crate::text::lexicon::is_outlet_word)
            || crate::text::lexicon::is_news_agency(name)
            || inner_capital
    };
    names.iter().any(outlet_like).then_some(names)
}

/// `Sophie Marchetti in Amsterdam`: a byline of two or three names and a
/// place, and nothing else.
fn name_in_place(line: &str) -> Option<&str> {
    let (who, place) = line.split_once(" in ")?;
    let capitalised = |s: &str, max: usize| {
        let ws: Vec<&str> = s.split_whitespace().collect();
        (1..=max).contains(&ws.len())
            && ws.iter().all(|w| {
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && cs.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            })
    };
    (capitalised(who, 3) && who.split_whitespace().count() >= 2 && capitalised(place, 3)).then_some(who)
}

/// `New York` (a slice of `text`) over a short name (a well-known outlet's,
/// an agency's, or letters in capitals: `CNN`) over a line opening with a
/// dash: a dateline set over three lines.
fn opens_split_dateline(text: &str, line: &str, raw: &str) -> bool {
    let mut next = lines_after(text, raw);
    let (Some(name), Some(dash)) = (next.next(), next.next()) else { return false };
    let place = line.split_whitespace().count() <= 4
        && line.split_whitespace().all(|word| word.starts_with(char::is_uppercase))
        && !line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', ':']);
    let letters = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
    let named = crate::text::lexicon::is_outlet_name(name) || crate::text::lexicon::is_news_agency(name) || letters;
    place && named && dash.starts_with(['—', '–', '-'])
}

/// A reporter's role or desk under their name: `Political correspondent`,
/// `BBC News, Wales`, `Reporting from Delhi`.
fn is_role_line(line: &str) -> bool {
    const ROLES: &[&str] =
        &["correspondent", "reporter", "editor", "writer", "columnist", "journalist", "producer", "presenter"];
    let short = words::rough_count(line) <= 6 && !line.ends_with(['.', '!', '?']);
    let role = line.rsplit(' ').next().is_some_and(|last| ROLES.contains(&last.to_lowercase().as_str()));
    let desk = line.split_once(", ").is_some_and(|(desk, place)| {
        names_an_outlet(desk) && place.split_whitespace().all(|word| word.starts_with(char::is_uppercase))
    });
    short && (role || desk || line.starts_with("Reporting from "))
}

/// `BBC News`, `Reuters`, `Al Jazeera`: a name that says it is an outlet's.
fn names_an_outlet(name: &str) -> bool {
    use crate::text::lexicon::{is_news_agency, is_outlet_name, is_outlet_word};
    is_masthead(name) && (name.split_whitespace().any(is_outlet_word) || is_news_agency(name) || is_outlet_name(name))
}

/// `(Reuters)`, `(AFP)`, `(Getty Images)`: a picture's credit, when a
/// caption stands over it (alone at a story's end it signs the story off).
fn is_bare_agency_credit(line: &str) -> bool {
    let Some(name) = line.strip_prefix('(').and_then(|rest| rest.strip_suffix(')')) else { return false };
    is_agency_name(name)
}

/// `Reuters`, `Getty Images`: a news or picture agency's name.
fn is_agency_name(name: &str) -> bool {
    crate::text::lexicon::is_news_agency(name) || name == "Getty Images"
}

/// A line that can be a photo's caption: a short description, not a
/// sentence that reports what someone said (no quotation, no `said`).
fn is_caption(line: &str) -> bool {
    let reports = words::words(line).any(|(_, word)| matches!(word, "said" | "says" | "told" | "according"));
    (3..=30).contains(&words::rough_count(line)) && !reports && !line.contains(['"', '“', '”'])
}

/// The first line after `line` (a slice of `text`) that is neither blank,
/// nor page furniture, nor a date line: what a masthead stands above.
fn next_line<'a>(text: &'a str, line: &'a str) -> Option<&'a str> {
    lines_after(text, line)
        .filter(|l| boilerplate::classify(l).is_none() && !is_label_word(l))
        .find(|l| date_line(l, true, &mut Layout::default()).is_none_or(|rest| !rest.is_empty()))
}

/// The non-blank lines of `text` after `line` (a slice of it), trimmed and
/// without whole-line emphasis.
fn lines_after<'a>(text: &'a str, line: &'a str) -> impl Iterator<Item = &'a str> {
    let after = line.as_ptr() as usize - text.as_ptr() as usize + line.len();
    text[after..].split('\n').map(|l| strip_emphasis(l.trim())).filter(|l| !l.is_empty())
}

/// YAML front matter as Markdown tools and web clippers write it:
///
/// ```text
/// ---
/// title: "Dam gives way after record rain"
/// published: 2025-10-21
/// source: https://www.example-news.com/world/dam-fails
/// author: Jane Roe
/// ---
/// ```
///
/// Its fields, and the text after it; `None` when the file does not open
/// with such a block. Only fields that name the article are read: a
/// clipper's `created` is when the page was saved, not published.
pub(crate) fn front_matter(text: &str) -> Option<(Layout, &str)> {
    let mut lines = text.split_inclusive('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut reader = FrontMatter::default();
    let mut at = text.find('\n')? + 1;
    let mut end = None;
    for (index, raw) in lines.enumerate() {
        let line = raw.trim_end();
        at += raw.len();
        if index > FRONT_MATTER_LINES {
            return None;
        }
        if line == "---" || line == "..." {
            end = Some(at);
            break;
        }
        reader.read(line)?;
    }
    let end = end?;
    let layout = reader.finish()?;
    Some((layout, &text[end.min(text.len())..]))
}

/// The lines of a file's front matter, listed as the metadata they are:
/// the fields are read from them, and no line of them is in the body.
pub(crate) fn front_matter_lines(text: &str) -> Vec<Removed> {
    let Some((_, rest)) = front_matter(text) else { return Vec::new() };
    let head = &text[..text.len() - rest.len()];
    head.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| Removed { kind: Removal::Metadata, text: line.to_string(), at: 0 })
        .collect()
}

/// What a front matter field names, by its key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Title,
    Date,
    Url,
    Site,
    Author,
    Other,
}

impl FieldKind {
    fn of(key: &str) -> FieldKind {
        match key {
            "title" | "headline" => FieldKind::Title,
            "published" | "publish_date" | "pubdate" | "published_at" | "date_published" | "datepublished"
            | "publishdate" | "published_date" | "date" => FieldKind::Date,
            "source" | "url" | "link" | "canonical" | "canonical_url" | "original_url" | "source_url" => FieldKind::Url,
            "site" | "site_name" | "sitename" | "publisher" | "outlet" | "publication" | "source_name" => {
                FieldKind::Site
            }
            "author" | "authors" | "byline" | "by" => FieldKind::Author,
            _ => FieldKind::Other,
        }
    }
}

/// Front matter while it is read, line by line.
#[derive(Default)]
struct FrontMatter {
    layout: Layout,
    /// Fields read (of any kind).
    fields: usize,
    site: Option<String>,
    domain: Option<String>,
    /// The field a list or a folded block under it belongs to, and whether
    /// it is a folded block (`title: >-`).
    open: Option<(FieldKind, bool)>,
    folded: String,
    authors: Vec<String>,
    /// How good the date read so far is: 0 for `published:` and its
    /// spellings, 1 for a bare `date:`.
    date_rank: Option<usize>,
}

impl FrontMatter {
    /// Reads one line; `None` when it is prose, not front matter.
    fn read(&mut self, line: &str) -> Option<()> {
        let nested = line.starts_with([' ', '\t']);
        if self.in_folded_block(line, nested) {
            return Some(());
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return Some(());
        }
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            // `  - Jane Roe` or `  - name: Jane Roe` under `author:`.
            if self.under(FieldKind::Author) {
                let item = item.trim();
                self.authors.push(unquote(item.strip_prefix("name:").map_or(item, str::trim)));
            }
            return Some(());
        }
        if nested {
            // `    name: Jane Roe` in a list entry under `author:`.
            if let Some(name) = line.trim().strip_prefix("name:").filter(|_| self.under(FieldKind::Author)) {
                self.authors.push(unquote(name));
            }
            return Some(());
        }
        self.field(line)
    }

    /// The list or block under the last field belongs to a field of `kind`.
    fn under(&self, kind: FieldKind) -> bool {
        self.open.is_some_and(|(open, _)| open == kind)
    }

    /// A line of a folded block (taken in), or the line that closes one
    /// (the block's title kept, then the line read as usual).
    fn in_folded_block(&mut self, line: &str, nested: bool) -> bool {
        let Some((kind, true)) = self.open else { return false };
        if nested && !line.trim().is_empty() {
            self.folded.push(' ');
            self.folded.push_str(line.trim());
            return true;
        }
        self.close_folded_block(kind);
        false
    }

    fn close_folded_block(&mut self, kind: FieldKind) {
        if kind == FieldKind::Title && !self.folded.trim().is_empty() {
            self.layout.title = Some(self.folded.trim().to_string());
        }
        self.folded.clear();
        self.open = None;
    }

    /// `key: value`; `None` when the line is prose, not a field.
    fn field(&mut self, line: &str) -> Option<()> {
        let (key, value) = line.split_once(':')?;
        let key = key.trim().to_ascii_lowercase();
        if key.is_empty() || key.contains(' ') && key.split(' ').count() > 2 {
            return None;
        }
        self.fields += 1;
        let value = value.trim();
        let kind = FieldKind::of(&key);
        // A folded or literal block (`title: >-`) continues on the lines under it.
        if value.starts_with(['>', '|']) {
            self.open = Some((kind, true));
            return Some(());
        }
        let value = unquote(value);
        self.open = (value.is_empty() || value == "[]").then_some((kind, false));
        if !value.is_empty() {
            self.set(kind, &key, value);
        }
        Some(())
    }

    fn set(&mut self, kind: FieldKind, key: &str, value: String) {
        match kind {
            FieldKind::Title => self.layout.title = Some(value),
            // `published:` and its spellings before a bare `date:`.
            FieldKind::Date => {
                let rank = usize::from(key == "date");
                if self.date_rank.is_none_or(|best| rank < best) {
                    if let Some(found) = published::find(&value) {
                        self.layout.published = Some(found.published);
                        self.layout.date_rank = Some(DateRank::Plain);
                        self.date_rank = Some(rank);
                    }
                }
            }
            FieldKind::Url => {
                self.domain = DOMAIN.captures(url_host(&value)).map(|c| c["d"].to_lowercase());
                self.layout.url.get_or_insert(value);
            }
            FieldKind::Site => self.site = Some(value),
            FieldKind::Author => {
                self.authors.extend(value.trim_matches(['[', ']']).split(',').map(|author| unquote(author.trim())));
            }
            FieldKind::Other => {}
        }
    }

    /// The layout the fields give; `None` when there were none.
    fn finish(mut self) -> Option<Layout> {
        if self.fields == 0 {
            return None;
        }
        if let Some((FieldKind::Title, true)) = self.open {
            self.close_folded_block(FieldKind::Title);
        }
        self.layout.outlet = self.site.or(self.domain);
        self.authors.retain(|author| !author.is_empty());
        if !self.authors.is_empty() {
            self.layout.byline = Some(self.authors.join(", "));
        }
        Some(self.layout)
    }
}

/// How many lines front matter may run to (tag lists can be long).
const FRONT_MATTER_LINES: usize = 300;

/// A YAML scalar without its quotes (`"a \"b\""`, `'it''s'`), and
/// `[[Name]]` links without brackets.
fn unquote(v: &str) -> String {
    let v = v.trim();
    let v = if let Some(inner) = v.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 't') => out.push(' '),
                    Some(e) => out.push(e),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    } else if let Some(inner) = v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else {
        v.to_string()
    };
    let v = v.trim();
    v.strip_prefix("[[").and_then(|x| x.strip_suffix("]]")).unwrap_or(v).trim().to_string()
}

/// `https://www.example.com/world/x` -> `www.example.com`.
fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Whether the next non-empty line is a date and nothing else.
fn date_follows(text: &str, line: &str) -> bool {
    lines_after(text, line)
        .next()
        .is_some_and(|l| date_line(l, true, &mut Layout::default()).is_some_and(|rest| rest.is_empty()))
}

/// Two words with a capital, a lowercase word and no sentence stop: `Storm
/// news`, `Brexit latest`. (`Jane Roe` or `Coast Herald` over a date are a
/// byline or an outlet as likely as a title, and are left alone.)
fn short_title(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().collect();
    words::count(line) == 2
        && line.len() <= 60
        && line.chars().any(char::is_uppercase)
        && ws.iter().any(|w| w.chars().next().is_some_and(char::is_lowercase))
        && !line.ends_with(['.', ':', ';', ',', '!', '?'])
}

/// A line set in markdown emphasis as a whole (`*Jan 3, 2026*`, `_By Jo
/// Berg_`, `**Updated**`) without the markers.
/// `**Related:** The best cards ...`: a bold label opening the line, its
/// markers dropped.
fn strip_bold_label(line: &str) -> std::borrow::Cow<'_, str> {
    if let Some(rest) = line.strip_prefix("**") {
        if let Some(close) = rest.find("**").filter(|&i| i > 0 && i <= 40) {
            let (label, after) = (&rest[..close], &rest[close + 2..]);
            if !after.trim().is_empty() && !after.contains("**") {
                return std::borrow::Cow::Owned(format!("{label}{after}"));
            }
        }
    }
    std::borrow::Cow::Borrowed(line)
}

fn strip_emphasis(line: &str) -> &str {
    for m in ["***", "**", "*", "__", "_"] {
        if let Some(inner) = line.strip_prefix(m).and_then(|l| l.strip_suffix(m)) {
            if !inner.is_empty() && !inner.starts_with([' ', '*', '_']) && !inner.ends_with([' ', '*', '_']) {
                return inner;
            }
        }
    }
    line
}

fn body_is_blank(body: &[String]) -> bool {
    body.iter().all(|l| l.is_empty())
}

/// If `line` is a date line, records the date and returns what else the line
/// holds that is article text ("" when nothing). Returns `None` when the line
/// is not a date line.
///
/// A line holding only a date (with words such as "Updated", a weekday or a
/// time) is metadata wherever it stands. Near the top, a date may also share
/// its line with a short label (`Daily Brief | Mon, Oct 20, 2025`, `date
/// 2025-11-20 WORLD`) or be glued to the first sentence of the body.
fn date_line(line: &str, in_header: bool, layout: &mut Layout) -> Option<String> {
    let found = published::find(line)?;
    if in_header {
        if let Some(rest) = segmented_date_line(line, found, layout) {
            return Some(rest);
        }
    }
    let before = &line[..found.start];
    let after = &line[found.end..];
    // Other dates on the line are filler too (`Updated June 10, 2025 |
    // Originally published June 6, 2025`).
    let (before_rest, after_rest) = (filler_removed(before), filler_removed(after));
    let (before_rest, after_rest) = (before_rest.as_str(), after_rest.as_str());
    let is_sep = |c: char| matches!(c, '|' | '•' | '·' | '-' | '–' | '—' | ',' | ':' | '/');
    let mut outlet = None;
    let mut glued = String::new();
    if before_rest.is_empty() && after_rest.is_empty() {
        // A date and nothing else.
    } else if !in_header || !before_rest.is_empty() && !after_rest.is_empty() {
        return None;
    } else if !before_rest.is_empty() {
        let separated = before.trim_end().ends_with(is_sep);
        if !(separated && is_label(before_rest)) || before_rest.starts_with("By ") {
            return None;
        }
        outlet = Some(before_rest);
    } else if opens_a_sentence(before, after) {
        // "On May 8, 2025, the court ruled ...": a sentence, not a date line.
        return None;
    } else if is_prose(after) {
        let text = after.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '"' | '“' | '\''));
        glued = strip_section(text).to_string();
    } else if is_label(after_rest) {
        if after.trim_start().starts_with(is_sep) {
            outlet = Some(after_rest);
        }
    } else if layout.title.is_none() && title_line(after.trim()).is_some() {
        // `date 2019-05-24 Storm closes the coast road`: the headline, which
        // the caller reads as the title.
        glued = after.trim().to_string();
    } else {
        return None;
    }
    layout.offer_date(found.published, line);
    // A short label beside the date names the outlet, unless it is a
    // section name written in capitals.
    let named = |name: &&str| name.chars().any(char::is_lowercase) && !crate::text::lexicon::is_site_section(name);
    if let Some(outlet) = outlet.filter(named) {
        layout.outlet.get_or_insert_with(|| outlet.trim().to_string());
    }
    Some(glued)
}

/// Whether `line` opens with a date (after its label: `date 2025-11-21 ...`).
fn opens_with_date(line: &str) -> bool {
    published::find(line).is_some_and(|found| filler_removed(&line[..found.start]).is_empty())
}

/// What `text` holds besides dates and the words that go with them on a
/// date line, its ends trimmed to letters and digits.
fn filler_removed(text: &str) -> String {
    let mut rest = text.to_string();
    while let Some(found) = published::find(&rest) {
        rest.replace_range(found.start..found.end, " ");
    }
    let rest = DATE_LINE_FILLER.replace_all(&rest, " ");
    rest.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// A field of a date line that is a date and nothing else (`Originally
/// published June 6, 2025`).
fn is_date_field(field: &str) -> bool {
    published::find(field).is_some() && filler_removed(field).is_empty()
}

/// The label of a date beside it (`Posted on | 18 Nov 2025`, `Publié le :
/// 18/11/2025`): not a name.
fn is_date_label(field: &str) -> bool {
    const LABELS: &[&str] = &[
        "posted",
        "posted on",
        "published",
        "published on",
        "updated",
        "updated on",
        "last updated",
        "date",
        "publié le",
        "mis à jour le",
        "veröffentlicht am",
        "aktualisiert am",
        "publicado el",
        "actualizado el",
        "pubblicato il",
        "aggiornato il",
    ];
    LABELS.contains(&field.trim().trim_end_matches(':').trim().to_lowercase().as_str())
}

/// `On May 8, 2025, the court ruled ...`: a date after a preposition, then
/// the sentence going on (after a comma, or in lower case): the first
/// sentence of the text, not a date line glued to it.
fn opens_a_sentence(before: &str, after: &str) -> bool {
    let preposition = matches!(
        before.trim().to_lowercase().as_str(),
        "on" | "by"
            | "since"
            | "until"
            | "till"
            | "from"
            | "in"
            | "at"
            | "as of"
            | "early on"
            | "late on"
            | "before"
            | "after"
    );
    let rest = after.trim_start();
    let goes_on = rest.starts_with(',') || rest.chars().next().is_some_and(char::is_lowercase);
    preposition && goes_on
}

/// Drops a section name in capitals that opens glued text before a
/// dateline in capitals (`TECHNOLOGY MADRID, March 16 ...`).
fn strip_section(text: &str) -> &str {
    let mut rest = text;
    loop {
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        let next = after.split(' ').next().unwrap_or("");
        let caps = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
        if (crate::text::lexicon::is_section_word(word) || word == "&") && caps(next) {
            rest = after.trim_start();
        } else {
            return rest;
        }
    }
}

/// A header line of fields between separators, one of them the date:
/// `16.02.2026 | 17:20 | Views: 2 418`, `**Points & Pathways** · Travel
/// News · Published: 09 Oct 2025 · 6 min read`, `Europa 24 | Updated: 16
/// Feb 2026 - 20:10 CET`. Page furniture among the fields is dropped; the
/// first name-like field before the date is the outlet. Every other field
/// must be a short label, or the line is not one of these.
fn segmented_date_line(line: &str, found: published::Found, layout: &mut Layout) -> Option<String> {
    let separators = [" | ", " · ", " • ", "|", "·", "•"];
    if !separators.iter().any(|separator| line.contains(separator)) {
        return None;
    }
    let mut outlet = None;
    let mut byline = None;
    let mut dated = false;
    for (start, raw_field) in separated_fields(line) {
        let field = strip_emphasis(raw_field.trim());
        if field.is_empty() {
            continue;
        }
        if (start..start + raw_field.len()).contains(&found.start) {
            dated = true;
            continue;
        }
        if is_date_field(field) || is_date_label(field) {
            continue;
        }
        if let Some(furniture) = boilerplate::classify(field) {
            if let Boilerplate::Byline { who, .. } = furniture {
                byline.get_or_insert(who);
            }
            continue;
        }
        if is_time_or_count(field) {
            continue;
        }
        if !is_label(field) {
            return None;
        }
        let named = field.chars().any(char::is_lowercase) && !crate::text::lexicon::is_site_section(field);
        if !dated && outlet.is_none() && byline.is_none() && named {
            // `Jane Smith | Published June 12, 2025`: who wrote it, not where.
            if is_persons_name(field) {
                byline = Some(field.to_string());
            } else {
                outlet = Some(field.to_string());
            }
        }
    }
    if !dated {
        return None;
    }
    layout.offer_date(found.published, line);
    if let Some(outlet) = outlet {
        layout.outlet.get_or_insert(outlet);
    }
    if let Some(byline) = byline {
        layout.byline.get_or_insert(byline);
    }
    Some(String::new())
}

/// `Jane Smith`, `Mary-Ann O'Neil`: two or three capitalised words, none
/// of them a word outlets are named by, and no outlet's or agency's name.
fn is_persons_name(field: &str) -> bool {
    use crate::text::lexicon::{is_news_agency, is_outlet_name, is_outlet_word};
    let names: Vec<&str> = field.split_whitespace().collect();
    let capitalised = |word: &&str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
    };
    (2..=3).contains(&names.len())
        && names.iter().all(capitalised)
        && !names.iter().any(|word| is_outlet_word(word))
        && !is_news_agency(field)
        && !is_outlet_name(field)
}

/// The fields of a line between `|`, `·` and `•`, each with the byte
/// offset where it starts (the separators are several bytes in UTF-8).
fn separated_fields(line: &str) -> Vec<(usize, &str)> {
    let mut fields = Vec::new();
    let mut start = 0;
    for (at, separator) in line.match_indices(['|', '·', '•']) {
        fields.push((start, &line[start..at]));
        start = at + separator.len();
    }
    fields.push((start, &line[start..]));
    fields
}

/// `17:20`, `Views: 2 418`, `6 min read`, `2 hours ago`, `Updated 2 hours
/// ago`: fields of a header line that say nothing about the story.
fn is_time_or_count(f: &str) -> bool {
    static FIELD: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"(?i)^(?:[0-9]{1,2}[:.][0-9]{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4}(?:[+-][0-9]{1,2})?)?|views?\s*:?\s*[0-9][0-9 ,.]*|[0-9][0-9 ,.]*\s*views?|[0-9]+\s*min(?:ute)?s?(?:\s*read)?|(?:updated\s*:?\s*)?[0-9]+\s*(?:minutes?|hours?|days?)\s+ago|comments?\s*:?\s*[0-9]*)$").unwrap()
    });
    FIELD.is_match(f)
}

/// A short run of words with no sentence shape: an outlet or section name.
fn is_label(s: &str) -> bool {
    let n = words::rough_count(s);
    (1..=5).contains(&n) && !s.ends_with(['.', '!', '?']) && !s.contains(", ")
}

/// Looks like a sentence of article text rather than a heading or label.
fn is_prose(s: &str) -> bool {
    let n = words::rough_count(s);
    let lower = words::words(s).filter(|(_, w)| w.chars().next().is_some_and(char::is_lowercase)).count();
    n >= 12 && lower * 3 >= n || (n >= 6 && s.ends_with(['.', '!', '?', '"', '”']) && lower * 2 >= n)
}

/// A title candidate: a line of 3 to 30 words that does not read like a
/// sentence of prose (no final stop). `Title | Outlet` gives both.
fn title_line(line: &str) -> Option<(String, Option<String>)> {
    let n = words::rough_count(line);
    // Each ideograph counts as a word for the lower bound: CJK titles have
    // no spaces.
    // A stop inside closing quotes (`he said, “Peace be with you.”`) ends a
    // sentence too.
    let unquoted = line.trim_end_matches(['"', '”', '’', '\'', '»']);
    if words::count(line) < 3 || n > 30 || line.len() > 250 || unquoted.ends_with(['.', ':', ';', ',']) {
        return None;
    }
    let cased = line.chars().any(char::is_uppercase) || !line.chars().any(char::is_lowercase);
    if !cased || DATELINE.is_match(line) && n > 12 {
        return None;
    }
    if let Some((head, tail)) = line.rsplit_once(" | ") {
        if words::rough_count(tail) <= 4 && words::rough_count(head) >= 3 {
            return Some((head.trim().to_string(), Some(tail.trim().to_string())));
        }
    }
    // `Senate passes stopgap bill - The Washington Post`: a dash before a
    // name that says it is an outlet (a dash in a headline is left alone).
    let dashed = [" - ", " – ", " — "].iter().find_map(|dash| line.rsplit_once(dash));
    if let Some((head, tail)) = dashed.filter(|(head, tail)| is_outlet_suffix(tail) && words::rough_count(head) >= 3) {
        return Some((head.trim().to_string(), Some(tail.trim().to_string())));
    }
    Some((line.to_string(), None))
}

/// A title's tail naming its outlet: up to four capitalised words, one
/// of them a word outlets are named by (`The Washington Post`, `BBC News`),
/// or a news agency (`Reuters`).
fn is_outlet_suffix(tail: &str) -> bool {
    let tail = tail.trim();
    let names: Vec<&str> = tail.split_whitespace().collect();
    let capitalised =
        names.iter().all(|word| word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    let outlet = names.iter().any(|word| crate::text::lexicon::is_outlet_word(word))
        || crate::text::lexicon::is_news_agency(tail);
    (1..=4).contains(&names.len()) && capitalised && outlet
}

/// Groups body lines into paragraphs. Blank lines separate blocks; within a
/// block, lines hard-wrapped at a fixed width are joined, while lines that
/// each end a sentence (one paragraph per line, as many pages are saved)
/// stay separate.
///
/// Also gives, for each line index (and one past the last), the index of
/// the first paragraph that starts at or after it: where a line removed
/// before that body line stood.
fn paragraphs(lines: &[String]) -> (Vec<String>, Vec<usize>) {
    let mut out = Vec::new();
    let mut paragraph_of_line = Vec::with_capacity(lines.len() + 1);
    let mut start = 0;
    for block in lines.split(|l| l.is_empty()) {
        let first = out.len();
        if is_hard_wrapped(block) {
            out.push(collapse(&block.join(" ")));
            // A line removed inside a joined block is put after it.
            paragraph_of_line.push(first);
            paragraph_of_line.extend(std::iter::repeat_n(first + 1, block.len() - 1));
        } else {
            for (index, line) in block.iter().enumerate() {
                let text = collapse(line);
                let continues = index > 0 && continues_sentence(&block[index - 1], line);
                let next = out.len();
                match out.last_mut() {
                    Some(last) if continues => {
                        paragraph_of_line.push(next);
                        last.push(' ');
                        last.push_str(&text);
                    }
                    _ => {
                        paragraph_of_line.push(out.len());
                        if !text.is_empty() {
                            out.push(text);
                        }
                    }
                }
            }
        }
        start += block.len();
        if start < lines.len() {
            // The blank line separating this block from the next.
            paragraph_of_line.push(out.len());
            start += 1;
        }
    }
    paragraph_of_line.resize(lines.len() + 1, out.len());
    (out, paragraph_of_line)
}

/// `It all happened so quickly,` over `Said Vishwash`: a line left open
/// by a comma, and a line that goes on with it (in lower case, or an
/// attribution of a few words): one sentence, set on two lines.
fn continues_sentence(previous: &str, line: &str) -> bool {
    if !previous.trim_end().ends_with(',') || is_bullet(line) {
        return false;
    }
    let first = line.split_whitespace().next().unwrap_or("");
    let lower = first.chars().next().is_some_and(char::is_lowercase);
    let attribution = words::rough_count(line) <= 6
        && crate::text::lexicon::is_reporting_verb(&first.to_lowercase())
        && line.split_whitespace().nth(1).is_some_and(|name| name.chars().next().is_some_and(char::is_uppercase));
    lower || attribution
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '•', '*', '–', '—', '·', '▪', '►'])
        || t.split_once(['.', ')'])
            .is_some_and(|(n, rest)| n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()) && rest.starts_with(' '))
}

fn is_hard_wrapped(block: &[String]) -> bool {
    // Bullet lists keep one item per line.
    if block.len() < 2 || block.iter().any(|l| is_bullet(l)) || ends_on_a_name(block) {
        return false;
    }
    let body = &block[..block.len() - 1];
    let max = body.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let open_ends = body.iter().filter(|l| !l.ends_with(['.', '!', '?', '"', '”', ':'])).count();
    (40..=110).contains(&max) && open_ends * 2 >= body.len() && body.iter().all(|l| l.chars().count() * 10 >= max * 6)
}

/// A line with no stop over a short line of names (a standfirst over
/// `Coast Reporter`): two lines, not one wrapped paragraph.
fn ends_on_a_name(block: &[String]) -> bool {
    let [first, last] = block else { return false };
    let capitalised =
        last.split_whitespace().all(|word| word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    !first.ends_with(['.', '!', '?', '"', '”', ':', ','])
        && capitalised
        && (1..=4).contains(&words::rough_count(last))
        && !last.ends_with(['.', '!', '?'])
}

/// Whitespace runs as single spaces, none at the ends.
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(layout: &Layout) -> Option<String> {
        layout.published.map(|p| p.to_string())
    }

    /// The kinds and texts of what `text` had removed.
    fn removed(text: &str) -> Vec<(Removal, String)> {
        parse(text).removed.into_iter().map(|line| (line.kind, line.text)).collect()
    }

    #[test]
    fn a_sub_heading_over_a_biography_is_not_end_matter() {
        let text = "New mayor sworn in at city hall\n2025-04-02\n\nThe council swore in Ana Ruiz as mayor on Tuesday after a recount.\nShe won by 212 votes, the electoral office said in a statement.\nHer first act was to freeze the city's parking charges for a year.\nAbout The New Mayor\nBorn in Valencia in 1971, Ruiz trained as a nurse before entering politics.\nShe joined the council in 2007 and led its health committee for a decade.\nIn 2019 she ran for mayor for the first time and lost by a wide margin.\nShe is married with two children and lives near the port.";
        let layout = parse(text);
        assert!(layout.paragraphs.iter().any(|p| p == "About The New Mayor"), "{:?}", layout.paragraphs);
        assert!(layout.paragraphs.last().unwrap().starts_with("She is married"));
        assert!(layout.removed.iter().all(|line| line.kind == Removal::Metadata), "{:?}", layout.removed);
    }

    #[test]
    fn a_short_press_release_loses_its_end_matter_too() {
        let text = "Harbor Logistics adds a crane\n2025-04-02\n\nROTTERDAM, April 2, 2025 /PRNewswire/ -- Harbor Logistics said on Wednesday it had added a crane.\nAbout Harbor Logistics\nHarbor Logistics is a terminal operator based in Rotterdam.\n";
        let kinds: Vec<Removal> = parse(text).removed.iter().map(|line| line.kind).collect();
        assert_eq!(kinds[kinds.len() - 2..], [Removal::EndMatter, Removal::EndMatter]);
        // Without the release, two lines of story are too few to tell.
        let plain = text.replace(" /PRNewswire/ --", "");
        assert!(parse(&plain).removed.iter().all(|line| line.kind == Removal::Metadata));
    }

    #[test]
    fn end_matter_goes_on_strong_evidence() {
        let story = "Port reopens after strike\n2025-04-02\n\nDock workers returned to the terminals on Tuesday after a week-long strike.\nThe union said the deal raised pay by 6 percent over two years.\nShipping lines expect the backlog of containers to clear within days.\n";
        // A short description of what the heading names.
        let text =
            format!("{story}About Harbor Logistics\nHarbor Logistics is a terminal operator based in Rotterdam.\n");
        assert_eq!(
            removed(&text)[2..],
            [
                (Removal::EndMatter, "About Harbor Logistics".to_string()),
                (Removal::EndMatter, "Harbor Logistics is a terminal operator based in Rotterdam.".to_string())
            ]
        );
        // An author's note; contacts.
        assert_eq!(removed(&format!("{story}About the author\nJo Berg covers shipping.\n")).len(), 4);
        assert_eq!(removed(&format!("{story}Media contact:\nJo Berg\njo@example.com\n")).len(), 5);
        // A long section after an `About` heading goes only from a press release.
        let long = "About Harbor Logistics\nHarbor Logistics is a terminal operator based in Rotterdam with 4,000 staff.\nIt was founded in 1962 and runs six terminals along the river and the coast.\nIts largest customer is a Danish shipping line that moves cars across Europe.\nThe company employs 900 dock workers who are members of the union that struck.\n";
        let kept = parse(&format!("{story}{long}"));
        assert!(kept.paragraphs.iter().any(|p| p.starts_with("The company employs")), "{kept:?}");
        let release = parse(&format!("FOR IMMEDIATE RELEASE\n\n{story}{long}"));
        assert!(!release.paragraphs.iter().any(|p| p.starts_with("The company employs")), "{release:?}");
        assert_eq!(release.removed.iter().filter(|line| line.kind == Removal::EndMatter).count(), 5);
    }

    #[test]
    fn an_outlet_after_a_dash_leaves_the_title() {
        let layout = parse(
            "Senate passes stopgap bill - The Washington Post\nNovember 18, 2025\n\nThe Senate passed a stopgap spending bill late Tuesday, voting 60-38.\n",
        );
        assert_eq!(layout.title.as_deref(), Some("Senate passes stopgap bill"));
        assert_eq!(layout.outlet.as_deref(), Some("The Washington Post"));
        for title in ["Ukraine war - live updates", "Storm hits coast – Red Cross sends teams", "Vote count — Day 3"]
        {
            let layout = parse(&format!(
                "{title}\nNovember 18, 2025\n\nThe Senate passed a stopgap spending bill late Tuesday, voting 60-38.\n"
            ));
            assert_eq!(layout.title.as_deref(), Some(title));
        }
    }

    #[test]
    fn an_authors_note_closing_the_story_is_end_matter() {
        let story = "School budget cut\nNovember 18, 2025\n\nThe district cut its budget by $40 million on Tuesday, officials said.\n\nTeachers protested outside the board meeting.\n\nSarah Okafor is a reporter covering education for the Tribune. She can be reached at sokafor@example.com.\n";
        let layout = parse(story);
        assert_eq!(layout.paragraphs.len(), 2, "{:?}", layout.paragraphs);
        let note = layout.removed.iter().find(|line| line.kind == Removal::EndMatter).expect("the note is removed");
        assert!(note.text.starts_with("Sarah Okafor is a reporter") && note.at == 2, "{note:?}");
        // In the story, the same words are news.
        let news = "Reporter freed\nNovember 18, 2025\n\nThe journalist was released on Tuesday.\n\nEvan Gershkovich is a reporter for The Wall Street Journal.\n\nHe returned home to his family on Wednesday.\n";
        assert_eq!(parse(news).paragraphs.len(), 3);
    }

    #[test]
    fn the_label_of_a_date_is_not_the_outlet() {
        for line in ["Posted on | 18 Nov 2025", "Published: | 18 November 2025", "Metro Ledger | Updated | 18 Nov 2025"]
        {
            let layout = parse(&format!(
                "Le Pen appeal trial opens in Paris\n{line}\n\nMarine Le Pen's appeal against her conviction opened on Tuesday in Paris.\n"
            ));
            assert!(
                layout.outlet.as_deref().is_none_or(|outlet| outlet == "Metro Ledger"),
                "{line}: {:?}",
                layout.outlet
            );
            assert!(layout.published.is_some(), "{line}");
        }
    }

    /// A lede for header tests: prose enough to end the header.
    const LEDE: &str = "Oil prices rose more than 2% on Thursday as tensions in the Middle East raised fears of supply disruptions, traders said.";

    /// A headline, `line`, a date and [`LEDE`], read: the header leaves the
    /// lede alone in the body.
    fn dated_header_article(line: &str) -> crate::ingest::Article {
        let article = crate::fixture::article(&format!(
            "Oil prices jump as Middle East tensions flare\n{line}\nJune 12, 2025\n\n{LEDE}\n"
        ));
        assert_eq!(article.body, LEDE, "{line}");
        article
    }

    #[test]
    fn a_byline_of_several_names_keeps_them_all() {
        let byline = |line: &str| dated_header_article(line).credit;
        assert_eq!(
            byline("By Jane Smith, Ahmed Khan and Maria Lopez").as_deref(),
            Some("Jane Smith, Ahmed Khan and Maria Lopez")
        );
        assert_eq!(
            byline("By Jane Smith, Ahmed Khan, and Maria Lopez | London").as_deref(),
            Some("Jane Smith, Ahmed Khan, and Maria Lopez")
        );
        // After a lone comma, a place or a desk: not another name.
        assert_eq!(byline("By Jane Smith, New Delhi").as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn an_agency_or_outlet_named_in_the_byline_is_the_credit() {
        let credit = |line: &str| {
            let article = dated_header_article(line);
            (article.credit, article.credit_is_byline)
        };
        for (line, agency) in [
            ("By Jane Smith, Reuters", "Reuters"),
            ("By Jane Smith, Ahmed Khan and Maria Lopez, CNN", "CNN"),
            ("By Jane Smith | The Associated Press", "The Associated Press"),
            ("By Jane Smith AP", "AP"),
        ] {
            assert_eq!(credit(line), (Some(agency.to_string()), false), "{line}");
        }
        assert_eq!(credit("By Jane Smith, New Delhi"), (Some("Jane Smith".to_string()), true));
    }

    #[test]
    fn a_well_known_outlets_name_under_the_title_is_the_outlet() {
        let title = "Air India plane with 242 aboard crashes after takeoff in Ahmedabad";
        for (header, outlet) in [
            ("NPR\nJune 12, 2025 · 5:14 AM ET", "NPR"),
            ("Al Jazeera", "Al Jazeera"),
            ("By Mujib Mashal and Hari Kumar\nThe New York Times\nJune 12, 2025", "The New York Times"),
        ] {
            let article = crate::fixture::article(&format!("{title}\n{header}\n\n{LEDE}\n"));
            assert_eq!(article.outlet.as_deref(), Some(outlet), "{header}");
            assert_eq!(article.body, LEDE, "{header}");
            assert!(article.removed.iter().any(|line| line.kind == Removal::Metadata && line.text == outlet));
        }
    }

    #[test]
    fn a_name_beside_the_date_is_the_byline_not_the_outlet() {
        let read = |line: &str| {
            crate::fixture::article(&format!("Oil prices jump as Middle East tensions flare\n{line}\n\n{LEDE}\n"))
        };
        let article = read("Jane Smith | Published June 12, 2025");
        assert_eq!((article.outlet.as_deref(), article.credit.as_deref()), (None, Some("Jane Smith")));
        assert!(article.credit_is_byline);
        assert_eq!(article.published.map(|date| date.to_string()).as_deref(), Some("2025-06-12"));
        assert_eq!(article.body, LEDE);
        // An outlet's name there stays the outlet.
        for outlet in ["Coast Herald", "Al Jazeera", "Europa 24"] {
            let article = read(&format!("{outlet} | Published June 12, 2025"));
            assert_eq!(article.outlet.as_deref(), Some(outlet));
        }
    }

    #[test]
    fn a_standfirst_is_not_glued_to_the_outlet_under_it() {
        let standfirst = "The plane was carrying 242 people when it came down in a residential area";
        let read = |outlet: &str| {
            crate::fixture::article(&format!(
                "Air India flight with 242 on board crashes in Ahmedabad\n{standfirst}\n{outlet}\n12 Jun 2025\n\n{LEDE}\n"
            ))
        };
        let article = read("Al Jazeera");
        assert_eq!(article.outlet.as_deref(), Some("Al Jazeera"));
        assert_eq!(article.body, format!("{standfirst}\n\n{LEDE}"));
        // A name the rules do not know stays in the text, on a line of its own.
        let article = read("Coast Reporter");
        assert_eq!(article.body, format!("{standfirst}\n\nCoast Reporter\n\n{LEDE}"));
    }

    #[test]
    fn the_dateline_is_found_under_an_editors_note_and_in_a_lede_of_capitals() {
        let title = "Air India plane crashes after takeoff, killing more than 200\nJune 12, 2025\n\n";
        let lede = "AHMEDABAD, India (AP) — An Air India plane bound for London crashed shortly after takeoff on Thursday, officials said.";
        let note = "Editor's note: This story has been updated with the latest death toll from Indian officials.";
        let article = crate::fixture::article(&format!("{title}{note}\n\n{lede}\n"));
        assert_eq!(article.dateline.as_deref(), Some("AHMEDABAD, India"));
        assert_eq!(&article.body[article.dateline_end..article.dateline_end + 6], "An Air");
        // Under a standfirst, a lede of names and capitals is not prose.
        let standfirst = "The pledge comes before a visit by the US president";
        let lede = "TOKYO — Prime Minister Sanae Takaichi Said Tuesday Japan Would Reach The NATO Target By March.";
        let article = crate::fixture::article(&format!("{title}{standfirst}\n\n{lede}\n\n{LEDE}\n"));
        assert_eq!(article.dateline.as_deref(), Some("TOKYO"));
        // A label over the lede is no place.
        let label = "BREAKING: Air India plane with 242 on board crashes in Ahmedabad";
        let article = crate::fixture::article(&format!("{title}{label}\n\n{LEDE}\n"));
        assert_eq!(article.dateline, None);
    }

    #[test]
    fn a_dateline_set_over_three_lines_gives_the_place() {
        let header = "Stocks rally as inflation cools\nBy Jane Smith, CNN\nUpdated 10:14 AM EDT, Thu June 12, 2025\n\n";
        for lines in ["New York\nCNN\n — \n", "New York\nCNN\n — "] {
            let article = crate::fixture::article(&format!("{header}{lines}{LEDE}\n"));
            assert_eq!(article.dateline.as_deref(), Some("New York"), "{lines:?}");
            assert_eq!((article.outlet.as_deref(), article.credit.as_deref()), (Some("CNN"), Some("CNN")));
            assert_eq!(article.body, LEDE, "{lines:?}");
            let removed: Vec<(Removal, &str)> =
                article.removed.iter().map(|line| (line.kind, line.text.as_str())).skip(3).collect();
            assert_eq!(
                removed,
                [(Removal::Metadata, "New York"), (Removal::Credit, "CNN"), (Removal::Furniture, "—")],
                "{lines:?}"
            );
        }
    }

    #[test]
    fn topic_tags_after_related_topics_leave_the_body() {
        let article = crate::fixture::article(&format!(
            "Air India crash: Plane with 242 on board crashes in Ahmedabad\n12 June 2025\n\n{LEDE}\n\nThe airline said it was cooperating with the investigation.\n\nRelated Topics\nAir India\nIndia\nPlane crashes\nMore on this story\n"
        ));
        assert_eq!(article.body, format!("{LEDE}\n\nThe airline said it was cooperating with the investigation."));
        let tags: Vec<&str> = article
            .removed
            .iter()
            .filter(|line| line.kind == Removal::LinkList)
            .map(|line| line.text.as_str())
            .collect();
        assert_eq!(tags, ["Air India", "India", "Plane crashes"]);
    }

    #[test]
    fn a_byline_set_over_two_lines_leaves_the_body() {
        let title = "Air India crash: Plane with 242 on board crashes in Ahmedabad\n12 June 2025\nShare\nSave\n";
        for (block, outlet) in [
            ("Jane Smith\nBBC News, Wales", Some("BBC News")),
            ("Jane Smith\nBBC News, Wales\nPolitical correspondent", Some("BBC News")),
            ("Jane Smith\nPolitical correspondent", None),
            ("By Jane Smith\nPolitical correspondent", None),
        ] {
            let article = crate::fixture::article(&format!("{title}{block}\n\n{LEDE}\n"));
            assert_eq!(article.body, LEDE, "{block}");
            assert_eq!((article.credit.as_deref(), article.outlet.as_deref()), (Some("Jane Smith"), outlet));
        }
        // A name over a date is left alone (it may be an outlet's).
        let article = crate::fixture::article(&format!("{title}Sarah Bell\nNovember 18, 2025\n\n{LEDE}\n"));
        assert_eq!(article.body, format!("Sarah Bell\n\n{LEDE}"));
    }

    #[test]
    fn a_caption_ending_in_its_credit_or_its_gallery_count_leaves_the_body_with_its_copies() {
        let photo = "The mayor inspects the broken dam wall";
        let last = "The council said repairs would take months and cost millions of dollars.";
        let text = format!(
            "Dam gives way after record rain\n2025-04-02\n\n{LEDE}\n\n{photo}\n17\n{photo}Credit: Jo Roe - The Courier\n\nRescuers search the flooded valley below the reservoir. Credit: PA\n\nA boat carries families to the school. Photo by Jo Roe.1 / 2\n3 / 12\n\nFamilies wait at the school gates\nReuters\n\n{last}\n"
        );
        let layout = parse(&text);
        assert_eq!(layout.paragraphs, [LEDE, last]);
        let kinds: Vec<Removal> = layout.removed.iter().skip(2).map(|line| line.kind).collect();
        use Removal::{Caption, Widget};
        assert_eq!(
            kinds,
            [Caption, Widget, Caption, Caption, Caption, Widget, Caption, Caption],
            "{:?}",
            layout.removed
        );
        // Glued to the date at the top.
        let glued = parse(&format!(" date 2025-04-02 {photo}. Credit: PA\n\n{LEDE}\n"));
        assert_eq!(date(&glued).as_deref(), Some("2025-04-02"));
        assert_eq!(glued.paragraphs, [LEDE]);
        // An agency's name closing the story signs it off.
        let signed = parse(&format!(
            "Dam gives way after record rain\n2025-04-02\n\n{LEDE}\nRepairs will take months\nReuters\n"
        ));
        assert!(signed.paragraphs.concat().ends_with("Reuters"), "{:?}", signed.paragraphs);
        assert!(signed.removed.iter().all(|line| line.kind == Removal::Metadata));
    }

    #[test]
    fn a_video_player_copied_with_the_page_leaves_the_body() {
        let video = "Rescuers reach the flooded valley";
        let text = format!(
            "Dam gives way after record rain\n2025-04-02\n\nChat with us in Facebook Messenger. See what the storm does as it happens.\n\n{video}\n{video}\n\nJUST WATCHED\n\n{video}\n\nReplay\nMore Videos ...\n\nMUST WATCH\n\n{video} 01:11\n\nStory highlights\n\n{LEDE}\n"
        );
        let layout = parse(&text);
        assert_eq!(layout.paragraphs, ["Story highlights", LEDE]);
        let widgets: Vec<&str> =
            layout.removed.iter().filter(|line| line.kind == Removal::Widget).map(|line| line.text.as_str()).collect();
        assert_eq!(widgets.len(), 8, "{widgets:?}");
        assert_eq!(widgets[..3], [video, video, "JUST WATCHED"]);
        assert!(
            layout.removed.iter().any(|line| line.kind == Removal::Furniture && line.text.starts_with("Chat with us"))
        );
    }

    #[test]
    fn a_closing_comment_in_another_language_leaves_the_body() {
        let story = [
            "The dam gave way on Tuesday night after a week of record rain, flooding the valley below it.",
            "Rescuers in boats searched the villages along the river until dawn, the fire service said.",
            "Officials said that about two hundred people had been taken to the school in the town.",
            "The company that runs the dam said it was looking into why the wall had failed so quickly.",
            "Residents said they had been warned about cracks in the wall for years before the flood.",
        ]
        .join("\n\n");
        let comment =
            "Quelle tristesse pour ces familles, je souhaite du courage aux habitants de la vallée et aux secouristes.";
        let layout = parse(&format!("Dam gives way after record rain\n2025-04-02\n\n{story}\n\n{comment}\n"));
        assert_eq!(layout.paragraphs.len(), 5);
        let last = layout.removed.last().expect("the comment is listed");
        assert_eq!((last.kind, last.text.as_str(), last.at), (Removal::OtherLanguage, comment, 5));
        // A closing line of the story's language stays.
        let english = "Residents said they would meet the company's managers at the school on Friday morning.";
        assert_eq!(parse(&format!("Dam gives way\n2025-04-02\n\n{story}\n\n{english}\n")).paragraphs.len(), 6);
    }

    #[test]
    fn a_caption_over_its_credit_leaves_the_body() {
        let text = "Air India plane crashes after takeoff\nJune 12, 2025\n\nAn Air India plane bound for London crashed shortly after takeoff, officials said.\nRescuers search the wreckage of the plane in Ahmedabad on Thursday.\nPhoto: Amit Dave/Reuters\nThe Boeing 787 Dreamliner was carrying 242 people, the airline said.\nFirefighters spray water on the tail of the plane lodged in a hostel.\n(Reuters)\nOfficials said the cause of the crash was not yet known.\n";
        let article = crate::fixture::article(text);
        let captions: Vec<&str> = article
            .removed
            .iter()
            .filter(|line| line.kind == Removal::Caption)
            .map(|line| line.text.as_str())
            .collect();
        assert_eq!(
            captions,
            [
                "Rescuers search the wreckage of the plane in Ahmedabad on Thursday.",
                "Photo: Amit Dave/Reuters",
                "Firefighters spray water on the tail of the plane lodged in a hostel.",
                "(Reuters)"
            ]
        );
        assert_eq!(article.paragraphs.len(), 3);
        // A sentence of the story over a credit stays; an agency closing the story signs it off.
        let text = "Air India plane crashes after takeoff\nJune 12, 2025\n\nThe airline said 242 people were on board.\nPhoto: Reuters\n\nOfficials said the cause was not known.\nThe inquiry will report in a month.\n(Reuters)\n";
        let article = crate::fixture::article(text);
        assert_eq!(article.paragraphs.len(), 4, "{:?}", article.body);
    }

    #[test]
    fn an_agency_between_the_title_and_its_date_is_the_outlet() {
        for (name, outlet) in [("Reuters", Some("Reuters")), ("Sarah Bell", None)] {
            let layout = parse(&format!(
                "Oil prices rise on supply fears\n{name}\nNovember 18, 2025\n\nOil prices rose on Tuesday as traders weighed new sanctions, analysts said.\n"
            ));
            assert_eq!(layout.outlet.as_deref(), outlet, "{name}");
            assert_eq!(layout.paragraphs.iter().any(|p| p == name), outlet.is_none(), "{name}");
        }
    }

    #[test]
    fn a_sentence_ending_in_a_quote_is_not_a_title() {
        for opening in [
            "He told the crowd, “Peace be with you all tonight.”",
            "He told the crowd, \"Peace be with you all tonight.\"",
            "He said it was ‘the end of an era.’",
        ] {
            let layout = parse(&format!("Live\n\n{opening}\n\nThe storm cut power to 40,000 homes on Monday night.\n"));
            assert_eq!(layout.title, None, "{opening}");
            assert!(layout.paragraphs.iter().any(|p| p == opening), "{opening}: {:?}", layout.paragraphs);
        }
        // A headline may still end on a quote.
        let layout = parse("Zelensky: “We will not give up”\n\nThe storm cut power to 40,000 homes on Monday night.\n");
        assert_eq!(layout.title.as_deref(), Some("Zelensky: “We will not give up”"));
    }

    #[test]
    fn every_line_not_in_the_body_is_listed_with_why_and_where() {
        let layout = parse(
            "Talks resume in Geneva\nexample.org\n2025-03-04\n\nDelegates met on Monday.\n\nAdvertisement\n\nThey agreed on a date.\nRead more: Other talks stall\n×\n",
        );
        let listed: Vec<(Removal, &str, usize)> =
            layout.removed.iter().map(|line| (line.kind, line.text.as_str(), line.at)).collect();
        assert_eq!(
            listed,
            [
                (Removal::Metadata, "Talks resume in Geneva", 0),
                (Removal::Metadata, "example.org", 0),
                (Removal::Metadata, "2025-03-04", 0),
                (Removal::Furniture, "Advertisement", 1),
                (Removal::Link, "Read more: Other talks stall", 2),
                (Removal::Symbols, "×", 2),
            ]
        );
        // A date glued to the first sentence: the date alone is removed.
        let layout = parse("date 2025-11-21 US President Donald Trump has endorsed a plan aimed at ending the war.");
        assert_eq!(layout.removed[0].text, "date 2025-11-21");
    }

    #[test]
    fn fields_under_the_title_name_the_outlet_and_the_agency() {
        let l = parse(
            "Bridge closed after crack found\nAFP | Harbour Times\n\nThe bridge was closed on Thursday after engineers found a crack.",
        );
        assert_eq!((l.outlet.as_deref(), l.credit.as_deref()), (Some("Harbour Times"), Some("AFP")));
        assert_eq!(l.paragraphs.len(), 1);
        let l = parse(
            "# Bridge closed after crack found\n\nNorth News Agency | News ID: 412377\n\nThe bridge was closed on Thursday.",
        );
        assert_eq!(l.outlet.as_deref(), Some("North News Agency"));
        assert_eq!(l.paragraphs, ["The bridge was closed on Thursday."]);
        let l = parse("Bridge closed after crack found\nMarketPulse · Shares\n\nThe bridge was closed on Thursday.");
        assert_eq!(l.outlet.as_deref(), Some("MarketPulse"));
        // A section path names no outlet.
        let l = parse("Bridge closed after crack found\nPolitics | Europe\n\nThe bridge was closed on Thursday.");
        assert_eq!(l.outlet, None);
        // An outlet in emphasis right under the title.
        let l = parse("# Bridge closed after crack found\n\n*Valley Online*\n\nThe bridge was closed on Thursday.");
        assert_eq!(l.outlet.as_deref(), Some("Valley Online"));
        assert_eq!(l.paragraphs, ["The bridge was closed on Thursday."]);
    }

    #[test]
    fn furniture_repeated_and_cut_off_and_an_attribution_on_its_own_line() {
        let l = parse(
            "Bridge closed\n2025-03-04\n\nThe bridge was closed on Thursday.\nARTICLE CONTINUES BELOW\nEngineers found a crack in a girder.\nARTICLE CONTI",
        );
        assert_eq!(l.paragraphs, ["The bridge was closed on Thursday.", "Engineers found a crack in a girder."]);
        assert_eq!(l.removed.iter().filter(|line| line.kind == Removal::Furniture).count(), 2);
        let l = parse(
            "Bridge closed\n2025-03-04\n\nIt all happened so quickly,\nSaid Maria Lenz\nHer car was on the bridge.",
        );
        assert_eq!(l.paragraphs, ["It all happened so quickly, Said Maria Lenz", "Her car was on the bridge."]);
    }

    #[test]
    fn a_first_sentence_opening_with_a_date_is_not_a_date_line() {
        let l = parse(
            "Court blocks merger\n\nOn May 8, 2025, the court ruled that the merger could not go ahead.\nThe companies said they would appeal.",
        );
        assert_eq!(l.published, None);
        assert_eq!(l.paragraphs[0], "On May 8, 2025, the court ruled that the merger could not go ahead.");
        let l = parse("Court blocks merger\n\nOn March 3 the court ruled that the merger could not go ahead.");
        assert_eq!((l.published, l.paragraphs.len()), (None, 1));
        // A date line stays one.
        let l = parse(
            "Court blocks merger\non May 08, 2025\nThe court ruled on Thursday that the merger could not go ahead.",
        );
        assert_eq!(date(&l).as_deref(), Some("2025-05-08"));
    }

    #[test]
    fn the_storys_own_dated_line_beats_a_reposters_date() {
        let l = parse(
            "Harbour bridge closes after crack found\nPosted: June 10, 2025\n\nSOUTHPORT, June 6 (Coast Wire) - The bridge was closed on Thursday after engineers found a crack.",
        );
        assert_eq!(date(&l).as_deref(), Some("2025-06-06"));
        assert!(l.notes[0].contains("2025-06-10"), "{:?}", l.notes);
        // A dateline of the same day changes nothing.
        let l =
            parse("Bridge closes\nJune 6, 2025\n\nSOUTHPORT, June 6 (Coast Wire) - The bridge was closed on Thursday.");
        assert!(l.notes.is_empty());
        let l = parse(
            "Harbour bridge closes after crack found\nUpdated: June 10, 2025\n\nThe bridge was closed on Thursday after engineers found a crack.\n\nThis article was originally published on June 6, 2025.",
        );
        assert_eq!(date(&l).as_deref(), Some("2025-06-06"));
        let l = parse(
            "Harbour bridge closes after crack found\nJune 10, 2025\nOriginally published June 6, 2025\n\nThe bridge was closed on Thursday after engineers found a crack.",
        );
        assert_eq!(date(&l).as_deref(), Some("2025-06-06"));
        // Both on one line: each part has its own rank.
        let l = parse(
            "Harbour bridge closes after crack found\nUpdated 10 June 2025 | Originally published 6 June 2025\n\nThe bridge was closed on Thursday after engineers found a crack.",
        );
        assert_eq!(date(&l).as_deref(), Some("2025-06-06"));
    }

    #[test]
    fn a_line_of_two_dates_in_any_form_is_a_date_line() {
        let story = "The bridge was closed on Thursday after engineers found a crack.";
        for line in [
            "Updated June 10, 2025 | Originally published June 6, 2025",
            "Updated June 10, 2025 · Originally published June 6, 2025",
            "Updated: 2025-06-10 | Originally published: 2025-06-06",
            "Updated 10 June 2025 | Originally published June 6, 2025",
            "Updated Tue, June 10, 2025 at 9:15 a.m. | Originally published Fri, June 6, 2025",
        ] {
            for at in [
                "Harbour bridge closes after crack found\n{line}\n\n{story}",
                "Bridge closes after crack found\n\n{story}\n\n{line}",
            ] {
                let text = at.replace("{line}", line).replace("{story}", story);
                let l = parse(&text);
                assert_eq!(l.paragraphs, [story], "{text}");
                assert!(l.removed.iter().any(|removed| removed.text == line), "{text}: {:?}", l.removed);
                if text.starts_with("Harbour") {
                    assert_eq!(date(&l).as_deref(), Some("2025-06-06"), "{text}");
                }
            }
        }
        // With the outlet among the fields.
        let l = parse(&format!(
            "Bridge closes after crack found\nCoast Herald | Updated June 10, 2025 | Originally published June 6, 2025\n\n{story}"
        ));
        assert_eq!((l.outlet.as_deref(), date(&l).as_deref()), (Some("Coast Herald"), Some("2025-06-06")));
        // A sentence that gives two dates is still a sentence.
        let prose = "The bridge, closed on June 6, 2025, reopened on June 10, 2025 after repairs.";
        assert_eq!(parse(&format!("Bridge closes after crack found\n\n{story}\n\n{prose}")).paragraphs, [story, prose]);
    }

    #[test]
    fn fields_are_found_by_where_they_start_whatever_the_separators_bytes() {
        // `•` is three bytes and `·` two: counted as one, the date's field
        // was lost after a few of them.
        for separator in ["•", "·"] {
            let fields =
                ["Home", "News", "World", "Europe", "Politics", "Live", "Coast Herald"].join(&format!(" {separator} "));
            let line = format!("{fields} {separator} 05.06.2025");
            let l = parse(&format!("Bridge closes after crack found\n{line}\n\nThe bridge was closed on Thursday."));
            assert_eq!(date(&l).as_deref(), Some("2025-06-05"), "{line}");
            assert_eq!(l.paragraphs, ["The bridge was closed on Thursday."], "{line}");
        }
        let fields = separated_fields("a • b·c|d");
        assert_eq!(fields, [(0, "a "), (5, " b"), (9, "c"), (11, "d")]);
    }

    #[test]
    fn title_outlet_and_rfc_date() {
        let l = parse(
            "Talks stall in Geneva\nexample.com\nThu, 20 Nov 2025 10:36:00 +0200\n\nThe talks stalled. Both sides left.",
        );
        assert_eq!(l.title.as_deref(), Some("Talks stall in Geneva"));
        assert_eq!(l.outlet.as_deref(), Some("example.com"));
        assert_eq!(date(&l).as_deref(), Some("2025-11-20T10:36:00+02:00"));
        assert_eq!(l.paragraphs, ["The talks stalled. Both sides left."]);
    }

    #[test]
    fn front_matter_gives_the_fields_it_names() {
        let text = "---\ncreated: 2025-11-22T09:00:00 (UTC +02:00)\ntags: []\nsource: https://www.example-news.com/world/dam-fails?ref=x\nauthor:\n  - \"[[Jane Roe]]\"\n  - John Doe\ntitle: \"Dam gives way after record rain\"\n---\n\n# Dam gives way after record rain\n\nThe earthen dam gave way on Sunday. Hundreds fled.";
        let l = parse(text);
        assert_eq!(l.title.as_deref(), Some("Dam gives way after record rain"));
        assert_eq!(l.outlet.as_deref(), Some("example-news.com"));
        assert_eq!(l.credit.as_deref(), Some("Jane Roe, John Doe"));
        // When the page was clipped is not when it was published.
        assert_eq!(l.published, None);
        assert_eq!(l.paragraphs, ["The earthen dam gave way on Sunday. Hundreds fled."]);
        let l = parse("---\ntitle: Storm\npublished: 2025-10-21\nsite_name: Coast Herald\n---\nThe storm hit.");
        assert_eq!(date(&l).as_deref(), Some("2025-10-21"));
        assert_eq!(l.outlet.as_deref(), Some("Coast Herald"));
    }

    #[test]
    fn front_matter_lines_are_listed_as_metadata() {
        let lines = |text: &str| -> Vec<String> {
            front_matter_lines(text)
                .into_iter()
                .map(|removed| format!("{}: {}", removed.kind.as_str(), removed.text))
                .collect()
        };
        assert_eq!(
            lines("---\ntitle: Storm\ntags: [coast]\n\n---\nThe storm hit."),
            ["metadata: ---", "metadata: title: Storm", "metadata: tags: [coast]", "metadata: ---"]
        );
        assert!(lines("---\nThe storm hit the coast on Monday. It was bad.\n---\nMore.").is_empty());
        assert!(lines("The storm hit.").is_empty());
    }

    #[test]
    fn a_rule_over_prose_is_not_front_matter() {
        let l = parse("---\nThe storm hit the coast on Monday. It was bad.\n---\nMore text here today.");
        assert!(l.paragraphs.iter().any(|p| p.starts_with("The storm")), "{l:?}");
        // Never closed: not front matter either.
        let l = parse("---\ntitle: Storm\n\nThe storm hit the coast on Monday.");
        assert!(l.paragraphs.iter().any(|p| p.contains("The storm")), "{l:?}");
    }

    #[test]
    fn an_outlet_name_between_title_and_date() {
        let l = parse(
            "Bridge closed after crack found\nMetro Wire Service\nMarch 14, 2025\n\nThe bridge was closed on Thursday.",
        );
        assert_eq!(l.outlet.as_deref(), Some("Metro Wire Service"));
        assert!(l.paragraphs[0].starts_with("The bridge"));
        // A person's name there is not an outlet.
        let l =
            parse("Bridge closed after crack found\nJane Roe\nMarch 14, 2025\n\nThe bridge was closed on Thursday.");
        assert_eq!(l.outlet, None);
    }

    #[test]
    fn a_two_word_title_counts_only_over_a_date_line() {
        let l = parse("Storm news\n2025-01-02\n\nThe storm hit the coast on Monday. It was bad.");
        assert_eq!(l.title.as_deref(), Some("Storm news"));
        assert_eq!(date(&l).as_deref(), Some("2025-01-02"));
        assert!(l.paragraphs[0].starts_with("The storm"));
        // Without the date under it, two words stay text.
        let l = parse("Storm news\n\nThe storm hit the coast on Monday. It was bad.");
        assert_eq!(l.title, None);
        // A sentence is no title, however short; nor a name.
        let l = parse("It rained.\n2025-01-02\n\nThe storm hit the coast on Monday.");
        assert_eq!(l.title, None);
        for name in ["Jane Roe", "Coast Herald"] {
            let l = parse(&format!("{name}\n21 October 2025\n\nThe storm hit the coast on Monday."));
            assert_eq!(l.title, None, "{name}");
        }
    }

    #[test]
    fn date_and_section_line_then_title_dek_caption_and_date() {
        let text = " date 2025-11-20 WORLD AFFAIRS\nMinisters agree on a new grain deal, officials say\nThe agreement follows months of talks, though details remain unclear and one side denies it.\nFILE - A ship in the port of Odesa. / AP\nNovember 20, 2025\n\nMinisters agreed on a deal on Tuesday.\n\nSOURCE:Anadolu Agency\n";
        let l = parse(text);
        assert_eq!(l.title.as_deref(), Some("Ministers agree on a new grain deal, officials say"));
        assert_eq!(l.outlet, None);
        assert_eq!(date(&l).as_deref(), Some("2025-11-20"));
        assert_eq!(l.credit.as_deref(), Some("Anadolu Agency"));
        assert_eq!(
            l.paragraphs,
            [
                "The agreement follows months of talks, though details remain unclear and one side denies it.",
                "Ministers agreed on a deal on Tuesday."
            ]
        );
    }

    #[test]
    fn section_before_a_glued_dateline() {
        let l = parse(
            "date 2026-03-16 TECHNOLOGY MADRID, March 16. /EFE/.- Spain's rail operator said on Monday that ticket sales had resumed.",
        );
        assert_eq!(l.dateline.as_deref(), Some("MADRID"));
        assert!(l.paragraphs[0].starts_with("MADRID, March 16."), "{:?}", l.paragraphs);
        let l =
            parse("date 2025-11-21 US President Donald Trump has endorsed a plan aimed at ending the war in Europe.");
        assert!(l.paragraphs[0].starts_with("US President"));
    }

    #[test]
    fn field_mastheads_bylines_with_places_and_posted_on() {
        // A masthead with a section beside it, a `Posted on DATE by` line.
        let l = parse(
            "GridWatch  |  Energy & Utilities\nRegulator fines operator over winter blackout in the north\nPosted on March 2, 2026 by Ines Duarte · 4 min read\n\nThe regulator said on Monday it had fined the operator.",
        );
        assert_eq!(l.outlet.as_deref(), Some("GridWatch"));
        assert_eq!(l.title.as_deref(), Some("Regulator fines operator over winter blackout in the north"));
        assert_eq!(date(&l).as_deref(), Some("2026-03-02"));
        assert_eq!(l.credit.as_deref(), Some("Ines Duarte"));
        assert_eq!(l.paragraphs.len(), 1);
        // A name and a place under the title; fields with a byline.
        let l = parse(
            "Port strike enters second week as talks stall\n\nKarl Brandt in Hamburg\n\nDock workers stayed away from the terminals on Tuesday for a seventh day.",
        );
        assert_eq!(l.credit.as_deref(), Some("Karl Brandt"));
        assert_eq!(l.paragraphs.len(), 1);
        let l = parse(
            "# Port strike enters second week\n\n**Harbour Times** | Tue, Mar 3, 2026 · 9:14 pm CET | By Karl Brandt\n\nDock workers stayed away from the terminals on Tuesday for a seventh day.",
        );
        assert_eq!(l.outlet.as_deref(), Some("Harbour Times"));
        assert_eq!(l.credit.as_deref(), Some("Karl Brandt"));
        assert_eq!(date(&l).as_deref(), Some("2026-03-03"));
        // A blog's byline; a related list under a markdown heading.
        let l = parse(
            "# Why we back the manager\n\n*Posted by NorthStander in Opinion · 12 comments*\n\nWhat a week it has been for everyone at the club this season.\n\nUp the town!\n\n### Related\n\nMatch preview: City v Town\nPlayer ratings: Town 2-1 Rovers",
        );
        assert_eq!(l.credit.as_deref(), Some("NorthStander"));
        assert_eq!(l.paragraphs, ["What a week it has been for everyone at the club this season.", "Up the town!"]);
    }

    #[test]
    fn bylines_give_the_credit_and_a_date() {
        let l = parse(
            "Trains halted across India\nWritten by Rahul Mehta | New Delhi | Updated: March 16, 2026 10:41 IST\n\nNEW DELHI: Trains were halted on Monday.",
        );
        assert_eq!(date(&l).as_deref(), Some("2026-03-16"));
        assert_eq!(l.credit.as_deref(), Some("Rahul Mehta"));
        assert!(l.credit_is_byline, "a byline names who wrote it");
        assert_eq!(l.paragraphs, ["NEW DELHI: Trains were halted on Monday."]);
        // A masthead over a date line, then the title, then a dated byline.
        let l = parse(
            "The Nordic Ledger\nPublished: 02.01.2026 09:15\n\nLofgren steps up attack on Riksbank as markets reopen\n\nBy Anna Kowalska on Jan 2, 2026\n\nSweden's finance minister has intensified his criticism of the bank.",
        );
        assert_eq!(l.outlet.as_deref(), Some("The Nordic Ledger"));
        assert_eq!(l.title.as_deref(), Some("Lofgren steps up attack on Riksbank as markets reopen"));
        assert_eq!(l.credit.as_deref(), Some("Anna Kowalska"));
        assert_eq!(l.paragraphs.len(), 1);
        // Markdown: emphasis around the date and byline, an image line.
        let l = parse(
            "# Governor defends surprise hike\n\n*Jan 3, 2026*\n\n*By Johan Berg | Nordic Markets Desk*\n\n![Lindqvist](https://cdn.example.com/l.jpg)\nGovernor Maria Lindqvist speaks in Stockholm. (Photo: Reuters/Tom Little)\n\nThe governor defended the decision on Friday.",
        );
        assert_eq!(date(&l).as_deref(), Some("2026-01-03"));
        assert_eq!(l.credit.as_deref(), Some("Johan Berg"));
        assert_eq!(l.paragraphs, ["The governor defended the decision on Friday."]);
        // A credit line wins over the byline.
        let l = parse("Title of the story here\nBy Jo Bloggs\n\nThe text of the story.\n\n(With inputs from PTI)");
        assert_eq!(l.credit.as_deref(), Some("PTI"));
        assert!(!l.credit_is_byline);
    }

    #[test]
    fn pages_full_of_chrome() {
        // A TV station's page: masthead, navigation, weather, kicker lines.
        let l = parse(
            "WTLN 5 News\nSkip to content\nColumbus\n73°\n\nLocal pharmacies swamped after drug recall\n\nby: Kayla Brooks\nPosted: Jun 07, 2025 / 08:14 PM EDT\n\nSHARE\n\nCOLUMBUS, Ohio (WTLN) — Pharmacies across central Ohio were swamped on Saturday as customers lined up.",
        );
        assert_eq!(l.title.as_deref(), Some("Local pharmacies swamped after drug recall"));
        assert_eq!(l.outlet.as_deref(), Some("WTLN 5 News"));
        assert_eq!(date(&l).as_deref(), Some("2025-06-07"));
        assert_eq!(l.credit.as_deref(), Some("WTLN"));
        assert_eq!(l.paragraphs.len(), 1);
        // A section label over the headline, topic tags under "Explore more".
        let l = parse(
            "Pharmaceuticals industry\n\nBlood pressure pill recalled in US after impurity found\n\nAn American drugmaker has recalled more than a dozen batches of a common tablet, regulators said.\n\nExplore more on these topics\nPharmaceuticals industry\nHealth\nUS news\n",
        );
        assert_eq!(l.title.as_deref(), Some("Blood pressure pill recalled in US after impurity found"));
        assert_eq!(l.paragraphs.len(), 1);
        // A press release: the end matter goes, the dateline is found under a
        // company line.
        let l = parse(
            "FOR IMMEDIATE RELEASE\n\nMeridian Announces Recall of Tablets\n\nNews provided by\nMeridian Pharma, Inc.\nJun 06, 2025, 08:00 ET\n\nPRINCETON, N.J., June 6, 2025 /PRNewswire/ -- Meridian Pharma, Inc. today announced a voluntary recall of 16 lots of its tablets.\n\nPatients should keep taking their medication and call a doctor, the company said.\n\nWholesalers are asked to stop distributing the lots at once, according to the notice.\n\nAbout Meridian Pharma\nMeridian Pharma, Inc. is a specialty pharmaceutical company.\n\nMedia contact:\nAlicia Grant\nmedia@meridianpharma.example\n",
        );
        assert_eq!(l.outlet, None);
        assert_eq!(l.title.as_deref(), Some("Meridian Announces Recall of Tablets"));
        assert_eq!(l.dateline.as_deref(), Some("PRINCETON, N.J."));
        assert_eq!(l.credit.as_deref(), Some("PRNewswire"));
        assert!(l.paragraphs.last().unwrap().starts_with("Wholesalers"), "{:?}", l.paragraphs);
        // A live blog: navigation, a key-events list, JavaScript notices.
        let l = parse(
            "Skip to main content\nMenu   Search   Sign in\nSupport independent journalism. Subscribe from just £1 a week\n\nThe Meridian\nWorld › Americas › Venezuela\n\nLive\nProtests grow as council promises a recount – live\n\nPlease turn on JavaScript in your browser to receive live updates.\n\nKey events\n08:05 ET  Council promises recount within 72 hours\n11:30 ET  US welcomes recount\n\nShow key events only\n\n14:18 ET\nA third protester has died, a rights group said on Thursday in a statement.",
        );
        assert_eq!(l.outlet.as_deref(), Some("The Meridian"));
        assert_eq!(l.title.as_deref(), Some("Protests grow as council promises a recount – live"));
        assert_eq!(l.paragraphs, ["A third protester has died, a rights group said on Thursday in a statement."]);
        // A wire header with the date in a credit line, a sign-off.
        let l = parse(
            "Two killed in protests\nenglish.news.cn\nSource: Xinhua| 2025-07-30 23:41:06|Editor: huaxia\n\nBogotá, Jul 30 (EFE).- Two people were killed on Wednesday. Enditem",
        );
        assert_eq!(date(&l).as_deref(), Some("2025-07-30"));
        assert_eq!(l.credit.as_deref(), Some("Xinhua"));
        assert_eq!(l.dateline.as_deref(), Some("Bogotá"));
        assert_eq!(l.paragraphs, ["Bogotá, Jul 30 (EFE).- Two people were killed on Wednesday."]);
    }

    #[test]
    fn header_lines_of_fields() {
        let l = parse(
            "Central Asia Courier\nHome / Tajikistan / Society\n16.02.2026 | 17:20 | Views: 2 418\n\nRasht quake: residents blame shoddy construction\n\nNews ID: 77120\n\nDUSHANBE, February 16 /CAC/. The number of people killed has risen to 318, officials said.",
        );
        assert_eq!(l.outlet.as_deref(), Some("Central Asia Courier"));
        assert_eq!(l.title.as_deref(), Some("Rasht quake: residents blame shoddy construction"));
        assert_eq!(date(&l).as_deref(), Some("2026-02-16"));
        assert_eq!(l.dateline.as_deref(), Some("DUSHANBE"));
        assert_eq!(l.paragraphs.len(), 1);
        let l = parse(
            "# Strike called off: what it means for your flight\n\n**Points & Pathways** · Travel News · Published: 09 Oct 2025 · 6 min read\n\n*By Jess Marlowe*\n\nGood news if you are flying this week: the strike is off.",
        );
        assert_eq!(l.outlet.as_deref(), Some("Points & Pathways"));
        assert_eq!(date(&l).as_deref(), Some("2025-10-09"));
        assert_eq!(l.paragraphs, ["Good news if you are flying this week: the strike is off."]);
        let l = parse(
            "# EU sends rescuers\n\nEuropa 24 | Updated: 16 Feb 2026 - 20:10 CET\n\nRescuers arrived on Monday, officials said.",
        );
        assert_eq!(l.outlet.as_deref(), Some("Europa 24"));
        assert_eq!(date(&l).as_deref(), Some("2026-02-16"));
    }

    #[test]
    fn bold_labels_and_questions_in_link_lists() {
        let l = parse(
            "Title of the story here\n\nThe strike is off, the union said.\n\nRelated articles\nFares set to rise this winter\nAirport passenger cap: what happens next?\n\n**Related:** The best cards for lounges in 2025\n",
        );
        assert_eq!(l.paragraphs, ["The strike is off, the union said."]);
    }

    #[test]
    fn labelled_titles() {
        let l = parse("Title: Bridge reopens after repairs\n2025-11-20\n\nThe bridge reopened on Friday.");
        assert_eq!(l.title.as_deref(), Some("Bridge reopens after repairs"));
    }

    #[test]
    fn titles_without_spaces() {
        let l = parse("東京で新しい橋が開通した\n2025-11-20\n\n東京都は水曜日に新しい橋を開通させたと発表した。");
        assert_eq!(l.title.as_deref(), Some("東京で新しい橋が開通した"));
    }

    #[test]
    fn date_glued_to_first_sentence() {
        let l = parse(
            " date 2025-11-21 US President Donald Trump has endorsed a plan aimed at ending the war. More text.\n\nSecond paragraph.",
        );
        assert_eq!(l.title, None);
        assert_eq!(date(&l).as_deref(), Some("2025-11-21"));
        assert_eq!(
            l.paragraphs[0],
            "US President Donald Trump has endorsed a plan aimed at ending the war. More text."
        );
    }

    #[test]
    fn a_headline_glued_to_its_date_is_the_title() {
        let layout =
            parse(&format!(" date 2025-11-21 Storm Closes Coast Road: Ferries Cancelled Until Friday\n\n{LEDE}\n"));
        assert_eq!(layout.title.as_deref(), Some("Storm Closes Coast Road: Ferries Cancelled Until Friday"));
        assert_eq!(date(&layout).as_deref(), Some("2025-11-21"));
        assert_eq!(layout.paragraphs, [LEDE]);
        assert_eq!(layout.removed.len(), 1);
        assert!(layout.removed[0].text.starts_with("date 2025-11-21 Storm"), "{:?}", layout.removed);
    }

    #[test]
    fn a_sites_section_over_the_headline_is_no_outlet() {
        let title = "Ferry passengers stranded as storm closes the coast road";
        for section in ["Latest", "Weather Forecast", "Breaking News"] {
            let layout = parse(&format!("{section}\n\n{title}\n\n{LEDE}\n"));
            assert_eq!((layout.outlet.as_deref(), layout.title.as_deref()), (None, Some(title)), "{section}");
            assert_eq!(layout.paragraphs, [LEDE]);
        }
        // A masthead's name there is the outlet.
        assert_eq!(parse(&format!("Coast Herald\n\n{title}\n\n{LEDE}\n")).outlet.as_deref(), Some("Coast Herald"));
    }

    #[test]
    fn a_news_tickers_items_over_the_headline_leave_the_body() {
        let title = "Ferry passengers stranded as storm closes the coast road";
        let text = format!(
            "Latest\nLatest\n15m agoCouncil votes to close two libraries in budget cuts\nLatest\n2 hours ago Rail strike called off after late talks\n\n{title}\n\n{LEDE}\n"
        );
        let layout = parse(&text);
        assert_eq!((layout.outlet.as_deref(), layout.title.as_deref()), (None, Some(title)));
        assert_eq!(layout.paragraphs, [LEDE]);
        let links = layout.removed.iter().filter(|line| line.kind == Removal::Link).count();
        assert_eq!(links, 2, "{:?}", layout.removed);
        // A sentence opening with a time ago is prose.
        assert_eq!(boilerplate::classify("3 hours ago the river burst its banks near the old bridge."), None);
    }

    #[test]
    fn prose_first_line_is_not_a_title_and_dateline_is_read() {
        let l = parse(
            "WASHINGTON: U.S. President Donald Trump has reportedly approved a comprehensive plan aimed at ending the conflict.\nThe officials emphasized the plan remains under negotiation.\n",
        );
        assert_eq!(l.title, None);
        assert_eq!(l.dateline.as_deref(), Some("WASHINGTON"));
        assert_eq!(l.published, None);
        assert_eq!(l.paragraphs.len(), 2);
    }

    #[test]
    fn datelines_with_a_date_or_an_agency_in_slashes() {
        let l =
            parse("Ferry capsizes off Crete\n\nHERAKLION, Oct. 20 (Reuters) - A ferry capsized off Crete on Sunday.");
        assert_eq!(l.dateline.as_deref(), Some("HERAKLION"));
        assert_eq!(l.credit.as_deref(), Some("Reuters"));
        assert_eq!(&l.paragraphs[0][l.dateline_end..l.dateline_end + 5], "A fer");
        let l = parse("The king speaks today\n\nMADRID, March 3. /EFE/.- The king spoke on Monday.");
        assert_eq!(l.dateline.as_deref(), Some("MADRID"));
        assert_eq!(l.credit.as_deref(), Some("EFE"));
    }

    #[test]
    fn a_dateline_place_keeps_its_hyphenated_parts() {
        for (line, place) in [
            ("PORT-AU-PRINCE, Haiti (AP) — Gangs attacked the capital, officials said.", "PORT-AU-PRINCE, Haiti"),
            ("WILKES-BARRE, Pa. (AP) — A mine collapsed on Tuesday, officials said.", "WILKES-BARRE, Pa."),
            ("MAZAR-I-SHARIF, Afghanistan (Reuters) — A quake struck early on Monday.", "MAZAR-I-SHARIF, Afghanistan"),
            ("AIX-EN-PROVENCE, France — Organizers cancelled the festival on Tuesday.", "AIX-EN-PROVENCE, France"),
            // A hyphen before a word in small letters still ends the place.
            ("WASHINGTON-The Senate voted on Tuesday to end the shutdown.", "WASHINGTON"),
        ] {
            let l = parse(&format!("A headline over the story\n\n{line}"));
            assert_eq!(l.dateline.as_deref(), Some(place), "{line}");
        }
    }

    #[test]
    fn a_lede_with_its_agency_glued_on_gives_the_dateline_under_promotions_and_highlights() {
        let lede = "Harbour Town (CNN)Ferry passengers were stranded on Tuesday after the storm closed the coast road, officials said.";
        let layout = parse(&format!("Storm closes the coast road\n\n{lede}\n"));
        assert_eq!((layout.dateline.as_deref(), layout.credit.as_deref()), (Some("Harbour Town"), Some("CNN")));
        let promoted = format!(
            "Storm closes the coast road\n\nFind out what is happening in the region as the storm moves along the coast tonight.\n\nStory highlights\n\n• Ferry passengers stranded after the storm closed the road\n\n{lede}\n"
        );
        let layout = parse(&promoted);
        assert_eq!((layout.dateline.as_deref(), layout.credit.as_deref()), (Some("Harbour Town"), Some("CNN")));
        assert_eq!(
            &layout.paragraphs[1]
                [..layout.dateline_end - layout.paragraphs[..1].iter().map(|p| p.len() + 2).sum::<usize>()],
            "Harbour Town (CNN)"
        );
        // An organisation's initials in a sentence are no agency.
        let prose = parse(
            "Storm closes the coast road\n\nThe Foreign Office (FCO) said on Tuesday that ferry passengers were stranded.\n",
        );
        assert_eq!(prose.dateline, None);
    }

    #[test]
    fn a_storys_highlights_over_it_leave_the_body_as_highlights() {
        let points =
            ["• Ferry passengers stranded after the storm closed the road", "• Crews wait for the wind to drop"];
        let text =
            format!("Storm closes the coast road\n\nStory highlights\n\n  {}\n  {}\n\n{LEDE}\n", points[0], points[1]);
        let layout = parse(&text);
        assert_eq!(layout.paragraphs, [LEDE]);
        let highlights: Vec<&str> = layout
            .removed
            .iter()
            .filter(|line| line.kind == Removal::Highlights)
            .map(|line| line.text.as_str())
            .collect();
        assert_eq!(highlights, ["Story highlights", points[0], points[1]]);
        // Bullets far into the story, under a heading of another kind, stay.
        let list = format!("Storm closes the coast road\n\n{LEDE}\n\nWhat the council said\n\n{}\n", points[1]);
        assert_eq!(parse(&list).paragraphs.len(), 3);
    }

    #[test]
    fn a_standfirsts_points_glued_on_one_line_are_highlights() {
        let glued = "Ferry passengers stranded as the storm closes the coast road Council says the road will open on Friday Crews from three counties wait for the wind to drop before they clear the fallen trees from the bridge Residents told to stay at home \"until we say it is safe\" Follow the latest updates LIVE";
        let layout = parse(&format!("Storm closes the coast road\n\n{glued}\n\n{LEDE}\n"));
        assert_eq!(layout.paragraphs, [LEDE]);
        assert!(layout.removed.iter().any(|line| line.kind == Removal::Highlights && line.text == glued));
        // A standfirst of one sentence stays, stop or none.
        let standfirst =
            "Ferry passengers were stranded as the storm closed the coast road and crews waited for the wind to drop";
        assert_eq!(
            parse(&format!("Storm closes the coast road\n\n{standfirst}\n\n{LEDE}\n")).paragraphs,
            [standfirst, LEDE]
        );
    }

    #[test]
    fn an_outlets_own_dateline_names_the_outlet_and_an_agencys_does_not() {
        let outlet = |lede: &str| parse(&format!("Storm closes the coast road\n\n{lede}\n")).outlet;
        let story = "Ferry passengers were stranded on Tuesday after the storm closed the coast road, officials said.";
        assert_eq!(outlet(&format!("Harbour Town (CNN){story}")).as_deref(), Some("CNN"));
        assert_eq!(outlet(&format!("HARBOUR TOWN, Maine (AP) — {story}")), None);
        let named = parse(&format!("Coast Ledger\nStorm closes the coast road\n\nHarbour Town (CNN){story}\n"));
        assert_eq!(named.outlet.as_deref(), Some("Coast Ledger"));
    }

    #[test]
    fn a_place_and_a_full_date_over_the_lede_are_its_dateline_and_date() {
        let story = "Ferry passengers were stranded on Sunday after the storm closed the coast road, officials said.";
        for (opening, day) in [
            ("Harbour Town April4/2021 ", "2021-04-04"),
            ("Harbour Town, April 4, 2021 (HTN) - ", "2021-04-04"),
            ("Port-Royal April 4 2021: ", "2021-04-04"),
        ] {
            let layout = parse(&format!("Storm closes the coast road\n\n{opening}{story}\n"));
            let place = opening.split([',', ' ']).take_while(|w| !w.starts_with("April")).collect::<Vec<_>>().join(" ");
            assert_eq!(layout.dateline.as_deref(), Some(place.trim()), "{opening}");
            assert_eq!(date(&layout).as_deref(), Some(day), "{opening}");
            assert_eq!(&layout.paragraphs[0][layout.dateline_end..], story, "{opening}");
        }
        // A sentence opening on its date has no dateline; the page's date stays.
        let prose = parse(&format!("Storm closes the coast road\nMay 2, 2021\n\nOn April 4, 2021 {story}\n"));
        assert_eq!((prose.dateline.as_deref(), date(&prose).as_deref()), (None, Some("2021-05-02")));
    }

    #[test]
    fn a_photos_name_and_caption_under_the_headline_leave_the_body() {
        let photo = ["Maria Lindqvist", "The mayor was cheered by volunteers as she reached the bridge"];
        let story = "Maria Lindqvist said the coast road would open on Friday once the bridge had been checked.";
        let text = format!(
            "Storm closes the coast road\n\n{}\n\n{}\n\nFriday, June 13, 2025\n\n{story}\n",
            photo[0], photo[1]
        );
        let layout = parse(&text);
        assert_eq!(layout.paragraphs, [story]);
        assert_eq!(date(&layout).as_deref(), Some("2025-06-13"));
        let captions: Vec<&str> =
            layout.removed.iter().filter(|line| line.kind == Removal::Caption).map(|line| line.text.as_str()).collect();
        assert_eq!(captions, photo);
        // A byline's name, which the story does not name again, is not a photo's.
        let byline = format!("Storm closes the coast road\n\nJane Roe\n\n{}\n\n{LEDE}\n", photo[1]);
        assert_eq!(parse(&byline).paragraphs.last().map(String::as_str), Some(LEDE));
        assert!(parse(&byline).removed.iter().all(|line| line.kind != Removal::Caption));
    }

    #[test]
    fn dateline_with_agency_gives_credit() {
        let l = parse(
            "Strikes hit Kharkiv\n\nKYIV, Ukraine (AP) — Russian drones struck the city overnight, officials said.",
        );
        assert_eq!(l.dateline.as_deref(), Some("KYIV, Ukraine"));
        assert_eq!(l.credit.as_deref(), Some("AP"));
    }

    #[test]
    fn a_dateline_agency_wins_over_a_credit_naming_reporters() {
        let l = parse(
            "Dam toll rises

PRAGUE (Reuters) - The death toll rose to seven on Tuesday, police said.

(Reporting by Ondrej Hruby; Editing by Clare Fenwick)",
        );
        assert_eq!(l.credit.as_deref(), Some("Reuters"));
        // An agency's own credit line stays.
        let l = parse(
            "Dam toll rises

PRAGUE (Reuters) - The death toll rose to seven on Tuesday.

Source: CTK",
        );
        assert_eq!(l.credit.as_deref(), Some("CTK"));
    }

    #[test]
    fn symbols_widgets_and_links_leave_the_body() {
        let text = "×\n\u{a0}\n\nA Headline About Talks\n\nFirst paragraph of the story is here.\n\nAlso Read: Something else entirely\n\nGallery Gallery Videos Videos Share on WhatsApp Share";
        let l = parse(&crate::text::sanitize::sanitize(text).0);
        assert_eq!(l.title.as_deref(), Some("A Headline About Talks"));
        assert_eq!(l.paragraphs, ["First paragraph of the story is here."]);
    }

    #[test]
    fn outlet_beside_date_and_markdown_title() {
        let l = parse(
            "Daily Brief | Mon, Oct 20, 2025\n# Rain floods the old town\n\nRain flooded the old town on Sunday.",
        );
        assert_eq!(l.outlet.as_deref(), Some("Daily Brief"));
        assert_eq!(date(&l).as_deref(), Some("2025-10-20"));
        assert_eq!(l.title.as_deref(), Some("Rain floods the old town"));
        assert_eq!(l.paragraphs, ["Rain flooded the old town on Sunday."]);
    }

    #[test]
    fn title_repeated_in_body_and_day_first_dates() {
        let l = parse(
            "Bridge reopens after repairs\nUpdated: 23/02/2025\n\nBridge reopens after repairs\n\nThe bridge reopened on Friday.",
        );
        assert_eq!(date(&l).as_deref(), Some("2025-02-23"));
        assert_eq!(l.paragraphs, ["The bridge reopened on Friday."]);
    }

    #[test]
    fn outlet_name_above_the_title() {
        let l = parse(
            "Metro Ledger\nCourt blocks merger of Halvard and Brinetech\n14.03.2025\n\nLUXEMBOURG — The court ruled on Thursday.",
        );
        assert_eq!(l.outlet.as_deref(), Some("Metro Ledger"));
        assert_eq!(l.title.as_deref(), Some("Court blocks merger of Halvard and Brinetech"));
        assert_eq!(l.dateline.as_deref(), Some("LUXEMBOURG"));
    }

    #[test]
    fn title_with_outlet_suffix() {
        let l = parse("Ceasefire holds for a third day | Example News\n\nThe ceasefire held.");
        assert_eq!(l.title.as_deref(), Some("Ceasefire holds for a third day"));
        assert_eq!(l.outlet.as_deref(), Some("Example News"));
    }

    #[test]
    fn no_metadata_is_invented() {
        let l = parse("the ceasefire held through the night, and residents returned to the market on foot.");
        assert_eq!((l.title, l.outlet, l.published, l.dateline, l.credit), (None, None, None, None, None));
    }

    #[test]
    fn date_inside_a_sentence_is_not_metadata() {
        let l =
            parse("Headline here today\n\nThe accord signed on November 20, 2025 in Geneva was hailed by both sides.");
        assert_eq!(l.published, None);
        assert_eq!(l.paragraphs.len(), 1);
    }

    #[test]
    fn hard_wrapped_lines_are_joined_but_line_paragraphs_kept() {
        let l = parse(
            "Title of the piece\n\nThe talks resumed in Geneva after a pause of several\nweeks, with both delegations saying they hoped to\nfinish within days.\n",
        );
        assert_eq!(
            l.paragraphs,
            [
                "The talks resumed in Geneva after a pause of several weeks, with both delegations saying they hoped to finish within days."
            ]
        );
        let l = parse("Title of the piece\n\nFirst sentence is a paragraph.\nSecond one is another paragraph.\n");
        assert_eq!(l.paragraphs.len(), 2);
        let l = parse(
            "Title of the piece\n\n- Greece has seen several ferry accidents in recent years\n- An inquiry will open next week\n",
        );
        assert_eq!(
            l.paragraphs,
            ["- Greece has seen several ferry accidents in recent years", "- An inquiry will open next week"]
        );
    }
}
