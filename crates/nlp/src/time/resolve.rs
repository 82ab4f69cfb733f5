//! Resolution of value templates against the document creation time (news mode) or the last
//! date the text mentioned (narrative mode). Language-neutral: rules say *what* an expression
//! means through placeholders, this module does the calendar work.
//!
//! Placeholders (inside `{…}` in a value):
//!
//! | placeholder | meaning |
//! | --- | --- |
//! | `{Y}` | the year of a month/day/season that follows (`{Y}-10`): news mode takes the creation year, moved by the tense of the sentence (a later month without a future cue is last year's); narrative mode the year last mentioned |
//! | `{WY:N}` | the year, of the present's and the one either side (present's first), in which the day that follows falls on ISO weekday `N` (`Montag, dem 14. September`); else as `{Y}` |
//! | `{this:GRAN±NU}` | the present (creation date; in narrative mode the last mentioned date) shifted by `N` units `U` (`D`, `W`, `M`, `Y`; default: the granularity) and written at granularity `GRAN` (`day`, `week`, `month`, `year`, `decade`, `century`) |
//! | `{ref:GRAN±NU}` | the same from the last mentioned date (anaphoric: `am Vortag`, `im Jahr darauf`) |
//! | `{near:GRAN±NU}` | as `{ref:…}` for a bare time of day (`um 14 Uhr`, `gegen Mittag`), but in news from the creation date when the last mentioned day lies more than two weeks from it (a background date) |
//! | `{event:GRAN±NU}` | the same from the date of the event a phrase names (`am Vortag der Verhandlungen`): the day the text mentions most often, else the last mentioned date |
//! | `{weekday:N}` | ISO weekday `N` nearest the present in the sentence's tense direction; `{lastwd:N}` strictly before, `{nextwd:N}` strictly after, `{fromwd:N}` on or after (`für Freitag`, written on a Friday, is that day); `{thiswd:N}` that weekday of the present's week, Monday to Sunday (`an diesem Mittwoch`) |
//! | `{CY:NN}` | a two-digit year completed with the present's century |
//! | `{CD:D}` | a decade digit completed with the present's century (`{CD:9}` → `199`) |
//!
//! After placeholders, `YYYY-EASTER±N` becomes the date `N` days from Easter Sunday.

use super::calendar::{easter, shift_month, Date};
use super::engine::Tense;

/// Days from the day of writing beyond which the last named day is a background date, not the
/// day of a bare time of day that follows it (`{near:day}`).
const NEAR_DAYS: i64 = 14;

/// Whether relative expressions are read against the creation date or the narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// News: the creation date is the present of the text.
    News,
    /// Narrative: the last mentioned date is the present of the text.
    Narrative,
}

/// A point in time known to some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// Year (negative before Christ).
    pub year: i32,
    /// Month, if known.
    pub month: Option<u32>,
    /// Day, if known (only with a month).
    pub day: Option<u32>,
}

impl From<Date> for Point {
    fn from(d: Date) -> Self {
        Point {
            year: d.year,
            month: Some(d.month),
            day: Some(d.day),
        }
    }
}

impl Point {
    pub(crate) fn date(&self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?)
    }

    /// The point a resolved value names, if it names a year (`1939`, `BC0490-12`,
    /// `1942-SU`, `2025-12-02TEV`).
    pub fn of_value(v: &str) -> Option<Point> {
        let (neg, rest) = match v.strip_prefix("BC") {
            Some(r) => (true, r),
            None => (false, v),
        };
        let b = rest.as_bytes();
        if b.len() < 4
            || !b[..4].iter().all(u8::is_ascii_digit)
            || b.get(4).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let y: i32 = rest[..4].parse().ok()?;
        let two = |i: usize| -> Option<u32> {
            if b.get(i) == Some(&b'-')
                && b.len() >= i + 3
                && b[i + 1..i + 3].iter().all(u8::is_ascii_digit)
            {
                rest[i + 1..i + 3].parse().ok()
            } else {
                None
            }
        };
        let month = two(4).filter(|m| (1..=12).contains(m));
        let day = month.and_then(|_| two(7)).filter(|d| (1..=31).contains(d));
        Some(Point {
            year: if neg { -y } else { y },
            month,
            day,
        })
    }
}

/// The state a document's resolution carries from one expression to the next.
#[derive(Debug, Clone)]
pub struct Context {
    /// Creation date, if given.
    pub dct: Option<Date>,
    /// News or narrative.
    pub mode: Mode,
    /// The last date mentioned so far.
    pub reference: Option<Point>,
    /// The last date with a day mentioned so far: what `am selben Abend` refers to when a
    /// coarser date (`im Frühjahr`) was mentioned in between.
    pub day_reference: Option<Point>,
    /// The date of the event the text is about (see `{event:…}`), once known.
    pub event: Option<Point>,
}

/// Write a year: four digits, or `BC` and four digits before Christ.
pub fn fmt_year(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

impl Context {
    /// The present of the text.
    fn this(&self) -> Option<Point> {
        match self.mode {
            Mode::News => self.dct.map(Point::from),
            Mode::Narrative => self.reference.or(self.dct.map(Point::from)),
        }
    }

    /// The anaphoric anchor: the last mentioned date, else the creation date.
    fn anchor(&self) -> Option<Point> {
        self.reference.or(self.dct.map(Point::from))
    }

    /// Resolve every placeholder of `value`; `tense` is the sentence's tense.
    pub fn resolve(&self, value: &str, tense: Tense) -> String {
        let mut out = String::with_capacity(value.len() + 8);
        let mut rest = value;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            let inner = &rest[open + 1..close];
            let after = &rest[close + 1..];
            out.push_str(&self.placeholder(inner, after, tense));
            rest = after;
        }
        out.push_str(rest);
        easter_dates(out)
    }

    fn placeholder(&self, inner: &str, after: &str, tense: Tense) -> String {
        let (head, arg) = inner.split_once(':').unwrap_or((inner, ""));
        match head {
            "Y" => self.year_for(after, tense),
            "WY" => self.year_of_weekday(after, arg, tense),
            "this" => shifted(self.this(), arg),
            // a day or a time of day in news whose reference is only a year, a season or a
            // month: the last day mentioned before it (`am Montag … nachdem im Frühjahr … Noch
            // am selben Abend`), else, for a time of day, the day of writing (`19 Uhr` after
            // `die Wahl vor fünf Jahren`)
            "ref"
                if (after.starts_with('T') || arg.starts_with("day"))
                    && self.mode == Mode::News
                    && self.reference.is_some_and(|r| r.day.is_none()) =>
            {
                match self.day_reference {
                    Some(d) => shifted(Some(d), arg),
                    None if after.starts_with('T') => shifted(self.dct.map(Point::from), arg),
                    None => shifted(self.anchor(), arg),
                }
            }
            "ref" => shifted(self.anchor(), arg),
            // a bare time of day (`gegen Mittag`, `um 14 Uhr`) in news: on the day last named,
            // unless that day lies weeks from the day of writing, a background date (`hatten am
            // 3. Februar 2025 abgeraten. … telefonierten sie gegen Mittag`): then on the day of
            // writing
            "near" => {
                let on_ref = self.placeholder(&format!("ref:{arg}"), after, tense);
                let far = |d: Date| {
                    self.dct
                        .is_some_and(|now| (d.days() - now.days()).abs() > NEAR_DAYS)
                };
                match on_ref.get(..10).and_then(Date::parse) {
                    Some(d) if self.mode == Mode::News && far(d) => {
                        shifted(self.dct.map(Point::from), arg)
                    }
                    _ => on_ref,
                }
            }
            "event" => shifted(self.event.or(self.anchor()), arg),
            "weekday" | "lastwd" | "nextwd" | "fromwd" | "thiswd" => {
                let wd: u32 = arg.parse().unwrap_or(1).clamp(1, 7);
                let base = match self.mode {
                    Mode::News => self.dct,
                    Mode::Narrative => self.this().and_then(|p| p.date()),
                };
                let Some(base) = base else {
                    return format!("XXXX-WXX-{wd}");
                };
                let back = i64::from((base.weekday() + 7 - wd) % 7);
                let fwd = i64::from((wd + 7 - base.weekday()) % 7);
                let offset = match (head, tense) {
                    ("thiswd", _) => i64::from(wd) - i64::from(base.weekday()),
                    ("lastwd", _) => -(if back == 0 { 7 } else { back }),
                    ("fromwd", _) => fwd,
                    ("nextwd", _) => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    (_, Tense::Past) => -back,
                    (_, Tense::Future) => fwd,
                    _ if fwd < back => fwd,
                    _ => -back,
                };
                fmt_date(base.add_days(offset))
            }
            "CY" => {
                let nn: i32 = arg.parse().unwrap_or(0);
                let century = self.this().map_or(19, |p| p.year.div_euclid(100));
                let mut y = century * 100 + nn;
                if let (Mode::News, Some(d)) = (self.mode, self.dct) {
                    if y > d.year + 10 {
                        y -= 100;
                    }
                }
                fmt_year(y)
            }
            "CD" => {
                let d: i32 = arg.parse().unwrap_or(0);
                let mut century = self.this().map_or(19, |p| p.year.div_euclid(100));
                if let (Mode::News, Some(dct)) = (self.mode, self.dct) {
                    if century * 100 + d * 10 > dct.year {
                        century -= 1;
                    }
                }
                format!("{century:02}{d}")
            }
            _ => format!("{{{inner}}}"),
        }
    }

    /// Resolve `template`, whose year is open (`{Y}-09-16`), as the date that opens a range
    /// closed by `end` (`16. September bis 10. Oktober 1779`): in `end`'s year, or in the
    /// year before when it would come after `end` (`29. Dezember bis 2. Januar 1778`).
    pub fn in_year_of(&self, template: &str, end: Point) -> String {
        let at = |year: i32| {
            let ctx = Context {
                mode: Mode::Narrative,
                reference: Some(Point {
                    year,
                    month: None,
                    day: None,
                }),
                ..self.clone()
            };
            ctx.resolve(template, Tense::Unknown)
        };
        let value = at(end.year);
        match Point::of_value(&value) {
            Some(p)
                if p.month > end.month
                    || (p.month == end.month && p.day.zip(end.day).is_some_and(|(a, b)| a > b)) =>
            {
                at(end.year - 1)
            }
            _ => value,
        }
    }

    /// The year of an underspecified date whose month (and day) follow in `after`.
    /// The year, nearest the present, in which the day that follows (`-09-14`) falls on ISO
    /// weekday `wd` (`Montag, dem 14. September`); like [`Self::year_for`] when none of the
    /// present's year and the years either side has it.
    fn year_of_weekday(&self, after: &str, wd: &str, tense: Tense) -> String {
        let base = match self.mode {
            Mode::News => self.dct.map(|d| d.year),
            Mode::Narrative => self.this().map(|p| p.year),
        };
        let (Some(base), Ok(wd)) = (base, wd.parse::<u32>()) else {
            return self.year_for(after, tense);
        };
        let (Some(m), Some(d)) = (date_field(after, 0), date_field(after, 3)) else {
            return self.year_for(after, tense);
        };
        [base, base - 1, base + 1]
            .into_iter()
            .find(|&y| Date::new(y, m, d).is_some_and(|x| x.weekday() == wd))
            .map_or_else(|| self.year_for(after, tense), fmt_year)
    }

    fn year_for(&self, after: &str, tense: Tense) -> String {
        let Some(dct) = (match self.mode {
            Mode::News => self.dct,
            Mode::Narrative => None,
        }) else {
            return self.this().map_or("XXXX".to_string(), |p| fmt_year(p.year));
        };
        let month = date_field(after, 0).or_else(|| match after.get(1..3) {
            Some("WI") => Some(1),
            Some("SP") => Some(4),
            Some("SU") => Some(7),
            Some("FA") => Some(10),
            _ => None,
        });
        let day = date_field(after, 3);
        let Some(m) = month else {
            return fmt_year(dct.year);
        };
        let later = (m, day.unwrap_or(0)) > (dct.month, if day.is_some() { dct.day } else { 0 });
        let earlier = (m, day.unwrap_or(0)) < (dct.month, if day.is_some() { dct.day } else { 0 });
        let y = match tense {
            Tense::Past if later => dct.year - 1,
            Tense::Future if earlier => dct.year + 1,
            // Without a cue, the nearest such day: `für den 19. März angesetzt` ten days
            // ahead is this year's, `im Dezember` in January last year's; half a year either
            // way, news reports what happened.
            Tense::Unknown if later || earlier => {
                let at = |y: i32| {
                    Date::new(y, m, day.unwrap_or(15).min(28))
                        .map_or(i64::MAX, |d| (d.days() - dct.days()).abs())
                };
                let here = at(dct.year);
                if later && at(dct.year - 1) <= here {
                    dct.year - 1
                } else if earlier && at(dct.year + 1) < here {
                    dct.year + 1
                } else {
                    dct.year
                }
            }
            _ => dct.year,
        };
        fmt_year(y)
    }
}

fn fmt_date(d: Date) -> String {
    format!("{}-{:02}-{:02}", fmt_year(d.year), d.month, d.day)
}

/// `{this:…}`/`{ref:…}`: shift `p` and write it at a granularity.
/// The two-digit field after a `-` at byte `i` of the value text that follows a year
/// placeholder (`-09-14`: the month at 0, the day at 3).
fn date_field(after: &str, i: usize) -> Option<u32> {
    if after.as_bytes().get(i) == Some(&b'-') {
        after.get(i + 1..i + 3)?.parse().ok()
    } else {
        None
    }
}

fn shifted(p: Option<Point>, arg: &str) -> String {
    let gran_end = arg.find(['+', '-']).unwrap_or(arg.len());
    let gran = &arg[..gran_end];
    let mut shift = 0i64;
    let mut unit = match gran {
        "week" => "W",
        "month" => "M",
        "year" => "Y",
        "decade" => "DE",
        "century" => "CE",
        _ => "D",
    };
    if gran_end < arg.len() {
        let sign = if arg.as_bytes()[gran_end] == b'-' {
            -1
        } else {
            1
        };
        let spec = &arg[gran_end + 1..];
        let digits = spec
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(spec.len());
        shift = sign * spec[..digits].parse::<i64>().unwrap_or(0);
        if digits < spec.len() {
            unit = &spec[digits..];
        }
    }
    let Some(mut p) = p else {
        return match gran {
            "week" => "XXXX-WXX".into(),
            "month" => "XXXX-XX".into(),
            "year" => "XXXX".into(),
            "decade" => "XXX".into(),
            "century" => "XX".into(),
            _ => "XXXX-XX-XX".into(),
        };
    };
    match unit {
        "D" | "W" => {
            let days = if unit == "W" { shift * 7 } else { shift };
            if let Some(d) = p.date() {
                p = d.add_days(days).into();
            }
        }
        "M" => {
            if let Some(m) = p.month {
                if let Some(d) = p.date() {
                    p = d.add_months(shift).into();
                } else {
                    let (y, m) = shift_month(p.year, m, shift);
                    p.year = y;
                    p.month = Some(m);
                }
            }
        }
        "Y" | "DE" | "CE" => {
            let years = match unit {
                "DE" => shift * 10,
                "CE" => shift * 100,
                _ => shift,
            };
            p.year += years as i32;
            if let (Some(m), Some(d)) = (p.month, p.day) {
                p.day = Some(d.min(super::calendar::days_in_month(p.year, m)));
            }
        }
        _ => {}
    }
    let two = |v: Option<u32>| v.map_or("XX".to_string(), |v| format!("{v:02}"));
    match gran {
        "week" => match p.date() {
            Some(d) => {
                let (y, w) = d.iso_week();
                format!("{}-W{w:02}", fmt_year(y))
            }
            None => format!("{}-WXX", fmt_year(p.year)),
        },
        "month" => format!("{}-{}", fmt_year(p.year), two(p.month)),
        "year" => fmt_year(p.year),
        "decade" => format!("{:03}", p.year.div_euclid(10)),
        "century" => format!("{:02}", p.year.div_euclid(100)),
        _ => format!("{}-{}-{}", fmt_year(p.year), two(p.month), two(p.day)),
    }
}

/// Replace `YYYY-EASTER±N` by the date.
fn easter_dates(v: String) -> String {
    let Some(i) = v.find("EASTER") else {
        return v;
    };
    let year_part = v[..i].trim_end_matches('-');
    let rest = &v[i + "EASTER".len()..];
    let digits_end = rest
        .char_indices()
        .find(|&(j, c)| !(c.is_ascii_digit() || (j == 0 && (c == '+' || c == '-'))))
        .map_or(rest.len(), |(j, _)| j);
    let offset: i64 = rest[..digits_end].parse().unwrap_or(0);
    let tail = &rest[digits_end..];
    match Point::of_value(year_part) {
        Some(p) if year_part.len() <= 6 => {
            let d = easter(p.year).add_days(offset);
            format!("{}{tail}", fmt_date(d))
        }
        _ => format!("{year_part}-XX-XX{tail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn news(d: &str) -> Context {
        Context {
            dct: Date::parse(d),
            mode: Mode::News,
            reference: None,
            day_reference: None,
            event: None,
        }
    }

    #[test]
    fn weekdays_follow_tense() {
        let c = news("2025-12-03"); // a Wednesday
        assert_eq!(c.resolve("{weekday:2}TEV", Tense::Past), "2025-12-02TEV");
        assert_eq!(c.resolve("{weekday:4}", Tense::Future), "2025-12-04");
        assert_eq!(c.resolve("{weekday:4}", Tense::Past), "2025-11-27");
        assert_eq!(c.resolve("{weekday:2}", Tense::Unknown), "2025-12-02");
        // the weekday of this week, whatever the tense
        assert_eq!(c.resolve("{thiswd:3}", Tense::Past), "2025-12-03");
        assert_eq!(c.resolve("{thiswd:1}", Tense::Future), "2025-12-01");
        assert_eq!(c.resolve("{thiswd:7}", Tense::Past), "2025-12-07");
        assert_eq!(c.resolve("{lastwd:3}", Tense::Unknown), "2025-11-26");
    }

    #[test]
    fn months_and_shifts() {
        let c = news("2025-12-02");
        assert_eq!(c.resolve("{Y}-10", Tense::Past), "2025-10");
        assert_eq!(c.resolve("{Y}-01", Tense::Future), "2026-01");
        assert_eq!(c.resolve("{this:day-2W}", Tense::Unknown), "2025-11-18");
        assert_eq!(c.resolve("{this:year}-01-20", Tense::Unknown), "2025-01-20");
        assert_eq!(c.resolve("{this:week-1}", Tense::Unknown), "2025-W48");
        assert_eq!(c.resolve("{CD:9}", Tense::Unknown), "199");
        assert_eq!(c.resolve("{CD:3}", Tense::Unknown), "193");
        assert_eq!(c.resolve("{CY:39}", Tense::Unknown), "1939");
        assert_eq!(c.resolve("{Y}-EASTER+50", Tense::Unknown), "2025-06-09");
    }

    #[test]
    fn narrative_reference() {
        let c = Context {
            dct: None,
            mode: Mode::Narrative,
            reference: Point::of_value("1863"),
            day_reference: None,
            event: None,
        };
        assert_eq!(c.resolve("{ref:day+1}", Tense::Unknown), "1863-XX-XX");
        assert_eq!(c.resolve("{Y}-07-03", Tense::Past), "1863-07-03");
        let bc = Context {
            reference: Point::of_value("BC0490"),
            ..c
        };
        assert_eq!(bc.resolve("{Y}-12", Tense::Unknown), "BC0490-12");
        assert_eq!(bc.resolve("{ref:year+1}", Tense::Unknown), "BC0489");
    }
}
