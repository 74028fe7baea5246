// std::time: Instant (QueryPerformanceCounter) is monotonic and advances over a sleep;
// SystemTime::now (GetSystemTimePreciseAsFileTime) is after the epoch, its date from the
// emulator's virtual clock.
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn civil(days: i64) -> (i64, u32, u32) {
    // days since 1970-01-01 to a proleptic Gregorian date (Hinnant's algorithm)
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + if m <= 2 { 1 } else { 0 }, m, d)
}

fn main() {
    let a = Instant::now();
    let b = Instant::now();
    println!("monotonic: {}", b >= a);
    std::thread::sleep(Duration::from_millis(100));
    let slept = a.elapsed();
    println!("elapsed >= 100 ms: {}", slept >= Duration::from_millis(100));
    println!("elapsed < 10 s: {}", slept < Duration::from_secs(10));
    let now = SystemTime::now();
    let since = now.duration_since(UNIX_EPOCH).unwrap();
    let (y, m, d) = civil((since.as_secs() / 86400) as i64);
    println!("today: {:04}-{:02}-{:02}", y, m, d);
    let later = SystemTime::now();
    println!("system time advances: {}", later >= now);
    println!("checked_sub: {:?}", Duration::from_secs(1).checked_sub(Duration::from_secs(2)));
}
