//! Right-to-left text written in the order it is *drawn*, as MuPDF's
//! `mutool draw -F txt` writes it from a PDF whose producer draws each
//! right-to-left run left to right.
//!
//! Such a tool keeps the runs of a line in the order the producer drew them
//! (which is mostly their reading order) but writes the letters of each
//! right-to-left run backwards: `ةماعلا ةيعمجلا` for `الجمعية العامة`. A
//! run's own neutral characters come with it (a bracket seen at a run's
//! left is its closing one, and is drawn mirrored). What it cannot keep is
//! where a glyph drawn apart from its run belongs: the slash of
//! `آذار/مارس` comes after the run (`آذارمارس /` once the run is turned),
//! and the mark of a sub-item comes before its text, backwards (`د)(`).
//!
//! [`reading_order`] turns each right-to-left run round, mirrors its
//! brackets, puts a sub-item's mark back in front of its text, and puts the
//! slash of each slashed phrase the language table knows (the headers,
//! `التاريخ/الوقت`, and the months, `آذار/مارس`) back in place.

use unprog_extract::script::{compose, drawn_line_in_reading_order};

use crate::lang::Table;

/// Whether `text` holds right-to-left text in drawn order: words that end
/// in the article backwards (`لا…`) far outnumber words that start with it
/// (`ال…`), which every Arabic text has in plenty.
pub(crate) fn looks_drawn_backwards(text: &str) -> bool {
    let (mut starts, mut ends) = (0usize, 0usize);
    for word in text.split(|c: char| !is_arabic_letter(c)) {
        if word.chars().count() < 4 {
            continue;
        }
        starts += usize::from(word.starts_with("ال"));
        ends += usize::from(word.ends_with("لا"));
    }
    ends >= 8 && ends > 3 * starts
}

/// The text in reading order. Producers differ in what they draw
/// backwards: LibreOffice draws each right-to-left run on its own, in
/// reading order, so each run is turned round where it is; a browser draws
/// the whole line left to right, so the line is read by the inverse of the
/// bidirectional algorithm. Both readings are made and the one in which
/// more lines open as the language's lines open (a weekday, an agenda
/// item) is kept, the run-by-run one when even. The table's slashed
/// phrases (`"آذار/مارس"`) are put back together where the tool moved their
/// slash, and its column names read as a header row.
pub(crate) fn reading_order(text: &str, table: &Table) -> String {
    let known = Known::of(table);
    let by_runs = read_lines(text, &known, |l| {
        enclose_in_brackets(&slash_into_numbers(&place_end_brackets(&turn_runs(l))))
    });
    let by_lines = pair_brackets(&read_lines(text, &known, time_cell_first));
    let read = if openings(&by_lines, table) > openings(&by_runs, table) {
        by_lines
    } else {
        by_runs
    };
    // (Turned round, a letter's marks came out in reverse order.)
    compose(&rejoin(&read, table)).into_owned()
}

/// Lines the tool broke where direction changed, put back together: a
/// Latin run (a document symbol) and the punctuation after it rejoin the
/// line they sit in, a lone day number the month after it; a time glued to
/// its row's text is set on a line of its own, and a footnote's number or
/// a list's dash or bullet apart from its text.
fn rejoin(text: &str, table: &Table) -> String {
    let has_arabic = |l: &str| l.chars().any(is_arabic_letter);
    let symbol = regex!(r"^\s*[A-Z][A-Za-z.]*/[\w./-]+[^\p{Arabic}]*$");
    let punctuation = regex!(r"^\s*[^\w\s]{1,3}\s*$");
    let day_number = regex!(r"^\s*\d{1,2}\s*$");
    let number_then_bracket = regex!(r"^\s*(\d{1,4})\(\s*$");
    let years = regex!(r"^\s*((?:19|20)\d\d)-((?:19|20)\d\d)\s*$");
    let number_before_bracket = regex!(r"(\d{1,4})\(\s*$");
    let time_then_text =
        regex!(r"^(\s*\d{1,2}[:/.]\d{2} [-–] \d{1,2}[:/.]\d{2})\s*(\p{Arabic}.*)$");
    let numbered = regex!(r"^(\s*\d{1,2}|\s*[–•])(\p{Arabic})");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        // A line the symbol continues ends where its text went on: a
        // space or an opening bracket (a blank line between, where the
        // tool sets every line apart).
        // (Or a number the bracket was drawn after, a line of its own:
        // `2022( `.)
        let last = out.iter().rposition(|l| !l.trim().is_empty());
        let prev_is_text = last.filter(|&at| out.len() - at <= 2).is_some_and(|at| {
            let p = &out[at];
            (has_arabic(p) && (p.ends_with(' ') || p.ends_with('(') || opens_bracket(p)))
                || number_then_bracket.is_match(p)
        });
        if let (true, Some(at)) = (prev_is_text && symbol.is_match(line), last) {
            out.truncate(at + 1);
            let mut joined = line.trim().to_string();
            let blank = usize::from(lines.get(i + 1).is_some_and(|n| n.trim().is_empty()));
            // The punctuation after it, drawn apart (backwards), or the
            // rest of its line where it opens with a comma.
            match lines.get(i + 1 + blank) {
                Some(next) if punctuation.is_match(next) => {
                    joined.extend(next.trim().chars().rev());
                    i += 1 + blank;
                }
                Some(next) if next.trim_start().starts_with(['،', ',']) => {
                    joined.push_str(next.trim());
                    i += 1 + blank;
                }
                _ => {}
            }
            let prev = &mut out[at];
            if let Some(c) = number_before_bracket.captures(prev) {
                let at = c.get(0).map_or(0, |m| m.start());
                *prev = format!("{}{} (", &prev[..at], &c[1]);
            }
            if !prev.ends_with([' ', '(']) {
                prev.push(' ');
            }
            prev.push_str(&joined);
            i += 1;
            continue;
        }
        let next_is_month = lines.get(i + 1).is_some_and(|n| {
            n.split_whitespace()
                .next()
                .is_some_and(|w| table.month(w).is_some())
        });
        if day_number.is_match(line) && next_is_month {
            out.push(format!("{} {}", line.trim(), lines[i + 1].trim()));
            i += 2;
            continue;
        }
        if let Some((job, used)) = job_number_at(&lines, i) {
            out.push(job);
            i += used;
            continue;
        }
        // A range of years alone on its line, drawn right to left with the
        // paragraph it ends (`2025-2021`).
        if let Some(c) = years.captures(line) {
            if c[1] > c[2] {
                out.push(format!("{}-{}", &c[2], &c[1]));
                i += 1;
                continue;
            }
        }
        if let Some(c) = time_then_text.captures(line) {
            out.push(c[1].to_string());
            out.push(c[2].to_string());
        } else {
            out.push(numbered.replace(line, "$1 $2").into_owned());
        }
        i += 1;
    }
    out.join("\n")
}

/// What the language table knows that a tool moved out of place, made
/// once per text: the slashed phrases, and every form a header row's column
/// names take (backwards, the slash in place or moved after the name, or as
/// written), longest first, with the name each stands for.
struct Known {
    slashed: Vec<&'static str>,
    header_forms: Vec<(String, &'static str)>,
    /// The room names as drawn backwards (`تاعامتجالا ةعاق`), with the
    /// names they stand for.
    rooms_drawn: Vec<(String, &'static str)>,
}

impl Known {
    fn of(table: &Table) -> Known {
        let reversed = |s: &str| s.chars().rev().collect::<String>();
        let mut header_forms = Vec::new();
        for &name in table
            .column_date
            .iter()
            .chain(table.column_programme)
            .chain(table.column_day)
            .chain(table.column_time)
        {
            header_forms.push((reversed(name), name));
            header_forms.push((format!("{}/", reversed(&name.replace('/', ""))), name));
            header_forms.push((name.to_string(), name));
        }
        header_forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        Known {
            slashed: table.slashed_phrases(),
            header_forms,
            rooms_drawn: table.room_words.iter().map(|&w| (reversed(w), w)).collect(),
        }
    }
}

/// Each line read by `read`, except a header row (read by
/// [`header_row`]), and a sub-item's mark drawn first, which is put first.
fn read_lines(text: &str, known: &Known, read: impl Fn(&str) -> String) -> String {
    let mark = regex!(r"^\s*(?:(هـ|ـه|[\u0621-\u064A])\)\(|\)(هـ|ـه|[\u0621-\u064A])\()\s*(\S.*)$");
    let read_marked = |line: &str| match mark.captures(line) {
        Some(c) => {
            let letter = match c.get(1).or(c.get(2)).map_or("", |m| m.as_str()) {
                "ـه" => "هـ",
                l => l,
            };
            format!("({letter}) {}", read(&c[3]))
        }
        None => read(line),
    };
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let read_line = if let Some(row) = header_row(line, &known.header_forms) {
            row
        } else if let Some((room, rest)) = room_drawn_first(line, &known.rooms_drawn) {
            format!("{room}\n{}", read_marked(rest))
        } else {
            read_marked(line)
        };
        out.push_str(&spaced_ranges(&put_slashes_back(
            &read_line,
            &known.slashed,
        )));
    }
    out
}

/// A room's name and number the tool drew first on a line of the
/// programme (its cell is on the row's right, drawn with it): the room in
/// reading order, and the rest of the line.
fn room_drawn_first<'a>(line: &'a str, rooms: &[(String, &str)]) -> Option<(String, &'a str)> {
    let t = line.trim_start();
    rooms.iter().find_map(|(drawn, name)| {
        let rest = t.strip_prefix(drawn.as_str())?;
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = &rest[digits..];
        (digits > 0 && after.chars().count() >= 4)
            .then(|| (format!("{name} {}", &rest[..digits]), after))
    })
}

/// A line made of nothing but the header row's column names, each in one
/// of its `forms` ([`Known`]), as the names in reading order, two spaces
/// apart.
fn header_row(line: &str, forms: &[(String, &str)]) -> Option<String> {
    let mut rest = line.trim();
    let mut names = Vec::new();
    while !rest.is_empty() {
        let (form, name) = forms.iter().find(|(f, _)| rest.starts_with(f.as_str()))?;
        names.push(*name);
        rest = rest[form.len()..].trim_start();
    }
    (names.len() >= 2).then(|| names.join("  "))
}

/// `1000/` → `10/00`, `75240/` → `75/240`: a slash drawn apart from the
/// number it sits in comes after it. Four digits or fewer are a time (the
/// minutes last), more a resolution (the session's two digits first).
/// So does the dash of a job number: `2210923-` → `22-10923`.
fn slash_into_numbers(line: &str) -> String {
    let re = regex!(r"(^|[^\d/.A-Za-z])(\d{3,})/");
    let line = re.replace_all(line, |c: &regex::Captures| {
        let digits = &c[2];
        let at = if digits.len() <= 4 {
            digits.len() - 2
        } else {
            2
        };
        format!("{}{}/{}", &c[1], &digits[..at], &digits[at..])
    });
    let job = regex!(r"(\d{2})(\d{5})-($|\s)");
    job.replace_all(&line, "$1-$2$3").into_owned()
}

/// `10/00  -13/00` → `10/00 - 13/00`: a time range's dash drawn apart
/// keeps its spacing, the tool's gap widths do not.
fn spaced_ranges(line: &str) -> String {
    let re = regex!(r"(\d{1,2}[:/.]\d{2})\s*([-–])\s*(\d{1,2}[:/.]\d{2}|$)");
    re.replace_all(line, |c: &regex::Captures| match &c[3] {
        "" => format!("{} {}", &c[1], &c[2]),
        end => format!("{} {} {end}", &c[1], &c[2]),
    })
    .into_owned()
}

/// Whether a line leaves a round bracket open.
fn opens_bracket(line: &str) -> bool {
    line.rfind('(').is_some_and(|at| !line[at..].contains(')'))
}

/// A bracket the tool wrote at a turned line's end, where it wrote a
/// glyph the producer drew apart from its run, put where it belongs: an
/// opening one, that nothing on the line closes, before the line's last
/// word (`الرئيس انظر(` → `الرئيس (انظر`: it opens what the next line
/// goes on with); a closing one after sentence punctuation, before it
/// (`الثاني:)` → `الثاني):`).
fn place_end_brackets(line: &str) -> String {
    let open = regex!(r"(^|\s)([\u0621-\u064A\u0640\u064B-\u065F]+)\(\s*$");
    if !line.contains(')') {
        if let Some(c) = open.captures(line) {
            let at = c.get(0).map_or(0, |m| m.start());
            return format!("{}{}({}", &line[..at], &c[1], &c[2]);
        }
    }
    let close = regex!(r"(\p{Arabic})([:.])\)\s*$");
    close.replace(line, "$1)$2").into_owned()
}

/// `تابع )(` → `(تابع)`: brackets drawn apart from the word they hold come
/// after it, empty.
fn enclose_in_brackets(line: &str) -> String {
    let apart = regex!(r"(^|\s)([\u0621-\u064A\u0640]+)\s*\)\(");
    let line = apart.replace_all(line, "$1($2)");
    // (Or round it, each the other's mirror: `)تابع(`.)
    let mirrored = regex!(r"(\S?)\)([\u0621-\u064A\u0640]+)\(");
    mirrored
        .replace_all(&line, |c: &regex::Captures| match &c[1] {
            "" => format!("({})", &c[2]),
            before => format!("{before} ({})", &c[2]),
        })
        .into_owned()
}

/// A page's job number broken where its direction changes: `23 03456`,
/// `-`, `(`, `A`, `)` on lines of their own, as `23-03456 (A)`, and how
/// many lines it took.
fn job_number_at(lines: &[&str], i: usize) -> Option<(String, usize)> {
    let number = regex!(r"^\s*(\d{2}) (\d{5})\s*$").captures(lines[i])?;
    if lines.get(i + 1).map(|l| l.trim()) != Some("-") {
        return None;
    }
    let job = format!("{}-{}", &number[1], &number[2]);
    let tail: Vec<&str> = lines.iter().skip(i + 2).take(3).map(|l| l.trim()).collect();
    match tail.as_slice() {
        ["(", letter, ")"]
            if letter.len() == 1 && letter.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            Some((format!("{job} ({letter})"), 5))
        }
        _ => Some((job, 2)),
    }
}

/// A line drawn left to right, in reading order; a time range the tool
/// wrote before the line's text is the time cell (the tool puts a row's
/// cells on one line in the order they are drawn), and stays first.
fn time_cell_first(drawn: &str) -> String {
    // (A line of Latin letters and no Arabic ones is left to right: a
    // browser's stamp, `2/20/23, 9:30 AM`.)
    if !drawn.chars().any(is_arabic_letter) && drawn.chars().any(|c| c.is_ascii_alphabetic()) {
        return drawn.to_string();
    }
    let re = regex!(r"^\s*(\d{1,2}[:/.]\d{2})(\s*[-–]\s*)(\d{1,2}[:/.]\d{2})\s*(\S.*)$");
    match re.captures(drawn) {
        Some(c) if c[4].chars().any(is_arabic_letter) => format!(
            "{}{}{} {}",
            &c[3],
            &c[2],
            &c[1],
            drawn_line_in_reading_order(&c[4])
        ),
        _ => drawn_line_in_reading_order(drawn),
    }
}

/// Text whose brackets came out each the other's mirror (`)تابع(`), as a
/// tool writes the glyphs a browser drew mirrored, with those of its
/// Arabic lines turned round, where that leaves fewer unpaired. The choice
/// is made for the whole text: a line whose brackets run on to the next
/// (`(انظر`) pairs as well either way.
fn pair_brackets(text: &str) -> String {
    let arabic = |l: &&str| l.contains(['(', ')']) && l.chars().any(is_arabic_letter);
    let turn = |l: &str| l.chars().map(mirrored).collect::<String>();
    let (as_read, turned) = text.split('\n').filter(arabic).fold((0, 0), |(a, t), l| {
        (a + unpaired_brackets(l), t + unpaired_brackets(&turn(l)))
    });
    if turned >= as_read {
        return text.to_string();
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| if arabic(&l) { turn(l) } else { l.to_string() })
        .collect();
    lines.join("\n")
}

/// Round brackets a line leaves open or closes on nothing, an opening one
/// after the line's last letter or digit and a closing one before its
/// first counting twice (a bracket that runs on to the next line opens
/// before a word, and one from the line before closes after one).
fn unpaired_brackets(line: &str) -> usize {
    let (mut open, mut unpaired) = (0usize, 0usize);
    for c in line.chars() {
        match c {
            '(' => open += 1,
            ')' if open > 0 => open -= 1,
            ')' => unpaired += 1,
            _ => {}
        }
    }
    let ends = |chars: &mut dyn Iterator<Item = char>, stray: char| {
        chars
            .take_while(|c| !c.is_alphanumeric())
            .filter(|&c| c == stray)
            .count()
    };
    unpaired + open + ends(&mut line.chars(), ')') + ends(&mut line.chars().rev(), '(')
}

/// How many lines open with a weekday or an agenda item.
fn openings(text: &str, table: &Table) -> usize {
    text.lines()
        .map(str::trim_start)
        .filter(|l| {
            table.agenda_loose.is_match(l)
                || l.split(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| table.weekday(w).is_some())
        })
        .count()
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Arabic letters, marks and the Arabic comma, semicolon and question mark.
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// What may sit inside a right-to-left run: neither a strong left-to-right
/// letter nor a digit (numbers are drawn left to right).
fn may_sit_inside(c: char) -> bool {
    is_arabic(c) || !c.is_alphanumeric()
}

fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '«' => '»',
        '»' => '«',
        _ => c,
    }
}

/// Each run from an Arabic character to the last Arabic character before
/// a Latin letter or a digit, with one space either side of it,
/// written backwards with its brackets mirrored.
fn turn_runs(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        // A run starts at its first Arabic character, or before the space
        // or the sentence's closing punctuation (drawn at its left) just
        // before it.
        // (An opening bracket at the line's left, a space between it and
        // the run, and no bracket closing on the line: it opens what
        // comes after the run, on the next line.)
        if i == 0
            && chars.first() == Some(&'(')
            && chars.get(1) == Some(&' ')
            && chars.get(2).is_some_and(|&c| is_arabic(c))
            && !chars.contains(&')')
        {
            let end = run_end(&chars, 2);
            push_turned(&mut out, &chars[1..end]);
            out.push('(');
            i = end;
            continue;
        }
        // (Or before a bracket drawn at its left: `)عبات( يونسلا`.)
        let mut start = i;
        while chars
            .get(start)
            .is_some_and(|&c| c == ' ' || is_closing(c) || c == ')' || c == '(')
        {
            start += 1;
        }
        if !chars.get(start).is_some_and(|&c| is_arabic(c)) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut end = run_end(&chars, start);
        // (A bracket at its left pairs with one at its right.)
        if chars[i..start].iter().any(|&c| c == '(' || c == ')') {
            let last = chars[..end]
                .iter()
                .rposition(|&c| is_arabic(c))
                .map_or(end, |l| l + 1);
            let brackets = chars[last..]
                .iter()
                .take_while(|&&c| c == '(' || c == ')')
                .count();
            if brackets > 0 {
                end = last + brackets;
                if chars.get(end) == Some(&' ') {
                    end += 1;
                }
            }
        }
        push_turned(&mut out, &chars[i..end]);
        i = end;
    }
    out
}

/// Punctuation that ends a sentence or a clause, drawn at a right-to-left
/// run's left end.
fn is_closing(c: char) -> bool {
    matches!(c, ':' | '.' | '!')
}

/// Where the run that starts at `start` ends: after its last Arabic
/// character and one space after it.
fn run_end(chars: &[char], start: usize) -> usize {
    let mut last = start;
    let mut j = start;
    while j < chars.len() && may_sit_inside(chars[j]) {
        if is_arabic(chars[j]) {
            last = j;
        }
        j += 1;
    }
    let mut end = last + 1;
    if chars.get(end) == Some(&' ') {
        end += 1;
    }
    end
}

fn push_turned(out: &mut String, run: &[char]) {
    out.extend(run.iter().rev().map(|&c| mirrored(c)));
}

/// `آذارمارس /2023` → `آذار/مارس 2023`: each phrase of `slashed` found with
/// its halves joined gets its slash back, and the stray slash after it
/// (once, on the same line) goes.
fn put_slashes_back(line: &str, slashed: &[&str]) -> String {
    let mut line = line.to_string();
    for phrase in slashed {
        let Some((a, b)) = phrase.split_once('/') else {
            continue;
        };
        let joined = format!("{a}{b}");
        let Some(at) = line.find(&joined) else {
            continue;
        };
        let after = at + joined.len();
        let rest = &line[after..];
        let stray = rest.trim_start_matches(' ');
        let rest = match stray.strip_prefix('/') {
            Some(r) if r.trim_start().is_empty() => String::new(),
            Some(r) => format!(" {}", r.trim_start_matches(' ')),
            None => rest.to_string(),
        };
        line = format!("{}{phrase}{rest}", &line[..at]);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        reading_order(text, crate::lang::table(crate::model::Language::Ar))
    }

    #[test]
    fn runs_drawn_backwards_read_forwards_and_numbers_stay() {
        assert_eq!(read("ةماعلا ةيعمجلا"), "الجمعية العامة");
        assert_eq!(
            read(" دنبلا3لامعألا ميظنت :لامعألا لودج نم "),
            "البند 3 من جدول الأعمال: تنظيم الأعمال"
        );
        assert_eq!(
            read("10:00  -13:00ةرودلا حاتتفا"),
            "10:00 - 13:00\nافتتاح الدورة"
        );
    }

    #[test]
    fn slashes_and_marks_go_back_where_they_belong() {
        assert_eq!(
            read(" ،كرويوين6-10 سرامراذآ /2023"),
            "نيويورك، 6-10 آذار/مارس 2023"
        );
        assert_eq!(
            read("تقولاخيراتلا/جمانربلادنبلا/"),
            "التاريخ/الوقت  البند/البرنامج"
        );
        // Word: three columns, the last name's slash in place.
        assert_eq!(
            read("خيراتلاتقولاجمانربلا/دنبلا"),
            "التاريخ  الوقت  البند/البرنامج"
        );
        assert_eq!(read(")د(امب ،تامولعملا نمأ"), "(د) أمن المعلومات، بما");
        assert_eq!(read("ـه)(نوناقلا قابطنا"), "(هـ) انطباق القانون");
        assert_eq!(
            read(" ةماعلا ةيعمجلا75240/عبات )("),
            "الجمعية العامة 75/240 (تابع)"
        );
        assert_eq!(read("1500/  -1800/"), "15/00 - 18/00");
        assert_eq!(read("10:00-"), "10:00 -");
        assert_eq!(
            read(" ةماعلا ةيعمجلا75/240)عبات("),
            "الجمعية العامة 75/240 (تابع)"
        );
        assert_eq!(read("2/22210923-"), "2/222-10923");
        // Years alone on a line of a right-to-left paragraph.
        assert_eq!(
            read("ةرتفلل اهمادختسا نمأو\n2025-2021"),
            "وأمن استخدامها للفترة\n2021-2025"
        );
        // A room drawn first on a sub-item's line.
        assert_eq!(
            read(" تاعامتجالا ةعاق1ج)(نم ةعساو ةكراشمب راوح ةماقإ"),
            "قاعة الاجتماعات 1\n(ج) إقامة حوار بمشاركة واسعة من"
        );
        // A run drawn with its bracketed word at its left.
        assert_eq!(
            read(" دنبلا7)عبات( يونسلا ريرقتلا دامتعا :لامعألا لودج نم "),
            "البند 7 من جدول الأعمال: اعتماد التقرير السنوي (تابع)"
        );
        assert_eq!(read("–روفغ ناهرب"), "– برهان غفور");
        assert_eq!(read("د)(يف امب ،تامولعملا نمأ"), "(د) أمن المعلومات، بما في");
    }

    #[test]
    fn lines_broken_where_direction_changed_are_rejoined() {
        assert_eq!(
            read(" ماعل يونسلا يلحرملا2022 (\nA/77/275\n:)\n\n1ةقيثولا"),
            "المرحلي السنوي لعام 2022 (A/77/275):\n\n1 الوثيقة"
        );
        assert_eq!(read("20\n رياربفطابش /2023"), "20 شباط/فبراير 2023");
        // The bracket drawn at the run's left, at its right, or after a
        // number; a comma after a symbol stays with it.
        assert_eq!(
            read("رظنا سيئرلا زجومب(\nA/75/816\n:يناثلا قفرملا ،)"),
            "بموجز الرئيس (انظر A/75/816، المرفق الثاني):"
        );
        assert_eq!(
            read("( يناثلا يونسلا ريرقتلا\nA/78/265\n:)"),
            "التقرير السنوي الثاني (A/78/265):"
        );
        assert_eq!(
            read(" يونسلا ريرقتلا ماعل\n2022( \nA/77/275\n:)"),
            "لعام التقرير السنوي \n2022 (A/77/275):"
        );
        assert_eq!(read("23 03456\n-\n (\nA\n)\n"), "23-03456 (A)\n");
        assert_eq!(
            read("ةدحتملا ممألا\nA/AC.292/2023/INF/1"),
            "الأمم المتحدة\nA/AC.292/2023/INF/1"
        );
        assert_eq!(read(":تاردقلا ءانب ليومت"), "تمويل بناء القدرات:");
    }

    #[test]
    fn lines_a_browser_drew_left_to_right_read_right_to_left() {
        assert_eq!(read("سرام/راذآ 6 ،نينثالا"), "الاثنين، 6 آذار/مارس");
        assert_eq!(time_cell_first("2/20/23, 9:30 AM"), "2/20/23, 9:30 AM");
        assert_eq!(
            read("لامعألا ميظنت :لامعألا لودج نم 3 دنبلا\n13:00 - 10:00ةرودلا حاتتفا"),
            "البند 3 من جدول الأعمال: تنظيم الأعمال\n10:00 - 13:00\nافتتاح الدورة"
        );
    }

    #[test]
    fn brackets_a_browser_drew_mirrored_pair_again() {
        assert_eq!(
            pair_brackets("الجمعية العامة 75/240 )تابع(\n23-03456 (A)"),
            "الجمعية العامة 75/240 (تابع)\n23-03456 (A)"
        );
        assert_eq!(
            pair_brackets("لعام 2022 )A/77/275(:"),
            "لعام 2022 (A/77/275):"
        );
        // A bracket that runs on to the next line turns with the text's.
        assert_eq!(
            pair_brackets("الرئيس )انظر\nA/75/816، المرفق الثاني(:"),
            "الرئيس (انظر\nA/75/816، المرفق الثاني):"
        );
        // Brackets that pair already stay as they are.
        assert_eq!(
            pair_brackets("(مناقشة مركزة\nالثاني):"),
            "(مناقشة مركزة\nالثاني):"
        );
        assert_eq!(pair_brackets("(أ) نص (ب)"), "(أ) نص (ب)");
    }

    #[test]
    fn backwards_text_is_told_from_text_in_reading_order() {
        let backwards = "ةماعلا ةيعمجلا لماعلا قيرفلا تامولعملا تايجولونكت ةرودلا لمعلا جمانرب ";
        assert!(looks_drawn_backwards(&backwards.repeat(2)));
        let forwards = read(&backwards.repeat(2));
        assert!(!looks_drawn_backwards(&forwards));
        assert!(!looks_drawn_backwards("Provisional programme of work"));
    }
}
