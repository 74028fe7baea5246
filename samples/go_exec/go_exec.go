// go_exec: os/exec and os.StartProcess as Go uses them on Windows. The program starts itself
// (C:\app\go_exec.exe) in a child role named by its first argument: CreateProcessW with
// EXTENDED_STARTUPINFO_PRESENT and PROC_THREAD_ATTRIBUTE_HANDLE_LIST, pipes for stdin/stdout/stderr,
// environment blocks, current directories, exit codes, TerminateProcess, GetProcessTimes,
// OpenProcess (os.FindProcess), LookPath through PATH and PATHEXT, and os.Getppid (toolhelp).
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// child runs one role and returns its exit code.
func child(role string, args []string) int {
	switch role {
	case "echo":
		for i, a := range args {
			fmt.Printf("arg %d: [%s]\n", i, a)
		}
	case "exit":
		n, _ := strconv.Atoi(args[0])
		fmt.Println("leaving with", n)
		return n
	case "upper":
		b, _ := io.ReadAll(os.Stdin)
		fmt.Print(strings.ToUpper(string(b)))
	case "lines":
		s := bufio.NewScanner(os.Stdin)
		for s.Scan() {
			fmt.Printf("%d:%s\n", len(s.Text()), s.Text())
		}
	case "both":
		fmt.Fprintln(os.Stdout, "to stdout")
		fmt.Fprintln(os.Stderr, "to stderr")
	case "env":
		var names []string
		for _, kv := range os.Environ() {
			if strings.HasPrefix(kv, "GOEXEC_") {
				names = append(names, kv)
			}
		}
		sort.Strings(names)
		fmt.Println(strings.Join(names, " "), "count", len(os.Environ()))
	case "pwd":
		wd, err := os.Getwd()
		fmt.Println(wd, err)
	case "ppid":
		fmt.Println(os.Getppid() == mustAtoi(args[0]))
	case "wait":
		// blocks until killed: its stdin is a pipe the parent never closes
		io.ReadAll(os.Stdin)
		fmt.Println("not killed")
	case "spin":
		x := 0
		for i := 0; i < 2000000; i++ {
			x += i % 7
		}
		fmt.Println("spun", x)
	default:
		fmt.Println("unknown role", role)
		return 3
	}
	return 0
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func check(what string, ok bool) {
	if ok {
		fmt.Println("ok  ", what)
	} else {
		fmt.Println("FAIL", what)
	}
}

func main() {
	if len(os.Args) > 2 && os.Args[1] == "child" {
		os.Exit(child(os.Args[2], os.Args[3:]))
	}
	self, err := os.Executable()
	fmt.Println("executable:", self, err)

	// DOS device names: os.DevNull ("NUL") is what a child gets for a stdin left unset.
	for _, name := range []string{"NUL", `C:\app\con.txt`, "nul .txt", "COM1:", `C:\app\nul\x`, `C:\app\lpt10`} {
		full, err := syscall.FullPath(name)
		fmt.Printf("FullPath(%q) = %q %v\n", name, full, err)
	}

	// CON for writing is the console's output; for reading and writing at once it is nothing.
	con, err := os.OpenFile("CON", os.O_WRONLY, 0)
	if err == nil {
		fmt.Fprintln(con, "written to CON")
		con.Close()
	}
	_, err = os.OpenFile("con", os.O_RDWR, 0)
	fmt.Println("CON for reading and writing:", err)

	// Output: stdout through a pipe, the arguments quoted by makeCmdLine and split by the child.
	out, err := exec.Command(self, "child", "echo", "plain", "two words", `q"uote`, `back\slash\`, "").Output()
	fmt.Printf("Output: %q %v\n", out, err)

	// CombinedOutput: stdout and stderr on the one pipe, in order.
	out, err = exec.Command(self, "child", "both").CombinedOutput()
	fmt.Printf("CombinedOutput: %q %v\n", out, err)

	// Separate Stdout and Stderr buffers.
	var so, se strings.Builder
	cmd := exec.Command(self, "child", "both")
	cmd.Stdout, cmd.Stderr = &so, &se
	err = cmd.Run()
	fmt.Printf("Stdout %q Stderr %q %v\n", so.String(), se.String(), err)

	// The child writes straight to this process's stdout and stderr (the console handles inherited).
	cmd = exec.Command(self, "child", "echo", "on our stdout")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	fmt.Println("Run with os.Stdout:", cmd.Run())

	// Run with an exit code: *exec.ExitError.
	err = exec.Command(self, "child", "exit", "7").Run()
	var ee *exec.ExitError
	check("exit 7 is an *exec.ExitError", errors.As(err, &ee))
	if ee != nil {
		fmt.Println("error:", err, "ExitCode:", ee.ExitCode(), "Exited:", ee.Exited(), "Success:", ee.Success())
	}
	out, err = exec.Command(self, "child", "exit", "300").Output()
	if errors.As(err, &ee) {
		fmt.Printf("exit 300: %q %v code %d\n", out, err, ee.ExitCode())
	}

	// Stdin from a reader.
	cmd = exec.Command(self, "child", "upper")
	cmd.Stdin = strings.NewReader("from a strings.Reader\n")
	out, err = cmd.Output()
	fmt.Printf("Stdin: %q %v\n", out, err)

	// No Stdin: the child reads NUL, which ends at once.
	out, err = exec.Command(self, "child", "upper").Output()
	fmt.Printf("Stdin from NUL: %q %v\n", out, err)

	// StdinPipe and StdoutPipe with Start and Wait.
	cmd = exec.Command(self, "child", "lines")
	in, _ := cmd.StdinPipe()
	pout, _ := cmd.StdoutPipe()
	check("Start", cmd.Start() == nil)
	go func() {
		for _, l := range []string{"alpha", "", "gamma delta"} {
			fmt.Fprintln(in, l)
		}
		in.Close()
	}()
	got, _ := io.ReadAll(pout)
	err = cmd.Wait()
	fmt.Printf("pipes: %q %v\n", got, err)
	ps := cmd.ProcessState
	check("ProcessState.Pid is the started process's", ps.Pid() == cmd.Process.Pid)
	check("ProcessState.Success", ps.Success() && ps.ExitCode() == 0 && ps.Exited())
	check("UserTime and SystemTime are not negative", ps.UserTime() >= 0 && ps.SystemTime() >= 0)
	fmt.Println("ProcessState:", ps.String())

	// A child that computes: its CPU time shows in GetProcessTimes.
	cmd = exec.Command(self, "child", "spin")
	out, err = cmd.Output()
	fmt.Printf("spin: %q %v\n", out, err)
	check("a computing child has user time", cmd.ProcessState.UserTime() > 0)
	check("and less than a minute of it", cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime() < time.Minute)

	// cmd.Env: only what is given (Windows adds SYSTEMROOT when it is missing).
	cmd = exec.Command(self, "child", "env")
	cmd.Env = []string{"GOEXEC_B=2", "GOEXEC_A=one=1"}
	out, err = cmd.Output()
	fmt.Printf("Env: %q %v\n", out, err)
	cmd = exec.Command(self, "child", "env")
	cmd.Env = append(os.Environ(), "GOEXEC_INHERITED=yes")
	out, _ = cmd.Output()
	fmt.Println("Env appended:", strings.Fields(string(out))[0])

	// cmd.Dir.
	cmd = exec.Command(self, "child", "pwd")
	cmd.Dir = `C:\Windows`
	out, err = cmd.Output()
	fmt.Printf("Dir: %q %v\n", out, err)
	cmd = exec.Command(self, "child", "pwd")
	cmd.Dir = `C:\no\such\folder`
	err = cmd.Run()
	fmt.Println("Dir missing:", err)

	// Process.Kill: TerminateProcess with exit code 1.
	cmd = exec.Command(self, "child", "wait")
	keep, _ := cmd.StdinPipe()
	cmd.Start()
	check("Kill", cmd.Process.Kill() == nil)
	err = cmd.Wait()
	fmt.Println("killed:", err, cmd.ProcessState.ExitCode())
	keep.Close()
	fmt.Println("Kill after Wait:", cmd.Process.Kill())

	// os.StartProcess with explicit files, and os.FindProcess (OpenProcess).
	r, w, _ := os.Pipe()
	p, err := os.StartProcess(self, []string{self, "child", "exit", "5"}, &os.ProcAttr{Files: []*os.File{nil, w, w}})
	w.Close()
	check("os.StartProcess", err == nil)
	found, err := os.FindProcess(p.Pid)
	check("os.FindProcess of the child", err == nil)
	b, _ := io.ReadAll(r)
	st, err := found.Wait()
	fmt.Printf("StartProcess: %q, through FindProcess: exit %d %v\n", b, st.ExitCode(), err)
	st2, err := p.Wait()
	fmt.Println("and its own handle:", st2.ExitCode(), err)
	_, err = os.FindProcess(0x7ffffff0)
	fmt.Println("FindProcess of nothing:", err)

	// SysProcAttr.ParentProcess (PROC_THREAD_ATTRIBUTE_PARENT_PROCESS): the child's parent is a
	// process of ours, its standard handles duplicated into that process first.
	waiter := exec.Command(self, "child", "wait")
	hold, _ := waiter.StdinPipe()
	waiter.Start()
	const processCreateProcess, processDupHandle = 0x0080, 0x0040
	ph, err := syscall.OpenProcess(processCreateProcess|processDupHandle|syscall.PROCESS_QUERY_INFORMATION, false, uint32(waiter.Process.Pid))
	check("OpenProcess for PROCESS_CREATE_PROCESS", err == nil)
	cmd = exec.Command(self, "child", "ppid", strconv.Itoa(waiter.Process.Pid))
	cmd.SysProcAttr = &syscall.SysProcAttr{ParentProcess: ph}
	out, err = cmd.Output()
	fmt.Printf("with ParentProcess, Getppid is that process: %q %v\n", out, err)
	syscall.CloseHandle(ph)
	waiter.Process.Kill()
	waiter.Wait()
	hold.Close()

	// CreationFlags and a full 32-bit exit code.
	cmd = exec.Command(self, "child", "exit", "-1")
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP}
	err = cmd.Run()
	fmt.Println("CREATE_NEW_PROCESS_GROUP, exit -1:", err, cmd.ProcessState.ExitCode())

	// Stdout to a file of ours.
	f, _ := os.CreateTemp("", "go_exec")
	cmd = exec.Command(self, "child", "echo", "into a file")
	cmd.Stdout = f
	err = cmd.Run()
	f.Close()
	b, _ = os.ReadFile(f.Name())
	fmt.Printf("to a file: %q %v, removed %v\n", b, err, os.Remove(f.Name()) == nil)

	// os.Getppid in the child is this process's id.
	out, _ = exec.Command(self, "child", "ppid", strconv.Itoa(os.Getpid())).Output()
	fmt.Printf("child's Getppid is our pid: %s", out)

	// LookPath through PATH and PATHEXT.
	dir := filepath.Dir(self)
	os.Setenv("PATH", `C:\nowhere;`+dir)
	path, err := exec.LookPath("go_exec")
	fmt.Println("LookPath(go_exec):", path, err)
	path, err = exec.LookPath("GO_EXEC.EXE")
	fmt.Println("LookPath(GO_EXEC.EXE):", path, err)
	os.Setenv("PATHEXT", ".COM")
	_, err = exec.LookPath("go_exec")
	fmt.Println("with PATHEXT=.COM:", err)
	os.Setenv("PATHEXT", ".COM;.EXE")
	out, err = exec.Command("go_exec", "child", "echo", "by name").Output()
	fmt.Printf("by name: %q %v\n", out, err)

	// A program that is nowhere.
	err = exec.Command("no_such_program", "x").Run()
	fmt.Println("missing:", err)
	check("errors.Is(err, exec.ErrNotFound)", errors.Is(err, exec.ErrNotFound))
	err = exec.Command(`C:\app\no_such_program.exe`).Run()
	fmt.Println("missing by path:", err)
	check("errors.Is(err, os.ErrNotExist)", errors.Is(err, os.ErrNotExist))
	fmt.Println("done")
}
