package main

import (
	"sort"
	"testing"
)

// TestHelpAndBadFlagsExitCodes checks every subcommand the same way: asking
// for help succeeds, an unknown flag is a usage error.
func TestHelpAndBadFlagsExitCodes(t *testing.T) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) < 7 {
		t.Fatalf("only %d subcommands registered: %v", len(names), names)
	}
	for _, name := range names {
		for _, tc := range []struct {
			arg  string
			want int
		}{{"-h", 0}, {"--no-such-flag", 2}} {
			t.Run(name+" "+tc.arg, func(t *testing.T) {
				if code, _, _ := run(name, tc.arg); code != tc.want {
					t.Errorf("atlas %s %s exited %d, want %d", name, tc.arg, code, tc.want)
				}
			})
		}
	}
	if code, _, _ := run("no-such-command"); code != 2 {
		t.Errorf("unknown command exited %d, want 2", code)
	}
}
