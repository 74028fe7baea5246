// go_os: more of what Go's os and crypto packages ask of Windows: the host name
// (GetComputerNameExW), the executable's path, an os.Pipe (CreatePipe) read by another goroutine,
// crypto/rand (RtlGenRandom), a temporary directory, the time, and a deadlock that Go's scheduler
// reports itself ("all goroutines are asleep", exit code 2).
package main

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	host, err := os.Hostname()
	fmt.Println("host name:", host, err)
	exe, err := os.Executable()
	fmt.Println("executable:", filepath.Base(exe), err)

	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("os.Pipe:", err)
		os.Exit(1)
	}
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	fmt.Fprint(w, "through ", "a pipe")
	w.Close()
	fmt.Println("pipe:", <-done)

	buf := make([]byte, 32)
	n, err := rand.Read(buf)
	fmt.Println("crypto/rand:", n, err)
	fmt.Printf("sha256(abc): %x\n", sha256.Sum256([]byte("abc")))

	dir, err := os.MkdirTemp("", "go_os")
	fmt.Println("temporary directory under TEMP:", err == nil && strings.HasPrefix(dir, os.TempDir()))
	fmt.Println("removed:", os.Remove(dir) == nil)
	fmt.Println("year:", time.Now().UTC().Year())

	fmt.Println("now every goroutine waits")
	forever := make(chan int)
	<-forever
}
