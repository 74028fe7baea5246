// go_files: files in the working directory (os.WriteFile, ReadFile, Stat, Rename, Remove), the
// environment (os.Getenv, Setenv, LookupEnv) and the working directory (os.Getwd).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

func check(what string, err error) {
	if err != nil {
		fmt.Println(what, "failed:", err)
		os.Exit(1)
	}
}

func main() {
	wd, err := os.Getwd()
	check("Getwd", err)
	fmt.Println("working directory is absolute:", len(wd) > 2 && wd[1] == ':')

	name := "go_files_test.txt"
	data := []byte("first line\nsecond line\n")
	check("WriteFile", os.WriteFile(name, data, 0o644))
	back, err := os.ReadFile(name)
	check("ReadFile", err)
	fmt.Printf("read back %d bytes, equal: %v\n", len(back), string(back) == string(data))

	info, err := os.Stat(name)
	check("Stat", err)
	fmt.Println("size:", info.Size(), "dir:", info.IsDir(), "name:", info.Name())

	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	check("OpenFile", err)
	_, err = f.WriteString("third line\n")
	check("WriteString", err)
	check("Close", f.Close())
	back, err = os.ReadFile(name)
	check("ReadFile", err)
	fmt.Println("lines:", len(strings.Split(strings.TrimSpace(string(back)), "\n")))

	renamed := "go_files_renamed.txt"
	check("Rename", os.Rename(name, renamed))
	_, err = os.Stat(name)
	fmt.Println("old name gone:", errors.Is(err, fs.ErrNotExist))
	check("Remove", os.Remove(renamed))
	_, err = os.ReadFile(renamed)
	fmt.Println("removed:", errors.Is(err, fs.ErrNotExist))

	fmt.Println("OS:", os.Getenv("OS"))
	fmt.Println("SystemRoot:", os.Getenv("SystemRoot"))
	check("Setenv", os.Setenv("GO_SAMPLE_VAR", "forty-two"))
	v, ok := os.LookupEnv("GO_SAMPLE_VAR")
	fmt.Println("GO_SAMPLE_VAR:", v, ok)
	_, ok = os.LookupEnv("GO_SAMPLE_UNSET")
	fmt.Println("GO_SAMPLE_UNSET set:", ok)

	dir := "go_files_dir"
	check("Mkdir", os.Mkdir(dir, 0o755))
	check("WriteFile", os.WriteFile(dir+"\\a.txt", []byte("a"), 0o644))
	entries, err := os.ReadDir(dir)
	check("ReadDir", err)
	for _, e := range entries {
		fmt.Println("entry:", e.Name())
	}
	check("RemoveAll", os.RemoveAll(dir))
	fmt.Println("done")
}
