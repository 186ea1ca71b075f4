//go:build !linux

package hindi

import "time"

func threadCPU() time.Duration { return 0 }
