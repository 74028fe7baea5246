// go_routines: goroutines on several OS threads, channels, sync.WaitGroup and sync.Mutex, time.Sleep,
// a select that times out with time.After, a ticker, and a spinning goroutine that only sysmon's
// asynchronous preemption can take the processor from; the printed results do not depend on
// scheduling.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * j
	}
	_ = id
}

func main() {
	fmt.Println("GOMAXPROCS >= 1:", runtime.GOMAXPROCS(0) >= 1)

	// A worker pool over channels.
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := 1; i <= 50; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum of squares 1..50:", sum)

	// A mutex shared by eight goroutines.
	var mu sync.Mutex
	counter := 0
	var wg2 sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for i := 0; i < 1000; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg2.Wait()
	fmt.Println("counter:", counter)

	// time.Sleep lets virtual time pass.
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept at least 20ms:", time.Since(start) >= 20*time.Millisecond)

	// A select: a channel that is never sent on loses to time.After.
	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("unexpected", v)
	case <-time.After(30 * time.Millisecond):
		fmt.Println("time.After fired")
	}

	// A select that a goroutine's send wins.
	done := make(chan string)
	go func() {
		time.Sleep(5 * time.Millisecond)
		done <- "sent"
	}()
	select {
	case s := <-done:
		fmt.Println("received", s)
	case <-time.After(5 * time.Second):
		fmt.Println("timed out")
		os.Exit(1)
	}

	// A ticker.
	ticker := time.NewTicker(10 * time.Millisecond)
	ticks := 0
	for range ticker.C {
		ticks++
		if ticks == 3 {
			break
		}
	}
	ticker.Stop()
	fmt.Println("ticks:", ticks)

	// Asynchronous preemption: with one P, a goroutine spinning without a call never yields;
	// sysmon suspends its thread, reads and rewrites its context (SuspendThread, GetThreadContext,
	// SetThreadContext, ResumeThread) so that it calls into the scheduler, and main runs again.
	runtime.GOMAXPROCS(1)
	var spins uint64
	stop := make(chan bool)
	go func() {
		for {
			spins++
			if spins == 0 {
				stop <- true
			}
		}
	}()
	time.Sleep(30 * time.Millisecond)
	fmt.Println("main ran while a goroutine spun:", spins > 0)
}
