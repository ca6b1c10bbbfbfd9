package pipeline

import (
	"runtime"
	"syscall"
)

// backgroundNice is the niceness of a background import's threads: Linux
// gives a thread of niceness 10 about a tenth of the CPU that one of 0
// gets when both want it, and all of what the other leaves.
const backgroundNice = 10

// lowerPriority runs the calling goroutine on a thread of its own at
// backgroundNice for the rest of its life. The thread is never unlocked,
// so Go ends it with the goroutine instead of handing it, still lowered,
// to other goroutines. A failure leaves the priority as it was: the import
// is then only slower to give way.
func lowerPriority() {
	runtime.LockOSThread()
	// On Linux a thread id names one thread for setpriority.
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), backgroundNice)
}
