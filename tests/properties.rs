//! Property tests: ingest, segmentation, alignment and the timeline on
//! arbitrary input never panic, and what they return always points inside
//! the text it describes.

use parallax::ingest::{Source, parse, parse_all};
use parallax::text::sanitize::is_clean;
use proptest::prelude::*;

fn source(bytes: Vec<u8>) -> Source {
    Source { path: "p.txt".into(), stem: "p".into(), bytes, truncated_from: None }
}

/// Text that looks a little like a saved article: words, dates, weekdays,
/// quotes, abbreviations, escape sequences, odd whitespace and control bytes.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The ".to_string()),
        Just("U.S. ".to_string()),
        Just("Gen. ".to_string()),
        Just("NBC News.The ".to_string()),
        Just("\"quoted.\"".to_string()),
        Just("on Wednesday ".to_string()),
        Just("late last month ".to_string()),
        Just("On November 19, ".to_string()),
        Just("in August 2025 ".to_string()),
        Just("nearly four months ago".to_string()),
        Just("Peskov said ".to_string()),
        Just("Thu, 20 Nov 2025 10:36:00 +0200\n".to_string()),
        Just(" date 2025-11-20 WORLD\n".to_string()),
        Just("Also Read: x\n".to_string()),
        Just("\u{1b}]0;t\u{7}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("Erdoğan 東京 e\u{301} ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        "[a-zA-Z]{1,9} ",
        "[0-9]{1,4}[./-]?",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_article(a: &parallax::ingest::Article) {
    let body = &a.body;
    assert!(is_clean(body), "body holds control characters");
    for f in [&a.title, &a.outlet, &a.dateline, &a.credit].into_iter().flatten() {
        assert!(is_clean(f));
    }
    let mut last = 0;
    for s in &a.sentences {
        assert!(s.start >= last && s.start < s.end && s.end <= body.len(), "sentence {s:?} out of order or bounds");
        assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
        assert_eq!(s.slice(body).trim(), s.slice(body), "sentence has surrounding whitespace");
        last = s.end;
    }
    // The sentences hold every non-whitespace character of the body, in order.
    let kept: String = a.sentences.iter().map(|s| s.slice(body)).collect::<String>().split_whitespace().collect();
    let all: String = body.split_whitespace().collect();
    assert_eq!(kept, all);
    for p in &a.paragraphs {
        assert!(p.end <= body.len() && body.is_char_boundary(p.start) && body.is_char_boundary(p.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(a) = parse(&source(bytes)) {
            check_article(&a);
        }
    }

    #[test]
    fn newsish_text_keeps_every_invariant(text in newsish()) {
        match parse(&source(text.clone().into_bytes())) {
            Ok(a) => check_article(&a),
            // Only text with NUL bytes or mostly control characters is refused.
            Err(_) => {
                let controls = text.bytes().filter(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
                prop_assert!(text.contains('\0') || controls * 10 > text.len().min(8192));
            }
        }
    }

    #[test]
    fn whole_analysis_on_arbitrary_articles(texts in prop::collection::vec(newsish(), 1..5)) {
        let sources: Vec<Source> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Source { path: format!("{i}.txt"), stem: format!("a{i}"), bytes: t.into_bytes(), truncated_from: None })
            .collect();
        let analysis = parallax::analyse(parse_all(&sources));
        for a in &analysis.articles {
            check_article(a);
        }
        for p in &analysis.passages {
            prop_assert_ne!(p.a.article, p.b.article);
            for side in [&p.a, &p.b] {
                let body = &analysis.articles[side.article].body;
                prop_assert!(side.span.end <= body.len() && body.is_char_boundary(side.span.start) && body.is_char_boundary(side.span.end));
            }
            prop_assert!((0.0..=1.0).contains(&p.similarity));
        }
        for e in &analysis.timeline {
            prop_assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                let body = &analysis.articles[m.article].body;
                prop_assert!(m.span.end <= body.len() && body.is_char_boundary(m.span.start) && body.is_char_boundary(m.span.end));
            }
        }
        // Both exports render whatever came in.
        let json = parallax::export::json::render(&analysis);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        let md = parallax::export::markdown::render(&analysis);
        prop_assert!(is_clean(&md));
    }
}

proptest! {
    // Web pages and Markdown go through their own readers first.
    #![proptest_config(ProptestConfig { cases: 100, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn tag_soup_as_a_web_page_keeps_every_invariant(
        pieces in prop::collection::vec(prop_oneof![
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<article>".to_string()),
            Just("</article>".to_string()), Just("<script>".to_string()), Just("</script>".to_string()),
            Just("<meta property=\"og:title\" content=\"".to_string()), Just("\">".to_string()),
            Just("<br/>".to_string()), Just("&amp;".to_string()), Just("&#x1b;[31m".to_string()),
            Just("---\n".to_string()), Just("<!--".to_string()), Just("-->".to_string()),
        ].boxed().prop_union(newsish().boxed()), 0..40)
    ) {
        let page = format!("<!DOCTYPE html><html>{}", pieces.concat());
        let src = Source { path: "p.html".into(), stem: "p".into(), bytes: page.into_bytes(), truncated_from: None };
        if let Ok(a) = parse(&src) {
            check_article(&a);
        }
    }

    #[test]
    fn markdown_keeps_every_invariant(
        pieces in prop::collection::vec(prop_oneof![
            Just("[".to_string()), Just("](".to_string()), Just(")".to_string()), Just("![".to_string()),
            Just("**".to_string()), Just("_".to_string()), Just("*".to_string()), Just("`".to_string()),
            Just("\n> ".to_string()), Just("\n> ## Excerpt\n".to_string()), Just("\n```\n".to_string()),
            Just("\n[1]: https://x.example\n".to_string()), Just("\\".to_string()), Just("\n---\n".to_string()),
        ].boxed().prop_union(newsish().boxed()), 0..50)
    ) {
        let src = Source { path: "p.md".into(), stem: "p".into(), bytes: pieces.concat().into_bytes(), truncated_from: None };
        if let Ok(a) = parse(&src) {
            check_article(&a);
        }
    }
}
