package hindi

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU returns the CPU time of the calling OS thread, so benchmarks can report
// throughput per CPU-second on a machine shared with other work. It reads
// CLOCK_THREAD_CPUTIME_ID, exact to the call (getrusage(RUSAGE_THREAD) leaves out the
// running thread's time since the last scheduler tick).
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
