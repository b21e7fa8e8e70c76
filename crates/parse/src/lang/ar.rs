//! Arabic.

use regex::Regex;

use super::{hhmm, parse_session_dates_generic, Table, TimeRange};
use crate::model::Language;

pub(super) fn table() -> Table {
    Table {
        language: Language::Ar,
        weekdays: [
            &["الاثنين", "الإثنين"],
            &["الثلاثاء"],
            &["الأربعاء", "الاربعاء"],
            &["الخميس"],
            &["الجمعة"],
            &["السبت"],
            &["الأحد", "الاحد"],
        ],
        // UN Arabic writes the Levantine and the Egyptian name together:
        // "آذار/مارس"; either half names the month.
        months: [
            &["كانون الثاني/يناير", "الثاني/يناير", "يناير"],
            &["شباط/فبراير", "شباط", "فبراير"],
            &["آذار/مارس", "آذار", "مارس"],
            &["نيسان/أبريل", "نيسان", "أبريل", "ابريل"],
            &["أيار/مايو", "أيار", "مايو"],
            &["حزيران/يونيه", "حزيران", "يونيه", "يونيو"],
            &["تموز/يوليه", "تموز", "يوليه", "يوليو"],
            &["آب/أغسطس", "آب", "أغسطس"],
            &["أيلول/سبتمبر", "أيلول", "سبتمبر"],
            &["تشرين الأول/أكتوبر", "الأول/أكتوبر", "أكتوبر"],
            &["تشرين الثاني/نوفمبر", "الثاني/نوفمبر", "نوفمبر"],
            &["كانون الأول/ديسمبر", "الأول/ديسمبر", "ديسمبر"],
        ],
        agenda_loose: Regex::new(r"^البند\s+\d").expect("static regex"),
        agenda_item: Regex::new(r"^البند\s+(\d+)\s+من\s+جدول\s+الأعمال\s*[:：]\s*(.*)$")
            .expect("static regex"),
        // "(أ)", "(ب)", "(ج)", "(د)", "(هـ)" ...: the abjad order.
        sub_item: Regex::new(r"^(?P<label>[(（]\s*(?P<letter>هـ|[أاإبجدهوزحطيكلمن]|[a-z])\s*[)）]|[)）]\s*(?P<mirrored>هـ|[أاإبجدهوزحطيكلمن])\s*[(（])\s*(?P<text>.*)$").expect("static regex"),
        sub_item_letters: &[
            &["أ", "ا", "إ"],
            &["ب"],
            &["ج"],
            &["د"],
            &["هـ", "ه"],
            &["و"],
            &["ز"],
            &["ح"],
            &["ط"],
            &["ي"],
            &["ك"],
            &["ل"],
            &["م"],
            &["ن"],
        ],
        continued: &["(تابع)"],
        focus: &["مناقشة مركزة", "مناقشة مواضيعية"],
        topic_start: &["مناقشة مركزة"],
        column_date: &["التاريخ/الوقت"],
        column_programme: &["البند/البرنامج"],
        column_day: &["التاريخ"],
        column_time: &["الوقت"],
        title: &["برنامج العمل المؤقت", "برنامج العمل"],
        ordinals: [
            &["الأولى"],
            &["الثانية"],
            &["الثالثة"],
            &["الرابعة"],
            &["الخامسة"],
            &["السادسة"],
            &["السابعة"],
            &["الثامنة"],
            &["التاسعة"],
            &["العاشرة"],
            &["الحادية عشرة"],
            &["الثانية عشرة"],
        ],
        session_word: &["الدورة"],
        masthead_noise: &[
            "الأمم المتحدة",
            "الجمعية العامة",
            "distr.",
            "arabic",
            "original",
            "مذكرة من الأمانة العامة",
            "المرفق",
        ],
        parse_time,
        time_start,
        day_parser: None,
        half_day_words: &["من الساعة"],
        common_words: &[],
        parse_session_dates: parse_session_dates_generic,
        question_end: &['?', '؟'],
        question_openers: &["ما ", "ماذا ", "كيف ", "هل ", "أي ", "أين ", "لماذا "],
        room_words: &["قاعة الاجتماعات"],
        names: &["arabic", "arabe", "árabe", "арабский", "阿拉伯文", "阿拉伯语", "العربية"],
        date_units: None,
        hyphened_prefixes: &[],
        topic_first_events: None,
        event_openers: &[
            "افتتاح الدورة",
            "اختتام الدورة",
            "الملاحظات الافتتاحية",
            "الملاحظات الختامية",
            "البيان الافتتاحي",
            "جلسة مغلقة",
            "جلسة غير رسمية",
            "اجتماع غير رسمي",
            "مشاورات غير رسمية",
            "حدث جانبي",
            "مناسبة جانبية",
            "إحاطة من",
            "إحاطة إعلامية",
            "المناقشة العامة",
        ],
    }
}

/// Arabic-Indic digits to ASCII.
pub(crate) fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            _ => c,
        })
        .collect()
}

/// "10:00 - 13:00", "10/00 - 13/00"; a range printed end-first is put right.
fn parse_time(text: &str) -> Option<TimeRange> {
    let re = regex!(
        r"^(?:من\s+الساعة\s+)?(\d{1,2})[:/.](\d{2})\s*(?:[-–—]|إلى(?:\s+الساعة)?)\s*(\d{1,2})[:/.](\d{2})$"
    );
    let t = ascii_digits(text.trim());
    let c = re.captures(&t)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (a, b) = ((n(1)?, n(2)?), (n(3)?, n(4)?));
    let (s, e) = if a <= b { (a, b) } else { (b, a) };
    Some(TimeRange {
        start: hhmm(s.0, s.1)?,
        end: hhmm(e.0, e.1)?,
    })
}

/// The first lines of a time cell that wraps: "10:00 -", "من الساعة",
/// "من الساعة 10:00 إلى".
fn time_start(text: &str) -> bool {
    regex!(
        r"^(?:من\s+الساعة(?:\s+\d{1,2}[:/.]\d{2}(?:\s*(?:إلى|[-–—])(?:\s+الساعة)?)?)?|\d{1,2}[:/.]\d{2}\s*(?:[-–—]|إلى(?:\s+الساعة)?)?)$"
    )
    .is_match(&ascii_digits(text.trim()))
}
