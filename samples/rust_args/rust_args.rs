// std::env: the arguments (parsed by std from GetCommandLineW with Windows' quoting rules), a
// variable set by the caller and a missing one, set_var/var round trip, and the current folder.
use std::env;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    println!("{} arguments", args.len());
    for (i, a) in args.iter().enumerate() {
        println!("arg {}: [{}]", i, a);
    }
    match env::var("RUST_SAMPLE") {
        Ok(v) => println!("RUST_SAMPLE={}", v),
        Err(e) => println!("RUST_SAMPLE: {}", e),
    }
    match env::var("RUST_SAMPLE_MISSING") {
        Ok(v) => println!("missing is set: {}", v),
        Err(e) => println!("RUST_SAMPLE_MISSING: {}", e),
    }
    env::set_var("RUST_SET", "from set_var");
    println!("RUST_SET={}", env::var("RUST_SET").unwrap());
    env::remove_var("RUST_SET");
    println!("after remove: {}", env::var_os("RUST_SET").is_none());
    println!("OS={}", env::var("OS").unwrap_or_default());
    let cwd = env::current_dir().unwrap();
    println!("current_dir absolute: {}", cwd.is_absolute());
    println!("current_dir has a drive: {}", cwd.to_string_lossy().as_bytes().get(1) == Some(&b':'));
}
