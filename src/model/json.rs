//! A small JSON reader for the feed: RFC 8259 text to a tree of [`Json`] values, objects kept as
//! key lists in document order and numbers as written. It replaced serde_json's `Value`, whose
//! code and `BTreeMap` weighed about 20 KB of the wasm, and reads a feed faster. Nesting deeper
//! than [`MAX_DEPTH`] is refused, so no document can exhaust the stack.

/// How deep arrays and objects may nest (a feed needs five levels).
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as written in the document: `1`, `-83.07`, `1e3`.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order; a repeated key is read as its last value.
    Object(Vec<(String, Json)>),
}

/// Why a text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The text ends before the value does.
    Eof,
    /// Something else is wrong, at this line and column (both from 1, columns in characters).
    Syntax { line: usize, column: usize },
}

impl Json {
    /// The value of `key` in an object (`None` for a missing key or a value of another kind).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number's value (decimal digits read without the standard library's float parser,
    /// which would weigh more in the wasm; ample for coordinates).
    pub fn as_f64(&self) -> Option<f64> {
        let Json::Number(text) = self else { return None };
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
            None => (text.as_str(), 0),
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
}

/// Reads a JSON text.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader { text, bytes: text.as_bytes(), pos: 0 };
    reader.skip_space();
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.pos < reader.bytes.len() {
        return Err(reader.syntax());
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn syntax(&self) -> JsonError {
        if self.pos >= self.bytes.len() {
            return JsonError::Eof;
        }
        let before = &self.text[..self.text.floor_char_boundary(self.pos)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError::Syntax { line, column }
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

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.syntax());
        }
        match self.peek() {
            None => Err(JsonError::Eof),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect(b"true").map(|_| Json::Bool(true)),
            Some(b'f') => self.expect(b"false").map(|_| Json::Bool(false)),
            Some(b'n') => self.expect(b"null").map(|_| Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.syntax()),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
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
        Ok(Json::Number(self.text[start..self.pos].to_string()))
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

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            // Stopped at an ASCII byte, so both ends are character boundaries.
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                None => return Err(JsonError::Eof),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
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

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.syntax());
            }
            let key = self.string()?;
            self.skip_space();
            self.expect(b":")?;
            self.skip_space();
            members.push((key, self.value(depth + 1)?));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.syntax()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Json {
        Json::String(v.to_string())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let doc = parse(r#" { "a": [1, -2.5e1, 0, true, false, null], "b": {"c": "d"}, "a": "last" } "#).unwrap();
        assert_eq!(doc.get("a"), Some(&s("last")), "a repeated key is read as its last value");
        assert_eq!(doc.get("b").and_then(|b| b.get("c")), Some(&s("d")));
        let Json::Object(members) = &doc else { panic!() };
        let Json::Array(items) = &members[0].1 else { panic!() };
        assert_eq!(items[1], Json::Number("-2.5e1".into()));
        assert_eq!(items[1].as_f64(), Some(-25.0));
        assert_eq!(items[3..], [Json::Bool(true), Json::Bool(false), Json::Null]);
        assert_eq!(Json::Number("42.35".into()).as_f64(), Some(42.35));
        assert_eq!(Json::Number("-83.07".into()).as_f64(), Some(-83.07));
        assert_eq!(Json::Number("1E2".into()).as_f64(), Some(100.0));
        assert_eq!(Json::Number("0.00125".into()).as_f64(), Some(0.00125));
        assert_eq!(Json::Number("12345678901234567890123".into()).as_f64(), Some(1.2345678901234568e22));
        assert_eq!(Json::Number("2.5e-310".into()).as_f64(), Some(2.5e-310));
        assert_eq!(Json::Number("1e400".into()).as_f64(), Some(f64::INFINITY));
    }

    #[test]
    fn reads_escapes_and_any_script() {
        assert_eq!(parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 Straße""#).unwrap(), s("a\"b\\c/d\n\té😀 Straße"));
    }

    #[test]
    fn tells_a_cut_off_text_from_a_wrong_one() {
        for cut in [r#"{"a": [1, 2"#, r#"{"a": "#, r#"{"a": "xy"#, "[", r#""\u12"#, "tru", "-", "1.", "1e"] {
            assert_eq!(parse(cut), Err(JsonError::Eof), "{cut}");
        }
        assert_eq!(parse("<html>"), Err(JsonError::Syntax { line: 1, column: 1 }));
        assert_eq!(parse("{\n  \"a\": 1,\n  \"b\" 2\n}"), Err(JsonError::Syntax { line: 3, column: 7 }));
        assert_eq!(parse("01"), Err(JsonError::Syntax { line: 1, column: 2 }));
        for bad in ["[1,]", "{\"a\":1,}", "-01", "1.x", "1ex", "\"\\x\"", "\"a\u{1}b\"", "\"\\ud800\\u0041\"", "{} x", "[1 2]", "nul!", "{a:1}"] {
            assert!(matches!(parse(bad), Err(JsonError::Syntax { .. })), "{bad} should be a syntax error: {:?}", parse(bad));
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
