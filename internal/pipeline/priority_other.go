//go:build !linux

package pipeline

// lowerPriority does nothing where a thread's priority cannot be set on its
// own (elsewhere than Linux, setpriority applies to the whole process).
func lowerPriority() {}
