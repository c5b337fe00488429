//! Copies: a statement that many articles carry word for word or nearly so
//! (an agency story run by two hundred outlets, some of which change a
//! word, cut or add a clause, or add their own name). Matching every copy
//! with every other is quadratic in the number of carriers and says
//! nothing new: the copies of one statement are found first and all but
//! one carrier are *folded* onto it. Pairwise work (the candidate index,
//! passages, implied passages, the sentence model) then sees one sentence
//! per statement, and each folded copy is matched with that one alone: a
//! star of `N - 1` matches instead of a clique of `N (N - 1) / 2`. The
//! statement is one cluster carried by all `N` (`story::clusters` counts
//! copies of one statement as matched), whose wordings stay apart.
//!
//! Sentences are grouped first by their words (spacing aside: one
//! *wording*), then wordings into statements, the most carried wording
//! first: a wording joins a statement when it is near-identical to the
//! statement's first wording ([`near`]: most words shared in order, the
//! same dates, no number added or cut, no name or content word replaced by
//! another). A number changed in place ("rose to 21" / "rose to 24") is a
//! wording of its own within the statement, its diff one key away and its
//! disagreement in the discrepancies: two hundred outlets carrying twenty
//! versions of a death toll are one statement, not twenty thousand
//! pairs. Candidates come
//! from MinHash signatures of word pairs in bands (locality-sensitive
//! hashing), indexed for each statement's first wording only, so the work
//! grows with the sentences and not with their pairs.
//!
//! A statement carried by few sources is not folded: up to
//! [`PAIRWISE_CARRIERS`] carriers, every pair is matched and listed as
//! before, so small sets give exactly what they gave.

use std::hash::{BuildHasher, Hash, Hasher};

use rustc_hash::FxHashMap;

use super::score::{SentenceRef, hash_word, is_name, lcs_len};
use crate::ingest::Article;
use crate::text::{lexicon, words};

/// A statement carried by more sources than this is folded onto one
/// carrier; by this many or fewer, every pair is still matched (45 pairs
/// at most: a list a reader can step through).
pub const PAIRWISE_CARRIERS: usize = 10;

/// Near-identical wordings share, in order, at least this share of the
/// shorter one's words (one word changed in seven)...
const NEAR_OF_SHORTER: f32 = 0.85;
/// ...and of the longer one's (a clause added or cut, not more than half
/// the sentence).
const NEAR_OF_LONGER: f32 = 0.5;
/// A wording of fewer words is folded only word for word: one word
/// changed in a short line makes another line.
const NEAR_MIN_WORDS: usize = 6;
/// MinHash signature: `BANDS` bands of `ROWS` minima each. Two wordings
/// whose word pairs overlap by a Jaccard index `j` share a band with
/// probability `1 - (1 - j^ROWS)^BANDS`: 0.99 at 0.7, 0.80 at 0.5, 0.09
/// at 0.2. A pair missed is only left unfolded (matched as before).
const BANDS: usize = 12;
const ROWS: usize = 3;
/// A wording is checked against at most this many candidate statements:
/// sentences cast in one mould with other particulars ("Shares of X rose
/// N%") share bands without joining, and must not make the search
/// quadratic.
const MAX_CANDIDATES: usize = 32;

/// Not folded: the sentence stands for itself.
const NONE: u32 = u32::MAX;

/// The statements carried by more than [`PAIRWISE_CARRIERS`] articles,
/// word for word or nearly so.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Copies {
    /// Each folded statement's wordings: the carriers of one text (the
    /// same words), one sentence per article, in article order; the
    /// wording most carry first, and one article in one wording only.
    /// In the order of their first carriers.
    pub statements: Vec<Vec<Vec<SentenceRef>>>,
    /// Each statement's first carrier in article order, whatever its
    /// wording: it stands for them all (so a copy pairs with one article
    /// for a whole run of statements).
    firsts: Vec<SentenceRef>,
    /// `statement_of[article][sentence]`: the index in `statements` of the
    /// statement the sentence is a copy of, or `NONE`.
    statement_of: Vec<Vec<u32>>,
}

impl Copies {
    /// Finds the statements more than [`PAIRWISE_CARRIERS`] articles carry.
    /// An article carrying a statement twice counts once, with the
    /// sentence of the most carried wording (its first on a tie).
    pub fn find(articles: &[Article]) -> Copies {
        let wordings = wordings(articles);
        let statements: Vec<Vec<Vec<SentenceRef>>> = near_families(articles, &wordings)
            .into_iter()
            .filter(|family| family.iter().map(|&w| wordings[w].len()).sum::<usize>() > PAIRWISE_CARRIERS)
            .map(|family| one_per_article(family.iter().map(|&w| &wordings[w])))
            .filter(|statement| carriers_of(statement) > PAIRWISE_CARRIERS)
            .collect();
        Copies::of(statements, articles)
    }

    /// The copies of `statements` among `articles`, in order.
    fn of(mut statements: Vec<Vec<Vec<SentenceRef>>>, articles: &[Article]) -> Copies {
        let first = |statement: &Vec<Vec<SentenceRef>>| statement.iter().filter_map(|w| w.first()).min().copied();
        statements.sort_by_cached_key(first);
        let firsts = statements.iter().filter_map(first).collect();
        let statement_of = statement_of(&statements, articles);
        Copies { statements, firsts, statement_of }
    }

    /// The carrier that stands for statement `index`: its first.
    pub fn first_of(&self, index: usize) -> SentenceRef {
        self.firsts[index]
    }

    /// The statement `sentence` is a copy of, when it is one of a folded
    /// statement's carriers.
    pub fn statement(&self, sentence: SentenceRef) -> Option<usize> {
        let index = *self.statement_of.get(sentence.0)?.get(sentence.1)?;
        (index != NONE).then_some(index as usize)
    }

    /// The sentence that stands for `sentence` in pairwise work: its
    /// statement's first carrier, or itself.
    pub fn first(&self, sentence: SentenceRef) -> SentenceRef {
        self.statement(sentence).map_or(sentence, |statement| self.firsts[statement])
    }

    /// Whether `sentence` is folded: a copy standing behind its
    /// statement's first carrier.
    pub fn folded(&self, sentence: SentenceRef) -> bool {
        self.first(sentence) != sentence
    }

    /// How many articles carry `sentence`'s statement, in any of its
    /// wordings (1 when it is not a folded statement).
    pub fn carriers(&self, sentence: SentenceRef) -> usize {
        self.statement(sentence).map_or(1, |statement| carriers_of(&self.statements[statement]))
    }

    /// How many sentences are folded: all carriers but one per statement.
    pub fn folded_count(&self) -> usize {
        self.statements.iter().map(|statement| carriers_of(statement) - 1).sum()
    }

    /// Whether any statement is folded.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// The copies among some of the articles, renumbered: `members` are
    /// the old indices kept, in order (article `members[i]` becomes `i`),
    /// and `articles` the kept articles. A statement left with one carrier
    /// is a copy of nothing.
    pub fn within(&self, members: &[usize], articles: &[Article]) -> Copies {
        let renumber =
            |(article, sentence): SentenceRef| members.binary_search(&article).ok().map(|new| (new, sentence));
        let statements: Vec<Vec<Vec<SentenceRef>>> = self
            .statements
            .iter()
            .map(|statement| {
                statement
                    .iter()
                    .map(|wording| wording.iter().filter_map(|&carrier| renumber(carrier)).collect::<Vec<_>>())
                    .filter(|wording| !wording.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|statement| carriers_of(statement) > 1)
            .collect();
        Copies::of(statements, articles)
    }
}

/// How many articles carry a statement: its wordings' carriers.
fn carriers_of(statement: &[Vec<SentenceRef>]) -> usize {
    statement.iter().map(Vec::len).sum()
}

/// `statement_of[article][sentence]` for `statements`.
fn statement_of(statements: &[Vec<Vec<SentenceRef>>], articles: &[Article]) -> Vec<Vec<u32>> {
    let mut statement_of: Vec<Vec<u32>> = articles.iter().map(|a| vec![NONE; a.sentences.len()]).collect();
    for (index, statement) in statements.iter().enumerate() {
        for &(article, sentence) in statement.iter().flatten() {
            statement_of[article][sentence] = index as u32;
        }
    }
    statement_of
}

/// A statement's wordings with each article kept in its first wording
/// only (an article may carry the statement twice, edited once).
fn one_per_article<'w>(family: impl Iterator<Item = &'w Vec<SentenceRef>>) -> Vec<Vec<SentenceRef>> {
    let mut seen = rustc_hash::FxHashSet::default();
    family
        .map(|wording| wording.iter().copied().filter(|carrier| seen.insert(carrier.0)).collect::<Vec<_>>())
        .filter(|wording| !wording.is_empty())
        .collect()
}

/// Every sentence grouped by its words (spacing aside), one sentence per
/// article in each group, in article order: the most carried wordings
/// first, then by first carrier.
fn wordings(articles: &[Article]) -> Vec<Vec<SentenceRef>> {
    let mut by_text: FxHashMap<u64, Vec<SentenceRef>> = FxHashMap::default();
    for (index, article) in articles.iter().enumerate() {
        for sentence in 0..article.sentences.len() {
            by_text.entry(text_hash(article.sentence(sentence))).or_default().push((index, sentence));
        }
    }
    let mut wordings: Vec<Vec<SentenceRef>> = by_text
        .into_values()
        .flat_map(|carriers| if carriers.len() == 1 { vec![carriers] } else { same_words(articles, carriers) })
        .collect();
    wordings.sort_unstable_by_key(|carriers| (std::cmp::Reverse(carriers.len()), carriers[0]));
    wordings
}

/// A sentence's words (split at whitespace) as one hash: spacing and line
/// breaks aside, the same hash is the same text.
fn text_hash(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
    for word in text.split_whitespace() {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

/// Splits sentences that share a hash into groups of the same words (a
/// collision of hashes is not a copy), each with one sentence per article.
fn same_words(articles: &[Article], mut carriers: Vec<SentenceRef>) -> Vec<Vec<SentenceRef>> {
    let words = |sentence: SentenceRef| articles[sentence.0].sentence(sentence.1).split_whitespace();
    let mut groups: Vec<Vec<SentenceRef>> = Vec::new();
    carriers.sort();
    for sentence in carriers {
        match groups.iter_mut().find(|group| words(group[0]).eq(words(sentence))) {
            Some(group) if group.last().is_some_and(|last| last.0 == sentence.0) => {}
            Some(group) => group.push(sentence),
            None => groups.push(vec![sentence]),
        }
    }
    groups
}

/// What near-identity compares of a wording: its folded words in order,
/// and its particulars (numbers, dates, names) as sorted folded hashes.
#[derive(Debug, Default)]
struct Wording {
    words: Vec<u64>,
    /// Numbers in digits or words (ordinals too).
    numbers: Vec<u64>,
    /// Weekdays and months.
    dates: Vec<u64>,
    /// Capitalised words inside the sentence ([`is_name`]).
    names: Vec<u64>,
    /// The other words that say something: not function words or verbs
    /// of saying.
    content: Vec<u64>,
}

impl Wording {
    fn of(text: &str) -> Wording {
        let mut wording = Wording::default();
        for (index, (_, word)) in words::words(text).enumerate() {
            let folded = hash_word(word);
            wording.words.push(folded);
            let calendar = words::is_capitalised(word)
                && (lexicon::month_number(word).is_some() || lexicon::weekday_number(word).is_some());
            let number = word.chars().any(|c| c.is_ascii_digit())
                || lexicon::is_number_name(word)
                || lexicon::is_ordinal_name(word);
            if calendar {
                wording.dates.push(folded);
            } else if number {
                wording.numbers.push(folded);
            } else if is_name(word, index == 0) {
                wording.names.push(folded);
            } else if !lexicon::with_lowercase(word, |w| lexicon::is_stopword(w) || lexicon::is_reporting_verb(w)) {
                wording.content.push(folded);
            }
        }
        for list in [&mut wording.numbers, &mut wording.dates, &mut wording.names, &mut wording.content] {
            list.sort_unstable();
        }
        wording
    }

    /// The keys of its signature's bands: two wordings sharing one are
    /// candidates.
    fn band_keys(&self) -> [u64; BANDS] {
        let mut minima = [u64::MAX; BANDS * ROWS];
        for pair in self.words.windows(2) {
            let shingle = pair[0].rotate_left(23) ^ pair[1];
            for (row, minimum) in minima.iter_mut().enumerate() {
                *minimum = (*minimum).min(mix(shingle ^ (row as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
            }
        }
        std::array::from_fn(|band| rustc_hash::FxBuildHasher.hash_one((band, &minima[band * ROWS..(band + 1) * ROWS])))
    }
}

/// A 64-bit finaliser (splitmix64): one independent hash per seed.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Whether `other` is a near-identical wording of `first`: their words in
/// order cover most of both (a word changed, a clause added or cut,
/// punctuation), the same dates, as many numbers (changed in place, as a
/// toll updated or mistyped is, but none added or cut), no name of one
/// replaced by another (a name only added or only cut, as an outlet adds its own, is
/// no other actor) and no word that says something replaced by another
/// ("a vote on the summit" / "on the bond": the same mould, another
/// statement; "the" / "a" and "said" / "stated" are edits).
fn near(first: &Wording, other: &Wording) -> bool {
    let (shorter, longer) = if first.words.len() <= other.words.len() {
        (first.words.len(), other.words.len())
    } else {
        (other.words.len(), first.words.len())
    };
    if shorter < NEAR_MIN_WORDS
        || (shorter as f32) < NEAR_OF_LONGER * longer as f32
        || first.dates != other.dates
        || first.numbers.len() != other.numbers.len()
    {
        return false;
    }
    let only = |x: &[u64], y: &[u64]| x.iter().any(|word| y.binary_search(word).is_err());
    let replaced = |x: &[u64], y: &[u64]| only(x, y) && only(y, x);
    if replaced(&first.names, &other.names) || replaced(&first.content, &other.content) {
        return false;
    }
    let common = lcs_len(&first.words, &other.words) as f32;
    common >= NEAR_OF_SHORTER * shorter as f32 && common >= NEAR_OF_LONGER * longer as f32
}

/// Wordings (most carried first) grouped into statements: each joins the
/// first statement whose first wording it is near-identical to, among the
/// candidates its signature finds, or starts one. Indices into `wordings`,
/// each statement's first wording first.
fn near_families(articles: &[Article], wordings: &[Vec<SentenceRef>]) -> Vec<Vec<usize>> {
    let text = |index: usize| articles[wordings[index][0].0].sentence(wordings[index][0].1);
    // Every wording read once, in parallel: in a pile of stories cast in
    // a few moulds most wordings share a band with dozens of statements,
    // and reading each statement's first wording again at every comparison
    // took more than half of a 5,000-article analysis.
    let read: Vec<(Wording, Option<[u64; BANDS]>)> = crate::par::map_range(wordings.len(), |index| {
        let wording = Wording::of(text(index));
        let keys = (wording.words.len() >= NEAR_MIN_WORDS).then(|| wording.band_keys());
        (wording, keys)
    });
    let mut families: Vec<Vec<usize>> = Vec::new();
    let mut heads: Vec<usize> = Vec::new();
    let mut buckets = Buckets::default();
    for (index, (wording, keys)) in read.iter().enumerate() {
        let candidates = keys.as_ref().map(|keys| buckets.candidates(keys)).unwrap_or_default();
        let joined = candidates.into_iter().take(MAX_CANDIDATES).find(|&family| near(&read[heads[family]].0, wording));
        match joined {
            Some(family) => families[family].push(index),
            None => {
                if let Some(keys) = keys {
                    buckets.insert(keys, families.len());
                }
                families.push(vec![index]);
                heads.push(index);
            }
        }
    }
    families
}

/// Statements by the band keys of their first wording. Most keys name one
/// statement (kept in `one`); the few that name more keep the others in
/// `more`.
#[derive(Default)]
struct Buckets {
    one: FxHashMap<u64, u32>,
    more: FxHashMap<u64, Vec<u32>>,
}

impl Buckets {
    fn insert(&mut self, keys: &[u64; BANDS], family: usize) {
        for &key in keys {
            match self.one.entry(key) {
                std::collections::hash_map::Entry::Vacant(entry) => {
                    entry.insert(family as u32);
                }
                std::collections::hash_map::Entry::Occupied(_) => self.more.entry(key).or_default().push(family as u32),
            }
        }
    }

    /// The statements sharing a band with `keys`, in order, once each.
    fn candidates(&self, keys: &[u64; BANDS]) -> Vec<usize> {
        let mut found: Vec<usize> = keys
            .iter()
            .flat_map(|key| self.one.get(key).into_iter().chain(self.more.get(key).into_iter().flatten()))
            .map(|&family| family as usize)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    /// Each text as the body of an article of its own.
    fn copies_of(texts: &[String]) -> Copies {
        let articles: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(index, text)| format!("Levee report {index}\n2025-03-05\n\n{text}"))
            .collect();
        Copies::find(&fixture::articles(&articles))
    }

    const WIRE: &str = "Flood waters rose over the Dunmore levee on Tuesday, officials said. \
        Rescue crews moved three hundred families to the school in Halvik. \
        The mayor asked residents to stay away from the river bank.";

    #[test]
    fn a_text_many_outlets_carry_is_folded_onto_its_first_carrier() {
        let mut texts: Vec<String> = (0..PAIRWISE_CARRIERS + 2).map(|_| WIRE.to_string()).collect();
        // One outlet edits a number in the second sentence and adds
        // spacing elsewhere.
        texts[3] = WIRE.replace("three hundred", "300").replace("The mayor", "The  mayor");
        texts.push("Markets were calm in Halvik on Tuesday.".into());
        let copies = copies_of(&texts);
        // The first and last sentences are carried by 12; the second by 11.
        assert_eq!(copies.statements.len(), 3, "{copies:?}");
        assert_eq!(copies.carriers((0, 0)), 12);
        assert_eq!(copies.carriers((0, 1)), 11);
        assert_eq!(copies.statement((3, 1)), None, "another number is another statement");
        assert_eq!(copies.carriers((3, 2)), 12, "spacing aside, the same words");
        assert_eq!(copies.first((5, 2)), (0, 2));
        assert!(copies.folded((5, 2)) && !copies.folded((0, 2)) && !copies.folded((12, 0)));
        assert_eq!(copies.folded_count(), 11 + 10 + 11);
    }

    #[test]
    fn a_text_few_outlets_carry_is_not_folded() {
        let texts: Vec<String> = (0..PAIRWISE_CARRIERS).map(|_| WIRE.to_string()).collect();
        assert!(copies_of(&texts).is_empty());
        assert!(Copies::find(&fixture::sample().articles).is_empty());
    }

    #[test]
    fn an_article_carrying_a_text_twice_counts_once() {
        let line = "Rescue crews moved three hundred families to the school in Halvik.";
        let mut texts: Vec<String> = (0..PAIRWISE_CARRIERS).map(|_| line.to_string()).collect();
        texts.push(format!("{line} Nothing else happened. {line}"));
        let copies = copies_of(&texts);
        assert_eq!(copies.statements.len(), 1, "{copies:?}");
        assert_eq!(copies.carriers((0, 0)), PAIRWISE_CARRIERS + 1);
        assert_eq!(copies.statement((PAIRWISE_CARRIERS, 2)), None);
    }

    const LINE: &str = "Rescue crews from four counties moved residents of the Halvik district to the secondary school overnight, where the council opened a shelter.";

    /// `LINE` carried by eight outlets as it is and by one each in the
    /// `edited` wordings.
    fn line_and(edited: &[String]) -> Copies {
        let mut texts: Vec<String> = (0..8).map(|_| LINE.to_string()).collect();
        texts.extend(edited.iter().cloned());
        copies_of(&texts)
    }

    #[test]
    fn near_identical_wordings_fold_into_one_statement_with_their_wordings() {
        let edited = [
            LINE.replace("from four counties", "from the four counties"),
            LINE.replace(", where the council opened a shelter", ""),
            LINE.replace("overnight,", "overnight, the Halvik Courier reported,"),
            LINE.replace("opened a shelter", "had opened a shelter"),
            LINE.replace(',', ""),
        ];
        let copies = line_and(&edited);
        assert_eq!(copies.statements.len(), 1, "{copies:?}");
        let statement = &copies.statements[0];
        assert_eq!(statement.iter().map(Vec::len).collect::<Vec<_>>(), [8, 1, 1, 1, 1, 1]);
        assert_eq!(copies.carriers((12, 0)), 13);
        assert_eq!(copies.first((12, 0)), (0, 0));
        // Twelve edited copies and fewer carriers: not folded.
        assert!(line_and(&edited[..2]).is_empty());
    }

    #[test]
    fn a_date_another_name_or_a_number_added_is_never_folded() {
        let edited = [
            LINE.replace("overnight", "on Tuesday"),
            LINE.replace("Halvik district", "Dunmore district"),
            LINE.replace("overnight", "for the second time"),
            LINE.replace("four counties", "four counties and 300 volunteers"),
            "Rescue crews moved residents to the school overnight.".to_string(),
        ];
        let mut more: Vec<String> = edited.to_vec();
        more.extend((0..3).map(|_| LINE.replace("overnight", "overnight on Monday")));
        let copies = line_and(&more);
        assert!(copies.is_empty(), "{copies:?}");
        let mut many: Vec<String> = more.clone();
        many.extend((0..3).map(|_| LINE.to_string()));
        let copies = line_and(&many);
        assert_eq!(copies.statements.len(), 1, "{copies:?}");
        assert_eq!(copies.carriers((0, 0)), 11, "the eleven word-for-word copies only");
        assert!((8..16).all(|article| copies.statement((article, 0)).is_none()));
    }

    #[test]
    fn a_number_changed_in_place_folds_as_a_wording_of_its_own() {
        // Eight outlets as it is, two with "five counties", one with "4":
        // eleven carriers, one statement in three wordings.
        let edited = [
            LINE.replace("four counties", "five counties"),
            LINE.replace("four counties", "five counties"),
            LINE.replace("four counties", "4 counties"),
        ];
        let copies = line_and(&edited);
        assert_eq!(copies.statements.len(), 1, "{copies:?}");
        assert_eq!(copies.statements[0].iter().map(Vec::len).collect::<Vec<_>>(), [8, 2, 1]);
        assert_eq!(copies.first((9, 0)), (0, 0));
        // Ten carriers in all: every pair is matched, nothing folded.
        assert!(line_and(&edited[..2]).is_empty());
    }

    #[test]
    fn near_identity_needs_most_words_in_order() {
        let of = |text: &str| Wording::of(text);
        let line = of(LINE);
        assert!(near(&line, &of(&LINE.replace("the council", "a council"))));
        assert!(!near(&line, &of(&LINE.replace("shelter", "kitchen"))), "another thing said");
        let plain = of(
            "Rescue crews moved residents of the Halvik district to the school, where the council opened a shelter.",
        );
        assert!(near(&plain, &of("Rescue crews moved residents of the Halvik district to the school.")));
        assert!(!near(&plain, &of("Rescue crews moved residents to a shelter.")), "more than half cut");
        assert!(!near(&of("Markets were calm today."), &of("Markets were calm today.")), "too short");
        // The same words in another order are another sentence.
        let shuffled: Vec<&str> = LINE.split(' ').rev().collect();
        assert!(!near(&line, &of(&shuffled.join(" "))));
        // Another name in the same place is another actor; an added one is not.
        assert!(!near(
            &of("Mayor Varnholt asked residents to stay away from the river bank."),
            &of("Mayor Keller asked residents to stay away from the river bank.")
        ));
        assert!(near(
            &of("The mayor asked residents to stay away from the river bank, Reuters reported."),
            &of("The mayor asked residents to stay away from the river bank.")
        ));
    }

    #[test]
    fn near_identical_wordings_share_a_band() {
        let line = Wording::of(LINE).band_keys();
        let edited = Wording::of(&LINE.replace("secondary school", "high school")).band_keys();
        assert!(line.iter().zip(&edited).any(|(x, y)| x == y));
        let other = Wording::of("The regional weather service forecast more heavy rain across the valley.").band_keys();
        assert!(line.iter().zip(&other).all(|(x, y)| x != y));
    }
}
