//! Links and feeds through the real binary, against a web server this test
//! starts on 127.0.0.1: three article pages, an RSS and an Atom feed, a
//! 404, a redirect loop and a chain too long, a redirect to `file://`, a
//! slow page that times out, an oversized page, an image, a paywall stub,
//! a page in windows-1251, TLS spoken to a server that does not; then the
//! same links from the cache, revalidated, and with `--offline`. Every run
//! has its own page cache (`XDG_CACHE_HOME` in a scratch folder) and no
//! proxy: nothing reaches any other address.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use serde_json::Value;

#[allow(dead_code, reason = "each test file uses part of the shared server")]
#[path = "support/server.rs"]
mod server;
#[allow(dead_code, reason = "each test file uses part of the shared tmux driver")]
#[path = "support/tmux.rs"]
mod tmux;

use server::{Reply, Server};

/// A fresh scratch folder for one test (its page cache lives inside).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-links-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The binary with its cache in `dir` and no proxy.
fn parallax(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    for proxy in ["http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        command.env_remove(proxy);
    }
    command.env("NO_PROXY", "127.0.0.1").env("XDG_CACHE_HOME", dir.join("cache")).args(args).output().unwrap()
}

fn export(dir: &Path, args: &[&str]) -> (Output, Value) {
    let mut all = vec!["export", "--format", "json"];
    all.extend_from_slice(args);
    let output = parallax(dir, &all);
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "{err}");
    let doc = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output, doc)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn articles(doc: &Value) -> &Vec<Value> {
    doc["articles"].as_array().expect("articles")
}

fn by_path<'a>(doc: &'a Value, url: &str) -> &'a Value {
    articles(doc).iter().find(|a| a["path"] == url).unwrap_or_else(|| panic!("no article from {url} in {doc:#}"))
}

/// Three reports of one event, sharing sentences as wire copy does.
const SHARED: &str = "The earthen dam above the town of Vell gave way early on Sunday after four days of heavy rain. \
    Emergency services said more than two thousand people were moved to shelters in schools and sports halls.";

fn report(outlet: &str, extra: &[&str]) -> String {
    let mut paragraphs = vec![SHARED.to_string()];
    paragraphs.extend(extra.iter().map(|p| p.to_string()));
    paragraphs.push(format!(
        "Engineers from the regional water authority inspected the breach on Monday and said repairs would take \
         months. Residents told {outlet} that the warning sirens had sounded only minutes before the water arrived, \
         and that many families left with nothing but the clothes they wore."
    ));
    paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect()
}

fn page(title: Option<&str>, date: Option<&str>, outlet: &str, head: &str, body: &str) -> String {
    let title =
        title.map_or(String::new(), |t| format!("<title>{t}</title><meta property=\"og:title\" content=\"{t}\">"));
    let date = date.map_or(String::new(), |d| format!("<meta property=\"article:published_time\" content=\"{d}\">"));
    format!(
        "<!DOCTYPE html><html><head>{title}{date}<meta property=\"og:site_name\" content=\"{outlet}\">{head}</head>\
         <body><nav><a href=\"/\">Home</a></nav><article>{body}</article><footer>© {outlet}</footer></body></html>"
    )
}

/// "Москва" and more, in Windows-1251: a report of 80 words and more.
fn cyrillic_page() -> Vec<u8> {
    let sentence = "Плотина над городом Велл прорвалась рано утром в воскресенье после четырёх дней сильных дождей. \
                    Спасатели сообщили, что более двух тысяч человек переселены в школы и спортивные залы. ";
    let body = format!("<p>{}</p><p>{}</p><p>{}</p>", sentence.repeat(2), sentence.repeat(2), sentence);
    let html = page(Some("Прорыв плотины в Велле"), Some("2025-11-20"), "Вестник", "", &body);
    let (bytes, _, errors) = encoding_rs::WINDOWS_1251.encode(&html);
    assert!(!errors);
    bytes.into_owned()
}

/// A page of more than 4 MiB: a report, then megabytes of script.
fn oversized_page() -> Vec<u8> {
    let mut html = page(Some("Long page"), Some("2025-11-20"), "Bulk News", "", &report("Bulk News", &[]));
    html = html.replace("</article>", &format!("</article><script>{}</script>", "var x = 1;\n".repeat(500_000)));
    assert!(html.len() > 5 << 20);
    html.into_bytes()
}

fn rss(server_port: u16) -> String {
    let base = format!("http://127.0.0.1:{server_port}");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley wire</title><link>{base}/</link>
<item><title>Dam gives way above Vell</title><link>{base}/a</link><pubDate>Thu, 20 Nov 2025 08:00:00 +0000</pubDate></item>
<item><title>Vell evacuates two thousand</title><link>/c</link><pubDate>Fri, 21 Nov 2025 09:30:00 +0000</pubDate></item>
<item><title>Rain warning for the valley</title><link>{base}/b</link><pubDate>Wed, 19 Nov 2025 07:00:00 +0000</pubDate></item>
</channel></rss>"#
    )
}

fn atom(server_port: u16) -> String {
    let base = format!("http://127.0.0.1:{server_port}");
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley wire</title><id>urn:valley</id><updated>2025-11-21T10:00:00Z</updated>
<entry><title>Dam gives way above Vell</title><id>urn:a</id><link rel="alternate" href="{base}/a"/><updated>2025-11-20T08:00:00Z</updated></entry>
<entry><title>Rain warning for the valley</title><id>urn:b</id><link href="{base}/b"/><updated>2025-11-19T07:00:00Z</updated></entry>
</feed>"#
    )
}

/// Every route of the test site.
fn site(port: u16) -> HashMap<String, Reply> {
    let a = page(
        Some("Dam gives way above Vell"),
        Some("2025-11-20T08:00:00Z"),
        "Valley Herald",
        "<link rel=\"canonical\" href=\"/news/dam-gives-way\">",
        &report("the Valley Herald", &["The mayor of Vell called it the worst flood in living memory."]),
    );
    let b = page(
        Some("Rain warning for the valley"),
        Some("2025-11-19"),
        "River Post",
        "",
        &report("the River Post", &["Forecasters had warned of record rainfall across the valley since Wednesday."]),
    );
    // No title, no date: the feed gives them.
    let c = format!(
        "<!DOCTYPE html><html><head></head><body><article>{}</article></body></html>",
        report("Wire Service", &["Officials said the reservoir had been above its safe level for a week."])
    );
    let stub =
        page(Some("Dam gives way"), None, "Paper", "", "<p>The dam above Vell gave way on Sunday, officials said.</p>");
    let mut routes: HashMap<String, Reply> = [
        ("/a", Reply::html(a).header("ETag", "\"a-1\"").header("Set-Cookie", "session=secret; Path=/")),
        ("/b", Reply::html(b).header("Last-Modified", "Wed, 19 Nov 2025 07:00:00 GMT")),
        ("/c", Reply::html(c).header("Cache-Control", "max-age=600")),
        ("/moved", Reply::redirect("/c")),
        ("/loop", Reply::redirect("/loop2")),
        ("/loop2", Reply::redirect("/loop")),
        ("/to-file", Reply::redirect("file:///etc/passwd")),
        ("/to-password", Reply::redirect("http://user:secret@127.0.0.1/a")),
        (
            "/slow",
            Reply::html(page(Some("Slow"), None, "Slow", "", &report("Slow", &[]))).delayed(Duration::from_secs(4)),
        ),
        ("/big", Reply::html(oversized_page())),
        ("/image", Reply::new(200, "image/png", vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0])),
        ("/paywall", Reply::html(stub)),
        ("/cp1251", Reply::new(200, "text/html; charset=windows-1251", cyrillic_page())),
        ("/feed.rss", Reply::new(200, "application/rss+xml", rss(port))),
        ("/feed.atom", Reply::new(200, "application/atom+xml", atom(port))),
    ]
    .into_iter()
    .map(|(path, reply)| (path.to_string(), reply))
    .collect();
    let items: String = (0..101)
        .map(|i| format!("<item><title>Item {i}</title><link>/n/{i}</link><pubDate>Thu, 20 Nov 2025 08:{:02}:00 +0000</pubDate></item>", i % 60))
        .collect();
    let long_feed =
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Long</title>{items}</channel></rss>");
    routes.insert("/long.rss".into(), Reply::new(200, "application/rss+xml", long_feed));
    for hop in 1..=7 {
        routes.insert(format!("/hop{hop}"), Reply::redirect(&format!("/hop{}", hop + 1)));
    }
    routes
}

/// A server for the test site (the feeds name its port).
fn serve() -> Server {
    Server::start(site)
}

#[test]
fn pages_load_and_each_failing_link_says_why() {
    let dir = scratch("failures");
    let server = serve();
    let url = |path: &str| server.url(path);
    let tls = format!("https://127.0.0.1:{}/a", plain_text_server());
    let links: Vec<String> =
        ["/a", "/b", "/moved", "/cp1251", "/big", "/missing", "/loop", "/hop1", "/to-file", "/slow"]
            .iter()
            .chain(&["/image", "/paywall", "/to-password"])
            .map(|p| url(p))
            .chain([tls.clone()])
            .collect();
    let mut args: Vec<&str> = vec!["--timeout", "1"];
    args.extend(links.iter().map(String::as_str));
    let (output, doc) = export(&dir, &args);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    // Five articles, in the order given.
    let paths: Vec<&str> = articles(&doc).iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [url("/a"), url("/b"), url("/moved"), url("/cp1251"), url("/big")]);
    // Each failure: one line naming the link and why.
    for (path, why) in [
        ("/missing", "skipped: HTTP 404 Not Found: no page at this address"),
        ("/loop", "skipped: redirects in a loop (back to "),
        ("/hop1", "skipped: more than 5 redirects"),
        ("/to-file", "skipped: redirected to \"file:///etc/passwd\": a file: link; only http and https links are read"),
        ("/slow", "skipped: timed out after 1 s"),
        ("/image", "skipped: not a web page: the server sent image/png"),
        ("/paywall", "skipped: only 10 words of text: a paywall, a consent page, or a page that needs JavaScript"),
        (
            "/to-password",
            "skipped: redirected to \"http://user:****@127.0.0.1/a\": a link with a user name or password; parallax sends no credentials",
        ),
    ] {
        let line = format!("parallax: warning: {}: {why}", url(path));
        assert_eq!(err.matches(&line).count(), 1, "{line}\nnot once in:\n{err}");
    }
    assert!(err.contains(&format!("parallax: warning: {tls}: skipped: TLS error: ")), "{err}");
    assert!(
        err.contains(&format!(
            "parallax: warning: {}: page is over 4194304 bytes; truncated: only the first 4194304 bytes were read",
            url("/big")
        )),
        "{err}"
    );
    assert!(err.contains("14 links in "), "{err}");
    assert!(err.contains(": 5 read, 9 skipped; "), "{err}");
    assert!(!err.contains("secret"), "a password shown: {err}");
    check_the_articles(&doc, &url);
    check_what_was_sent(&server);
    fs::remove_dir_all(&dir).unwrap();
}

/// A server that answers anything, a TLS greeting included, in plain
/// text: the port it listens on.
fn plain_text_server() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let _ = std::io::Write::write_all(&mut stream, b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    port
}

/// Addresses, outlets, charsets and sizes, as the pages gave them.
fn check_the_articles(doc: &Value, url: &dyn Fn(&str) -> String) {
    let a = by_path(doc, &url("/a"));
    assert_eq!(a["url"], url("/news/dam-gives-way"), "the canonical address, read against the page's");
    assert_eq!((a["outlet"].as_str(), a["id"].as_str()), (Some("Valley Herald"), Some("127.0.0.1-a")));
    assert_eq!(a["published"], "2025-11-20T08:00:00+00:00");
    let moved = by_path(doc, &url("/moved"));
    assert_eq!(moved["url"], url("/c"), "where the redirect led");
    assert_eq!(moved["outlet"], "127.0.0.1", "a page naming no outlet is named by its site");
    let cyrillic = by_path(doc, &url("/cp1251"));
    assert_eq!(cyrillic["title"], "Прорыв плотины в Велле");
    assert!(cyrillic["body"].as_str().unwrap().starts_with("Плотина над городом Велл прорвалась"), "{cyrillic}");
    let big = by_path(doc, &url("/big"));
    assert!(big["body"].as_str().unwrap().starts_with("The earthen dam above the town of Vell"));
    // The three reports of the dam share their opening.
    assert!(!doc["passages"].as_array().unwrap().is_empty());
}

/// parallax named itself, and sent no cookie (though one was set) and no
/// credentials, and asked for no link twice.
fn check_what_was_sent(server: &Server) {
    let hits = server.hits();
    // a, b, moved and c, cp1251, big, missing, loop and loop2, six hops,
    // to-file, slow, image, paywall, to-password (its target, with a
    // password, never asked for): each asked for once.
    assert_eq!(hits.len(), 20, "{hits:#?}");
    for hit in &hits {
        assert_eq!(hit.header("user-agent"), Some(format!("parallax/{}", env!("CARGO_PKG_VERSION")).as_str()));
        assert_eq!(hit.header("cookie"), None, "{hit:?}");
        assert_eq!(hit.header("authorization"), None, "{hit:?}");
    }
    // The loop was left at once; the chain after five redirects.
    let count = |path: &str| hits.iter().filter(|h| h.path == path).count();
    assert_eq!((count("/loop"), count("/loop2")), (1, 1));
    assert_eq!((count("/hop6"), count("/hop7")), (1, 0));
}

#[test]
fn feeds_are_read_as_their_links_newest_first() {
    let dir = scratch("feeds");
    let server = serve();
    // RSS by link: the newest two items.
    let (output, doc) = export(&dir, &["--max", "2", &server.url("/feed.rss")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let paths: Vec<&str> = articles(&doc).iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [server.url("/c"), server.url("/a")]);
    // The page gives no title or date: the feed's are used.
    let c = by_path(&doc, &server.url("/c"));
    assert_eq!(
        (c["title"].as_str(), c["published"].as_str()),
        (Some("Vell evacuates two thousand"), Some("2025-11-21T09:30:00+00:00"))
    );
    assert!(c["warnings"].as_array().unwrap().iter().any(|w| w == "publication date from the feed"), "{c}");
    // Atom saved as a file, items since a date.
    let file = dir.join("valley.atom");
    fs::write(&file, atom(server.port)).unwrap();
    let (output, doc) = export(&dir, &["--since", "2025-11-20", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let paths: Vec<&str> = articles(&doc).iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [server.url("/a")]);
    assert!(stderr(&output).contains("1 link (1 feed) in "), "{}", stderr(&output));
    // A feed with nothing in the limits says so, and nothing read is exit 2.
    let (output, _) = export(&dir, &["--since", "2030-01-01", &server.url("/feed.atom")]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("none of the feed's 2 items was published since --since"), "{}", stderr(&output));
    // A long feed is cut at 100 items unless --max says otherwise, and says so.
    let (output, _) = export(&dir, &[&server.url("/long.rss")]);
    let err = stderr(&output);
    assert!(
        err.contains("/long.rss: the feed lists 101 items; the newest 100 are read (--max reads more or fewer)"),
        "{err}"
    );
    assert_eq!(server.hits().iter().filter(|h| h.path.starts_with("/n/")).count(), 100);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_cache_revalidates_and_reads_offline() {
    let dir = scratch("cache");
    let server = serve();
    let links = [server.url("/a"), server.url("/b"), server.url("/c")];
    let args: Vec<&str> = links.iter().map(String::as_str).collect();
    let (first, fetched) = export(&dir, &args);
    assert!(stderr(&first).contains("3 read, 0 skipped; 3 downloaded"), "{}", stderr(&first));
    // Again: /a and /b revalidated (ETag, Last-Modified), /c still fresh.
    let (second, again) = export(&dir, &args);
    assert!(
        stderr(&second).contains("3 read, 0 skipped; 2 unchanged since cached, 1 from the cache"),
        "{}",
        stderr(&second)
    );
    let hits = server.hits();
    let second_hits: Vec<_> = hits.iter().skip(3).collect();
    assert_eq!(second_hits.len(), 2, "{second_hits:#?}");
    assert!(second_hits.iter().all(|h| h.status == 304), "{second_hits:#?}");
    assert!(second_hits.iter().any(|h| h.header("if-none-match") == Some("\"a-1\"")));
    assert!(second_hits.iter().any(|h| h.header("if-modified-since") == Some("Wed, 19 Nov 2025 07:00:00 GMT")));
    assert_eq!(fetched["articles"], again["articles"]);
    drop(server);
    // No network: --offline reads the cache, the same articles.
    let (offline, from_cache) =
        export(&dir, &["--offline"].iter().copied().chain(args.iter().copied()).collect::<Vec<_>>());
    assert!(stderr(&offline).contains("3 read, 0 skipped; 3 from the cache"), "{}", stderr(&offline));
    assert_eq!(fetched["articles"], from_cache["articles"]);
    // Without --offline, a server that is gone leaves the cached copy, said.
    let (stale, doc) = export(&dir, &[args[0]]);
    assert!(stale.status.success());
    assert!(stderr(&stale).contains("could not be fetched now (could not connect"), "{}", stderr(&stale));
    assert_eq!(articles(&doc).len(), 1);
    // A link never fetched is not in the cache.
    let never = links[0].replace("/a", "/never");
    let (missing, _) = export(&dir, &["--offline", &never]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("skipped: not in the page cache, and --offline reads nothing else"));
    let cached: Vec<_> = fs::read_dir(dir.join("cache/parallax/pages")).unwrap().collect();
    assert_eq!(cached.len(), 3);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn links_that_cannot_be_read_are_bad_invocations() {
    let dir = scratch("invocations");
    for (link, why) in [
        ("file:///etc/passwd", "file:///etc/passwd: a file: link; only http and https links are read"),
        (
            "https://user:secret@127.0.0.1/a",
            "https://user:****@127.0.0.1/a: a link with a user name or password; parallax sends no credentials",
        ),
        ("http://", "http://: not a valid link (empty host)"),
    ] {
        let output = parallax(&dir, &["export", link]);
        assert_eq!(output.status.code(), Some(2), "{link}");
        assert!(stderr(&output).contains(why), "{link}: {}", stderr(&output));
        assert!(!stderr(&output).contains("secret"), "a password shown: {}", stderr(&output));
    }
    let output = parallax(&dir, &["export", "--since", "soon", "x"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("neither a length of time"), "{}", stderr(&output));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn files_and_links_mix() {
    let dir = scratch("mixed");
    let server = serve();
    let file = dir.join("local.txt");
    fs::write(&file, format!("Flood in Vell\n\n{SHARED} A local reporter saw the water reach the square.")).unwrap();
    let (output, doc) = export(&dir, &[&server.url("/a"), file.to_str().unwrap(), &server.url("/missing")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<&str> = articles(&doc).iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["local", "127.0.0.1-a"]);
    assert_eq!(articles(&doc)[0]["url"], Value::Null);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_app_opens_with_the_first_links_in_and_shows_each_one() {
    if !tmux::Tmux::available() {
        return;
    }
    let dir = scratch("app");
    let server = serve();
    let env = format!("NO_PROXY=127.0.0.1 XDG_CACHE_HOME={}", dir.join("cache").display());
    let inputs = ["--timeout".to_string(), "3".into(), server.url("/slow"), server.url("/a"), server.url("/missing")];
    let inputs: Vec<&Path> = inputs.iter().map(Path::new).collect();
    let app = tmux::Tmux::start_on("links", 100, 30, &env, &inputs, |_| {});
    // The page in is shown while the slow one is still on its way.
    app.wait_for("The earthen dam above the town of Vell");
    app.keys(&["L"]);
    let screen =
        app.wait_until("the links", |s| s.contains("┌ Links · ") && s.contains("/missing  HTTP 404 Not Found"));
    assert!(screen.contains("127.0.0.1:") && screen.contains("/slow  fetching"), "{screen}");
    assert!(screen.contains("/a  ") && screen.contains(" words · downloaded in "), "{screen}");
    app.wait_for("/slow  timed out after 3 s");
    // Esc alone (a key after it at once would read as Alt and the key).
    app.keys(&["Escape"]);
    app.wait_until("the links closed", |s| !s.contains("┌ Links · "));
    app.keys(&["q"]);
    assert_eq!(app.exit_status(), "EXIT:0");
    drop(app);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_app_ends_with_status_2_when_no_link_could_be_read() {
    if !tmux::Tmux::available() {
        return;
    }
    let dir = scratch("app-nothing");
    let server = serve();
    let env = format!("NO_PROXY=127.0.0.1 XDG_CACHE_HOME={}", dir.join("cache").display());
    let inputs = [server.url("/missing"), server.url("/image")];
    let inputs: Vec<&Path> = inputs.iter().map(Path::new).collect();
    let app = tmux::Tmux::start_on("links-nothing", 100, 30, &env, &inputs, |_| {});
    assert_eq!(app.exit_status(), "EXIT:2");
    let screen = app.screen();
    assert!(screen.contains("/missing: skipped: HTTP 404 Not Found"), "{screen}");
    assert!(screen.contains("/image: skipped: not a web page: the server sent image/png"), "{screen}");
    assert!(screen.contains("parallax: no articles to read: every input was skipped"), "{screen}");
    drop(app);
    fs::remove_dir_all(&dir).unwrap();
}
