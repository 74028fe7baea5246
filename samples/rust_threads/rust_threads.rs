// std::thread and std::sync: spawn/join with results, a Mutex shared through Arc, a Condvar
// handshake, an mpsc channel fed by several threads, atomics, sleep, thread names and
// available_parallelism.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    // spawn + join with a value
    let handles: Vec<_> = (0..4u64).map(|i| thread::spawn(move || (1..=1000u64).map(|x| x * (i + 1)).sum::<u64>()))
        .collect();
    let sums: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("sums: {:?}", sums);

    // a Mutex counter
    let counter = Arc::new(Mutex::new(0u32));
    let workers: Vec<_> = (0..8).map(|_| {
        let c = Arc::clone(&counter);
        thread::spawn(move || for _ in 0..500 { *c.lock().unwrap() += 1; })
    }).collect();
    for w in workers { w.join().unwrap(); }
    println!("mutex counter: {}", *counter.lock().unwrap());

    // Condvar handshake
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let pair2 = Arc::clone(&pair);
    let waiter = thread::spawn(move || {
        let (lock, cvar) = &*pair2;
        let mut ready = lock.lock().unwrap();
        while !*ready { ready = cvar.wait(ready).unwrap(); }
        "woken"
    });
    thread::sleep(Duration::from_millis(20));
    { let (lock, cvar) = &*pair; *lock.lock().unwrap() = true; cvar.notify_one(); }
    println!("condvar: {}", waiter.join().unwrap());

    // mpsc from three producers
    let (tx, rx) = mpsc::channel();
    for id in 0..3u32 {
        let tx = tx.clone();
        thread::spawn(move || for k in 0..5u32 { tx.send(id * 100 + k).unwrap(); });
    }
    drop(tx);
    let mut got: Vec<u32> = rx.iter().collect();
    got.sort();
    println!("channel: {} messages, first {}, last {}", got.len(), got[0], got[got.len() - 1]);

    // atomics
    let hits = Arc::new(AtomicUsize::new(0));
    let ts: Vec<_> = (0..4).map(|_| { let h = Arc::clone(&hits);
        thread::spawn(move || for _ in 0..1000 { h.fetch_add(1, Ordering::SeqCst); }) }).collect();
    for t in ts { t.join().unwrap(); }
    println!("atomic: {}", hits.load(Ordering::SeqCst));

    // names
    let named = thread::Builder::new().name("worker-7".into()).spawn(|| {
        thread::current().name().map(|s| s.to_string())
    }).unwrap();
    println!("thread name: {:?}", named.join().unwrap());
    println!("main name: {:?}", thread::current().name());

    // sleep of the virtual clock
    let start = std::time::Instant::now();
    thread::sleep(Duration::from_millis(50));
    println!("slept at least 50 ms: {}", start.elapsed() >= Duration::from_millis(50));

    println!("available_parallelism: {}", thread::available_parallelism().map(|n| n.get()).unwrap_or(0));
}
