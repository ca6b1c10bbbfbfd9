package pipeline

import (
	"syscall"
	"testing"
)

// TestLowerPriority checks that lowerPriority lowers the calling
// goroutine's thread alone: the test's own thread keeps its niceness.
func TestLowerPriority(t *testing.T) {
	nice := func() int {
		// The raw system call returns 20 - niceness.
		p, err := syscall.Getpriority(syscall.PRIO_PROCESS, syscall.Gettid())
		if err != nil {
			t.Fatal(err)
		}
		return 20 - p
	}
	before := nice()
	if before >= backgroundNice {
		t.Skipf("the test runs at niceness %d already", before)
	}
	got := make(chan int)
	go func() {
		lowerPriority()
		got <- nice()
	}()
	if n := <-got; n != backgroundNice {
		t.Errorf("a lowered thread's niceness is %d, want %d", n, backgroundNice)
	}
	if n := nice(); n != before {
		t.Errorf("the caller's thread went from niceness %d to %d", before, n)
	}
}
