//! A small JSON reader for the feed: RFC 8259 text to a [`Document`], one flat list of nodes that
//! borrows from the text (a string is copied only when it has escapes), read through [`Value`]s;
//! objects keep their keys in document order and numbers as written. It replaced serde_json's
//! `Value`, whose code and `BTreeMap` weighed about 20 KB of the wasm; typed serde derive would
//! cost 25 KB gzip more than this reader (bench/results.md). Nesting deeper than [`MAX_DEPTH`] is
//! refused, so no document can exhaust the stack.

use std::borrow::Cow;

/// How deep arrays and objects may nest (a feed needs five levels).
pub const MAX_DEPTH: usize = 64;

/// The kinds of JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// One node of a document, in document order: a container is followed by its contents (an
/// object's by key and value, key and value, …) and knows the index just past them.
#[derive(Clone, Debug, PartialEq)]
enum Node<'t> {
    Null,
    Bool(bool),
    /// A number as written in the document: `1`, `-83.07`, `1e3`.
    Number(&'t str),
    String(Cow<'t, str>),
    Array {
        end: u32,
    },
    Object {
        end: u32,
    },
}

/// A JSON text read into one flat list of nodes: one allocation for the whole document, however
/// many objects it has (a tree of vectors spent most of a large feed's parse time in the
/// allocator, bench/results.md).
#[derive(Debug)]
pub struct Document<'t> {
    nodes: Vec<Node<'t>>,
}

impl<'t> Document<'t> {
    pub fn root(&self) -> Value<'_, 't> {
        Value { nodes: &self.nodes, at: 0 }
    }

    /// The JSONPath of a node ([`Value::node`]): `$.campaigns[2].meetings[0].start`, with
    /// `["…"]` for a key that is not a plain name.
    pub fn path_to(&self, node: u32) -> String {
        let (target, mut at, mut path) = (node as usize, 0, String::from("$"));
        let holds = |value: &Value| value.at <= target && target < after(&self.nodes, value.at);
        while at != target && target < self.nodes.len() {
            let value = Value { nodes: &self.nodes, at };
            let next = match self.nodes[at] {
                Node::Object { .. } => value.members().find(|(_, v)| holds(v)).map(|(key, v)| {
                    if !key.is_empty()
                        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    {
                        path.push('.');
                        path.push_str(key);
                    } else {
                        path.push_str(&format!("[{key:?}]"));
                    }
                    v.at
                }),
                Node::Array { .. } => {
                    value.items().into_iter().flatten().enumerate().find(|(_, v)| holds(v)).map(
                        |(i, v)| {
                            path.push_str(&format!("[{i}]"));
                            v.at
                        },
                    )
                }
                _ => None,
            };
            match next {
                Some(next) => at = next,
                None => break, // a key's own node: its value's path
            }
        }
        path
    }
}

/// Why a text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The text ends before the value does.
    Eof,
    /// Something else is wrong, at this line and column (both from 1, columns in characters).
    Syntax { line: usize, column: usize },
}

/// One value of a document.
#[derive(Clone, Copy)]
pub struct Value<'d, 't> {
    nodes: &'d [Node<'t>],
    at: usize,
}

impl std::fmt::Debug for Value<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:?} at {}", self.kind(), self.at)
    }
}

/// The index just past the value at `at`.
fn after(nodes: &[Node], at: usize) -> usize {
    match nodes[at] {
        Node::Array { end } | Node::Object { end } => end as usize,
        _ => at + 1,
    }
}

impl<'d, 't> Value<'d, 't> {
    /// This value's place in its document: what a
    /// [`Problem`](crate::model::feed::problem::Problem) keeps, so a tool can say where the
    /// problem is ([`Document::path_to`], [`parse_with_offsets`]).
    pub fn node(self) -> u32 {
        self.at as u32
    }

    pub fn kind(self) -> Kind {
        match self.nodes[self.at] {
            Node::Null => Kind::Null,
            Node::Bool(_) => Kind::Bool,
            Node::Number(_) => Kind::Number,
            Node::String(_) => Kind::String,
            Node::Array { .. } => Kind::Array,
            Node::Object { .. } => Kind::Object,
        }
    }

    pub fn is_object(self) -> bool {
        self.kind() == Kind::Object
    }

    /// The value of `key` in an object (`None` for a missing key or a value of another kind).
    /// A repeated key is read as its last value.
    pub fn get(self, key: &str) -> Option<Value<'d, 't>> {
        let mut found = None;
        for (k, value) in self.members() {
            if k == key {
                found = Some(value);
            }
        }
        found
    }

    /// An object's members, in document order (none for a value of another kind).
    pub fn members(self) -> impl Iterator<Item = (&'d str, Value<'d, 't>)> {
        let nodes = self.nodes;
        let end = match nodes[self.at] {
            Node::Object { end } => end as usize,
            _ => self.at,
        };
        let mut at = self.at + 1;
        std::iter::from_fn(move || {
            if at >= end {
                return None;
            }
            let Node::String(key) = &nodes[at] else { return None };
            let value = Value { nodes, at: at + 1 };
            at = after(nodes, at + 1);
            Some((key.as_ref(), value))
        })
    }

    /// An array's items (`None` for a value of another kind).
    pub fn items(self) -> Option<Items<'d, 't>> {
        match self.nodes[self.at] {
            Node::Array { end } => {
                Some(Items { nodes: self.nodes, at: self.at + 1, end: end as usize })
            }
            _ => None,
        }
    }

    pub fn as_str(self) -> Option<&'d str> {
        match &self.nodes[self.at] {
            Node::String(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self.nodes[self.at] {
            Node::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// A number as the document writes it.
    pub fn number(self) -> Option<&'t str> {
        match self.nodes[self.at] {
            Node::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A number's value (decimal digits read without the standard library's float parser,
    /// which would weigh more in the wasm; ample for coordinates).
    pub fn as_f64(self) -> Option<f64> {
        number_value(self.number()?)
    }
}

/// An object's members gathered once, for reading many of its fields: each lookup then scans
/// a short list of keys instead of walking the document (a meeting's fields are looked up
/// about twenty times).
pub struct Members<'d, 't> {
    object: Value<'d, 't>,
    keys: [&'d str; Members::MAX],
    at: [u32; Members::MAX],
    len: usize,
}

impl Members<'_, '_> {
    /// Members kept; an object with more is searched in the document instead.
    const MAX: usize = 24;
}

impl<'d, 't> Members<'d, 't> {
    pub fn of(object: Value<'d, 't>) -> Self {
        let mut members =
            Members { object, keys: [""; Members::MAX], at: [0; Members::MAX], len: 0 };
        for (key, value) in object.members() {
            if members.len == Members::MAX {
                members.len += 1; // too many: `get` asks the document
                break;
            }
            members.keys[members.len] = key;
            members.at[members.len] = value.at as u32;
            members.len += 1;
        }
        members
    }

    /// As [`Value::get`]: the last value of `key`.
    pub fn get(&self, key: &str) -> Option<Value<'d, 't>> {
        if self.len > Members::MAX {
            return self.object.get(key);
        }
        let i = self.keys[..self.len].iter().rposition(|k| *k == key)?;
        Some(Value { nodes: self.object.nodes, at: self.at[i] as usize })
    }

    pub fn value(&self) -> Value<'d, 't> {
        self.object
    }
}

/// An array's items.
#[derive(Clone, Default)]
pub struct Items<'d, 't> {
    nodes: &'d [Node<'t>],
    at: usize,
    end: usize,
}

impl<'d, 't> Iterator for Items<'d, 't> {
    type Item = Value<'d, 't>;

    fn next(&mut self) -> Option<Value<'d, 't>> {
        (self.at < self.end).then(|| {
            let value = Value { nodes: self.nodes, at: self.at };
            self.at = after(self.nodes, self.at);
            value
        })
    }
}

/// The value of a JSON number's text.
fn number_value(text: &str) -> Option<f64> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, mantissa),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    // Up to 19 significant digits fit a u64; later ones only move the scale.
    let (mut mantissa, mut significant, mut scale) = (0u64, 0u32, exponent);
    for (i, b) in whole.bytes().chain(fraction.bytes()).enumerate() {
        let in_fraction = i >= whole.len();
        if significant < 19 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            significant += u32::from(mantissa > 0);
            scale -= i32::from(in_fraction);
        } else {
            scale += i32::from(!in_fraction);
        }
    }
    // Dividing by an exact power of ten rounds correctly, where multiplying by 0.01 may not;
    // very large or small scales go in two steps so the power itself stays finite.
    let mut value = mantissa as f64;
    for _ in 0..2 {
        let step = scale.clamp(-300, 300);
        value = if step >= 0 { value * 10f64.powi(step) } else { value / 10f64.powi(-step) };
        scale -= step;
    }
    Some(if negative { -value } else { value })
}

/// Reads a JSON text.
pub fn parse(text: &str) -> Result<Document<'_>, JsonError> {
    read(text, false).map(|(document, _)| document)
}

/// Reads a JSON text, and where each of its nodes starts (a byte offset, by [`Value::node`]):
/// for the command-line checker, which points at a problem's line and column.
pub fn parse_with_offsets(text: &str) -> Result<(Document<'_>, Vec<u32>), JsonError> {
    read(text, true).map(|(document, offsets)| (document, offsets.unwrap_or_default()))
}

fn read(text: &str, offsets: bool) -> Result<(Document<'_>, Option<Vec<u32>>), JsonError> {
    // A feed has about one node per 15 bytes of text (27 for a feed with long descriptions).
    let capacity = text.len() / 12;
    let offsets = offsets.then(|| Vec::with_capacity(capacity));
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        nodes: Vec::with_capacity(capacity),
        offsets,
    };
    reader.skip_space();
    reader.value(0)?;
    reader.skip_space();
    if reader.pos < reader.bytes.len() {
        return Err(reader.syntax());
    }
    Ok((Document { nodes: reader.nodes }, reader.offsets))
}

/// Line and column (both from 1, columns in characters) of a byte offset in a text.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node<'a>>,
    /// Where each node starts in the text, when a tool asked for it ([`parse_with_offsets`]).
    offsets: Option<Vec<u32>>,
}

impl<'a> Reader<'a> {
    fn syntax(&self) -> JsonError {
        if self.pos >= self.bytes.len() {
            return JsonError::Eof;
        }
        let (line, column) = line_column(self.text, self.pos);
        JsonError::Syntax { line, column }
    }

    fn push(&mut self, node: Node<'a>, start: usize) {
        self.nodes.push(node);
        if let Some(offsets) = &mut self.offsets {
            offsets.push(start as u32);
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, word: &[u8]) -> Result<(), JsonError> {
        for &b in word {
            if self.peek() != Some(b) {
                return Err(self.syntax());
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// Reads one value into the nodes.
    fn value(&mut self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.syntax());
        }
        let start = self.pos;
        let node = match self.peek() {
            None => return Err(JsonError::Eof),
            Some(b'{') => return self.container(depth, b'}'),
            Some(b'[') => return self.container(depth, b']'),
            Some(b'"') => Node::String(self.string()?),
            Some(b't') => self.expect(b"true").map(|_| Node::Bool(true))?,
            Some(b'f') => self.expect(b"false").map(|_| Node::Bool(false))?,
            Some(b'n') => self.expect(b"null").map(|_| Node::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.syntax()),
        };
        self.push(node, start);
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Node<'a>, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        let whole = self.digits();
        if leading_zero && whole > 1 {
            self.pos = start + 1 + usize::from(self.bytes[start] == b'-');
            return Err(self.syntax());
        }
        if whole == 0 {
            return Err(self.syntax());
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        Ok(Node::Number(&self.text[start..self.pos]))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.syntax()),
            };
            n = n * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.pos += 1; // the opening quote
        let mut out: Option<String> = None;
        loop {
            let start = self.pos;
            while self.bytes.get(self.pos).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            // Stopped at an ASCII byte, so both ends are character boundaries.
            let run = &self.text[start..self.pos];
            match self.peek() {
                None => return Err(JsonError::Eof),
                // A string without escapes is borrowed from the text.
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(run),
                        Some(mut out) => {
                            out.push_str(run);
                            Cow::Owned(out)
                        }
                    });
                }
                Some(b'\\') => {
                    let out = out.get_or_insert_with(String::new);
                    out.push_str(run);
                    self.pos += 1;
                    let c = match self.peek() {
                        None => return Err(JsonError::Eof),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let unit = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&unit) {
                                // A high surrogate must be followed by a low one.
                                self.expect(b"\\u")?;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.syntax());
                                }
                                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                unit
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.syntax())?);
                            continue;
                        }
                        Some(_) => return Err(self.syntax()),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                // A raw control character inside a string.
                Some(_) => return Err(self.syntax()),
            }
        }
    }

    /// An array (`close` is `]`) or an object (`}`): its node, then its contents.
    fn container(&mut self, depth: usize, close: u8) -> Result<(), JsonError> {
        let object = close == b'}';
        let at = self.nodes.len();
        self.push(Node::Null, self.pos); // its node, once its end is known
        self.pos += 1;
        self.skip_space();
        if self.peek() == Some(close) {
            self.pos += 1;
        } else {
            loop {
                self.skip_space();
                if object {
                    if self.peek() != Some(b'"') {
                        return Err(self.syntax());
                    }
                    let start = self.pos;
                    let key = self.string()?;
                    self.push(Node::String(key), start);
                    self.skip_space();
                    self.expect(b":")?;
                    self.skip_space();
                }
                self.value(depth + 1)?;
                self.skip_space();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b) if b == close => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.syntax()),
                }
            }
        }
        let end = u32::try_from(self.nodes.len()).map_err(|_| self.syntax())?;
        self.nodes[at] = if object { Node::Object { end } } else { Node::Array { end } };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let doc =
            parse(r#" { "a": [1, -2.5e1, 0, true, false, null], "b": {"c": "d"}, "a": "last" } "#)
                .unwrap();
        let root = doc.root();
        assert_eq!(root.kind(), Kind::Object);
        assert_eq!(
            root.get("a").and_then(Value::as_str),
            Some("last"),
            "a repeated key is read as its last value"
        );
        assert_eq!(root.get("b").and_then(|b| b.get("c")).and_then(Value::as_str), Some("d"));
        assert_eq!(root.get("x").map(Value::kind), None);
        let keys: Vec<_> = root.members().map(|(k, v)| (k, v.kind())).collect();
        assert_eq!(keys, [("a", Kind::Array), ("b", Kind::Object), ("a", Kind::String)]);
        let items: Vec<_> = root.members().next().unwrap().1.items().unwrap().collect();
        assert_eq!(
            items.iter().map(|v| v.kind()).collect::<Vec<_>>(),
            [Kind::Number, Kind::Number, Kind::Number, Kind::Bool, Kind::Bool, Kind::Null]
        );
        assert_eq!(items[1].number(), Some("-2.5e1"));
        assert_eq!(items[1].as_f64(), Some(-25.0));
        assert_eq!((items[3].as_bool(), items[4].as_bool()), (Some(true), Some(false)));
        assert!(
            root.items().is_none() && items[0].get("a").is_none() && items[0].as_str().is_none()
        );
        for (text, value) in [
            ("42.35", 42.35),
            ("-83.07", -83.07),
            ("1E2", 100.0),
            ("0.00125", 0.00125),
            ("12345678901234567890123", 1.2345678901234568e22),
            ("2.5e-310", 2.5e-310),
            ("1e400", f64::INFINITY),
        ] {
            assert_eq!(number_value(text), Some(value), "{text}");
        }
    }

    #[test]
    fn members_read_as_the_object_does() {
        let doc = parse(r#"{"a": 1, "b": {"c": [2]}, "a": 3}"#).unwrap();
        let members = Members::of(doc.root());
        assert_eq!(members.get("a").and_then(Value::number), Some("3"));
        assert_eq!(members.get("b").and_then(|b| b.get("c")).map(Value::kind), Some(Kind::Array));
        assert!(members.get("z").is_none());
        let many = format!(
            "{{{}}}",
            (0..40).map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(",")
        );
        let doc = parse(&many).unwrap();
        assert_eq!(Members::of(doc.root()).get("k39").and_then(Value::number), Some("39"));
        assert_eq!(Members::of(doc.root()).get("k3").and_then(Value::number), Some("3"));
    }

    #[test]
    fn nested_containers_are_skipped_whole() {
        let doc =
            parse(r#"{"a": {"x": [1, {"y": [2, 3]}], "z": {}}, "b": [[], [[]], 4], "c": "after"}"#)
                .unwrap();
        let root = doc.root();
        assert_eq!(root.get("c").and_then(Value::as_str), Some("after"));
        assert_eq!(root.get("b").and_then(Value::items).map(|i| i.count()), Some(3));
        let z = root.get("a").and_then(|a| a.get("z")).unwrap();
        assert_eq!((z.kind(), z.members().count()), (Kind::Object, 0));
    }

    #[test]
    fn reads_escapes_and_any_script() {
        let doc = parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 Straße""#).unwrap();
        assert_eq!(doc.root().as_str(), Some("a\"b\\c/d\n\té😀 Straße"));
    }

    #[test]
    fn tells_a_cut_off_text_from_a_wrong_one() {
        for cut in
            [r#"{"a": [1, 2"#, r#"{"a": "#, r#"{"a": "xy"#, "[", r#""\u12"#, "tru", "-", "1.", "1e"]
        {
            assert_eq!(parse(cut).err(), Some(JsonError::Eof), "{cut}");
        }
        assert_eq!(parse("<html>").err(), Some(JsonError::Syntax { line: 1, column: 1 }));
        assert_eq!(
            parse("{\n  \"a\": 1,\n  \"b\" 2\n}").err(),
            Some(JsonError::Syntax { line: 3, column: 7 })
        );
        assert_eq!(parse("01").err(), Some(JsonError::Syntax { line: 1, column: 2 }));
        for bad in [
            "[1,]",
            "{\"a\":1,}",
            "-01",
            "1.x",
            "1ex",
            "\"\\x\"",
            "\"a\u{1}b\"",
            "\"\\ud800\\u0041\"",
            "{} x",
            "[1 2]",
            "nul!",
            "{a:1}",
        ] {
            assert!(
                matches!(parse(bad), Err(JsonError::Syntax { .. })),
                "{bad} should be a syntax error: {:?}",
                parse(bad)
            );
        }
    }

    #[test]
    fn refuses_nesting_beyond_the_limit() {
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert!(matches!(parse(&deep), Err(JsonError::Syntax { .. })));
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fine).is_ok());
    }
}
