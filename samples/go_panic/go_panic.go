// go_panic: a panic recovered by a deferred function, a runtime error (a nil map write) recovered
// too, then an unrecovered panic: Go prints "panic: ..." and the goroutine's trace on stderr and
// the process exits with code 2.
package main

import (
	"errors"
	"fmt"
)

func recovered() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	panic("first panic")
}

func runtimeError() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered runtime error: ", r)
		}
	}()
	var m map[string]int
	m["x"] = 1
	return "not reached"
}

func nilPointer() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	var p *int
	return fmt.Sprint(*p)
}

func inner() {
	panic(errors.New("the unrecovered one"))
}

func main() {
	fmt.Println(recovered())
	fmt.Println(runtimeError())
	fmt.Println(nilPointer())
	fmt.Println("now an unrecovered panic")
	inner()
}
