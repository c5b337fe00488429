//! Word lists for English news text: function words, abbreviations, calendar
//! names, reporting verbs and the spelling and wording variants that outlets
//! use for the same thing. Lists only; the rules that use them live with the
//! stage that needs them.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Runs `f` on `word` in ASCII lower case, without allocating for a word
/// of up to 32 bytes (these lookups run on every word of every article).
pub fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    match buffer.get_mut(..word.len()) {
        Some(bytes) => {
            bytes.copy_from_slice(word.as_bytes());
            bytes.make_ascii_lowercase();
            // Lower-casing ASCII bytes keeps the text valid UTF-8.
            match std::str::from_utf8(bytes) {
                Ok(lower) => f(lower),
                Err(_) => f(&word.to_ascii_lowercase()),
            }
        }
        None => f(&word.to_ascii_lowercase()),
    }
}

/// Runs `f` on `word` in lower case ([`str::to_lowercase`]), without
/// allocating for a short ASCII word.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() { with_ascii_lowercase(word, f) } else { f(&word.to_lowercase()) }
}

/// Month names and their abbreviations, by month number (1-based).
pub fn month_number(word: &str) -> Option<i8> {
    with_ascii_lowercase(word.trim_end_matches('.'), month_number_lower)
}

fn month_number_lower(w: &str) -> Option<i8> {
    let m = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Regex alternation of month names and abbreviations (capitalised).
pub const MONTH_ALT: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// Regex alternation of full month names only.
pub const MONTH_FULL_ALT: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// Regex alternation of weekday names (capitalised), full and abbreviated.
pub const WEEKDAY_ALT: &str =
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun";

/// Weekday number, Monday = 0.
pub fn weekday_number(word: &str) -> Option<i8> {
    with_ascii_lowercase(word.trim_end_matches('.'), weekday_number_lower)
}

fn weekday_number_lower(w: &str) -> Option<i8> {
    let n = match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    };
    Some(n)
}

/// Numbers written as words (`four`, `hundred`, `dozens`), matched in any
/// case.
pub fn is_number_name(word: &str) -> bool {
    with_ascii_lowercase(word, is_number_name_lower)
}

fn is_number_name_lower(word: &str) -> bool {
    matches!(
        word,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
            | "thousand"
            | "dozen"
            | "dozens"
    )
}

/// Ordinal numbers written as words (`third`, `tenth`), matched in any
/// case.
pub fn is_ordinal_name(word: &str) -> bool {
    ordinal_number(word).is_some()
}

/// The number an ordinal names, written as a word (`third` is 3) or in
/// digits (`3rd`, `21st`), in any case.
pub fn ordinal_number(word: &str) -> Option<u32> {
    with_ascii_lowercase(word, ordinal_number_lower)
}

fn ordinal_number_lower(w: &str) -> Option<u32> {
    let named = match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "twentieth" => 20,
        "hundredth" => 100,
        _ => {
            let digits =
                w.strip_suffix("st").or(w.strip_suffix("nd")).or(w.strip_suffix("rd")).or(w.strip_suffix("th"))?;
            return digits.parse().ok().filter(|_| digits.chars().all(|c| c.is_ascii_digit()));
        }
    };
    Some(named)
}

/// Abbreviations that precede a name or number and never end a sentence.
pub fn is_title_abbreviation(word: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(word)
}

/// The abbreviations of US states as AP style writes them after a city
/// (`SCRANTON, Pa.`, `Jackson, Miss.`); states written with two initials
/// (`N.Y.`) are dotted abbreviations and need no list.
pub fn is_state_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Ala"
            | "Ariz"
            | "Ark"
            | "Calif"
            | "Colo"
            | "Conn"
            | "Del"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Ind"
            | "Kan"
            | "Ky"
            | "La"
            | "Md"
            | "Mass"
            | "Mich"
            | "Minn"
            | "Miss"
            | "Mo"
            | "Mont"
            | "Neb"
            | "Nev"
            | "Okla"
            | "Ore"
            | "Pa"
            | "Tenn"
            | "Vt"
            | "Va"
            | "Wash"
            | "Wis"
            | "Wyo"
    )
}

/// Abbreviations that usually continue the sentence but may end one
/// (`... Apple Inc. The company`, `... on Nov. 19`). A month written in
/// full (May, June, July) is a word, not an abbreviation: `signed in June.
/// Investors ...` is two sentences.
pub fn is_soft_abbreviation(word: &str) -> bool {
    month_number(word).is_some()
        && word.len() <= 4
        && !with_ascii_lowercase(word, |w| matches!(w, "may" | "june" | "july"))
        || matches!(
            word,
            "Inc"
                | "Corp"
                | "Ltd"
                | "Co"
                | "Plc"
                | "LLC"
                | "etc"
                | "al"
                | "est"
                | "ret"
                | "Ret"
                | "Ph"
                | "Mon"
                | "Tue"
                | "Tues"
                | "Wed"
                | "Thu"
                | "Thurs"
                | "Fri"
                | "Sat"
                | "Sun"
        )
}

/// Words that name a news organisation (`Metro Wire Service`, `Coast
/// Herald`, `Radio Free Europe`), lowercase: a short capitalised line
/// holding one is an outlet, not a person.
pub fn is_outlet_word(word: &str) -> bool {
    OUTLET_WORDS.contains(word.to_lowercase().as_str())
}

/// Section names that sites print in capitals above or before a story
/// (`WORLD`, `TECHNOLOGY`, `CONFLICT & PEACE PROCESSES`).
pub fn is_section_word(word: &str) -> bool {
    matches!(
        word,
        "WORLD"
            | "NEWS"
            | "POLITICS"
            | "BUSINESS"
            | "ECONOMY"
            | "MARKETS"
            | "FINANCE"
            | "TECHNOLOGY"
            | "TECH"
            | "SCIENCE"
            | "HEALTH"
            | "SPORTS"
            | "SPORT"
            | "CULTURE"
            | "ARTS"
            | "OPINION"
            | "ANALYSIS"
            | "EUROPE"
            | "AMERICAS"
            | "ASIA"
            | "AFRICA"
            | "NATIONAL"
            | "INTERNATIONAL"
            | "LOCAL"
            | "REGIONAL"
            | "ENTERTAINMENT"
            | "LIFESTYLE"
            | "ENVIRONMENT"
            | "CLIMATE"
            | "CRIME"
            | "JUSTICE"
            | "DEFENSE"
            | "DEFENCE"
            | "SECURITY"
            | "DIPLOMACY"
            | "BREAKING"
            | "EXCLUSIVE"
            | "LIVE"
            | "TRANSPORT"
            | "TRAVEL"
            | "ENERGY"
            | "EDUCATION"
            | "WEATHER"
            | "CONFLICT"
            | "PEACE"
            | "PROCESSES"
            | "AFFAIRS"
    )
}

/// The names of a site's sections and services as its menus print them
/// (`Latest`, `Weather Forecast`, `Breaking News`), compared in lower case:
/// a label over a story, never an outlet's name.
pub fn is_site_section(name: &str) -> bool {
    SITE_SECTIONS.contains(name.trim().to_lowercase().as_str())
}

/// The names of [`is_site_section`].
static SITE_SECTIONS: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "latest",
        "latest news",
        "latest stories",
        "just in",
        "news",
        "top news",
        "breaking",
        "breaking news",
        "local",
        "local news",
        "national",
        "national news",
        "world",
        "world news",
        "international",
        "politics",
        "business",
        "money",
        "economy",
        "markets",
        "tech",
        "technology",
        "science",
        "health",
        "sport",
        "sports",
        "entertainment",
        "lifestyle",
        "culture",
        "arts",
        "travel",
        "opinion",
        "opinions",
        "comment",
        "analysis",
        "weather",
        "weather forecast",
        "forecast",
        "local weather",
        "traffic",
        "weather and traffic",
        "live",
        "live updates",
        "watch live",
        "video",
        "videos",
        "photos",
        "galleries",
        "podcasts",
        "radio",
        "home",
        "homepage",
        "trending",
        "trending now",
        "top stories",
        "most read",
        "most popular",
        "editor's picks",
        "obituaries",
        "community",
        "crime",
        "education",
        "environment",
        "climate",
        "newsletters",
        "e-edition",
    ])
});

/// Words that often open a sentence: after an ambiguous abbreviation such as
/// `U.S.` or `a.m.`, one of these is taken as the start of a new sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(word)
}

/// Words that deny what follows them (`no`, `not`, `never`, `without`); a
/// word ending in `n't` does too. Matched on the lower-cased surface form.
pub fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't") || w.ends_with("n’t")
}

/// Words that open a new clause (`but`, `whether`, `which`): a negation
/// before one does not reach past it. Matched on the lower-cased surface form.
pub fn opens_clause(w: &str) -> bool {
    CLAUSE_OPENERS.contains(&w)
}

/// English function words and other words that carry no topic on their own.
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(w)
}

/// Words of a reaction to a happening, not a happening: condolences,
/// prayers, sorrow (`condolences`, `saddened`, `prayers`). Matched on the
/// lower-cased surface form.
pub fn is_reaction_word(w: &str) -> bool {
    REACTION_WORDS.contains(&w)
}

/// The words of [`is_reaction_word`].
const REACTION_WORDS: &[&str] = &[
    "condolence",
    "condolences",
    "sympathy",
    "sympathies",
    "prayers",
    "saddened",
    "heartbroken",
    "mourn",
    "mourns",
    "mourning",
    "grieving",
    "tribute",
    "tributes",
    "solidarity",
];

/// Words that rank a thing against others: `deadliest`, `worst`, `first`,
/// `most`. "The deadliest quake since 1985" compares; it does not date.
/// Matched on the lower-cased surface form: a listed word, or one ending
/// in `-iest` (`costliest`, `busiest`; also `priest`: callers ask for a
/// determiner before it).
pub fn is_superlative(w: &str) -> bool {
    SUPERLATIVES.contains(&w) || w.len() > 5 && w.ends_with("iest")
}

/// The words of [`is_superlative`] that do not end in `-iest`.
const SUPERLATIVES: &[&str] = &[
    "worst",
    "best",
    "biggest",
    "largest",
    "strongest",
    "highest",
    "lowest",
    "longest",
    "greatest",
    "hottest",
    "coldest",
    "wettest",
    "fastest",
    "slowest",
    "smallest",
    "oldest",
    "sharpest",
    "steepest",
    "weakest",
    "most",
    "first",
    "fewest",
    "tallest",
    "widest",
    "toughest",
];

/// Verbs of saying: they mark a statement, and say little about its topic.
/// Matched on the lower-cased surface form.
pub fn is_reporting_verb(w: &str) -> bool {
    REPORTING_VERBS.contains(w)
}

/// The country a demonym names (`Irish` -> `ireland`), so "Irish
/// retailers" and "retailers in Ireland" share the term. Folded input.
pub fn demonym_country(w: &str) -> Option<&'static str> {
    Some(match w {
        "irish" => "ireland",
        "british" => "britain",
        "scottish" => "scotland",
        "welsh" => "wales",
        "french" => "france",
        "german" | "germans" => "germany",
        "italian" | "italians" => "italy",
        "spanish" => "spain",
        "portuguese" => "portugal",
        "dutch" => "netherlands",
        "belgian" | "belgians" => "belgium",
        "swiss" => "switzerland",
        "austrian" | "austrians" => "austria",
        "polish" => "poland",
        "czech" => "czechia",
        "hungarian" | "hungarians" => "hungary",
        "romanian" | "romanians" => "romania",
        "greek" | "greeks" => "greece",
        "swedish" => "sweden",
        "danish" => "denmark",
        "norwegian" | "norwegians" => "norway",
        "finnish" => "finland",
        "russian" | "russians" => "russia",
        "ukrainian" | "ukrainians" => "ukraine",
        "turkish" => "turkiye",
        "israeli" | "israelis" => "israel",
        "palestinian" | "palestinians" => "palestine",
        "iranian" | "iranians" => "iran",
        "iraqi" | "iraqis" => "iraq",
        "syrian" | "syrians" => "syria",
        "lebanese" => "lebanon",
        "egyptian" | "egyptians" => "egypt",
        "afghan" | "afghans" => "afghanistan",
        "pakistani" | "pakistanis" => "pakistan",
        "indian" | "indians" => "india",
        "chinese" => "china",
        "japanese" => "japan",
        "korean" | "koreans" => "korea",
        "australian" | "australians" => "australia",
        "canadian" | "canadians" => "canada",
        "mexican" | "mexicans" => "mexico",
        "brazilian" | "brazilians" => "brazil",
        "argentine" | "argentinian" | "argentinians" => "argentina",
        "colombian" | "colombians" => "colombia",
        "venezuelan" | "venezuelans" => "venezuela",
        "nigerian" | "nigerians" => "nigeria",
        "kenyan" | "kenyans" => "kenya",
        "european" | "europeans" => "europe",
        _ => return None,
    })
}

/// Spelling variants of one word or name, mapped to one form. Applied to
/// lower-cased, accent-folded words before stemming.
pub fn spelling_variant(w: &str) -> Option<&'static str> {
    Some(match w {
        "kiev" => "kyiv",
        "kharkov" => "kharkiv",
        "odessa" => "odesa",
        "lvov" | "lviv" => "lviv",
        "zelenskyy" | "zelenskiy" | "zelenskii" | "zelenski" => "zelensky",
        "zaporozhye" | "zaporizhia" | "zaporizhzhia" => "zaporizhzhia",
        "donbass" => "donbas",
        "turkey" | "turkiye" => "turkiye",
        "erdogan" => "erdogan",
        "gaddafi" | "qaddafi" | "kadhafi" => "gaddafi",
        "beijing" | "peking" => "beijing",
        "mumbai" | "bombay" => "mumbai",
        "burma" | "myanmar" => "myanmar",
        "defence" => "defense",
        "offence" => "offense",
        "licence" => "license",
        "centre" => "center",
        "metre" => "meter",
        "theatre" => "theater",
        "programme" => "program",
        "travelled" | "travelling" => "traveled",
        "cancelled" | "cancelling" => "canceled",
        "labelled" | "labelling" => "labeled",
        "signalled" | "signalling" => "signaled",
        "fuelled" | "fuelling" => "fueled",
        "modelled" | "modelling" => "modeled",
        "favour" => "favor",
        "labour" => "labor",
        "honour" => "honor",
        "neighbour" | "neighbours" => "neighbor",
        "behaviour" => "behavior",
        "dan" | "danny" => "daniel",
        "mike" => "michael",
        "bill" => "william",
        "bob" | "rob" => "robert",
        "jim" | "jimmy" => "james",
        "joe" => "joseph",
        "tom" => "thomas",
        "dave" => "david",
        "steve" => "steven",
        "nick" => "nicholas",
        "alex" => "alexander",
        "chris" => "christopher",
        "tony" => "anthony",
        _ => return None,
    })
}

/// Words that news outlets use interchangeably for one idea, mapped to one
/// concept label. Applied to stems (see `align::terms`), so each entry lists
/// the Snowball stems of the words it covers.
pub fn concept(stem: &str) -> Option<&'static str> {
    CONCEPT_OF.get(stem).copied()
}

/// Irregular past forms that tell of what happened.
pub fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "had"
            | "did"
            | "said"
            | "told"
            | "met"
            | "went"
            | "came"
            | "gave"
            | "began"
            | "fell"
            | "rose"
            | "took"
            | "made"
            | "left"
            | "held"
            | "struck"
            | "won"
            | "lost"
            | "sent"
            | "spoke"
            | "wrote"
            | "saw"
            | "found"
            | "brought"
            | "kept"
            | "ran"
            | "led"
            | "sank"
            | "broke"
            | "flew"
            | "drew"
            | "grew"
            | "threw"
            | "stood"
            | "knew"
            | "paid"
            | "sold"
            | "spent"
            | "built"
            | "hit"
            | "got"
            | "became"
    )
}

/// Words that make up share bars and media tabs (`Share on Facebook`,
/// `Copy link`, `Photo gallery`), lowercase.
pub fn is_widget_word(word: &str) -> bool {
    WIDGET_WORDS.contains(word.to_lowercase().as_str())
}

/// News agencies as credits name them (`EFE`, `Yonhap`, `Reuters`),
/// case as written.
pub fn is_news_agency(name: &str) -> bool {
    NEWS_AGENCIES.contains(name)
}

/// Well-known outlets whose names hold no word outlets are named by
/// (`Al Jazeera`, `NPR`, `The Atlantic`), case as written: a name alone
/// on a line of the header names the outlet.
pub fn is_outlet_name(name: &str) -> bool {
    OUTLET_NAMES.contains(name)
}

/// A set of words, looked up whole and case-sensitively.
/// The words of [`is_negation`].
const NEGATIONS: &[&str] = &["no", "not", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"];

/// The words of [`opens_clause`].
const CLAUSE_OPENERS: &[&str] = &[
    "but", "and", "or", "whether", "if", "that", "because", "which", "who", "whom", "whose", "when", "while",
    "although", "though", "as", "so", "after", "before", "until", "since", "where",
];

type WordSet = FxHashSet<&'static str>;

fn word_set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// The words of [`is_title_abbreviation`].
static TITLE_ABBREVIATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl",
        "Pvt", "Brig", "Sen", "Rep", "Gov", "Pres", "Rev", "Hon", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Amb", "Supt",
        "Insp", "Det", "Messrs", "Mme", "Mlle", "vs", "v", "No", "Nos", "no", "Art", "Sec", "Vol", "Fig", "pp",
        "approx", "cf", "ca", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Bros", "Gov't",
    ])
});

/// The names of [`is_outlet_name`].
static OUTLET_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "Al Jazeera",
        "Al Jazeera English",
        "Al Arabiya",
        "Al-Monitor",
        "NPR",
        "CNN",
        "CNBC",
        "MSNBC",
        "BBC",
        "ABC",
        "CBS",
        "NBC",
        "PBS",
        "CBC",
        "SBS",
        "RNZ",
        "RTÉ",
        "RTE",
        "ITV",
        "NHK",
        "KBS",
        "DW",
        "Deutsche Welle",
        "France 24",
        "Euronews",
        "VOA",
        "RFE/RL",
        "CGTN",
        "TRT World",
        "Politico",
        "POLITICO",
        "Axios",
        "Semafor",
        "Vox",
        "Slate",
        "Bloomberg",
        "Forbes",
        "Newsweek",
        "TIME",
        "Wired",
        "ProPublica",
        "HuffPost",
        "BuzzFeed",
        "Haaretz",
        "Dawn",
        "Rappler",
        "Mediapart",
        "Meduza",
        "Caixin",
        "Nikkei Asia",
        "Le Monde",
        "Le Figaro",
        "Der Spiegel",
        "Die Zeit",
        "El País",
        "El Mundo",
        "La Repubblica",
        "Corriere della Sera",
        "The Atlantic",
        "The Economist",
        "The Hill",
        "The Hindu",
        "The Intercept",
        "The Verge",
        "The Wire",
        "The Conversation",
        "The New Yorker",
        "The Kyiv Independent",
        "The New York Times",
        "The Washington Post",
        "The Wall Street Journal",
    ])
});

/// The words of [`is_outlet_word`], lowercase.
static OUTLET_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "news",
        "newswire",
        "wire",
        "service",
        "press",
        "post",
        "times",
        "herald",
        "journal",
        "tribune",
        "gazette",
        "chronicle",
        "telegraph",
        "guardian",
        "observer",
        "courier",
        "dispatch",
        "ledger",
        "monitor",
        "record",
        "register",
        "bulletin",
        "daily",
        "weekly",
        "today",
        "express",
        "mail",
        "standard",
        "independent",
        "insider",
        "review",
        "report",
        "agency",
        "radio",
        "tv",
        "television",
        "network",
        "broadcasting",
        "media",
        "magazine",
        "sentinel",
        "examiner",
        "inquirer",
        "enquirer",
        "star",
        "sun",
        "mirror",
        "globe",
        "argus",
        "advertiser",
        "leader",
        "pioneer",
        "banner",
        "beacon",
        "clarion",
        "bureau",
        "wires",
        "online",
    ])
});

/// The words of [`is_sentence_starter`].
static SENTENCE_STARTERS: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "However",
        "Meanwhile",
        "Moreover",
        "Still",
        "Also",
        "In",
        "On",
        "At",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "Since",
        "According",
        "Officials",
        "Some",
        "Many",
        "No",
        "Not",
        "What",
        "Who",
        "Why",
        "How",
        "Within",
        "During",
        "Despite",
        "Although",
        "Though",
        "Because",
        "Until",
        "Unless",
        "Once",
        "Each",
        "Every",
        "Both",
        "Neither",
        "Such",
        "My",
        "Your",
        "Then",
        "Now",
        "Here",
        "Later",
        "Earlier",
        "Only",
        "Even",
        "Instead",
        "Thus",
        "Indeed",
        "Nevertheless",
        "Nonetheless",
        "Furthermore",
        "Overall",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Asked",
    ])
});

/// The words of [`is_stopword`].
static STOPWORDS: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "even",
        "ever",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "may",
        "me",
        "meanwhile",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "neither",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "onto",
        "or",
        "other",
        "others",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "same",
        "shall",
        "she",
        "should",
        "since",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "already",
        "although",
        "another",
        "around",
        "because",
        "still",
        "among",
        "amid",
        "despite",
        "including",
        "like",
        "many",
        "every",
        "toward",
        "towards",
        "across",
        "along",
        "alongside",
        "ago",
        "later",
        "earlier",
        "recently",
        "recent",
        "s",
        "t",
        "percent",
        "pct",
        // of "per cent"
        "cent",
    ])
});

/// The words of [`is_reporting_verb`].
static REPORTING_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "stated",
        "states",
        "added",
        "adds",
        "noted",
        "notes",
        "announced",
        "announces",
        "declared",
        "claimed",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "dismissed",
        "dismisses",
        "insisted",
        "insists",
        "stressed",
        "stresses",
        "emphasized",
        "emphasised",
        "emphasizes",
        "emphasises",
        "reiterated",
        "reiterates",
        "warned",
        "warns",
        "urged",
        "urges",
        "condemned",
        "condemns",
        "posted",
        "wrote",
        "writes",
        "tweeted",
        "argued",
        "argues",
        "asserted",
        "asserting",
        "explained",
        "acknowledged",
        "admitted",
        "replied",
        "responded",
        "rejected",
        "welcomed",
        "expressed",
        "described",
        "called",
        "suggested",
        "revealed",
        "reported",
        "commented",
        "saying",
        "telling",
        "stating",
        "adding",
        "noting",
        "insisting",
        "dismissing",
        "signalling",
        "signaling",
    ])
});

/// The concepts of [`concept`]: each label and the stems it covers.
const CONCEPTS: &[(&str, &[&str])] = &[
    ("~approve", &["approv", "endors", "greenlight", "authoriz", "sanction", "rubberstamp"]),
    ("~travel", &["travel", "arriv", "visit", "trip", "journey", "went"]),
    ("~war", &["war", "conflict", "fight", "hostil", "bloodsh"]),
    ("~end", &["end", "halt", "stop", "resolv", "resolut", "ceas", "termin"]),
    ("~plan", &["plan", "propos", "framework", "blueprint", "initi", "draft", "document"]),
    ("~create", &["develop", "craft", "shape", "draw", "drawn", "drew", "creat", "devis", "design", "prepar"]),
    ("~talk", &["negoti", "talk", "discuss", "dialogu", "convers"]),
    ("~meet", &["meet", "met", "meetings", "summit"]),
    ("~inform", &["inform", "brief", "notifi"]),
    ("~present", &["present", "share", "deliv", "submit"]),
    ("~involve", &["involv", "consult", "role", "particip", "input"]),
    ("~guarantee", &["guarante", "assur", "safeguard"]),
    ("~official", &["offici", "administr"]),
    ("~spokesperson", &["spokesperson", "spokesman", "spokeswoman", "spokespeopl", "spokesmen", "spokeswomen"]),
    ("~kill", &["kill", "dead", "death", "die", "fatal"]),
    ("~attack", &["attack", "strike", "assault", "bombard", "barrag", "raid"]),
    ("~military", &["militari", "armi", "pentagon", "troop", "forc", "soldier"]),
    ("~delegation", &["deleg", "mission", "team", "envoy", "emissari"]),
    ("~demand", &["demand", "requir"]),
    ("~territory", &["territori", "land", "region"]),
    // refuse
    ("~reject", &["refus", "reject", "deni", "dismiss", "downplay"]),
    ("~receive", &["receiv", "obtain", "get", "got"]),
    ("~fall", &["fell", "fall", "drop", "declin", "slid", "slip", "tumbl", "plung", "plummet", "slump"]),
    (
        "~rise",
        &[
            "rose", "rise", "climb", "jump", "soar", "surg", "rallied", "ralli", "rais", "lift", "hike", "increas",
            "boost",
        ],
    ),
    // withdraw from sale
    ("~recall", &["recal", "withdraw", "withdrawn", "withdrew"]),
    ("~detain", &["detain", "arrest"]),
    ("~pharmacy", &["pharmaci", "drugstor", "chemist"]),
    ("~inspect", &["inspect", "inspector"]),
    ("~investigate", &["investig", "investigator", "probe", "inquiri", "enquiri"]),
    ("~problem", &["problem", "flaw", "defici", "shortcom"]),
    ("~outage", &["outag", "failur", "blackout", "disrupt"]),
    ("~largest", &["biggest", "largest", "steepest", "sharpest"]),
    ("~capsize", &["capsiz", "overturn", "keel"]),
    ("~soon", &["soon", "short", "immin"]),
    ("~durable", &["durabl", "perman", "endur"]),
];

/// [`CONCEPTS`] by stem.
static CONCEPT_OF: LazyLock<FxHashMap<&str, &str>> = LazyLock::new(|| {
    CONCEPTS.iter().flat_map(|&(label, stems)| stems.iter().map(move |&stem| (stem, label))).collect()
});

/// The words of [`is_widget_word`].
static WIDGET_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "share",
        "shares",
        "sharing",
        "on",
        "via",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "email",
        "e",
        "mail",
        "print",
        "copy",
        "link",
        "copied",
        "gallery",
        "galleries",
        "video",
        "videos",
        "photo",
        "photos",
        "tweet",
        "messenger",
        "viber",
        "vk",
        "flipboard",
        "comment",
        "comments",
        "save",
        "bookmark",
        "follow",
        "us",
        "subscribe",
        "more",
        "listen",
        "audio",
        "tumblr",
        "threads",
        "bluesky",
        "instagram",
        "youtube",
        "tiktok",
        "rss",
        "sms",
        "to",
        "the",
        "article",
        "story",
        "this",
        "news",
        "google",
        "weibo",
        "wechat",
        "line",
        "address",
    ])
});

/// The names of [`is_news_agency`].
static NEWS_AGENCIES: LazyLock<WordSet> = LazyLock::new(|| {
    word_set(&[
        "AP",
        "AFP",
        "Reuters",
        "EPA",
        "EFE",
        "Xinhua",
        "ANSA",
        "dpa",
        "DPA",
        "Anadolu",
        "PTI",
        "ANI",
        "IANS",
        "Yonhap",
        "Kyodo",
        "TASS",
        "Sputnik",
        "UPI",
        "AAP",
        "Bernama",
        "Antara",
        "KUNA",
        "WAM",
        "SPA",
        "MENA",
        "IRNA",
        "ISNA",
        "Tasnim",
        "Mehr",
        "Interfax",
        "RIA Novosti",
        "Ukrinform",
        "PAP",
        "CTK",
        "ČTK",
        "APA",
        "Belga",
        "ANP",
        "NTB",
        "TT",
        "Ritzau",
        "STT",
        "Lusa",
        "Europa Press",
        "Agencia Brasil",
        "Notimex",
        "Telam",
        "Prensa Latina",
        "CNA",
        "Kyodo News",
        "Jiji",
        "KCNA",
        "Xinhua News Agency",
        "Associated Press",
    ])
});

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_lowercase_helpers_lower_case_as_the_standard_library_does(word in "\\PC{0,40}") {
            proptest::prop_assert_eq!(with_ascii_lowercase(&word, str::to_string), word.to_ascii_lowercase());
            proptest::prop_assert_eq!(with_lowercase(&word, str::to_string), word.to_lowercase());
        }
    }

    #[test]
    fn calendar_and_number_words_match_in_any_case() {
        assert_eq!(month_number("SEPT."), Some(9));
        assert_eq!(month_number("Sept."), month_number("september"));
        assert_eq!(weekday_number("THURS."), Some(3));
        assert_eq!(ordinal_number("TWENTIETH"), Some(20));
        assert_eq!(ordinal_number("21ST"), Some(21));
        assert!(is_number_name("Dozens"));
        let long = "a".repeat(40);
        assert_eq!(with_ascii_lowercase(&long.to_uppercase(), str::to_string), long);
    }
}
