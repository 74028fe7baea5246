// println! and eprintln! through std's stdout/stderr (WriteFile on redirected handles, after
// WriteConsoleW's refusal), the exit code through std::process::exit.
use std::io::Write;

fn main() {
    println!("hello from Rust");
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} + {} = {}", 2, 3, 2 + 3).unwrap();
    writeln!(out, "{:>8.3}|{:<6}|{:#x}|{:?}", 3.14159, "ab", 255, Some("x")).unwrap();
    out.flush().unwrap();
    eprintln!("to stderr: {}", 42);
    std::process::exit(7);
}
