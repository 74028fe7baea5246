// Go's net package on the loopback network: a TCP listener on 127.0.0.1:0 served by a goroutine,
// Dial, echo lines back and forth, UDP, LookupHost("localhost"), a refused dial, and net/http.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"syscall"
)

var failures int

func check(ok bool, what string) {
	if ok {
		fmt.Println("ok  ", what)
	} else {
		fmt.Println("FAIL", what)
		failures++
	}
}

func tcp() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err == nil, "net.Listen(tcp, 127.0.0.1:0)")
	if err != nil {
		fmt.Println("    ", err)
		return
	}
	addr := ln.Addr().(*net.TCPAddr)
	check(addr.IP.Equal(net.IPv4(127, 0, 0, 1)) && addr.Port >= 49152, "its address is 127.0.0.1 with an ephemeral port")
	done := make(chan int)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			done <- -1
			return
		}
		r := bufio.NewReader(c)
		n := 0
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				break
			}
			n++
			io.WriteString(c, strings.ToUpper(line))
		}
		c.Close()
		done <- n
	}()
	c, err := net.Dial("tcp", addr.String())
	check(err == nil, "net.Dial to it")
	if err != nil {
		fmt.Println("    ", err)
		return
	}
	r := bufio.NewReader(c)
	for _, word := range []string{"alpha", "beta", "gamma"} {
		io.WriteString(c, word+"\n")
		line, err := r.ReadString('\n')
		check(err == nil && line == strings.ToUpper(word)+"\n", "echoed upper-case: "+strings.TrimSpace(line))
	}
	c.(*net.TCPConn).CloseWrite()
	_, err = r.ReadString('\n')
	check(err == io.EOF, "after CloseWrite the server ends: io.EOF")
	check(<-done == 3, "the goroutine server saw three lines")
	c.Close()
	ln.Close()

	_, err = net.Dial("tcp", addr.String())
	var errno syscall.Errno
	check(errors.As(err, &errno) && errno == 10061, "a dial to the closed port: WSAECONNREFUSED")
}

func udp() {
	a, err := net.ListenPacket("udp", "127.0.0.1:0")
	check(err == nil, "net.ListenPacket(udp)")
	if err != nil {
		return
	}
	b, _ := net.ListenPacket("udp", "127.0.0.1:0")
	b.WriteTo([]byte("datagram"), a.LocalAddr())
	buf := make([]byte, 64)
	n, from, err := a.ReadFrom(buf)
	check(err == nil && string(buf[:n]) == "datagram" && from.String() == b.LocalAddr().String(),
		"a datagram from the other socket's address")
	a.Close()
	b.Close()
}

func lookup() {
	addrs, err := net.LookupHost("localhost")
	sort.Strings(addrs)
	check(err == nil && strings.Join(addrs, " ") == "127.0.0.1 ::1", "LookupHost(localhost): "+strings.Join(addrs, " "))
	_, err = net.LookupHost("no.such.host.example")
	check(err != nil, "LookupHost of another name fails")
}

func httpOverLoopback() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		check(false, "listen for http")
		return
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello from %s", r.URL.Path)
	})}
	go srv.Serve(ln)
	resp, err := http.Get("http://" + ln.Addr().String() + "/loopback")
	if err != nil {
		check(false, "http.Get: "+err.Error())
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	check(resp.StatusCode == 200 && string(body) == "hello from /loopback", "net/http: GET /loopback -> "+string(body))
	srv.Close()
}

func main() {
	tcp()
	udp()
	lookup()
	httpOverLoopback()
	os.Exit(failures)
}
