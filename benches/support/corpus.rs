//! A deterministic generator of news-like corpora for benchmarks and scale
//! tests: N articles in clustered stories, each story a set of facts that its
//! articles report verbatim (quotes, wire copy), lightly edited, or
//! reworded, among sentences of their own. Headers vary in shape like saved
//! pages do. The same seed always gives the same corpus.
//!
//! Used by `benches/`, `examples/gen_corpus.rs` and scale tests through
//! `#[path]` includes, so it is not part of the library.

#![allow(dead_code, reason = "each bench and example includes it and uses a part")]

/// A small, fast, deterministic PRNG (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Marek", "Sofia", "Daniel", "Leila", "Tomas", "Ingrid", "Kofi", "Mei", "Rafael", "Olga", "Samir", "Helen",
    "Jonas", "Priya", "Viktor", "Amara", "Lukas", "Nadia", "Pedro", "Yusuf", "Clara", "Emeka", "Hana", "Igor", "Lena",
    "Mateo", "Noor", "Oskar", "Rania", "Stefan", "Tariq", "Ursula", "Vera", "Wim", "Zofia",
];
const LAST: &[&str] = &[
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "Okafor",
    "Moreau",
    "Petrenko",
    "Nakamura",
    "Alvarez",
    "Schmidt",
    "Rossi",
    "Novak",
    "Demir",
    "Fischer",
    "Larsen",
    "Mendes",
    "Ivanova",
    "Brennan",
    "Castillo",
    "Dumont",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Horvath",
    "Jansen",
    "Keller",
    "Lambert",
    "Marchetti",
    "Nieminen",
    "Ortega",
    "Pereira",
    "Quinn",
    "Rahman",
    "Sorensen",
    "Tanaka",
    "Ulrich",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zielinski",
];
const PLACES: &[&str] = &[
    "Gdansk", "Porto", "Tampere", "Lyon", "Brno", "Valencia", "Bergen", "Graz", "Cluj", "Bari", "Malmo", "Leeds",
    "Ghent", "Split", "Kaunas", "Tartu", "Ostrava", "Bilbao", "Aarhus", "Turin", "Nantes", "Lodz", "Riga", "Varna",
    "Plovdiv", "Debrecen", "Uppsala", "Utrecht", "Seville", "Cork", "Galway", "Antwerp", "Dresden", "Bremen",
];
const ORGS: &[&str] = &[
    "the Transport Ministry",
    "the Port Authority",
    "the Regional Council",
    "the Central Bank",
    "the Energy Regulator",
    "the Coast Guard",
    "the Football Federation",
    "the Health Agency",
    "the Electoral Commission",
    "the Rail Operator",
    "the Teachers' Union",
    "the Chamber of Commerce",
    "the Environment Agency",
    "the Supreme Court",
    "the Fire Service",
    "the Housing Office",
    "the Water Board",
    "the Competition Authority",
    "the Maritime Agency",
    "the Audit Office",
];
const ROLES: &[&str] = &[
    "minister",
    "spokesperson",
    "chief executive",
    "director",
    "mayor",
    "chairman",
    "prosecutor",
    "commissioner",
    "president",
    "head",
    "inspector",
    "governor",
];
const OUTLETS: &[&str] = &[
    "Daily Brief",
    "The Northern Post",
    "Harbor Times",
    "Metro Ledger",
    "Evening Courier",
    "City Wire",
    "The Continental",
    "Morning Herald",
    "Valley News",
    "Coastal Observer",
    "Capital Report",
    "The Dispatch",
];
const NOUNS: &[&str] = &[
    "plan",
    "agreement",
    "investigation",
    "budget",
    "report",
    "contract",
    "proposal",
    "decision",
    "strike",
    "bridge",
    "ferry",
    "tunnel",
    "election",
    "ruling",
    "merger",
    "shipment",
    "outbreak",
    "reform",
    "tariff",
    "pipeline",
    "stadium",
    "festival",
    "vaccine",
    "license",
    "ceasefire",
    "protest",
    "audit",
    "loan",
    "tender",
    "network",
    "reservoir",
    "harbour",
    "refinery",
    "airport",
    "railway",
    "motorway",
    "hospital",
    "school",
    "prison",
    "museum",
    "library",
    "factory",
    "mine",
    "dam",
    "canal",
    "reactor",
    "warehouse",
    "satellite",
    "drone",
    "frigate",
    "convoy",
    "summit",
    "treaty",
    "sanction",
    "embargo",
    "subsidy",
    "pension",
    "levy",
    "quota",
    "census",
    "referendum",
    "coalition",
    "cabinet",
    "inquiry",
    "lawsuit",
    "verdict",
    "appeal",
    "warrant",
    "indictment",
    "settlement",
    "bailout",
    "takeover",
    "bond",
    "dividend",
    "forecast",
    "deficit",
    "surplus",
    "inflation",
    "wage",
    "salary",
    "contractor",
    "consortium",
    "cartel",
    "monopoly",
    "patent",
    "trademark",
    "algorithm",
    "platform",
    "server",
    "outage",
    "breach",
    "leak",
    "hack",
    "vaccine",
    "clinic",
    "ward",
    "ambulance",
    "wildfire",
    "flood",
    "drought",
    "landslide",
    "earthquake",
    "storm",
    "heatwave",
    "blackout",
    "shortage",
    "harvest",
    "fishery",
    "quota",
    "vineyard",
    "orchard",
    "ranch",
    "brewery",
    "distillery",
    "bakery",
    "market",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "announced",
    "suspended",
    "criticised",
    "defended",
    "reviewed",
    "confirmed",
    "questioned",
    "blocked",
    "extended",
    "signed",
    "cancelled",
    "launched",
    "postponed",
    "welcomed",
    "challenged",
    "overturned",
    "upheld",
    "revised",
    "scrapped",
    "funded",
    "audited",
    "inspected",
    "sealed",
    "evacuated",
    "reopened",
    "closed",
    "banned",
    "authorised",
    "vetoed",
    "ratified",
    "amended",
    "renewed",
    "terminated",
    "sold",
    "acquired",
    "merged",
    "split",
    "leased",
    "mortgaged",
    "insured",
    "rebuilt",
    "demolished",
    "expanded",
    "downsized",
    "relocated",
    "privatised",
    "nationalised",
    "investigated",
    "prosecuted",
    "fined",
    "sued",
    "settled",
    "appealed",
    "dismissed",
    "endorsed",
    "opposed",
    "boycotted",
    "picketed",
    "occupied",
];
const SYNONYM: &[(&str, &str)] = &[
    ("approved", "endorsed"),
    ("rejected", "turned down"),
    ("delayed", "postponed"),
    ("announced", "unveiled"),
    ("criticised", "condemned"),
    ("said", "told reporters"),
    ("plan", "proposal"),
    ("agreement", "deal"),
    ("investigation", "inquiry"),
    ("decision", "ruling"),
    ("people", "residents"),
    ("officials", "authorities"),
    ("large", "major"),
    ("quickly", "rapidly"),
    ("began", "started"),
    ("ended", "concluded"),
];
const ADJ: &[&str] = &[
    "new",
    "controversial",
    "long-awaited",
    "costly",
    "emergency",
    "regional",
    "national",
    "temporary",
    "revised",
    "disputed",
    "ambitious",
    "modest",
    "sweeping",
    "preliminary",
    "final",
    "overdue",
    "secret",
    "leaked",
    "binding",
    "voluntary",
    "landmark",
    "historic",
    "unprecedented",
    "partial",
    "comprehensive",
    "rushed",
    "delayed",
    "illegal",
    "unpaid",
    "underfunded",
    "ageing",
    "crumbling",
    "flagship",
    "experimental",
    "provisional",
    "interim",
    "bilateral",
    "multilateral",
    "cross-border",
    "municipal",
    "federal",
    "rural",
    "coastal",
    "alpine",
    "industrial",
];
const FILLER_SUBJECTS: &[&str] = &[
    "Local residents",
    "Analysts",
    "Opposition politicians",
    "Business owners",
    "Critics",
    "Supporters",
    "Experts",
    "Commuters",
    "Several lawmakers",
    "Environmental groups",
    "Investors",
    "Families in the area",
];
const FILLER_PREDICATES: &[&str] = &[
    "have long complained about the state of public services in the region",
    "expect the debate to continue for several months",
    "pointed to similar cases in neighbouring countries",
    "raised questions about the cost to taxpayers",
    "called for more transparency in the process",
    "warned that the timetable was unrealistic",
    "said the issue had been ignored for years",
    "welcomed the move but asked for more details",
    "noted that the sector employs thousands of workers",
    "argued that the rules were applied unevenly",
    "urged the government to publish the full documents",
    "recalled a similar dispute a decade earlier",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Who and what a story is about.
#[derive(Clone)]
struct Actors {
    lead: String,
    lead_surname: String,
    other: String,
    other_surname: String,
    org: String,
    role: String,
    place: String,
    noun: String,
}

const QUOTE_OPENERS: &[&str] = &[
    "We will not accept",
    "Nobody warned us about",
    "This is the end of",
    "We fought for years against",
    "The public deserves answers about",
    "There is no alternative to",
    "We are proud of",
    "It is too early to judge",
    "History will remember",
    "We were never consulted on",
    "I take full responsibility for",
    "Our members reject",
];
const REASONS: &[&str] = &[
    "citing safety concerns",
    "blaming rising costs",
    "after a leaked memo surfaced",
    "despite fierce opposition",
    "following a court order",
    "under pressure from lenders",
    "to the surprise of investors",
    "amid a staffing crisis",
    "after an unusually wet winter",
    "in a rare show of unity",
    "against the advice of engineers",
    "as talks collapsed",
];
const UNITS: &[&str] = &["workers", "families", "pupils", "patients", "passengers", "tenants", "farmers", "voters"];

/// One fact of a story, made of the story's actors and words of its own,
/// so different stories rarely share more than common words.
fn fact(r: &mut Rng, a: &Actors) -> String {
    let subject = match r.below(6) {
        0 => a.lead.clone(),
        1 => a.other.clone(),
        2 => capital(&a.org),
        3 => format!("Officials in {}", a.place),
        4 => format!("The {} of {}", a.role, a.org),
        _ => a.lead_surname.clone(),
    };
    let noun = if r.chance(50) { a.noun.clone() } else { r.pick(NOUNS).to_string() };
    if r.chance(20) {
        let speaker = if r.chance(50) { &a.lead_surname } else { &a.other_surname };
        return format!("\"{} the {} {noun} in {},\" {speaker} said.", r.pick(QUOTE_OPENERS), r.pick(ADJ), a.place);
    }
    let mut s = format!("{subject} {} the {} {noun}", r.pick(VERBS), r.pick(ADJ));
    if r.chance(60) {
        s.push_str(&format!(" in {}", if r.chance(70) { a.place.clone() } else { r.pick(PLACES).to_string() }));
    }
    match r.below(4) {
        0 => s.push_str(&format!(" on {}", r.pick(WEEKDAYS))),
        1 => s.push_str(&format!(" in {}", r.pick(MONTHS))),
        2 => s.push_str(&format!(" after {} {} protested", 3 + r.below(900), r.pick(UNITS))),
        _ => {}
    }
    if r.chance(50) {
        if r.chance(50) {
            s.push_str(&format!(", {}", r.pick(REASONS)));
        } else {
            s.push_str(&format!(", citing {} {} concerns", r.pick(ADJ), r.pick(NOUNS)));
        }
    }
    s.push('.');
    s
}

/// One story: its actors and the facts every article draws from.
struct Story {
    facts: Vec<String>,
    title: String,
    /// Publication date of the story's first day: (year, month, day).
    date: (i32, u32, u32),
    actors: Actors,
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "sa", "tor", "vel", "an", "bri", "dor", "es", "fa", "gun", "hal", "is", "jan", "kel",
    "lun", "mar", "nes", "or", "pal", "quin", "ros", "sten", "tul", "ur", "vin", "wes", "yar", "zel", "ber", "cas",
];

/// A made-up name, so that every story has actors and places of its own,
/// as real stories do.
fn coined(r: &mut Rng) -> String {
    let n = 2 + r.below(2);
    let raw: String = (0..n).map(|_| *r.pick(SYLLABLES)).collect();
    capital(&raw)
}

fn person(r: &mut Rng) -> String {
    let first = if r.chance(50) { r.pick(FIRST).to_string() } else { coined(r) };
    let last = if r.chance(3) { r.pick(LAST).to_string() } else { coined(r) };
    format!("{first} {last}")
}

fn actors(r: &mut Rng) -> Actors {
    let lead = person(r);
    let other = person(r);
    let place = if r.chance(30) { r.pick(PLACES).to_string() } else { coined(r) };
    let org = if r.chance(40) {
        r.pick(ORGS).to_string()
    } else {
        format!("the {} {}", coined(r), r.pick(&["Council", "Authority", "Group", "Agency", "Board", "Institute"]))
    };
    let lead_surname = lead.split(' ').nth(1).unwrap_or("").to_string();
    let other_surname = other.split(' ').nth(1).unwrap_or("").to_string();
    Actors {
        lead,
        lead_surname,
        other,
        other_surname,
        org,
        role: r.pick(ROLES).to_string(),
        place,
        noun: r.pick(NOUNS).to_string(),
    }
}

fn story(r: &mut Rng, index: usize) -> Story {
    let actors = actors(r);
    event(r, &actors, index)
}

/// One development of a story: facts about `actors` (who stay the same
/// from one development to the next) and a subject of its own.
fn event(r: &mut Rng, actors: &Actors, index: usize) -> Story {
    let actors =
        Actors { noun: if index == 0 { actors.noun.clone() } else { r.pick(NOUNS).to_string() }, ..actors.clone() };
    let Actors { lead, other, org, role, place, noun, .. } = &actors;
    let adj = *r.pick(ADJ);
    let verb = *r.pick(VERBS);
    let n1 = 3 + r.below(400);
    let n2 = 2 + r.below(60);
    let month = 1 + (index % 12) as u32;
    let day = 1 + r.below(27) as u32;
    let wd = *r.pick(WEEKDAYS);
    let wd2 = *r.pick(WEEKDAYS);
    let past_month = MONTHS[(month as usize + 9) % 12];
    let mut facts = vec![
        format!("{org_c} {verb} the {adj} {noun} in {place} on {wd}, {role} {lead} said.", org_c = capital(org)),
        format!("At least {n1} {} were affected by the {noun}, according to {org}.", r.pick(UNITS)),
        format!(
            "{other} said the {noun} would cost about {n2} million euros and {} the {}.",
            r.pick(VERBS),
            r.pick(NOUNS)
        ),
        format!("Officials in {place} expected a vote on the {noun} by {wd2}."),
        format!("The {noun} has been {} since {past_month}, when {other} first {} it.", r.pick(VERBS), r.pick(VERBS)),
    ];
    for _ in 0..10 {
        facts.push(fact(r, &actors));
    }
    let title = format!("{} {verb} {adj} {noun} in {place}", capital(org));
    Story { facts, title, date: (2025, month, day), actors }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Light editing, as wire copy gets: a word dropped or swapped.
fn edit_lightly(r: &mut Rng, s: &str) -> String {
    let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
    for _ in 0..1 + r.below(2) {
        let i = r.below(words.len());
        if let Some((_, b)) = SYNONYM.iter().find(|(a, _)| words[i].trim_matches(|c: char| !c.is_alphanumeric()) == *a)
        {
            words[i] = words[i].replace(words[i].trim_matches(|c: char| !c.is_alphanumeric()), b);
        } else if words.len() > 8 && i > 0 && i + 1 < words.len() && words[i].chars().all(char::is_lowercase) {
            words.remove(i);
        }
    }
    words.join(" ")
}

/// Rewording: synonyms throughout and the attribution moved to the front.
fn reword(r: &mut Rng, s: &str) -> String {
    let mut out = s.to_string();
    for (a, b) in SYNONYM {
        if r.chance(80) {
            out = out.replace(&format!(" {a} "), &format!(" {b} "));
        }
    }
    if let Some((head, tail)) = out.rsplit_once(", ") {
        if tail.split(' ').count() <= 5 && tail.ends_with("said.") && !head.starts_with('"') {
            let who = tail.trim_end_matches(" said.");
            let mut h = head.to_string();
            if let Some(first) = h.get(0..1) {
                if !h.starts_with(|c: char| c.is_uppercase() && h.chars().nth(1).is_some_and(char::is_uppercase)) {
                    h = first.to_lowercase() + &h[1..];
                }
            }
            out = format!("According to {who}, {h}.");
        }
    }
    out
}

const FILLER_VERBS: &[&str] = &[
    "complained about",
    "pointed to",
    "asked about",
    "wrote about",
    "compared",
    "recalled",
    "questioned",
    "praised",
    "described",
    "mentioned",
    "studied",
    "followed",
    "documented",
    "visited",
    "photographed",
    "measured",
    "listed",
    "counted",
    "mapped",
    "criticised",
    "supported",
    "ignored",
    "reported on",
    "warned about",
];
const FILLER_OBJECTS: &[&str] = &[
    "the old harbour",
    "a row of shuttered shops",
    "the school bus routes",
    "the winter heating bills",
    "a local bakery",
    "the river embankment",
    "the price of bread",
    "a crowded clinic",
    "the night trains",
    "an abandoned factory",
    "the cycling lanes",
    "a string of burglaries",
    "the public library",
    "the fish market",
    "an unfinished motorway",
    "the hospital car park",
    "a museum exhibition",
    "the flood barriers",
    "a youth choir",
    "the tram timetable",
    "a charity run",
    "the recycling centre",
    "the airport shuttle",
    "a tenants' association",
];
const FILLER_TAILS: &[&str] = &[
    "in recent years",
    "during the summer",
    "for the third time",
    "with growing frustration",
    "without much success",
    "in a letter to the editor",
    "on a local radio show",
    "at a packed meeting",
    "in an online petition",
    "before the holidays",
    "after a long delay",
    "in the north of the city",
    "near the central station",
];

/// Something an article's own sentence is about, named, so that two
/// articles' own sentences share common words and rarely a phrase.
fn own_object(r: &mut Rng) -> String {
    format!("the {} {} of {}", r.pick(ADJ), r.pick(NOUNS), coined(r))
}

/// A sentence of the article's own, sharing only common words with others.
fn filler(r: &mut Rng) -> String {
    let subject = if r.chance(30) { r.pick(FILLER_SUBJECTS).to_string() } else { person(r) };
    let place = if r.chance(50) { coined(r) } else { r.pick(PLACES).to_string() };
    let mut s = match r.below(3) {
        0 => format!("{subject} {} {} in {place}", r.pick(FILLER_VERBS), own_object(r)),
        1 => format!("{subject} {} the {} {} near {place}", r.pick(VERBS), r.pick(ADJ), r.pick(NOUNS)),
        _ => format!("In {place}, {} {} the {} {}", subject.to_lowercase(), r.pick(VERBS), r.pick(ADJ), r.pick(NOUNS)),
    };
    if r.chance(50) {
        s.push_str(&format!(" {}", r.pick(FILLER_TAILS)));
    }
    if r.chance(40) {
        s.push_str(&format!(", while {} {} the {} {}", person(r), r.pick(VERBS), r.pick(ADJ), r.pick(NOUNS)));
    }
    s.push('.');
    s
}

/// A sentence of the article's own that names the story's people or
/// places: what makes a story's names common within it.
fn background(r: &mut Rng, actors: &Actors) -> String {
    let who = match r.below(3) {
        0 => actors.lead_surname.clone(),
        1 => actors.other.clone(),
        _ => capital(&actors.org),
    };
    let mut s = match r.below(3) {
        0 => format!("{who} {} {} in {}", r.pick(FILLER_VERBS), own_object(r), actors.place),
        1 => format!("Before the {}, {who} {} {}", actors.noun, r.pick(VERBS), own_object(r)),
        _ => format!("In {}, {} {} {who} and {}", actors.place, person(r), r.pick(FILLER_VERBS), own_object(r)),
    };
    if r.chance(60) {
        s.push_str(&format!(" {}", r.pick(FILLER_TAILS)));
    }
    s.push('.');
    s
}

fn header(r: &mut Rng, story: &Story, outlet: &str, day_offset: u32) -> String {
    let (y, m, d) = story.date;
    let d = (d + day_offset).min(28);
    let month = MONTHS[(m - 1) as usize];
    match r.below(6) {
        0 => format!(
            "{}\n{}\n{:02} {} {} 10:{:02}:00 +0100\n\n",
            story.title,
            outlet.to_lowercase().replace(' ', "") + ".example",
            d,
            &month[..3],
            y,
            r.below(60)
        ),
        1 => format!("{outlet} | {month} {d}, {y}\n# {}\n\n", story.title),
        2 => format!(" date {y}-{m:02}-{d:02} REGIONAL NEWS\n{}\n\n", story.title),
        3 => format!("{}\nUpdated: {d:02}/{m:02}/{y}\n\nBy {}\n\n", story.title, person(r)),
        4 => format!("{}\n\n", story.title),
        _ => format!("{}\n{month} {d}, {y}\n\n", story.title),
    }
}

/// A generated article with its ground truth: which story it belongs to,
/// and which fact each of its fact sentences reports.
pub struct Generated {
    pub name: String,
    pub text: String,
    pub story: usize,
    /// The development of the story the article reports: the set of facts
    /// its fact sentences come from (the story itself when it has one).
    pub event: usize,
    /// (sentence as written, fact index within the event).
    pub facts: Vec<(String, usize)>,
}

/// One article of `story`, of roughly `words` words.
fn article(r: &mut Rng, story: &Story, words: usize) -> (String, Vec<(String, usize)>) {
    let outlet = *r.pick(OUTLETS);
    let offset = r.below(3) as u32;
    let mut text = header(r, story, outlet, offset);
    let mut body: Vec<String> = Vec::new();
    let mut truth = Vec::new();
    let mut n = 0;
    let mut fact_order: Vec<usize> = (0..story.facts.len()).filter(|_| r.chance(60)).collect();
    if fact_order.is_empty() {
        fact_order.push(0);
    }
    let mut facts = fact_order.into_iter();
    while n < words {
        let s = match facts.next() {
            Some(f) if r.chance(70) => {
                let fact = &story.facts[f];
                let s = match r.below(10) {
                    0..=2 => fact.clone(),
                    3..=6 => edit_lightly(r, fact),
                    _ => reword(r, fact),
                };
                truth.push((s.clone(), f));
                s
            }
            // Background on the story's own people and places, which
            // other articles of the story do not repeat.
            _ if r.chance(25) => background(r, &story.actors),
            _ => filler(r),
        };
        n += s.split_whitespace().count();
        body.push(s);
    }
    for para in body.chunks(3) {
        text.push_str(&para.join(" "));
        text.push_str("\n\n");
        if r.chance(5) {
            text.push_str(&format!("Also Read: {} {} in {}\n\n", r.pick(ADJ), r.pick(NOUNS), r.pick(PLACES)));
        }
    }
    if r.chance(30) {
        text.push_str("Share on Facebook Share on WhatsApp Email\n");
    }
    (text, truth)
}

/// `n` articles, `per_story` to a story on average, about `words` words
/// each, with ground truth; in a fixed order for a given seed.
pub fn generate_with_truth(n: usize, per_story: usize, words: usize, seed: u64) -> Vec<Generated> {
    let mut r = Rng::new(seed);
    let n_stories = n.div_ceil(per_story.max(1));
    let stories: Vec<Story> = (0..n_stories).map(|i| story(&mut r, i)).collect();
    (0..n)
        .map(|i| {
            let story = i % n_stories;
            let (text, facts) = article(&mut r, &stories[story], words);
            Generated { name: format!("{:05}.txt", i), text, story, event: story, facts }
        })
        .collect()
}

/// `n` articles of one story (a month of coverage): the same people,
/// places and organisation throughout, in developments of their own that
/// `per_event` articles report on average.
pub fn generate_one_story(n: usize, per_event: usize, words: usize, seed: u64) -> Vec<Generated> {
    let mut r = Rng::new(seed);
    let actors = actors(&mut r);
    let n_events = n.div_ceil(per_event.max(1));
    let events: Vec<Story> = (0..n_events).map(|i| event(&mut r, &actors, i)).collect();
    (0..n)
        .map(|i| {
            let event = i % n_events;
            let (text, facts) = article(&mut r, &events[event], words);
            Generated { name: format!("{:05}.txt", i), text, story: 0, event, facts }
        })
        .collect()
}

/// `n` articles as (file name, contents).
pub fn generate(n: usize, per_story: usize, words: usize, seed: u64) -> Vec<(String, String)> {
    generate_with_truth(n, per_story, words, seed).into_iter().map(|g| (g.name, g.text)).collect()
}

/// Generated `(file name, text)` pairs as the sources `parse_all` reads,
/// each named after its file without `.txt`.
pub fn sources(files: Vec<(String, String)>) -> Vec<parallax::ingest::Source> {
    files
        .into_iter()
        .map(|(name, text)| parallax::ingest::Source {
            path: name.clone(),
            stem: name.trim_end_matches(".txt").to_string(),
            bytes: text.into_bytes(),
            truncated_from: None,
        })
        .collect()
}
