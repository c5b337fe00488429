//! A short name for each source, the one thing that tells sources apart on
//! a crowded screen: its outlet (the site's name, not its section: `TASS ·
//! Emergencies` is `TASS`; a domain without `www.` and subdomains), else
//! the agency it credits (not a credit naming its reporters, `Reporting by
//! Sarah Whelan`: a reporter's name would pass for an outlet), else its
//! byline said as one (`by Jana Svobodová`), else the first words of its
//! title or text (with
//! `…`, so it does not pass for an outlet), and a letter only when the
//! article has none of these. Two sources with one name are told apart by
//! a number (`Reuters`, `Reuters 2`), in reading order, so a name never
//! changes once shown: articles read later only add names.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::ingest::{Article, boilerplate};
use crate::text::sanitize;

/// Longest name, in columns.
const MAX: usize = 20;
/// First words are taken up to about this many columns.
const FIRST_WORDS: usize = 20;

/// Names of every article read so far, in article order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    names: Vec<String>,
    /// Each name before its number (`Reuters` for `Reuters 2`).
    bases: Vec<String>,
    /// Whether each name is the source's (outlet or credit), not words of
    /// its title or text.
    named: Vec<bool>,
    /// Every name given, and for each base name the next number to try:
    /// a pile of thousands of articles from a dozen outlets numbers each
    /// new one at once, not by trying every number before it.
    taken: std::collections::HashSet<String>,
    next_number: std::collections::HashMap<String, usize>,
}

impl Labels {
    /// Names for `articles`.
    pub fn of(articles: &[Article]) -> Labels {
        let mut labels = Labels::default();
        labels.extend(articles);
        labels
    }

    /// Names for `articles` (every article read so far, in order): the ones
    /// already named keep their names, the new ones are named.
    pub fn extend(&mut self, articles: &[Article]) {
        for (i, a) in articles.iter().enumerate().skip(self.names.len()) {
            let (named, byline) = source_name(a);
            let is_named = named.is_some();
            let base = named
                .or(byline)
                .map(|n| truncate(&n, MAX))
                .or_else(|| first_words(text_of(a)))
                .map(|n| sanitize::visible(&n).into_owned())
                .unwrap_or_else(|| letter(i));
            self.push(base, is_named);
        }
    }

    /// Names the next article `base`, numbered when the name is taken.
    fn push(&mut self, base: String, named: bool) {
        let unique = self.unique(base.clone());
        self.taken.insert(unique.clone());
        self.names.push(unique);
        self.bases.push(base);
        self.named.push(named);
    }

    /// The names of `members` (articles of these labels, in order) as a
    /// set of their own: one story of a pile numbers only its own sources
    /// (its one EFE article is `EFE`, whatever other stories hold).
    pub fn within(&self, members: &[usize]) -> Labels {
        let mut labels = Labels::default();
        for (k, &i) in members.iter().enumerate() {
            let base = self.bases.get(i).cloned().unwrap_or_else(|| letter(k));
            labels.push(base, self.is_outlet(i));
        }
        labels
    }

    /// The name of article `i` without its number (`Reuters` for
    /// `Reuters 2`).
    pub fn base(&self, i: usize) -> String {
        self.bases.get(i).cloned().unwrap_or_else(|| letter(i))
    }

    /// `base`, or `base 2`, `base 3`… when it is taken.
    fn unique(&mut self, base: String) -> String {
        if !self.taken.contains(&base) {
            return base;
        }
        let next = self.next_number.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base} {next}");
            *next += 1;
            if !self.taken.contains(&candidate) {
                return candidate;
            }
        }
    }

    /// The name of article `i` (a letter for one not yet named).
    pub fn get(&self, i: usize) -> String {
        self.names.get(i).cloned().unwrap_or_else(|| letter(i))
    }

    /// Whether article `i`'s name is its outlet's (or agency's), not the
    /// first words of its title.
    pub fn is_outlet(&self, i: usize) -> bool {
        self.named.get(i).copied().unwrap_or(false)
    }
}

/// The name of article `a`'s outlet as sources are named (its site's
/// name, else the agency it credits; cut and cleaned as a label is), if it
/// gives one.
pub fn outlet_of(a: &Article) -> Option<String> {
    source_name(a).0.map(|name| sanitize::visible(&truncate(&name, MAX)).into_owned())
}

/// The source's own name (its outlet, else the agency it credits) and,
/// without one, its byline said as such ("by Jane Roe"), so that a
/// writer's name does not pass for an outlet.
fn source_name(a: &Article) -> (Option<String>, Option<String>) {
    let person = a.credit_is_byline && !a.credit.as_deref().is_some_and(names_an_organisation);
    let credit = a.credit.as_deref().filter(|credit| !person && !boilerplate::names_reporters(credit));
    let named = a.outlet.as_deref().and_then(outlet).or_else(|| credit.and_then(outlet));
    let byline = a.credit.as_deref().filter(|_| person && named.is_none()).map(|who| format!("by {who}"));
    (named, byline)
}

/// Whether a byline names an organisation ("By THE ASSOCIATED PRESS",
/// "By Business Today Desk"), not people: its name is the source's, as a
/// credit's is.
fn names_an_organisation(byline: &str) -> bool {
    let words: Vec<String> =
        byline.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    words.first().is_some_and(|w| w == "the")
        || byline.split_whitespace().any(crate::text::lexicon::is_news_agency)
        || words.iter().any(|w| ORGANISATION_WORDS.contains(&w.as_str()))
}

/// Words that make a byline an organisation's.
const ORGANISATION_WORDS: &[&str] =
    &["press", "news", "agency", "desk", "staff", "bureau", "wire", "newsroom", "reporters", "correspondents"];

/// The last resort: A–Z, then numbers.
pub fn letter(i: usize) -> String {
    if i < 26 { char::from(b'A' + i as u8).to_string() } else { (i + 1).to_string() }
}

/// The title, else the first sentence after any dateline.
fn text_of(a: &Article) -> &str {
    match &a.title {
        Some(t) => t.as_str(),
        None => a.sentences.first().map_or("", |s| &a.body[s.start.max(a.dateline_end).min(s.end)..s.end]),
    }
}

/// An outlet or credit line as a short name: its first part (before `·`,
/// `|`, `;`, ` - `), a domain without `www.` and subdomains, capitals only
/// at the start of words, no leading "By", "Reporting by" or "The".
fn outlet(raw: &str) -> Option<String> {
    let first = raw.split(['·', '|', '•', ';']).map(str::trim).find(|p| !p.is_empty())?;
    let first = first.split(" - ").next().unwrap_or(first).split(" — ").next().unwrap_or(first).trim();
    let first = CREDIT_LEADS
        .iter()
        .find_map(|lead| {
            first.get(..lead.len()).filter(|head| head.eq_ignore_ascii_case(lead)).map(|_| &first[lead.len()..])
        })
        .unwrap_or(first)
        .trim();
    let name = if is_domain(first) { domain(first) } else { calm(first) };
    let name = name.strip_prefix("The ").unwrap_or(&name).trim().to_string();
    (!name.is_empty() && name.chars().any(char::is_alphanumeric)).then_some(name)
}

/// Words that open a credit line before the name it credits.
const CREDIT_LEADS: &[&str] = &["By ", "Reporting by ", "Reported by ", "Written by ", "Words by "];

fn is_domain(s: &str) -> bool {
    !s.contains(' ') && s.contains('.') && s.rsplit('.').next().is_some_and(|tld| tld.len() >= 2)
}

/// `global.espreso.tv` is `espreso.tv`, `www.bbc.co.uk` is `bbc.co.uk`.
fn domain(s: &str) -> String {
    let host = s.trim_start_matches("https://").trim_start_matches("http://").split('/').next().unwrap_or(s);
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    // A short second level under a country code (co.uk, com.au) keeps one
    // more label.
    let keep = match labels.as_slice() {
        [.., second, tld] if tld.len() == 2 && second.len() <= 3 => 3,
        _ => 2,
    };
    labels[labels.len().saturating_sub(keep)..].join(".").to_lowercase()
}

/// A name written in capitals (`THE ASSOCIATED PRESS`) in title case;
/// short ones (`AFP`, `NBC News`) kept as they are.
fn calm(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() <= 5 || letters.iter().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Columns `s` takes on a terminal.
fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to `max` columns, with `…` when it was longer.
fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for g in s.graphemes(true) {
        if width(&out) + width(g) + 1 > max {
            break;
        }
        out.push_str(g);
    }
    out.push('…');
    out
}

/// The first words of `text` up to about [`FIRST_WORDS`] columns, with `…`
/// when there are more.
fn first_words(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let w = w.trim_end_matches([',', ':', ';']);
        if !out.is_empty() && width(&out) + 1 + width(w) > FIRST_WORDS {
            out.push('…');
            return Some(out);
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&truncate(w, FIRST_WORDS));
        if width(&out) >= FIRST_WORDS && words.peek().is_some() {
            out.push('…');
            return Some(out);
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(outlet: Option<&str>, credit: Option<&str>, title: Option<&str>, body: &str) -> Article {
        let source = crate::ingest::Source {
            path: "a.txt".into(),
            stem: "a".into(),
            bytes: body.as_bytes().to_vec(),
            truncated_from: None,
        };
        let mut a = crate::ingest::parse(&source).unwrap();
        a.outlet = outlet.map(str::to_string);
        a.credit = credit.map(str::to_string);
        a.title = title.map(str::to_string);
        a
    }

    #[test]
    fn outlets_are_named_short() {
        assert_eq!(outlet("TASS · Emergencies").as_deref(), Some("TASS"));
        assert_eq!(outlet("global.espreso.tv").as_deref(), Some("espreso.tv"));
        assert_eq!(outlet("www.bbc.co.uk").as_deref(), Some("bbc.co.uk"));
        assert_eq!(outlet("THE ASSOCIATED PRESS").as_deref(), Some("Associated Press"));
        assert_eq!(outlet("AFP | Times of Malta").as_deref(), Some("AFP"));
        assert_eq!(outlet("By Reuters").as_deref(), Some("Reuters"));
        assert_eq!(outlet("by Reuters").as_deref(), Some("Reuters"));
        assert_eq!(outlet("Reporting by Sarah Whelan; Editing by Mark Potter").as_deref(), Some("Sarah Whelan"));
        assert_eq!(outlet("Reported by Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(outlet("NBC News - Politics").as_deref(), Some("NBC News"));
        assert_eq!(outlet(" · ").as_deref(), None);
    }

    #[test]
    fn names_fall_back_to_first_words_then_letters() {
        let arts = vec![
            article(Some("global.espreso.tv"), None, None, "Body one."),
            article(None, Some("Anadolu Agency"), Some("Trump signs off"), "Body two."),
            article(None, None, Some("US Confirms Trump’s Approval of 28-Point Plan"), "Body three."),
            article(None, None, None, "US President Donald Trump has endorsed a plan."),
            article(None, None, None, ""),
            article(Some("espreso.tv"), None, None, "Body six."),
            article(
                None,
                Some("Reporting by Sarah Whelan; Editing by Mark Potter"),
                Some("Pilots reach deal"),
                "Seven.",
            ),
            Article { credit_is_byline: true, ..article(None, Some("Jana Svobodová"), Some("Toll rises"), "Eight.") },
        ];
        let mut labels = Labels::default();
        labels.extend(&arts);
        let names: Vec<String> = (0..8).map(|i| labels.get(i)).collect();
        assert_eq!(
            names,
            [
                "espreso.tv",
                "Anadolu Agency",
                "US Confirms Trump’s…",
                "US President Donald…",
                "E",
                "espreso.tv 2",
                "Pilots reach deal",
                "by Jana Svobodová"
            ]
        );
        assert!(!labels.is_outlet(6), "a reporter's credit is not a source's name");
        assert!(!labels.is_outlet(7), "nor is a byline");
        // Many sources of one outlet are numbered in reading order.
        let many: Vec<Article> = (0..4).map(|_| article(Some("Reuters"), None, None, "Text.")).collect();
        let labels = Labels::of(&many);
        assert_eq!(
            (0..4).map(|i| labels.get(i)).collect::<Vec<_>>(),
            ["Reuters", "Reuters 2", "Reuters 3", "Reuters 4"]
        );
        // An outlet is named as its label is: cut, and the same when cut.
        let long = article(Some("The Very Long Regional Evening Courier"), None, None, "Text.");
        assert_eq!(outlet_of(&long), Some(Labels::of(std::slice::from_ref(&long)).base(0)));
        // A story of a pile numbers its own sources alone.
        let pile: Vec<Article> =
            ["Reuters", "EFE", "EFE", "Reuters"].iter().map(|o| article(Some(o), None, None, "Text.")).collect();
        let labels = Labels::of(&pile);
        assert_eq!((labels.get(2), labels.base(2)), ("EFE 2".to_string(), "EFE".to_string()));
        let story = labels.within(&[2, 3, 0]);
        assert_eq!((0..3).map(|i| story.get(i)).collect::<Vec<_>>(), ["EFE", "Reuters", "Reuters 2"]);
        assert!(story.is_outlet(0));
        // A byline naming an organisation is its name.
        let agency = Article {
            credit_is_byline: true,
            ..article(None, Some("THE ASSOCIATED PRESS"), Some("Plane crashes"), "Nine.")
        };
        assert_eq!(Labels::of(&[agency]).get(0), "Associated Press");
    }

    #[test]
    fn names_given_stay_when_more_articles_come() {
        let one = article(Some("Reuters"), None, None, "Body.");
        let mut labels = Labels::default();
        labels.extend(std::slice::from_ref(&one));
        let first = labels.get(0);
        // Always the whole list read so far.
        labels.extend(&[one.clone(), one.clone(), one]);
        assert_eq!(
            (first.as_str(), labels.get(0).as_str(), labels.get(2).as_str()),
            ("Reuters", "Reuters", "Reuters 3")
        );
    }
}
