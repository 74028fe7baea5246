// go_hello: the Go runtime starts (its threads, timers, exception handlers), fmt prints, the
// arguments arrive through os.Args and the exit code (3 plus their lengths) through os.Exit.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("hello from Go")
	fmt.Printf("%d arguments: %s\n", len(os.Args)-1, strings.Join(os.Args[1:], ","))
	code := 3
	for _, a := range os.Args[1:] {
		code += len(a)
	}
	fmt.Printf("exit code %d\n", code)
	os.Exit(code)
}
