// std::process::Command as Rust's std uses Windows: the program starts itself (C:\app\rust_process.exe)
// in a child role named by its first argument. output() reads stdout and stderr at once through two
// named pipes with overlapped reads (read2), status() and spawn()+wait() inherit or pipe the standard
// handles, env/env_clear/env_remove make a Unicode environment block, current_dir, arguments quoted
// by the MSVCRT rules, kill (TerminateProcess), id, exit codes, std::process::exit and a panic in the
// child, and a program that does not exist.
use std::env;
use std::ffi::c_void;
use std::io::{self, Read, Write};
use std::os::windows::io::AsRawHandle;
use std::ptr;
use std::process::{self, Command, Stdio};

// The calls newer std makes on its asynchronous pipes (ReadFileEx and an alertable SleepEx) and
// the cancelling of a pending read, made here by hand on the pipes std gives a child.
#[repr(C)]
struct Overlapped { internal: usize, internal_high: usize, offset: u32, offset_high: u32, event: *mut c_void }
type Completion = extern "system" fn(u32, u32, *mut Overlapped);
#[link(name = "kernel32")]
extern "system" {
    fn ReadFileEx(h: *mut c_void, buf: *mut u8, len: u32, ov: *mut Overlapped, done: Completion) -> i32;
    fn ReadFile(h: *mut c_void, buf: *mut u8, len: u32, read: *mut u32, ov: *mut Overlapped) -> i32;
    fn SleepEx(ms: u32, alertable: i32) -> u32;
    fn CancelIo(h: *mut c_void) -> i32;
    fn GetOverlappedResult(h: *mut c_void, ov: *mut Overlapped, n: *mut u32, wait: i32) -> i32;
    fn CreateEventW(sa: *mut c_void, manual: i32, initial: i32, name: *const u16) -> *mut c_void;
    fn CloseHandle(h: *mut c_void) -> i32;
}
static mut COMPLETED: Option<(u32, u32)> = None;
extern "system" fn on_read(error: u32, bytes: u32, _ov: *mut Overlapped) {
    unsafe { COMPLETED = Some((error, bytes)); }
}
fn overlapped(event: *mut c_void) -> Overlapped {
    Overlapped { internal: 0, internal_high: 0, offset: 0, offset_high: 0, event }
}
fn last_error() -> i32 { io::Error::last_os_error().raw_os_error().unwrap_or(0) }

fn read_with_completion_routines(me: &std::path::Path) {
    let mut ch = Command::new(me).args(["child", "echo", "read with ReadFileEx"]).stdout(Stdio::piped())
        .spawn().unwrap();
    let h = ch.stdout.as_ref().unwrap().as_raw_handle() as *mut c_void;
    let (mut got, mut buf, mut completions, mut sleeps_ok) = (Vec::new(), [0u8; 7], 0, true);
    let end = loop {
        let mut ov = overlapped(ptr::null_mut());
        unsafe {
            COMPLETED = None;
            if ReadFileEx(h, buf.as_mut_ptr(), buf.len() as u32, &mut ov, on_read) == 0 {
                break last_error();                      // the pipe was already broken
            }
            while COMPLETED.is_none() {
                sleeps_ok &= SleepEx(0xFFFFFFFF, 1) == 0xC0;    // WAIT_IO_COMPLETION
            }
            let (error, bytes) = COMPLETED.unwrap();
            if error != 0 { break error as i32; }        // broken while the read waited
            got.extend_from_slice(&buf[..bytes as usize]);
            completions += 1;
        }
    };
    ch.wait().unwrap();
    println!("ReadFileEx: {:?} in {} completions, SleepEx gave WAIT_IO_COMPLETION: {}, then error {}",
             String::from_utf8_lossy(&got), completions, sleeps_ok, end);

    let mut ch = Command::new(me).args(["child", "wait"]).stdin(Stdio::piped()).stdout(Stdio::piped())
        .spawn().unwrap();
    let h = ch.stdout.as_ref().unwrap().as_raw_handle() as *mut c_void;
    unsafe {
        let event = CreateEventW(ptr::null_mut(), 1, 0, ptr::null());
        let mut ov = overlapped(event);
        let mut n = 0u32;
        let r = ReadFile(h, buf.as_mut_ptr(), buf.len() as u32, &mut n, &mut ov);
        let pending = last_error();
        let cancelled = CancelIo(h);
        let g = GetOverlappedResult(h, &mut ov, &mut n, 1);
        println!("a pending read: ReadFile {} error {}, CancelIo {}, GetOverlappedResult {} error {} bytes {}",
                 r, pending, cancelled, g, last_error(), n);
        CloseHandle(event);
    }
    ch.kill().unwrap();
    println!("then killed: {}", ch.wait().unwrap());
}

fn child(role: &str, args: &[String]) -> i32 {
    match role {
        "echo" => {
            for (i, a) in args.iter().enumerate() {
                println!("arg {}: [{}]", i, a);
            }
        }
        "exit" => {
            println!("exiting with {}", args[0]);
            io::stdout().flush().unwrap();
            process::exit(args[0].parse().unwrap());
        }
        "upper" => {
            let mut s = String::new();
            io::stdin().read_to_string(&mut s).unwrap();
            print!("{}", s.to_uppercase());
        }
        "both" => {
            // more than a pipe's buffer on each stream, interleaved: the parent must read both at once
            let n: usize = args[0].parse().unwrap();
            let out = io::stdout();
            let err = io::stderr();
            let (mut out, mut err) = (out.lock(), err.lock());
            for i in 0..n {
                writeln!(out, "out line {:05} ..............................................", i).unwrap();
                writeln!(err, "err line {:05} ..............................................", i).unwrap();
            }
        }
        "env" => {
            let mut vars: Vec<String> = env::vars().filter(|(k, _)| k.starts_with("RUSTP_"))
                .map(|(k, v)| format!("{}={}", k, v)).collect();
            vars.sort();
            println!("{} | PATH set: {} | {} variables", vars.join(" "), env::var_os("PATH").is_some(),
                     env::vars_os().count());
        }
        "pwd" => println!("{}", env::current_dir().unwrap().display()),
        "id" => println!("{}", process::id()),
        "wait" => {
            let mut s = String::new();
            io::stdin().read_to_string(&mut s).unwrap();
            println!("not killed");
        }
        "panic" => panic!("the child panics"),
        "abort" => process::abort(),
        "fault" => unsafe {
            let p = std::ptr::null_mut::<u32>();
            p.write_volatile(1);
        },
        _ => {
            println!("unknown role {}", role);
            return 3;
        }
    }
    0
}

fn show(what: &str, out: &process::Output) {
    println!("{}: {} stdout {:?} stderr {:?}", what, out.status, String::from_utf8_lossy(&out.stdout),
             String::from_utf8_lossy(&out.stderr));
}

fn main() {
    let argv: Vec<String> = env::args().collect();
    if argv.len() > 2 && argv[1] == "child" {
        process::exit(child(&argv[2], &argv[3..]));
    }
    let me = env::current_exe().unwrap();
    println!("current_exe: {}", me.display());

    // output(): arguments quoted by std (spaces, quotes, backslashes, empty, tabs) come back whole.
    let out = Command::new(&me)
        .args(["child", "echo", "plain", "two words", "q\"uote", "back\\slash\\", "", "a\\\"b", "tab\there", "end\\\\"])
        .output().unwrap();
    show("echo", &out);

    // Both streams larger than a pipe's buffer: read2 reads them together.
    let out = Command::new(&me).args(["child", "both", "2000"]).output().unwrap();
    println!("both: {} stdout {} bytes, {} lines, stderr {} bytes, last {:?}", out.status, out.stdout.len(),
             out.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count(), out.stderr.len(),
             String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or(""));

    // Exit codes: process::exit in the child, code() and Display; a panic is 101.
    for code in ["0", "7", "300", "-1"] {
        let out = Command::new(&me).args(["child", "exit", code]).output().unwrap();
        println!("exit {}: {} success {} code {:?} stdout {:?}", code, out.status, out.status.success(),
                 out.status.code(), String::from_utf8_lossy(&out.stdout));
    }
    let out = Command::new(&me).args(["child", "panic"]).output().unwrap();
    println!("panic: {} stderr starts {:?}", out.status,
             String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or(""));

    // abort() is __fastfail (STATUS_STACK_BUFFER_OVERRUN); an access violation is the exit code.
    for role in ["abort", "fault"] {
        let status = Command::new(&me).args(["child", role]).status().unwrap();
        println!("{}: {} code {:?}", role, status, status.code());
    }

    // The child's stdout is a file of ours (Stdio::from(File)): DuplicateHandle makes it inheritable.
    let path = env::temp_dir().join("rust_process_out.txt");
    let file = std::fs::File::create(&path).unwrap();
    let status = Command::new(&me).args(["child", "echo", "into a file"]).stdout(file).status().unwrap();
    println!("to a file: {} {:?}", status, std::fs::read_to_string(&path).unwrap());
    std::fs::remove_file(&path).unwrap();

    // status(): the child writes straight to our stdout.
    io::stdout().flush().unwrap();
    let status = Command::new(&me).args(["child", "echo", "inherited stdout"]).status().unwrap();
    println!("status: {}", status);
    let status = Command::new(&me).args(["child", "echo", "to nowhere"]).stdout(Stdio::null()).status().unwrap();
    println!("Stdio::null: {}", status);

    // output() gives the child NUL for stdin: it reads nothing.
    let out = Command::new(&me).args(["child", "upper"]).output().unwrap();
    show("stdin from NUL", &out);

    // spawn() with piped stdin and stdout, then wait_with_output().
    let mut ch = Command::new(&me).args(["child", "upper"]).stdin(Stdio::piped()).stdout(Stdio::piped())
        .spawn().unwrap();
    ch.stdin.take().unwrap().write_all(b"written to a child's stdin\nsecond line\n").unwrap();
    let out = ch.wait_with_output().unwrap();
    show("upper", &out);

    // spawn + wait, reading the pipe by hand; id() is the child's process id.
    let mut ch = Command::new(&me).args(["child", "id"]).stdout(Stdio::piped()).spawn().unwrap();
    let mut s = String::new();
    ch.stdout.take().unwrap().read_to_string(&mut s).unwrap();
    let status = ch.wait().unwrap();
    println!("id: the child says it is {}: {}, not us: {}, {}", "id()", s.trim() == ch.id().to_string(),
             ch.id() != process::id(), status);
    println!("try_wait after wait: {:?}", ch.try_wait().unwrap().map(|s| s.code()));

    // The environment: env adds, env_remove takes away, env_clear starts from nothing.
    let out = Command::new(&me).args(["child", "env"]).env("RUSTP_B", "two").env("RUSTP_A", "one=1").output().unwrap();
    show("env", &out);
    env::set_var("RUSTP_PARENT", "inherited");
    let out = Command::new(&me).args(["child", "env"]).env_remove("PATH").output().unwrap();
    show("env_remove", &out);
    let out = Command::new(&me).args(["child", "env"]).env_clear().env("RUSTP_ONLY", "x").output().unwrap();
    show("env_clear", &out);

    // current_dir.
    let out = Command::new(&me).args(["child", "pwd"]).current_dir("C:\\Windows").output().unwrap();
    show("current_dir", &out);
    let err = Command::new(&me).args(["child", "pwd"]).current_dir("C:\\no\\such\\folder").output().unwrap_err();
    println!("current_dir missing: {:?} {}", err.kind(), err);

    // kill: TerminateProcess with exit code 1; try_wait before it shows the child running.
    let mut ch = Command::new(&me).args(["child", "wait"]).stdin(Stdio::piped()).stdout(Stdio::piped())
        .spawn().unwrap();
    println!("try_wait while running: {:?}", ch.try_wait().unwrap());
    ch.kill().unwrap();
    let status = ch.wait().unwrap();
    println!("killed: {} code {:?}", status, status.code());
    let mut rest = String::new();
    ch.stdout.take().unwrap().read_to_string(&mut rest).unwrap();
    println!("its stdout after the kill: {:?}", rest);
    println!("kill again: {:?}", ch.kill().map_err(|e| e.kind()));

    read_with_completion_routines(&me);

    // A program that is nowhere, by name and by path.
    for name in ["no_such_program", "C:\\app\\no_such_program.exe"] {
        let err = Command::new(name).arg("x").output().unwrap_err();
        println!("missing {}: {:?} raw {:?} {}", name, err.kind(), err.raw_os_error(), err);
    }
    // By name, found in the application's folder.
    let out = Command::new("rust_process").args(["child", "echo", "by name"]).output().unwrap();
    show("by name", &out);
    println!("done");
}
