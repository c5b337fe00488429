//! A web server on 127.0.0.1 for the tests of links and feeds (and the
//! fetch benchmark): routes set by the test, each request answered on a
//! thread of its own (so a slow route does not hold the others) and
//! recorded with the headers that matter (`User-Agent`, validators,
//! cookies, credentials). Nothing leaves this machine.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What a route answers.
#[derive(Clone, Debug, Default)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Waited before answering.
    pub delay: Duration,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            ..Reply::default()
        }
    }

    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", body)
    }

    pub fn redirect(to: &str) -> Reply {
        let mut reply = Reply::new(302, "text/plain", "moved");
        reply.headers.push(("Location".into(), to.into()));
        reply
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    /// A header this reply carries.
    fn header_value(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }

    /// Whether a request's validators match this reply's.
    fn not_modified(&self, request: &[(String, String)]) -> bool {
        let sent = |name: &str| request.iter().find(|(n, _)| n == name).map(|(_, value)| value.as_str());
        let same = |ours: &str, theirs: &str| self.header_value(ours).is_some_and(|v| sent(theirs) == Some(v));
        self.status == 200 && (same("etag", "if-none-match") || same("last-modified", "if-modified-since"))
    }
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Hit {
    pub path: String,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    pub status: u16,
}

impl Hit {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

pub struct Server {
    server: Arc<tiny_http::Server>,
    pub port: u16,
    hits: Arc<Mutex<Vec<Hit>>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server on a free port of 127.0.0.1 answering the routes
    /// `routes` makes for that port (path with its query, e.g. `/a` or
    /// `/feed?x=1`); 404 elsewhere. A route with an `ETag` (or a
    /// `Last-Modified`) answers 304 to a request that sends it back.
    pub fn start(routes: impl FnOnce(u16) -> HashMap<String, Reply>) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        let port = listener.local_addr().expect("an address").port();
        let server = Arc::new(tiny_http::Server::from_listener(listener, None).expect("a server"));
        let hits = Arc::new(Mutex::new(Vec::new()));
        let routes = Arc::new(routes(port));
        let thread = {
            let (server, hits) = (server.clone(), hits.clone());
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let (routes, hits) = (routes.clone(), hits.clone());
                    std::thread::spawn(move || answer(request, &routes, &hits));
                }
            })
        };
        Server { server, port, hits, thread: Some(thread) }
    }

    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn answer(request: tiny_http::Request, routes: &HashMap<String, Reply>, hits: &Mutex<Vec<Hit>>) {
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|h| (h.field.as_str().as_str().to_ascii_lowercase(), h.value.as_str().to_string()))
        .collect();
    let path = request.url().to_string();
    let mut reply = routes.get(&path).cloned().unwrap_or_else(|| Reply::new(404, "text/html", "<h1>Not here</h1>"));
    if reply.not_modified(&headers) {
        reply = Reply { status: 304, body: Vec::new(), ..reply };
    }
    hits.lock().unwrap().push(Hit { path, headers, status: reply.status });
    std::thread::sleep(reply.delay);
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    for (name, value) in &reply.headers {
        response.add_header(tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a header"));
    }
    let _ = request.respond(response);
}
