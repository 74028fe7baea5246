// Panics: one caught by catch_unwind (its payload read back), one in a thread seen by join as an
// Err, then an uncaught one in main: its message on stderr and exit status 101.
use std::panic;
use std::thread;

fn main() {
    let caught = panic::catch_unwind(|| {
        panic!("caught one: {}", 1);
    });
    match caught {
        Err(payload) => println!("caught: {:?}", payload.downcast_ref::<String>()),
        Ok(()) => println!("not caught"),
    }
    let value = panic::catch_unwind(|| 6 * 7);
    println!("no panic: {:?}", value.ok());

    let worker = thread::Builder::new().name("doomed".into()).spawn(|| {
        let v: Vec<u32> = Vec::new();
        v[3]
    }).unwrap();
    let joined = worker.join();
    println!("thread panicked: {}", joined.is_err());

    let r: Result<u32, String> = Err("bad value".into());
    println!("about to unwrap");
    r.unwrap();
    println!("not reached");
}
