// std::fs in a scratch folder under the current one: create_dir_all, File::create/write,
// read_to_string, metadata, BufReader lines, append, hard_link, symlink_file (refused: the user
// lacks the privilege), read_dir, rename, copy, remove_file, remove_dir_all, and the errors for a
// missing file and a non-empty folder.
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new("rust_files_tmp");
    if root.exists() { fs::remove_dir_all(root)?; }
    fs::create_dir_all(root.join("a").join("b"))?;
    println!("created: {}", root.join("a").join("b").is_dir());

    let p = root.join("a").join("lines.txt");
    {
        let mut f = File::create(&p)?;
        for i in 1..=5 { writeln!(f, "line {}", i)?; }
    }
    let meta = fs::metadata(&p)?;
    println!("len {} file {} dir {} readonly {}", meta.len(), meta.is_file(), meta.is_dir(),
             meta.permissions().readonly());
    println!("modified is set: {}", meta.modified().is_ok());

    let reader = BufReader::new(File::open(&p)?);
    let lines: Vec<String> = reader.lines().collect::<Result<_, _>>()?;
    println!("lines: {:?}", lines);

    let mut f = OpenOptions::new().append(true).open(&p)?;
    f.write_all(b"appended\n")?;
    drop(f);
    let mut s = String::new();
    File::open(&p)?.read_to_string(&mut s)?;
    println!("last line: {:?}", s.lines().last());

    fs::hard_link(&p, root.join("hard.txt"))?;
    println!("hard link lines: {}", fs::read_to_string(root.join("hard.txt"))?.lines().count());
    match fs::hard_link(&p, root.join("hard.txt")) {
        Err(e) => println!("hard link again: os error {:?}", e.raw_os_error()),
        Ok(_) => println!("hard link again: made"),
    }
    match std::os::windows::fs::symlink_file(&p, root.join("sym.txt")) {
        Err(e) => println!("symlink: os error {:?}", e.raw_os_error()),
        Ok(_) => println!("symlink: made"),
    }

    fs::write(root.join("x.bin"), [1u8, 2, 3, 4])?;
    println!("read: {:?}", fs::read(root.join("x.bin"))?);
    fs::rename(root.join("x.bin"), root.join("a").join("y.bin"))?;
    let copied = fs::copy(root.join("a").join("y.bin"), root.join("z.bin"))?;
    println!("copied {} bytes", copied);

    let mut names: Vec<String> = fs::read_dir(root.join("a"))?
        .map(|e| e.map(|e| format!("{}{}", e.file_name().to_string_lossy(),
                                   if e.file_type().unwrap().is_dir() { "/" } else { "" })))
        .collect::<Result<_, _>>()?;
    names.sort();
    println!("read_dir a: {:?}", names);

    fs::remove_file(root.join("z.bin"))?;
    match File::open(root.join("z.bin")) {
        Err(e) => println!("open removed: {:?} (os error {:?})", e.kind(), e.raw_os_error()),
        Ok(_) => println!("open removed: still there"),
    }
    match fs::remove_dir(root.join("a")) {
        Err(e) => println!("remove_dir non-empty: os error {:?}", e.raw_os_error()),
        Ok(_) => println!("remove_dir non-empty: removed"),
    }
    fs::remove_dir_all(root)?;
    println!("removed all: {}", !root.exists());
    let e = fs::metadata(root).unwrap_err();
    println!("metadata of removed: {}", e.kind() == ErrorKind::NotFound);
    Ok(())
}
