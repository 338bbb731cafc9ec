//! When two spellings name the same city: the one rule behind a feed's cities (`cities`: "MÜNCHEN"
//! and "München" are one city), the search as the reader types (`city_search`: "munch" finds
//! it), a city named in the page URL (`Listing::city_by_slug`: "munchen", "münchen") and the
//! widget's default city (`widget::url_city`). A name's [`key`] drops case, accents and
//! punctuation: "São Paulo" and "SAO PAULO", "İstanbul" and "Istanbul", "Saint-Étienne" and
//! "Saint Etienne" have one key. Scripts without case (Chinese, Tamil…) are kept as written;
//! Greek, Cyrillic and Armenian lose their case.

/// What one character becomes in a key.
enum Folded {
    Letter(char),
    /// A letter written as two: ß, æ, œ, ĳ, þ, ŋ.
    Letters(&'static str),
    /// Between two words: a space, a hyphen, a comma, a quote…
    Gap,
    /// Nothing: an accent typed after its letter (decomposed text), an invisible mark.
    Nothing,
}

/// The base letter of each character from U+00C0 to U+02AF (Latin-1, Latin Extended-A and -B,
/// IPA: German, French, Spanish, Portuguese, Turkish, Polish, Romanian, Azerbaijani, Pinyin, and
/// the letters with hooks of West African languages), lowercased. A digit: the two letters of
/// [`PAIRS`] it indexes (ß, æ, œ, ĳ, þ, ŋ, ǆ, ǉ, ǌ); `+`: no base letter, and its lowercase is
/// the next character (Ƃ); `!`: a capital whose lowercase is elsewhere ([`CAPITALS`]); `_`:
/// kept as it is (a lowercase letter with no base letter, a sign). Made with Python's
/// `unicodedata`: the first character of the canonical decomposition when it is an ASCII letter,
/// else the letter of the name "LATIN … LETTER X WITH …" (ø, ł, đ, ħ, ɓ: no decomposition),
/// else that of the lowercase; and by hand, the letters of Turkish ı, Icelandic ð, Azerbaijani
/// ə, and ĸ, ŉ, ſ.
const LATIN: &[u8; 0x2B0 - 0xC0] = b"\
    aaaaaa1ceeeeiiiidnooooo_ouuuuy40aaaaaa1ceeeeiiiidnooooo_ouuuuy4y\
    aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii33jjkkqlllllll\
    lllnnnnnnn55oooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs\
    bbbb+_!ccdddd_!e!ffg!_!ikkl_!nnooo+_ppr+_!_ttttuu!vyyzz!+___+___\
    ____666777888aaiioouuuuuuuuuu_aaaa11ggggkkoooo+_j666gg!!nnaa11oo\
    aaaaeeeeiiiioooorrrruuuusstt+_hhnd+_zzaaeeooooooooyylnt___acclts\
    z+_b!!eejjqqrryy___b_cdd_e______g_g___h_i_illl___mnnn_______rrr_\
    r_s_____t__v___yzz_______b_ghj_lq_______________";

/// The same for U+1E00 to U+1EFF (Latin Extended Additional: Vietnamese, Welsh; ẞ).
const LATIN_ADDITIONAL: &[u8; 0x100] = b"\
    aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
    mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
    wwwwwwwwwwxxxxyyzzzzzzhtwya___0_aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
    eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy+_+_yy";

/// The letters written as two, by their digit in the tables.
const PAIRS: [&str; 9] = ["ss", "ae", "oe", "ij", "th", "ng", "dz", "lj", "nj"];

/// Capitals of West African alphabets whose small letter is not the next character.
const CAPITALS: [(char, char); 13] = [
    ('Ɔ', 'ɔ'),
    ('Ǝ', 'ǝ'),
    ('Ɛ', 'ɛ'),
    ('Ɣ', 'ɣ'),
    ('Ɩ', 'ɩ'),
    ('Ɯ', 'ɯ'),
    ('Ʃ', 'ʃ'),
    ('Ʊ', 'ʊ'),
    ('Ʒ', 'ʒ'),
    ('Ƕ', 'ƕ'),
    ('Ƿ', 'ƿ'),
    ('Ʉ', 'ʉ'),
    ('Ʌ', 'ʌ'),
];

fn from_table(table: &[u8], first: char, c: char) -> Folded {
    Folded::Letter(match table[c as usize - first as usize] {
        b'+' => shifted(c, 1),
        b'!' => CAPITALS.iter().find(|(capital, _)| *capital == c).map_or(c, |&(_, small)| small),
        b'_' => c,
        digit @ b'0'..=b'9' => return Folded::Letters(PAIRS[usize::from(digit - b'0')]),
        base => char::from(base),
    })
}

fn shifted(c: char, by: u32) -> char {
    char::from_u32(c as u32 + by).unwrap_or(c)
}

/// One character as a key holds it. No full Unicode case tables (they would weigh more in the
/// wasm than city names need): the scripts with case are folded here, range by range.
fn fold(c: char) -> Folded {
    use Folded::*;
    Letter(match c {
        'a'..='z' | '0'..='9' => c,
        'A'..='Z' => c.to_ascii_lowercase(),
        _ if c.is_ascii() => return Gap,
        '\u{300}'..='\u{36F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}' => return Nothing,
        // Punctuation: Latin-1's, apostrophes written as letters (Xiʼan), Hebrew's maqaf, the
        // Arabic comma, dashes and quotes, CJK's.
        '¡'
        | '«'
        | '·'
        | '»'
        | '¿'
        | 'ʻ'
        | 'ʼ'
        | '\u{5BE}'
        | '\u{60C}'
        | '\u{2010}'..='\u{205E}' => return Gap,
        '\u{3000}'..='\u{3003}' | '\u{300C}'..='\u{300F}' | '・' | '（' | '）' | '，' => {
            return Gap
        }
        _ if c.is_whitespace() => return Gap,
        '\u{C0}'..='\u{2AF}' => return from_table(LATIN, '\u{C0}', c),
        '\u{1E00}'..='\u{1EFF}' => return from_table(LATIN_ADDITIONAL, '\u{1E00}', c),
        // Greek: the accented vowels to their plain letter, final sigma as sigma.
        'Ά' | 'ά' => 'α',
        'Έ' | 'έ' => 'ε',
        'Ή' | 'ή' => 'η',
        'Ί' | 'ί' | 'Ϊ' | 'ϊ' | 'ΐ' => 'ι',
        'Ό' | 'ό' => 'ο',
        'Ύ' | 'ύ' | 'Ϋ' | 'ϋ' | 'ΰ' => 'υ',
        'Ώ' | 'ώ' => 'ω',
        'ς' => 'σ',
        'Α'..='Ω' => shifted(c, 0x20),
        // Cyrillic: ё as е (Russian writes either), the stressed ѐ and ѝ as е and и.
        'Ѐ' | 'ѐ' | 'Ё' | 'ё' => 'е',
        'Ѝ' | 'ѝ' => 'и',
        '\u{400}'..='\u{40F}' => shifted(c, 0x50),
        'А'..='Я' => shifted(c, 0x20),
        '\u{460}'..='\u{481}' | '\u{48A}'..='\u{4BF}' | '\u{4D0}'..='\u{52F}' => {
            shifted(c, 1 - c as u32 % 2)
        }
        '\u{4C0}' => '\u{4CF}',
        '\u{4C1}'..='\u{4CE}' => shifted(c, c as u32 % 2),
        // Armenian, and Georgian's capitals (Mtavruli) to its letters.
        'Ա'..='Ֆ' => shifted(c, 0x30),
        '\u{1C90}'..='\u{1CBA}' | '\u{1CBD}'..='\u{1CBF}' => {
            char::from_u32(c as u32 - 0xBC0).unwrap_or(c)
        }
        _ => c,
    })
}

/// Appends the key of `name` to `out`, which may hold other text before it: its words
/// lowercased and without accents, one space between them.
pub fn push_key(out: &mut String, name: &str) {
    let start = out.len();
    let mut gap = false;
    // Most names are ASCII: byte by byte, as `fold` would.
    if name.is_ascii() {
        for b in name.bytes() {
            if !b.is_ascii_alphanumeric() {
                gap = true;
                continue;
            }
            if gap && out.len() > start {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return;
    }
    for c in name.chars() {
        let folded = fold(c);
        match folded {
            Folded::Gap => gap = true,
            Folded::Nothing => {}
            Folded::Letter(_) | Folded::Letters(_) => {
                if gap && out.len() > start {
                    out.push(' ');
                }
                gap = false;
                match folded {
                    Folded::Letter(c) => out.push(c),
                    Folded::Letters(s) => out.push_str(s),
                    Folded::Gap | Folded::Nothing => {}
                }
            }
        }
    }
}

/// The key of a city's name: two spellings with one key name one city. "Saint-Étienne" →
/// "saint etienne".
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_key(&mut out, name);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that every spelling has the key `expected`.
    fn same(expected: &str, spellings: &[&str]) {
        for s in spellings {
            assert_eq!(key(s), expected, "{s:?}");
        }
    }

    #[test]
    fn case_accents_spaces_and_punctuation_do_not_count() {
        same(
            "sao paulo",
            &["São Paulo", "SAO PAULO", "são  paulo", "SÃO PAULO", "Sa\u{303}o Paulo"],
        );
        same("zurich", &["Zürich", "Zurich", "ZÜRICH", "Zu\u{308}rich"]);
        same(
            "saint etienne",
            &["Saint-Étienne", "Saint Etienne", "SAINT-ÉTIENNE", "saint–étienne"],
        );
        same(
            "frankfurt am main",
            &["Frankfurt am Main", " FRANKFURT  AM MAIN ", "Frankfurt\tam Main"],
        );
        same("st louis", &["St. Louis", "ST LOUIS", "St.Louis"]);
        same("l aquila", &["L'Aquila", "L’Aquila", "L AQUILA"]);
        same("munchen", &["München", "MÜNCHEN", "Munchen"]);
        same("giessen", &["Gießen", "GIESSEN", "GIEẞEN"]);
        same("lodz", &["Łódź", "ŁÓDŹ", "Lodz"]);
        same("thorshofn", &["Þórshöfn", "ÞÓRSHÖFN"]);
        same("tel aviv", &["Tel Aviv", "Tel\u{200B}-Aviv", "tel\u{A0}aviv"]);
    }

    #[test]
    fn turkish_dotted_and_dotless_i() {
        // İ lowercased by Unicode's rules would be "i̇" (i and a combining dot): not "istanbul".
        same("istanbul", &["İstanbul", "ISTANBUL", "Istanbul", "istanbul", "ıstanbul"]);
        same("eskisehir", &["Eskişehir", "ESKİŞEHİR"]);
        same("diyarbakir", &["Diyarbakır", "DİYARBAKIR"]);
    }

    #[test]
    fn latin_beyond_western_europe() {
        same("timisoara", &["Timișoara", "Timişoara", "TIMIȘOARA"]);
        same("ha noi", &["Hà Nội", "HÀ NỘI", "Ha Noi"]);
        same("da nang", &["Đà Nẵng", "ĐÀ NẴNG"]);
        same("gence", &["Gəncə", "GƏNCƏ"]);
        same("xi an", &["Xīʼān", "XI'AN", "Xi’an"]);
        same("bauchi", &["Ɓauchi", "ɓauchi"]);
        same("kɔforidua", &["Kɔforidua", "KƆFORIDUA"]);
        same("ljubljana", &["Ljubljana", "ǈubljana", "ǇUBǇANA"]);
    }

    #[test]
    fn other_scripts_are_kept_and_lose_their_case() {
        same("москва", &["Москва", "МОСКВА"]);
        same("королев", &["Королёв", "КОРОЛЁВ", "Королев"]);
        same("київ", &["Київ", "КИЇВ"]);
        same("αθηνα", &["Αθήνα", "ΑΘΗΝΑ", "αθηνα"]);
        same("πατρασ", &["Πάτρας", "ΠΑΤΡΑΣ"]);
        same("գյումրի", &["Գյումրի", "ԳՅՈՒՄՐԻ"]);
        same("東京", &["東京", "東京 "]);
        same("கொழும்பு", &["கொழும்பு"]);
        same("תל אביב", &["תל־אביב", "תל אביב"]);
    }

    #[test]
    fn different_cities_keep_different_keys() {
        let names = ["Köln", "Kiel", "Москва", "Минск", "Αθήνα", "Άργος", "東京", "京都", "İzmir"];
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                assert_ne!(key(a), key(b), "{a} / {b}");
            }
        }
        assert_ne!(key("Frankfurt am Main"), key("Frankfurt (Oder)"));
    }

    #[test]
    fn the_ascii_path_folds_as_the_other() {
        // A name with one letter beyond ASCII goes the other way, character by character.
        for b in 0..0x80u8 {
            let c = char::from(b);
            let ascii = key(&format!("x{c}y"));
            let other = key(&format!("x{c}yé"));
            assert_eq!(format!("{ascii}e"), other, "{c:?}");
        }
    }

    #[test]
    fn appended_after_other_text() {
        let mut out = String::from("berlin\u{0}");
        push_key(&mut out, "  Brandenburg ");
        assert_eq!(out, "berlin\u{0}brandenburg");
    }
}
