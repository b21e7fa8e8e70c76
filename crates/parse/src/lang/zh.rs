//! Chinese.

use regex::Regex;

use super::{hhmm, weekday_from_index, DayLabel, SessionDates, Table, TimeRange};
use crate::model::Language;

pub(super) fn table() -> Table {
    Table {
        language: Language::Zh,
        weekdays: [
            &["星期一", "周一"],
            &["星期二", "周二"],
            &["星期三", "周三"],
            &["星期四", "周四"],
            &["星期五", "周五"],
            &["星期六", "周六"],
            &["星期日", "星期天", "周日"],
        ],
        months: [
            &["1"],
            &["2"],
            &["3"],
            &["4"],
            &["5"],
            &["6"],
            &["7"],
            &["8"],
            &["9"],
            &["10"],
            &["11"],
            &["12"],
        ],
        agenda_loose: Regex::new(r"^议程项目\s*\d").expect("static regex"),
        agenda_item: Regex::new(r"^议程项目\s*(\d+)\s*[：:]\s*(.*)$").expect("static regex"),
        // "(a)" or full-width "（a）".
        sub_item: Regex::new(r"^(?P<label>[(（]\s*(?P<letter>[a-z])\s*[)）])\s*(?P<text>.*)$")
            .expect("static regex"),
        sub_item_letters: &[],
        continued: &["(续)", "（续）"],
        focus: &["重点讨论", "专题讨论"],
        topic_start: &["关于", "重点讨论", "围绕"],
        column_date: &["日期/时间"],
        column_programme: &["议程项目/方案"],
        column_day: &["日期"],
        column_time: &["时间"],
        title: &["暂定工作方案", "工作方案"],
        ordinals: [
            &["第一"],
            &["第二"],
            &["第三"],
            &["第四"],
            &["第五"],
            &["第六"],
            &["第七"],
            &["第八"],
            &["第九"],
            &["第十"],
            &["第十一"],
            &["第十二"],
        ],
        session_word: &["届"],
        masthead_noise: &[
            "联合国",
            "大会",
            "distr.",
            "chinese",
            "original",
            "秘书处的说明",
            "附件",
        ],
        parse_time,
        time_start,
        day_parser: Some(parse_day),
        half_day_words: &["上午", "下午", "中午", "晚上"],
        common_words: &[],
        parse_session_dates,
        question_end: &['?', '？'],
        question_openers: &[],
        room_words: &["第 会议室"],
        names: &[
            "chinese",
            "chinois",
            "chino",
            "китайский",
            "中文",
            "الصينية",
        ],
        date_units: Some(["年", "月", "日"]),
        hyphened_prefixes: &[],
        topic_first_events: Some((
            "关于",
            &["的非正式协商", "的非正式磋商", "的非正式会议", "的协商"],
        )),
        event_openers: &[
            "会议开幕",
            "会议闭幕",
            "致开幕词",
            "致闭幕词",
            "非公开会议",
            "非正式",
            "午餐时间会外活动",
            "会外活动",
            "主席介绍",
            "主席致",
            "一般性辩论",
        ],
    }
}

fn half(h: u32, half: Option<&str>) -> u32 {
    match half {
        Some("下午") | Some("晚上") if h < 12 => h + 12,
        Some("中午") if h < 6 => h + 12,
        _ => h,
    }
}

/// "上午 10 时至下午 1 时", "下午 3 时至 6 时", "上午 11 时 30 分至下午 1 时".
fn parse_time(text: &str) -> Option<TimeRange> {
    let re = regex!(
        r"^(上午|下午|中午|晚上)?\s*(\d{1,2})\s*[时点](?:\s*(\d{1,2})\s*分)?\s*至\s*(上午|下午|中午|晚上)?\s*(\d{1,2})\s*[时点](?:\s*(\d{1,2})\s*分)?$"
    );
    let c = re.captures(text.trim())?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let start_half = c.get(1).map(|m| m.as_str());
    let end_half = c.get(4).map(|m| m.as_str()).or(start_half);
    Some(TimeRange {
        start: hhmm(half(n(2)?, start_half), n(3).unwrap_or(0))?,
        end: hhmm(half(n(5)?, end_half), n(6).unwrap_or(0))?,
    })
}

fn time_start(text: &str) -> bool {
    // (Up to the end's hour: "上午 10 时至下午 1", broken before "时".)
    regex!(r"^(上午|下午|中午|晚上)?\s*\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?\s*(?:至\s*(?:上午|下午|中午|晚上|上|下|中|晚)?\s*(?:\d{1,2}\s*(?:[时点]\s*\d{0,2})?)?)?\s*$").is_match(text.trim())
}

/// "3 月 6 日，星期一".
fn parse_day(text: &str, table: &Table) -> Option<DayLabel> {
    let re = regex!(
        r"^(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[，,]?\s*(星期[一二三四五六日天]|周[一二三四五六日])$"
    );
    let c = re.captures(text.trim())?;
    let month: u32 = c.get(1)?.as_str().parse().ok()?;
    let day: u32 = c.get(2)?.as_str().parse().ok()?;
    let wd = c.get(3)?.as_str();
    let index = table
        .weekdays
        .iter()
        .position(|forms| forms.contains(&wd))?;
    Some(DayLabel {
        month,
        day,
        weekday: weekday_from_index(index),
    })
}

/// "2023 年 3 月 6 日至 10 日，纽约", "2023 年 7 月 31 日至 8 月 4 日，纽约".
fn parse_session_dates(text: &str, _table: &Table) -> Option<SessionDates> {
    let re = regex!(
        r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*至\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*[，,]?\s*(.*)$"
    );
    let c = re.captures(text.trim())?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, m1, d1) = (n(1)?, n(2)?, n(3)?);
    let m2 = n(4).unwrap_or(m1);
    let d2 = n(5)?;
    let venue = c
        .get(6)
        .map(|m| m.as_str().trim().to_string())
        .filter(|v| !v.is_empty());
    Some(SessionDates {
        start: format!("{year:04}-{m1:02}-{d1:02}"),
        end: format!("{year:04}-{m2:02}-{d2:02}"),
        venue,
    })
}
