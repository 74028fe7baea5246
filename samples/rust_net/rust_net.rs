// Rust's std::net on the loopback network: TcpListener and TcpStream with a server thread,
// shutdown, UdpSocket, set_nonblocking (WouldBlock), a refused connect, try_clone.
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream, UdpSocket};
use std::thread;

static mut FAILURES: i32 = 0;

fn check(ok: bool, what: &str) {
    println!("{} {}", if ok { "ok  " } else { "FAIL" }, what);
    if !ok {
        unsafe { FAILURES += 1 }
    }
}

fn tcp() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().unwrap();
    check(addr.ip().is_loopback() && addr.port() >= 49152, "TcpListener::bind(127.0.0.1:0)");
    let server = thread::spawn(move || {
        let (mut s, peer) = listener.accept().unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        s.write_all(&all.iter().rev().cloned().collect::<Vec<u8>>()).unwrap();
        (all.len(), peer)
    });
    let mut c = TcpStream::connect(addr).expect("connect");
    check(c.peer_addr().unwrap() == addr, "TcpStream::connect: peer_addr is the listener's");
    c.set_nodelay(true).unwrap();
    check(c.nodelay().unwrap_or(false), "set_nodelay(true)");
    c.write_all(b"stressed").unwrap();
    c.shutdown(Shutdown::Write).unwrap();
    let mut back = String::new();
    c.read_to_string(&mut back).unwrap();
    check(back == "desserts", "the server read to EOF after shutdown(Write) and answered: desserts");
    let (n, peer) = server.join().unwrap();
    check(n == 8 && peer == c.local_addr().unwrap(), "the server saw 8 bytes from the client's address");

    let refused = TcpStream::connect(addr);
    check(matches!(&refused, Err(e) if e.kind() == ErrorKind::ConnectionRefused), "connect to a closed port: ConnectionRefused");
}

fn nonblocking() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    check(matches!(listener.accept(), Err(e) if e.kind() == ErrorKind::WouldBlock), "a non-blocking accept with nobody: WouldBlock");
    let c = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (s, _) = listener.accept().unwrap();
    s.set_nonblocking(true).unwrap();
    let mut buf = [0u8; 8];
    check(matches!((&s).read(&mut buf), Err(e) if e.kind() == ErrorKind::WouldBlock), "a non-blocking read with nothing: WouldBlock");
    s.set_nonblocking(false).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_millis(30))).unwrap();
    let start = std::time::Instant::now();
    check(matches!((&s).read(&mut buf), Err(e) if e.kind() == ErrorKind::TimedOut)
          && start.elapsed() >= std::time::Duration::from_millis(25), "a blocking read past set_read_timeout: TimedOut");
    s.set_read_timeout(None).unwrap();
    let mut c2 = c.try_clone().unwrap();
    c2.write_all(b"hi").unwrap();
    s.set_nonblocking(false).unwrap();
    let n = (&s).read(&mut buf).unwrap();
    check(n == 2 && &buf[..2] == b"hi", "a try_clone'd stream writes to the same connection");
}

fn udp() {
    let a = UdpSocket::bind("127.0.0.1:0").unwrap();
    let b = UdpSocket::bind("127.0.0.1:0").unwrap();
    b.send_to(b"first", a.local_addr().unwrap()).unwrap();
    b.send_to(b"second", a.local_addr().unwrap()).unwrap();
    let mut buf = [0u8; 32];
    let (n, from) = a.recv_from(&mut buf).unwrap();
    check(&buf[..n] == b"first" && from == b.local_addr().unwrap(), "UdpSocket: a datagram and its sender");
    let (n, _) = a.recv_from(&mut buf).unwrap();
    check(&buf[..n] == b"second", "the next datagram, its boundary kept");
    a.connect(b.local_addr().unwrap()).unwrap();
    a.send(b"reply").unwrap();
    let n = b.recv(&mut buf).unwrap();
    check(&buf[..n] == b"reply", "a connected UdpSocket's send");
}

fn main() {
    tcp();
    nonblocking();
    udp();
    std::process::exit(unsafe { FAILURES });
}
