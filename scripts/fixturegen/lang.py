"""Per-language conventions used to render the fixture documents.

One table per language: the words and formats a UN document in that language
uses for the masthead, dates, times and agenda labels.  The Rust parser has its
own tables; the two are kept apart on purpose, so the fixtures test the parser
instead of mirroring it.
"""

import datetime as dt

EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
ES_WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
RU_WEEKDAYS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]
ZH_WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
AR_WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
AR_MONTHS = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
             "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر",
             "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"]

ORDINALS = {
    "en": ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
           "Ninth", "Tenth", "Eleventh"],
    "fr": ["", "Première", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième",
           "Septième", "Huitième", "Neuvième", "Dixième", "Onzième"],
    "es": ["", "Primer", "Segundo", "Tercer", "Cuarto", "Quinto", "Sexto", "Séptimo",
           "Octavo", "Noveno", "Décimo", "Undécimo"],
    "ru": ["", "Первая", "Вторая", "Третья", "Четвертая", "Пятая", "Шестая", "Седьмая",
           "Восьмая", "Девятая", "Десятая", "Одиннадцатая"],
    "zh": ["", "第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十", "第十一"],
    "ar": ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
           "الثامنة", "التاسعة", "العاشرة", "الحادية عشرة"],
}

# Static words of the masthead and table.
WORDS = {
    "en": dict(un="United Nations", ga="General Assembly", distr="Distr.: General",
               original="Original: English", title="Provisional programme of work",
               note="Note by the Secretariat", annex="Annex", col_left="Date/time", col_date="Date", col_time="Time",
               col_right="Agenda item/programme", agenda="Agenda item", cont="(continued)",
               session="{ord} substantive session", letter="E"),
    "fr": dict(un="Nations Unies", ga="Assemblée générale", distr="Distr. générale",
               original="Original : anglais", title="Programme de travail provisoire",
               note="Note du Secrétariat", annex="Annexe", col_left="Date/heure", col_date="Date", col_time="Heure",
               col_right="Point de l’ordre du jour/programme", agenda="Point {n} de l’ordre du jour",
               cont="(suite)", session="{ord} session de fond", letter="F"),
    "es": dict(un="Naciones Unidas", ga="Asamblea General", distr="Distr. general",
               original="Original: inglés", title="Programa de trabajo provisional",
               note="Nota de la Secretaría", annex="Anexo", col_left="Fecha/hora", col_date="Fecha", col_time="Hora",
               col_right="Tema del programa/programa", agenda="Tema {n} del programa",
               cont="(continuación)", session="{ord} período de sesiones sustantivo", letter="S"),
    "ru": dict(un="Организация Объединенных Наций", ga="Генеральная Ассамблея",
               distr="Distr.: General", original="Original: English",
               title="Предварительная программа работы", note="Записка Секретариата",
               annex="Приложение", col_left="Дата/время", col_date="Дата", col_time="Время", col_right="Пункт повестки дня/программа",
               agenda="Пункт {n} повестки дня", cont="(продолжение)",
               session="{ord} основная сессия", letter="R"),
    "zh": dict(un="联合国", ga="大会", distr="Distr.: General", original="Chinese\nOriginal: English",
               title="暂定工作方案", note="秘书处的说明", annex="附件", col_left="日期/时间", col_date="日期", col_time="时间",
               col_right="议程项目/方案", agenda="议程项目 {n}", cont="(续)",
               session="{ord}届实质性会议", letter="C"),
    "ar": dict(un="الأمم المتحدة", ga="الجمعية العامة", distr="Distr.: General",
               original="Arabic\nOriginal: English", title="برنامج العمل المؤقت",
               note="مذكرة من الأمانة العامة", annex="المرفق", col_left="التاريخ/الوقت", col_date="التاريخ", col_time="الوقت",
               col_right="البند/البرنامج", agenda="البند {n} من جدول الأعمال", cont="(تابع)",
               session="الدورة الموضوعية {ord}", letter="A"),
}


# Arabic numbers sub-items with the letters of the abjad order.
ABJAD = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن"]


def sub_item_label(lang, letter, fullwidth=False):
    """How a sub-item's letter is printed: "(a)" in English and Chinese
    (full-width "（a）" in some Chinese documents), "a)" in French, Spanish and
    Russian, "(أ)" in Arabic."""
    if lang in ("fr", "es", "ru"):
        return f"{letter})"
    if lang == "ar":
        return f"({ABJAD[ord(letter) - ord('a')]})"
    if lang == "zh" and fullwidth:
        return f"（{letter}）"
    return f"({letter})"


def bullet(variant):
    """The bullet of a question: "•", or what a Word user's bullet list gives."""
    return variant.get("bullet", "•")


def continued_suffix(lang):
    """The "(continued)" mark after a title: set apart by a space but in Chinese."""
    return ("" if lang == "zh" else " ") + WORDS[lang]["cont"]


def agenda_label(lang, number):
    """'Agenda item 5' in the language; followed by ': title' (or '：' in Chinese)."""
    w = WORDS[lang]["agenda"]
    if "{n}" in w:
        return w.format(n=number)
    return f"{w} {number}"


def colon(lang):
    """What follows "Agenda item 5" before the title: French sets a
    no-break space before the colon."""
    return {"zh": "：", "fr": "\u00a0: "}.get(lang, ": ")


def session_name(lang, ordinal):
    return WORDS[lang]["session"].format(ord=ORDINALS[lang][ordinal])


def day_label(lang, date):
    """The date line that opens a day in the left column."""
    wd = date.weekday()
    d, m = date.day, date.month - 1
    if lang == "en":
        return f"{EN_WEEKDAYS[wd]}, {d} {EN_MONTHS[m]}"
    if lang == "fr":
        return f"{FR_WEEKDAYS[wd].capitalize()} {d} {FR_MONTHS[m]}"
    if lang == "es":
        return f"{ES_WEEKDAYS[wd].capitalize()} {d} de {ES_MONTHS[m]}"
    if lang == "ru":
        return f"{RU_WEEKDAYS[wd].capitalize()}, {d} {RU_MONTHS_GEN[m]}"
    if lang == "zh":
        return f"{date.month} 月 {d} 日，{ZH_WEEKDAYS[wd]}"
    if lang == "ar":
        return f"{AR_WEEKDAYS[wd]}، {d} {AR_MONTHS[m]}"
    raise ValueError(lang)


def issue_date_label(lang, date):
    d, m, y = date.day, date.month - 1, date.year
    return {
        "en": f"{d} {EN_MONTHS[m]} {y}",
        "fr": f"{d} {FR_MONTHS[m]} {y}",
        "es": f"{d} de {ES_MONTHS[m]} de {y}",
        "ru": f"{d} {RU_MONTHS_GEN[m]} {y} года",
        "zh": f"{y} 年 {m + 1} 月 {d} 日",
        "ar": f"{d} {AR_MONTHS[m]} {y}",
    }[lang]


def session_dates_label(lang, venue, start, end):
    """'New York, 6–10 March 2023' and its equivalents."""
    y = start.year
    same_month = start.month == end.month
    if lang == "en":
        if same_month:
            return f"{venue}, {start.day}–{end.day} {EN_MONTHS[start.month - 1]} {y}"
        return f"{venue}, {start.day} {EN_MONTHS[start.month - 1]}–{end.day} {EN_MONTHS[end.month - 1]} {y}"
    if lang == "fr":
        if same_month:
            return f"{venue}, {start.day}-{end.day} {FR_MONTHS[start.month - 1]} {y}"
        return f"{venue}, {start.day} {FR_MONTHS[start.month - 1]}-{end.day} {FR_MONTHS[end.month - 1]} {y}"
    if lang == "es":
        if same_month:
            return f"{venue}, {start.day} a {end.day} de {ES_MONTHS[start.month - 1]} de {y}"
        return f"{venue}, {start.day} de {ES_MONTHS[start.month - 1]} a {end.day} de {ES_MONTHS[end.month - 1]} de {y}"
    if lang == "ru":
        if same_month:
            return f"{venue}, {start.day}–{end.day} {RU_MONTHS_GEN[start.month - 1]} {y} года"
        return f"{venue}, {start.day} {RU_MONTHS_GEN[start.month - 1]} — {end.day} {RU_MONTHS_GEN[end.month - 1]} {y} года"
    if lang == "zh":
        if same_month:
            return f"{y} 年 {start.month} 月 {start.day} 日至 {end.day} 日，{venue}"
        return f"{y} 年 {start.month} 月 {start.day} 日至 {end.month} 月 {end.day} 日，{venue}"
    if lang == "ar":
        if same_month:
            return f"{venue}، {start.day}-{end.day} {AR_MONTHS[start.month - 1]} {y}"
        return f"{venue}، {start.day} {AR_MONTHS[start.month - 1]} - {end.day} {AR_MONTHS[end.month - 1]} {y}"
    raise ValueError(lang)


def _en_clock(h, m):
    hh = h if h <= 12 else h - 12
    if hh == 0:
        hh = 12
    return f"{hh}" if m == 0 else f"{hh}.{m:02d}"


def _en_half(h):
    return "a.m." if h < 12 else "p.m."


def _zh_clock(h, m, with_half):
    half = ("上午" if h < 12 else "下午") if with_half else ""
    hh = h if h <= 12 else h - 12
    s = f"{half} {hh} 时" if half else f"{hh} 时"
    if m:
        s += f" {m:02d} 分" if m < 10 else f" {m} 分"
    return s.strip()


def time_label(lang, start, end, style=0):
    """Format a slot's time range the way documents in `lang` print it.

    `start` and `end` are "HH:MM"; `style` picks one of the variants that real
    documents use, so that the corpus varies between programmes.
    """
    sh, sm = map(int, start.split(":"))
    eh, em = map(int, end.split(":"))
    if lang == "en":
        if style == 2:
            # A Word user's hyphen for the dash.
            if _en_half(sh) == _en_half(eh):
                return f"{_en_clock(sh, sm)}-{_en_clock(eh, em)} {_en_half(eh)}"
            return f"{_en_clock(sh, sm)} {_en_half(sh)}-{_en_clock(eh, em)} {_en_half(eh)}"
        if _en_half(sh) == _en_half(eh):
            return f"{_en_clock(sh, sm)}–{_en_clock(eh, em)} {_en_half(eh)}"
        return f"{_en_clock(sh, sm)} {_en_half(sh)}–{_en_clock(eh, em)} {_en_half(eh)}"
    if lang == "fr":
        if style == 2:
            fs = f"{sh} heures" if sm == 0 else f"{sh} h {sm:02d}"
            fe = f"{eh} heures" if em == 0 else f"{eh} h {em:02d}"
            return f"{fs} – {fe}"
        if style == 1:
            return f"{sh} h {sm:02d}-{eh} h {em:02d}"
        fs = f"{sh} heures" if sm == 0 else f"{sh} h {sm:02d}"
        fe = f"{eh} heures" if em == 0 else f"{eh} h {em:02d}"
        return f"{fs}-{fe}"
    if lang == "es":
        if style == 2:
            return f"De {sh}.{sm:02d} a {eh}.{em:02d} horas"
        return f"{sh}.{sm:02d} a {eh}.{em:02d} horas"
    if lang == "ru":
        if style == 2:
            return f"{sh}:{sm:02d} – {eh}:{em:02d}"
        return f"{sh} ч {sm:02d} м. – {eh} ч {em:02d} м."
    if lang == "zh":
        same_half = (sh < 12) == (eh < 12)
        end = _zh_clock(eh, em, not same_half)
        # A space sets digits apart from Han characters, as UN Chinese text does.
        sep = "" if not same_half else " "
        label = f"{_zh_clock(sh, sm, True)}至{sep}{end}"
        if style == 2:
            # Set solid, as Chinese typists write it: no spaces at all.
            label = label.replace(" ", "")
        return label
    if lang == "ar":
        if style == 2:
            return f"من الساعة {sh}:{sm:02d} إلى الساعة {eh}:{em:02d}"
        sep = "/" if style == 1 else ":"
        return f"{sh}{sep}{sm:02d} - {eh}{sep}{em:02d}"
    raise ValueError(lang)


def parse_date(s):
    return dt.date.fromisoformat(s)
