//! Keys, mouse and pastes from the terminal's bytes.
//!
//! crossterm's reader waits for a bracketed paste's end marker however long
//! it takes: one stray paste start (`ESC [200~`, from a terminal left in
//! paste mode or anything that writes to it) swallowed every key after it,
//! `q` and Ctrl-C included. This reader decodes the same encodings into
//! crossterm's event types (keys as xterm and its followers send them, SGR,
//! urxvt and X10 mouse reports, bracketed pastes) and ends a paste at its
//! end marker or as soon as the terminal falls quiet ([`PASTE_QUIET`]).
//! Answers the terminal sends to queries (OSC, DCS and the like) are
//! dropped whole instead of being read as keys.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// A paste with no end marker ends when the terminal has sent nothing for
/// this long: a real paste arrives in one burst.
pub const PASTE_QUIET: Duration = Duration::from_millis(300);
/// An escape sequence left unfinished this long is dropped.
pub const SEQUENCE_QUIET: Duration = Duration::from_millis(100);
/// A paste longer than this is cut (the search box takes 200 characters).
const MAX_PASTE: usize = 1 << 20;
/// An escape sequence longer than this is not one.
const MAX_SEQUENCE: usize = 256;

const ESC: u8 = 0x1b;
const PASTE_END: &[u8] = b"\x1b[201~";

/// What the bytes so far make.
enum Parsed {
    /// More bytes are needed.
    Incomplete,
    Event(Event),
    /// An event, and the last byte starts the next one (`ESC ESC`).
    EventThenLast(Event),
    PasteStart,
    /// A sequence this app has no use for (a focus report, an answer to a
    /// query, an unknown key): dropped.
    Nothing,
}

/// Turns the terminal's bytes into events, a read at a time.
#[derive(Debug, Default)]
pub struct Decoder {
    /// Bytes of a key or sequence not finished yet.
    pending: Vec<u8>,
    /// A paste being received.
    paste: Option<Vec<u8>>,
}

impl Decoder {
    /// Decodes the bytes of one read. A lone ESC at the end of a read is the
    /// Esc key: a terminal writes a whole sequence at once.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        for &byte in bytes {
            if let Some(paste) = &mut self.paste {
                if paste.len() < MAX_PASTE + PASTE_END.len() {
                    paste.push(byte);
                }
                if paste.ends_with(PASTE_END) {
                    paste.truncate(paste.len() - PASTE_END.len());
                    events.extend(self.end_paste());
                }
                continue;
            }
            self.pending.push(byte);
            match parse(&self.pending) {
                Parsed::Incomplete if self.pending.len() > MAX_SEQUENCE => self.pending.clear(),
                Parsed::Incomplete => {}
                Parsed::Event(event) => {
                    events.push(event);
                    self.pending.clear();
                }
                Parsed::EventThenLast(event) => {
                    events.push(event);
                    self.pending = vec![byte];
                }
                Parsed::PasteStart => {
                    self.pending.clear();
                    self.paste = Some(Vec::new());
                }
                Parsed::Nothing => self.pending.clear(),
            }
        }
        if self.pending == [ESC] {
            self.pending.clear();
            events.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        events
    }

    /// How long to wait for more bytes before [`Decoder::quiet`]; `None`
    /// when nothing is unfinished.
    pub fn patience(&self) -> Option<Duration> {
        if self.paste.is_some() {
            Some(PASTE_QUIET)
        } else if !self.pending.is_empty() {
            Some(SEQUENCE_QUIET)
        } else {
            None
        }
    }

    /// The terminal has sent nothing for [`Decoder::patience`]: a paste
    /// without its end marker ends, an unfinished sequence is dropped.
    pub fn quiet(&mut self) -> Vec<Event> {
        self.pending.clear();
        self.end_paste().into_iter().collect()
    }

    fn end_paste(&mut self) -> Option<Event> {
        let mut paste = self.paste.take()?;
        paste.truncate(MAX_PASTE);
        (!paste.is_empty()).then(|| Event::Paste(String::from_utf8_lossy(&paste).into_owned()))
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A key, a sequence, or what is missing.
fn parse(bytes: &[u8]) -> Parsed {
    let control = KeyModifiers::CONTROL;
    match bytes[0] {
        ESC => parse_escape(bytes),
        b'\r' => Parsed::Event(key(KeyCode::Enter, KeyModifiers::NONE)),
        b'\t' => Parsed::Event(key(KeyCode::Tab, KeyModifiers::NONE)),
        0x7f => Parsed::Event(key(KeyCode::Backspace, KeyModifiers::NONE)),
        0 => Parsed::Event(key(KeyCode::Char(' '), control)),
        // Ctrl-A..Ctrl-Z (Ctrl-J for a raw line feed), Ctrl-4..Ctrl-7.
        c @ 0x01..=0x1a => Parsed::Event(key(KeyCode::Char(char::from(c - 1 + b'a')), control)),
        c @ 0x1c..=0x1f => Parsed::Event(key(KeyCode::Char(char::from(c - 0x1c + b'4')), control)),
        _ => parse_char(bytes),
    }
}

/// One UTF-8 character; an uppercase letter carries Shift, as crossterm's
/// reader gives it.
fn parse_char(bytes: &[u8]) -> Parsed {
    let needed = match bytes[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Parsed::Nothing,
    };
    if bytes.len() < needed {
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&bytes[..needed]).ok().and_then(|s| s.chars().next()) {
        Some(c) => {
            let modifiers = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            Parsed::Event(key(KeyCode::Char(c), modifiers))
        }
        None => Parsed::Nothing,
    }
}

fn parse_escape(bytes: &[u8]) -> Parsed {
    let Some(&second) = bytes.get(1) else { return Parsed::Incomplete };
    match second {
        b'[' => parse_csi(bytes),
        b'O' => match bytes.get(2) {
            None => Parsed::Incomplete,
            Some(&last) => ss3(last).map_or(Parsed::Nothing, |code| Parsed::Event(key(code, KeyModifiers::NONE))),
        },
        ESC => Parsed::EventThenLast(key(KeyCode::Esc, KeyModifiers::NONE)),
        // OSC, DCS, APC, PM, SOS: a terminal's answer, up to BEL or ST.
        b']' | b'P' | b'_' | b'^' | b'X' => {
            let body = &bytes[2..];
            if body.ends_with(&[0x07]) || body.ends_with(&[ESC, b'\\']) { Parsed::Nothing } else { Parsed::Incomplete }
        }
        // Alt and a key.
        _ => match parse(&bytes[1..]) {
            Parsed::Event(Event::Key(mut k)) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Event::Key(k))
            }
            other => other,
        },
    }
}

/// `ESC O x`: F1-F4, arrows, Home and End in application mode.
fn ss3(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        _ => return None,
    })
}

/// `ESC [`, parameters, a final byte.
fn parse_csi(bytes: &[u8]) -> Parsed {
    let body = &bytes[2..];
    // X10 mouse: ESC [ M and three raw bytes.
    if body.first() == Some(&b'M') {
        return if body.len() < 4 { Parsed::Incomplete } else { x10_mouse(body[1], body[2], body[3]) };
    }
    let Some((&last, params)) = body.split_last() else { return Parsed::Incomplete };
    if !(0x40..=0x7e).contains(&last) {
        return if (0x20..=0x3f).contains(&last) { Parsed::Incomplete } else { Parsed::Nothing };
    }
    let Ok(params) = std::str::from_utf8(params) else { return Parsed::Nothing };
    if let Some(sgr) = params.strip_prefix('<') {
        return sgr_mouse(sgr, last == b'm');
    }
    let numbers: Vec<u16> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
    let modifiers = modifiers(numbers.get(1).copied().unwrap_or(1));
    let code = match (last, numbers[0]) {
        (b'~', 200) => return Parsed::PasteStart,
        (b'~', n) => tilde_key(n),
        (b'A', _) => Some(KeyCode::Up),
        (b'B', _) => Some(KeyCode::Down),
        (b'C', _) => Some(KeyCode::Right),
        (b'D', _) => Some(KeyCode::Left),
        (b'H', _) => Some(KeyCode::Home),
        (b'F', _) => Some(KeyCode::End),
        (b'Z', _) => return Parsed::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        // F1-F4 with modifiers (`CSI 1;5P`); a cursor report `CSI r;cR` is not.
        (b'P' | b'Q' | b'S', 0 | 1) | (b'R', 0 | 1) => Some(KeyCode::F(1 + last - b'P')),
        (b'M', _) if numbers.len() == 3 => return urxvt_mouse(&numbers),
        _ => None,
    };
    code.map_or(Parsed::Nothing, |code| Parsed::Event(key(code, modifiers)))
}

/// `CSI n ~` keys.
fn tilde_key(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        28 | 29 => KeyCode::F((n - 15) as u8),
        31..=34 => KeyCode::F((n - 17) as u8),
        _ => return None,
    })
}

/// xterm's modifier parameter: 1 + a bit mask (Shift, Alt, Ctrl).
fn modifiers(parameter: u16) -> KeyModifiers {
    let mask = parameter.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [(1, KeyModifiers::SHIFT), (2, KeyModifiers::ALT), (4, KeyModifiers::CONTROL)] {
        if mask & bit != 0 {
            modifiers |= modifier;
        }
    }
    modifiers
}

/// A mouse report's button byte (without its offset), where, and whether
/// a button was released.
fn mouse(button: u16, column: u16, row: u16, released: bool) -> Parsed {
    let modifiers = modifiers(1 + ((button >> 2) & 0b111));
    let kind = match (button & 0b1100_0011, button & 0b10_0000 != 0) {
        (64, _) => MouseEventKind::ScrollUp,
        (65, _) => MouseEventKind::ScrollDown,
        (66, _) => MouseEventKind::ScrollLeft,
        (67, _) => MouseEventKind::ScrollRight,
        (3, true) => MouseEventKind::Moved,
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (b, drag) => {
            let which = match b {
                0 => MouseButton::Left,
                1 => MouseButton::Middle,
                2 => MouseButton::Right,
                _ => return Parsed::Nothing,
            };
            match (drag, released) {
                (true, _) => MouseEventKind::Drag(which),
                (false, true) => MouseEventKind::Up(which),
                (false, false) => MouseEventKind::Down(which),
            }
        }
    };
    let column = column.saturating_sub(1);
    let row = row.saturating_sub(1);
    Parsed::Event(Event::Mouse(MouseEvent { kind, column, row, modifiers }))
}

/// `CSI < b ; x ; y M` (pressed) or `m` (released).
fn sgr_mouse(params: &str, released: bool) -> Parsed {
    let numbers: Vec<u16> = params.split(';').filter_map(|p| p.parse().ok()).collect();
    match numbers[..] {
        [button, column, row] => mouse(button, column, row, released),
        _ => Parsed::Nothing,
    }
}

/// `CSI b ; x ; y M`, the button offset by 32.
fn urxvt_mouse(numbers: &[u16]) -> Parsed {
    mouse(numbers[0].saturating_sub(32), numbers[1], numbers[2], false)
}

/// `CSI M` and three bytes, each offset by 32.
fn x10_mouse(button: u8, column: u8, row: u8) -> Parsed {
    let offset = |b: u8| u16::from(b.saturating_sub(32));
    mouse(offset(button), offset(column), offset(row), false)
}

/// The terminal to read: standard input when it is one, else `/dev/tty`
/// (as crossterm does).
pub fn terminal() -> io::Result<OwnedFd> {
    use std::io::IsTerminal;
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return std::os::fd::AsFd::as_fd(&stdin).try_clone_to_owned();
    }
    Ok(std::fs::File::options().read(true).open("/dev/tty")?.into())
}

/// Reads the terminal until it closes or fails, or `send` returns false,
/// handing each event to `send`.
pub fn read(tty: &OwnedFd, mut send: impl FnMut(Event) -> bool) -> io::Error {
    let mut decoder = Decoder::default();
    let mut buffer = [0u8; 4096];
    loop {
        let events = match wait(tty, decoder.patience()) {
            Err(e) => return e,
            Ok(false) => decoder.quiet(),
            Ok(true) => {
                // SAFETY: read(2) into a buffer this function owns, no
                // longer than the buffer.
                let n = unsafe { libc::read(tty.as_raw_fd(), buffer.as_mut_ptr().cast(), buffer.len()) };
                match n {
                    0 => return io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal closed"),
                    n if n < 0 => {
                        let e = io::Error::last_os_error();
                        if e.kind() == io::ErrorKind::Interrupted {
                            continue;
                        }
                        return e;
                    }
                    n => decoder.feed(&buffer[..n as usize]),
                }
            }
        };
        for event in events {
            if !send(event) {
                return io::Error::other("the app stopped listening");
            }
        }
    }
}

/// Waits until the terminal has bytes (true) or `patience` passes (false).
fn wait(tty: &OwnedFd, patience: Option<Duration>) -> io::Result<bool> {
    let timeout = patience.map_or(-1, |d| i32::try_from(d.as_millis()).unwrap_or(i32::MAX));
    let mut poll = libc::pollfd { fd: tty.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    loop {
        // SAFETY: poll(2) on one pollfd this function owns.
        match unsafe { libc::poll(&mut poll, 1, timeout) } {
            0 => return Ok(false),
            n if n > 0 => return Ok(true),
            _ => {
                let e = io::Error::last_os_error();
                if e.kind() != io::ErrorKind::Interrupted {
                    return Err(e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Event> {
        Decoder::default().feed(bytes)
    }

    fn plain(c: char) -> Event {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn keys_as_terminals_send_them() {
        assert_eq!(keys(b"q"), [plain('q')]);
        assert_eq!(keys(b"G"), [key(KeyCode::Char('G'), KeyModifiers::SHIFT)]);
        assert_eq!(keys("é東".as_bytes()), [plain('é'), plain('東')]);
        assert_eq!(
            keys(b"\r\t\x7f"),
            [
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Tab, KeyModifiers::NONE),
                key(KeyCode::Backspace, KeyModifiers::NONE)
            ]
        );
        assert_eq!(
            keys(b"\x03\x15"),
            [key(KeyCode::Char('c'), KeyModifiers::CONTROL), key(KeyCode::Char('u'), KeyModifiers::CONTROL)]
        );
        assert_eq!(keys(b"\x1b"), [key(KeyCode::Esc, KeyModifiers::NONE)]);
        assert_eq!(keys(b"\x1bx"), [key(KeyCode::Char('x'), KeyModifiers::ALT)]);
        assert_eq!(
            keys(b"\x1b[A\x1bOB\x1b[1;5C"),
            [
                key(KeyCode::Up, KeyModifiers::NONE),
                key(KeyCode::Down, KeyModifiers::NONE),
                key(KeyCode::Right, KeyModifiers::CONTROL)
            ]
        );
        assert_eq!(
            keys(b"\x1b[5~\x1b[6~\x1b[Z\x1bOP\x1b[15~"),
            [
                key(KeyCode::PageUp, KeyModifiers::NONE),
                key(KeyCode::PageDown, KeyModifiers::NONE),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                key(KeyCode::F(1), KeyModifiers::NONE),
                key(KeyCode::F(5), KeyModifiers::NONE)
            ]
        );
    }

    #[test]
    fn a_sequence_split_across_reads_is_whole() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[").is_empty());
        assert_eq!(d.feed(b"6~"), [key(KeyCode::PageDown, KeyModifiers::NONE)]);
        assert!(d.feed(&"é".as_bytes()[..1]).is_empty());
        assert_eq!(d.feed(&"é".as_bytes()[1..]), [plain('é')]);
    }

    #[test]
    fn mouse_reports() {
        let down = |column, row| MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        assert_eq!(keys(b"\x1b[<0;10;5M"), [Event::Mouse(down(9, 4))]);
        let wheel = keys(b"\x1b[<65;1;1M");
        assert!(matches!(wheel[..], [Event::Mouse(MouseEvent { kind: MouseEventKind::ScrollDown, .. })]));
        assert_eq!(keys(b"\x1b[M *%"), [Event::Mouse(down(9, 4))]);
        assert_eq!(keys(b"\x1b[32;10;5M"), [Event::Mouse(down(9, 4))]);
    }

    #[test]
    fn a_paste_is_one_event() {
        assert_eq!(keys(b"\x1b[200~q\x03\x1b[Ahello\x1b[201~j"), [Event::Paste("q\x03\x1b[Ahello".into()), plain('j')]);
    }

    #[test]
    fn a_stray_paste_start_ends_when_the_terminal_falls_quiet() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[200~").is_empty());
        assert_eq!(d.patience(), Some(PASTE_QUIET));
        assert!(d.quiet().is_empty());
        assert_eq!(d.patience(), None);
        // Keys work again.
        assert_eq!(d.feed(b"q"), [plain('q')]);
        // What came in the same burst is pasted text, not keys.
        assert!(d.feed(b"\x1b[200~abc").is_empty());
        assert_eq!(d.quiet(), [Event::Paste("abc".into())]);
    }

    #[test]
    fn answers_and_unknown_sequences_are_dropped() {
        assert_eq!(keys(b"\x1b]11;rgb:0000/0000/0000\x1b\\q"), [plain('q')]);
        assert_eq!(keys(b"\x1bP>|tmux\x1b\\\x1b[Iq\x1b[?62;c"), [plain('q')]);
        assert_eq!(keys(b"\x1b[99~\x1b[12;40Rq"), [plain('q')]);
        // Invalid UTF-8 is dropped, not guessed.
        assert_eq!(keys(b"\xffq"), [plain('q')]);
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[1;").is_empty());
        assert!(d.quiet().is_empty());
        assert_eq!(d.feed(b"q"), [plain('q')]);
    }

    #[test]
    fn nothing_panics_on_any_bytes() {
        let mut d = Decoder::default();
        let mut seed = 7u32;
        for _ in 0..20_000 {
            let len = (seed % 64) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    // Mostly the bytes sequences are made of.
                    [0x1b, b'[', b'<', b';', b'~', b'M', b'0', b'2', b'9', (seed >> 16) as u8]
                        [(seed >> 8) as usize % 10]
                })
                .collect();
            d.feed(&bytes);
            if seed % 5 == 0 {
                d.quiet();
            }
        }
    }
}
