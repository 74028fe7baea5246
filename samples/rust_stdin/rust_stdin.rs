// Standard input: read_line until the end of a redirected stdin, then the totals.
use std::io::{self, BufRead};

fn main() {
    let stdin = io::stdin();
    let mut line = String::new();
    let mut first = String::new();
    let n = stdin.lock().read_line(&mut first).unwrap();
    println!("first line: {:?} ({} bytes)", first, n);
    let mut count = 0;
    let mut sum = 0i64;
    loop {
        line.clear();
        if stdin.lock().read_line(&mut line).unwrap() == 0 { break; }
        count += 1;
        sum += line.trim().parse::<i64>().unwrap_or(0);
    }
    println!("{} more lines, sum {}", count, sum);
}
